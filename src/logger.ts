/** Structured logs (pino). Every string that may hold personal numbers passes maskText first. */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', '*.authorization', 'token', '*.token', 'secret', '*.secret'], censor: '[redacted]' },
  });
}

/** For tests and tools: a logger that writes nowhere. */
export const silentLogger: Logger = pino({ level: 'silent' });
