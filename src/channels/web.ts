/** The web chat: POST /api/chat (JSON, per the contract) and the chat page at GET /. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import proxyaddr from 'proxy-addr';
import type { DialogEngine } from '../dialogs/engine.js';
import type { InboundEvent } from '../dialogs/types.js';
import type { Clock } from '../knowledge/calendar.js';
import type { Logger } from '../logger.js';
import { maskUserId } from '../suspension/mask.js';
import { isLang, LANGS } from '../knowledge/languages.js';
import { renderChat } from './chat-render.js';
import { answerForError, bodyError, HttpError } from './http-errors.js';
import { renderChatPage } from './web-page.js';
import type { RateLimiter } from './rate-limit.js';

const SESSION_ID = /^[A-Za-z0-9_-]{8,100}$/;
const MAX_TEXT = 2000;
const MAX_POSTBACK = 300;

interface ChatRequest { sessionId?: string; text?: string; postback?: string; lang?: string }

function parseChatRequest(body: unknown): ChatRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_shape', 'Send a JSON object: {"sessionId"?, "text" or "postback", "lang"?}.');
  }
  const { sessionId, text, postback, lang } = body as Record<string, unknown>;
  if (sessionId !== undefined && (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId))) {
    throw new HttpError(400, 'invalid_session', 'sessionId must be a string of 8 to 100 letters, digits, "-" or "_".');
  }
  if (lang !== undefined && !isLang(lang)) {
    throw new HttpError(400, 'unknown_lang', `lang must be one of ${LANGS.join(', ')}.`);
  }
  const hasText = text !== undefined;
  const hasPostback = postback !== undefined;
  if (hasText === hasPostback) throw new HttpError(400, 'invalid_shape', 'Send exactly one of "text" or "postback".');
  if (hasText && (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT)) {
    throw new HttpError(400, 'invalid_text', `text must be a non-empty string of at most ${MAX_TEXT} characters.`);
  }
  if (hasPostback && (typeof postback !== 'string' || postback === '' || postback.length > MAX_POSTBACK)) {
    throw new HttpError(400, 'invalid_postback', `postback must be a non-empty string of at most ${MAX_POSTBACK} characters.`);
  }
  return { sessionId, text, postback, lang } as ChatRequest;
}

/** GET /: the chat page (served after the security headers are set). */
export function chatPageRouter(): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(renderChatPage());
  });
  return router;
}

export const CHAT_API_PATH = '/api/chat';
const MAX_BODY_BYTES = 16 * 1024;

/**
 * POST and OPTIONS on /api/chat, as Express would route them: a query string, a trailing slash,
 * any letter case, and an absolute URL as a proxy may send it.
 */
export function isChatApiRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST' && req.method !== 'OPTIONS') return false;
  let url = req.url ?? '';
  if (!url.startsWith('/')) url = URL.canParse(url) ? new URL(url).pathname : '';
  const end = url.indexOf('?');
  const path = (end < 0 ? url : url.slice(0, end)).toLowerCase();
  return path === CHAT_API_PATH || path === `${CHAT_API_PATH}/`;
}

/** The body as JSON: at most 16 KiB, UTF-8, not compressed; an empty body is an empty object. */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return reject(bodyError('encoding.unsupported'));
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return reject(bodyError('charset.unsupported'));
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(bodyError('entity.too.large', MAX_BODY_BYTES));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        reject(bodyError('entity.too.large', MAX_BODY_BYTES));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', () => reject(new HttpError(400, 'request_aborted', 'The request body did not arrive whole.')));
    req.once('end', () => {
      if (size > MAX_BODY_BYTES) return;
      // A leading byte-order mark is allowed, as body-parser allowed it.
      const text = Buffer.concat(chunks, size).toString('utf8').replace(/^\uFEFF/, '');
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch {
        reject(bodyError('entity.parse.failed'));
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(json)) });
  res.end(json);
}

/** The chat may be embedded on the town's site: CORS for the listed origins only. */
function corsHeaders(allowed: ReadonlySet<string>, origin: string | undefined): Record<string, string> | undefined {
  if (!origin || !allowed.has(origin)) return undefined;
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Allow-Methods': 'POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' };
}

export interface ChatApiDeps {
  engine: DialogEngine;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  origins: readonly string[];
  /** The town's reverse proxies (TRUST_PROXY): a client address comes from X-Forwarded-For only through them. */
  trustProxy: string[];
}

/**
 * POST /api/chat, one turn of the web chat, and its CORS preflight: a plain Node request
 * listener that the app puts before Express. This is the busiest route, and Express's request
 * handling cost more than the turn's own work here (measured with `npm run bench`).
 */
export function chatApi(deps: ChatApiDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const origins = new Set(deps.origins);
  const trustedProxy = proxyaddr.compile(deps.trustProxy);
  const turn = async (req: IncomingMessage): Promise<unknown> => {
    const request = parseChatRequest(await readJsonBody(req));
    const sessionId = request.sessionId ?? randomUUID();
    await deps.rateLimiter.check([`session:${sessionId}`, `ip:${proxyaddr(req, trustedProxy)}`]);
    const base = {
      channel: 'web' as const,
      conversationId: sessionId,
      receivedAt: deps.clock(),
      ...(isLang(request.lang) ? { langHint: request.lang } : {}),
    };
    const event: InboundEvent =
      request.text !== undefined
        ? { ...base, kind: 'text', text: request.text }
        : request.postback === 'start'
          ? { ...base, kind: 'start' }
          : { ...base, kind: 'choice', choice: request.postback! };
    const result = await deps.engine.handle(event);
    const reply = result.reply!;
    deps.logger.info({ session: maskUserId(sessionId), lang: reply.lang, intent: reply.intent, report: reply.reportId, degraded: result.degraded }, 'web turn');
    return { sessionId, ...renderChat(reply) };
  };
  return (req, res) => {
    const cors = corsHeaders(origins, req.headers.origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(cors ? 204 : 403, cors ?? {}).end();
      return;
    }
    turn(req).then(
      (body) => sendJson(res, 200, body, cors),
      (error: unknown) => {
        const { status, headers, body } = answerForError(error, CHAT_API_PATH, deps.logger);
        // A body too large is not read to its end: the connection closes after the answer.
        sendJson(res, status, body, { ...cors, ...headers, ...(status === 413 ? { Connection: 'close' } : {}) });
      },
    ).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'chat answer not sent');
      res.destroy();
    });
  };
}
