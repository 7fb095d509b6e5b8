import type { ErrorRequestHandler, Response } from 'express';
import { NUMBERS, PHONES } from '../knowledge/facts.js';
import type { Logger } from '../logger.js';

/** An error a client caused, with a stable code; mapped to a status at the edge. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json(answer(status, code, message).body);
}

/** What a client is answered for an error: a 4xx that says what to fix, or a 500 that still gives the lost-card line. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string } };
}

/**
 * Request-body errors by body-parser's `type` (the chat API reads its body itself and uses the
 * same); `limit` is the route's size limit in bytes, as body-parser gives it.
 */
const BODY_ERRORS: Record<string, (limit: number) => [status: number, code: string, message: string]> = {
  'entity.too.large': (limit) => [413, 'body_too_large', `The request body is larger than ${Math.round(limit / 1024)} KiB.`],
  'entity.parse.failed': () => [400, 'invalid_json', 'The request body is not valid JSON.'],
  'parameters.too.many': () => [413, 'too_many_fields', 'The request body has too many fields.'],
  'encoding.unsupported': () => [415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.'],
  'charset.unsupported': () => [415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.'],
};

/** The HttpError for a request body that cannot be read. */
export function bodyError(type: keyof typeof BODY_ERRORS, limit = 0): HttpError {
  const [status, code, message] = BODY_ERRORS[type]!(limit);
  return new HttpError(status, code, message);
}

function answer(status: number, code: string, message: string, headers: Record<string, string> = {}): ErrorAnswer {
  return { status, headers, body: { error: { code, message } } };
}

/**
 * HttpErrors and body-parser's errors become 4xx answers; anything else is logged and is a 500. `path` only: queries and
 * bodies may hold personal data.
 */
export function answerForError(err: unknown, path: string, logger: Logger): ErrorAnswer {
  if (err instanceof HttpError) {
    logger.info({ status: err.status, code: err.code, path }, 'request refused');
    return answer(err.status, err.code, err.message, err.headers);
  }
  const { type, limit } = (err ?? {}) as { type?: string; limit?: number };
  if (type !== undefined && Object.hasOwn(BODY_ERRORS, type)) return answer(...BODY_ERRORS[type]!(limit ?? 0));
  const status = (err as { status?: number } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return answer(status, 'bad_request', 'The request could not be read.');
  logger.error({ err }, 'unhandled error');
  return answer(500, 'internal', `Something went wrong. Lost card: ${PHONES.freeDial.display} (option ${NUMBERS.freeDialOption}), 24 hours.`);
}

/** The Express app's last handler: every error as JSON (see answerForError). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, headers, body } = answerForError(err, req.path, logger);
    res.status(status).set(headers).json(body);
  };
}
