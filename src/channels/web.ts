/** The web chat: POST /api/chat (JSON, per the contract) and the chat page at GET /. */
import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { DialogEngine } from '../dialogs/engine.js';
import type { InboundEvent } from '../dialogs/types.js';
import type { Clock } from '../knowledge/calendar.js';
import type { Logger } from '../logger.js';
import { maskUserId } from '../suspension/mask.js';
import { isLang, LANGS } from '../knowledge/languages.js';
import { renderChat } from './chat-render.js';
import { HttpError } from './http-errors.js';
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

const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** GET /: the chat page (served after the security headers are set). */
export function chatPageRouter(): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(renderChatPage());
  });
  return router;
}

export const CHAT_API_PATH = '/api/chat';

/**
 * POST /api/chat, one turn of the web chat: its handlers, which the app mounts directly (the
 * busiest route, so it does not go through a router of its own).
 */
export function chatApiHandlers(deps: { engine: DialogEngine; rateLimiter: RateLimiter; clock: Clock; logger: Logger }): RequestHandler[] {
  const turn: RequestHandler = async (req, res, next) => {
    try {
      const request = parseChatRequest(req.body);
      const sessionId = request.sessionId ?? randomUUID();
      await deps.rateLimiter.check([`session:${sessionId}`, `ip:${clientAddress(req)}`]);
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
      res.json({ sessionId, ...renderChat(reply) });
    } catch (error) {
      next(error);
    }
  };
  return [express.json({ limit: '16kb', type: () => true }), turn];
}
