import { createHmac, randomUUID } from 'node:crypto';
import { validateSignature } from '@line/bot-sdk';
import { CHANNEL_SECRET } from './fake-line.js';

/** x-line-signature: base64 HMAC-SHA256 of the raw body with the channel secret (checked with the SDK). */
export function sign(body: string, secret = CHANNEL_SECRET): string {
  const signature = createHmac('sha256', secret).update(body).digest('base64');
  if (!validateSignature(body, secret, signature)) throw new Error('test signature does not verify with the SDK');
  return signature;
}

export const userId = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

let clockMs = Date.UTC(2026, 11, 2, 1, 0, 0);

export function lineEvent(user: string, type: string, extra: Record<string, unknown> = {}, options: { redelivery?: boolean; eventId?: string } = {}) {
  return {
    type,
    mode: 'active',
    timestamp: (clockMs += 1000),
    source: { type: 'user', userId: user },
    webhookEventId: options.eventId ?? `01${randomUUID().replace(/-/g, '').slice(0, 24).toUpperCase()}`,
    deliveryContext: { isRedelivery: options.redelivery ?? false },
    replyToken: randomUUID().replace(/-/g, ''),
    ...extra,
  };
}

export const textEvent = (user: string, text: string, options?: Parameters<typeof lineEvent>[3]) =>
  lineEvent(user, 'message', { message: { id: String(clockMs), type: 'text', quoteToken: 'q', text } }, options);

export const webhookBody = (events: unknown[]) => JSON.stringify({ destination: 'U' + 'f'.repeat(32), events });
