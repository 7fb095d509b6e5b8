/**
 * Signed, well-formed-looking bodies whose fields have the wrong type (numbers, lists, objects,
 * null, very long strings where strings belong, objects missing), sent to the server as
 * `npm start` runs it: a separate process, so that an exit or an unhandled rejection is seen as
 * it would be in production. No request may get a 5xx, the process must not exit, no rejection
 * may go unhandled, and the helpline must still answer residents afterwards.
 */
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi } from '../helpers/fake-line.js';
import { lineEvent, sign, textEvent, userId, webhookBody } from '../helpers/line-webhook.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { prng } from '../helpers/prng.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL } from '../helpers/twilio-call.js';

const PER_CHANNEL = 2000;
const r = prng(20261204);

/** A value of the wrong type for wherever it lands. */
function confused(): unknown {
  switch (r.int(9)) {
    case 0: return r.int(2 ** 31) - 2 ** 30;
    case 1: return r.next() < 0.5;
    case 2: return null;
    case 3: return [];
    case 4: return [r.int(9), 'x', null];
    case 5: return {};
    case 6: return { type: r.pick(['user', 'text', 'group']), nested: { deep: [1] } };
    case 7: return 'ユ'.repeat(r.pick([0, 1, 5_000, 60_000]));
    default: return r.pick(['', 'user', 'text', 'message', 'postback', '__proto__', 'constructor', '\u0000', '\ud800']);
  }
}

/** Sets (or deletes) the value at a dotted path, creating objects on the way. */
function mutate(target: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (r.next() < 0.15) delete node[last];
  else node[last] = confused();
}

const LINE_PATHS = [
  'type', 'source', 'source.type', 'source.userId', 'source.groupId', 'source.roomId', 'message', 'message.type', 'message.text',
  'postback', 'postback.data', 'replyToken', 'webhookEventId', 'deliveryContext', 'deliveryContext.isRedelivery', 'timestamp', 'mode',
];

function confusedLineEvent(n: number): Record<string, unknown> {
  const user = userId(100_000 + n);
  const base = r.pick([
    () => textEvent(user, 'カードをなくしました'),
    () => lineEvent(user, 'postback', { postback: { data: 'menu' } }),
    () => lineEvent(user, 'follow'),
    () => lineEvent(user, 'message', { message: { id: '1', type: 'sticker', packageId: '1', stickerId: '1' } }),
  ])() as Record<string, unknown>;
  for (let i = 0, changes = 1 + r.int(3); i < changes; i++) mutate(base, r.pick(LINE_PATHS));
  return base;
}

function lineBody(n: number): string {
  const events: unknown[] = Array.from({ length: 1 + r.int(3) }, (_, i) => confusedLineEvent(n * 4 + i));
  if (r.next() < 0.1) events.push(confused());
  const body: Record<string, unknown> = { destination: `U${'f'.repeat(32)}`, events };
  if (r.next() < 0.05) body['events'] = confused();
  return JSON.stringify(body);
}

const CHAT_FIELDS = ['text', 'postback', 'lang', 'sessionId'];

function chatBody(): string {
  const body: Record<string, unknown> = r.pick([{ text: 'コンビニの手数料は？' }, { postback: 'menu' }, { text: 'lost my card', lang: 'en' }, { sessionId: 'session-0123456789', text: 'hola' }]);
  for (let i = 0, changes = 1 + r.int(2); i < changes; i++) mutate(body, r.pick(CHAT_FIELDS));
  return JSON.stringify(r.next() < 0.05 ? confused() : body);
}

const TWILIO_PATHS = ['/twilio/voice', '/twilio/voice?lang=en', '/twilio/voice/step?s=1', '/twilio/voice/step?s=2&event=noinput', '/twilio/voice/dial?s=3', '/twilio/status'];
const TWILIO_FIELDS = ['CallSid', 'From', 'To', 'Digits', 'SpeechResult', 'Confidence', 'DialCallStatus', 'CallStatus', 'CallDuration'];

/** Forms carry only strings: their confusion is a repeated field (a list), a huge or odd value, a missing one. */
function twilioForm(n: number): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {
    CallSid: `CA${n.toString(16).padStart(32, '0')}`, From: '+819012345678', To: '+81868000000', Digits: '2', CallStatus: 'in-progress',
  };
  for (let i = 0, changes = 1 + r.int(3); i < changes; i++) {
    const field = r.pick(TWILIO_FIELDS);
    const value = confused();
    if (r.next() < 0.15) delete form[field];
    else if (Array.isArray(value) || r.next() < 0.2) form[field] = [String(r.int(10)), String(value)];
    else form[field] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return form;
}

function encodeForm(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

let server: ServerProcess;
let line: FakeLineApi;

beforeAll(async () => {
  line = new FakeLineApi();
  await line.start();
  server = await startServerProcess({
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    PUBLIC_BASE_URL,
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN,
    LINE_API_BASE_URL: line.url,
    RATE_LIMIT_PER_MINUTE: '0',
    REPORT_SPOOL_PATH: '',
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await line?.stop();
});

type Send = (n: number) => Promise<Response>;

const channels: [string, Send][] = [
  ['LINE', (n) => {
    const body = lineBody(n);
    return fetch(`${server.url}/line/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) }, body });
  }],
  ['phone', (n) => {
    const path = r.pick(TWILIO_PATHS);
    const form = twilioForm(n);
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, form);
    return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: encodeForm(form) });
  }],
  ['web chat', () => fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody() })],
];

const unhandledRejections = async () => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^helpline_unhandled_rejections_total (\d+)/m.exec(text)?.[1]);
};

describe('signed bodies with fields of the wrong type', () => {
  it.each(channels)('%s: no 5xx, no exit, no unhandled rejection', async (_name, send) => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < PER_CHANNEL; i += 25) {
      const batch = await Promise.all(Array.from({ length: Math.min(25, PER_CHANNEL - i) }, (_, j) => send(i + j)));
      for (const res of batch) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.arrayBuffer();
      }
    }
    const seen = JSON.stringify(Object.fromEntries(statuses));
    expect([...statuses.keys()].filter((status) => status >= 500), seen).toEqual([]);
    // Most bodies are answered or refused as the channel should, not all refused alike.
    expect(statuses.size, seen).toBeGreaterThan(1);
    expect(server.child.exitCode).toBeNull();
    expect(await unhandledRejections()).toBe(0);
  }, 120_000);

  it('leaves the server serving residents on every channel, with nothing unhandled in its log', async () => {
    // LINE events are handled after the 200: a last good event is answered once those before it are.
    const last = textEvent(userId(999_999), 'カードをなくしました');
    const body = webhookBody([last]);
    expect((await fetch(`${server.url}/line/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) }, body })).status).toBe(200);
    await vi.waitFor(() => expect(line.sent('/v2/bot/message/reply').some((req) => (req.body as { replyToken: string }).replyToken === last.replyToken)).toBe(true), { timeout: 30_000, interval: 100 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const chat = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'I lost my card' }) });
    expect(((await chat.json()) as { messages: { text: string }[] }).messages[0]!.text).toContain('0120-95-0178');
    expect(server.child.exitCode).toBeNull();
    expect(await unhandledRejections()).toBe(0);
    expect(server.output()).not.toMatch(/unhandled|heap out of memory/i);
  }, 60_000);
});
