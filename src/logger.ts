/** Structured logs (pino). Every string that may hold personal numbers passes maskText first. */
import { destination as pinoDestination, pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * `buffered` (the server): lines are written to stdout in blocks of 4 KB, or after a second
 * at most, instead of one write per line (pino's asynchronous mode; it flushes on exit).
 */
export function createLogger(level = 'info', options: { buffered?: boolean } = {}): Logger {
  const destination = options.buffered ? pinoDestination({ dest: 1, sync: false, minLength: 4096 }) : undefined;
  const logger = pino(
    {
      level,
      base: undefined,
      redact: { paths: ['req.headers.authorization', '*.authorization', 'token', '*.token', 'secret', '*.secret'], censor: '[redacted]' },
    },
    destination,
  );
  if (destination) setInterval(() => logger.flush(), 1000).unref();
  return logger;
}

/** For tests and tools: a logger that writes nowhere. */
export const silentLogger: Logger = pino({ level: 'silent' });
