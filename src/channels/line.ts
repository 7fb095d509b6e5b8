/**
 * The LINE official account (Messaging API). The signature is checked on the raw body before
 * any parsing; LINE gets its 200 at once (its webhook times out after 2 seconds and the reply
 * token is short-lived), then each user's events are handled in order. A reply the token no
 * longer allows is sent as a push message with an X-Line-Retry-Key.
 */
import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { HTTPFetchError, messagingApi, validateSignature } from '@line/bot-sdk';
import type { Config } from '../config.js';
import type { DialogEngine } from '../dialogs/engine.js';
import type { InboundEvent } from '../dialogs/types.js';
import type { Clock } from '../knowledge/calendar.js';
import { langFromTag, type Lang } from '../knowledge/languages.js';
import type { Logger } from '../logger.js';
import { maskUserId } from '../suspension/mask.js';
import { HttpError } from './http-errors.js';
import { parseLineEvent, type HelplineLineEvent } from './line-events.js';
import { renderLineMessages } from './line-render.js';
import { DEFAULT_MENU_LANG, RichMenuLinker } from './line-richmenu.js';

interface LineDeps {
  config: Config;
  engine: DialogEngine;
  clock: Clock;
  logger: Logger;
}

export interface LineChannel {
  router: Router;
  /** Resolves when every event received so far has been handled (tests, graceful shutdown). */
  drain(): Promise<void>;
}

const PUSH_ATTEMPTS = 3;

function conversationOf(source: HelplineLineEvent['source']): { id: string; to: string } {
  if (source.type === 'user') return { id: source.userId, to: source.userId };
  if (source.type === 'group') return { id: source.groupId, to: source.groupId };
  return { id: source.roomId, to: source.roomId };
}

const isExpiredToken = (error: unknown) =>
  error instanceof HTTPFetchError && error.status === 400 && /reply token/i.test(error.body);

export function lineChannel(deps: LineDeps): LineChannel {
  const { config, engine, logger } = deps;
  const router = express.Router();
  const queues = new Map<string, Promise<void>>();
  const drain = async () => {
    while (queues.size > 0) await Promise.all([...queues.values()]);
  };
  const secret = config.lineChannelSecret;
  const token = config.lineChannelAccessToken;
  if (!secret || !token) throw new Error('the LINE channel needs LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN');
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: config.lineApiBaseUrl });
  const richMenus = new RichMenuLinker(client, logger);

  async function profileLanguage(userId: string): Promise<Lang | undefined> {
    try {
      return langFromTag((await client.getProfile(userId)).language);
    } catch (error) {
      logger.warn({ err: error, user: maskUserId(userId) }, 'LINE profile not read');
      return undefined;
    }
  }

  async function send(replyToken: string | undefined, to: string, messages: messagingApi.Message[]): Promise<void> {
    if (replyToken) {
      try {
        await client.replyMessage({ replyToken, messages });
        return;
      } catch (error) {
        if (!isExpiredToken(error)) throw error;
        logger.warn({ to: maskUserId(to) }, 'reply token expired: sending as a push message');
      }
    }
    // The same retry key on every attempt: LINE delivers a push once however often it is retried.
    const retryKey = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        await client.pushMessage({ to, messages }, retryKey);
        return;
      } catch (error) {
        const retriable = !(error instanceof HTTPFetchError) || error.status >= 500;
        if (!retriable || attempt >= PUSH_ATTEMPTS) throw error;
      }
    }
  }

  async function handle(event: HelplineLineEvent): Promise<void> {
    const conversation = conversationOf(event.source);
    if (event.type === 'unfollow') {
      await engine.forget('line', conversation.id);
      return;
    }
    const base = {
      channel: 'line' as const,
      conversationId: conversation.id,
      receivedAt: deps.clock(),
      ...(event.webhookEventId ? { eventId: event.webhookEventId } : {}),
    };
    let inbound: InboundEvent | undefined;
    if (event.type === 'message') {
      const { message } = event;
      inbound = 'text' in message ? { ...base, kind: 'text', text: message.text } : { ...base, kind: 'unsupported', what: message.type };
    } else if (event.type === 'postback') {
      inbound = { ...base, kind: 'choice', choice: event.postback.data };
    } else {
      inbound = { ...base, kind: 'follow' };
    }
    // A first contact that is not text to detect from: the LINE profile's language.
    if (inbound.kind !== 'text' && event.source.type === 'user' && !(await engine.peekSession('line', conversation.id).catch(() => undefined))) {
      const lang = await profileLanguage(conversation.id);
      if (lang) inbound = { ...inbound, langHint: lang };
    }
    const result = await engine.handle(inbound);
    if (result.duplicate) {
      logger.info({ eventId: event.webhookEventId }, 'LINE event already handled: redelivery ignored');
      return;
    }
    const { lang } = result.reply!;
    await send(event.replyToken, conversation.to, renderLineMessages(result.reply!));
    logger.info({ user: maskUserId(conversation.id), kind: inbound.kind, lang, intent: result.reply!.intent }, 'LINE turn');
    // The rich menu in the user's language: on first contact (Japanese is everyone's default)
    // and whenever the conversation's language changes. Behind the reply: it costs no wait.
    const menuChanged = result.langBefore === undefined ? lang !== DEFAULT_MENU_LANG : result.langBefore !== lang;
    if (event.source.type === 'user' && menuChanged) await richMenus.link(conversation.id, lang);
  }

  /** One user's events run one after another, in the order LINE sent them. */
  function enqueue(key: string, event: HelplineLineEvent): void {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => handle(event))
      .catch((error: unknown) => logger.error({ err: error, user: maskUserId(key) }, 'LINE event failed'));
    queues.set(key, next);
    void next.then(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  }

  router.post('/line/webhook', express.raw({ type: () => true, limit: '1mb' }), (req, res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get('x-line-signature');
    if (!signature || !validateSignature(body, secret, signature)) {
      next(new HttpError(401, 'bad_signature', 'x-line-signature is missing or does not match the body.'));
      return;
    }
    let entries: unknown[];
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { events?: unknown } | null;
      if (!parsed || !Array.isArray(parsed.events)) throw new Error('no events array');
      entries = parsed.events;
    } catch {
      next(new HttpError(400, 'invalid_json', 'The body is not a LINE webhook JSON object with an events array.'));
      return;
    }
    res.status(200).json({});
    // An entry that does not fit the shape the helpline reads is skipped; the others are answered.
    entries.forEach((entry, index) => {
      const parsed = parseLineEvent(entry);
      if (parsed.ok) enqueue(conversationOf(parsed.event.source).id, parsed.event);
      else if (!parsed.ignored) logger.warn({ index, problem: parsed.problem }, 'LINE event skipped: it does not fit the webhook event shape');
    });
  });

  return { router, drain };
}
