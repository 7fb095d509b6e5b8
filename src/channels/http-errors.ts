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
  res.status(status).json({ error: { code, message } });
}

/** Body-parser errors and HttpErrors become 4xx JSON; anything else is logged and is a 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpError) {
      // The path only: queries and bodies may hold personal data.
      logger.info({ status: err.status, code: err.code, path: req.path }, 'request refused');
      res.set(err.headers);
      sendError(res, err.status, err.code, err.message);
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 413, 'body_too_large', 'The request body is larger than 16 KiB.');
    if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, 415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
    }
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status, 'bad_request', 'The request could not be read.');
    }
    logger.error({ err }, 'unhandled error');
    sendError(res, 500, 'internal', `Something went wrong. Lost card: ${PHONES.freeDial.display} (option ${NUMBERS.freeDialOption}), 24 hours.`);
  };
}
