/** Structured logs (pino). Every string that may hold personal numbers passes maskText first. */
import { destination as pinoDestination, pino, stdSerializers, type DestinationStream, type Logger as PinoLogger, type LoggerOptions } from 'pino';

export type Logger = PinoLogger;

const SECRET_KEYS = new Set(['authorization', 'token', 'secret']);
const CENSOR = '[redacted]';
const REDACT_DEPTH = 3;

/** Objects whose fields are looked into: not arrays, and not errors (the `err` serializer redacts those). */
const hasFields = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error) && !ArrayBuffer.isView(value);

/**
 * A logged object with every field named authorization, token or secret (at any of its first
 * three levels) replaced by "[redacted]". Objects without such a field are returned as they are:
 * pino's own `redact` option copies every logged object deeply, on every line.
 */
export function redactSecrets(object: Record<string, unknown>, depth = 1): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = object[key];
    let replaced = value;
    if (SECRET_KEYS.has(key.toLowerCase())) replaced = CENSOR;
    else if (depth < REDACT_DEPTH && hasFields(value)) replaced = redactSecrets(value, depth + 1);
    if (replaced !== value) {
      copy ??= { ...object };
      copy[key] = replaced;
    }
  }
  return copy ?? object;
}

/** The options of every logger of the server (tests build their capturing loggers with them too). */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: undefined,
    formatters: { log: redactSecrets },
    // An error's own fields (a client error may carry a token) are redacted once it is serialized.
    serializers: {
      err: (error: Error) => {
        const serialized: unknown = stdSerializers.err(error);
        return hasFields(serialized) ? redactSecrets(serialized) : serialized;
      },
    },
  };
}

/**
 * `buffered` (the server): lines are written to stdout in blocks of 4 KB, or after a second
 * at most, instead of one write per line (pino's asynchronous mode; it flushes on exit).
 */
export function createLogger(level = 'info', options: { buffered?: boolean; destination?: DestinationStream } = {}): Logger {
  const destination = options.destination ?? (options.buffered ? pinoDestination({ dest: 1, sync: false, minLength: 4096 }) : undefined);
  const logger = pino(loggerOptions(level), destination);
  if (options.buffered && !options.destination) setInterval(() => logger.flush(), 1000).unref();
  return logger;
}

/** For tests and tools: a logger that writes nowhere. */
export const silentLogger: Logger = pino({ level: 'silent' });
