/**
 * A few thousand random and malformed requests to every channel: no 5xx, no crash, and the
 * server still answers a resident afterwards. The generator is seeded, so a failure repeats.
 */
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.js';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi } from '../helpers/fake-line.js';
import { sign } from '../helpers/line-webhook.js';
import { prng } from '../helpers/prng.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL } from '../helpers/twilio-call.js';

const r = prng(20261127);
const PIECES = ['', 'null', '{', '}', '[]', '"', '\\u0000', 'カードをなくした', '🦊', 'a'.repeat(300), '0120950178', '123456789012', '<script>', "' OR 1=1", '%00', '\ud800', 'lang', 'text', 'postback', 'sessionId'];

function randomString(max = 40): string {
  let out = '';
  const length = r.int(max);
  for (let i = 0; i < length; i++) out += r.next() < 0.5 ? r.pick(PIECES) : String.fromCharCode(r.int(0xffff));
  return out;
}

function randomValue(depth = 0): unknown {
  const kind = r.int(depth > 2 ? 5 : 7);
  switch (kind) {
    case 0: return randomString();
    case 1: return r.int(1e9) - 5e8;
    case 2: return r.next() < 0.5;
    case 3: return null;
    case 4: return r.pick(['ja', 'en', 'fr', '', 'zh-Hant', 'menu', 'intent:reissue', 'area:konbini', 'lang:xx', 'susp:callback']);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(depth + 1));
    default: return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(['text', 'postback', 'lang', 'sessionId', 'events', 'type', randomString(8)]), randomValue(depth + 1)]));
  }
}

/** Header values and paths must be ASCII for the HTTP client itself. */
function randomAscii(max = 40): string {
  return Array.from({ length: r.int(max) }, () => String.fromCharCode(33 + r.int(94))).join('');
}

const randomBody = () => (r.next() < 0.7 ? JSON.stringify(randomValue()) : randomString(200));

let server: TestServer;
let line: FakeLineApi;

beforeAll(async () => {
  line = new FakeLineApi();
  await line.start();
  server = await startTestServer({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL: line.url, ADMIN_TOKEN: 'staff-token-0123456789', RATE_LIMIT_PER_MINUTE: '0' },
  });
});

afterAll(async () => {
  await server.close();
  await line.stop();
});

/** A request sent, and whether it carried no valid signature (then it must be refused). */
type Attempt = () => Promise<{ res: Response; unsigned?: boolean }>;

const chatAttempt: Attempt = () => {
  const method = r.pick(['POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS']);
  const withBody = method !== 'GET' && method !== 'OPTIONS' && r.next() < 0.9;
  return fetch(`${server.url}/api/chat`, {
    method,
    headers: { 'content-type': r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16']) },
    ...(withBody ? { body: randomBody() } : {}),
  }).then((res) => ({ res }));
};

async function twilioAttempt(): Promise<{ res: Response; unsigned: boolean }> {
  const path = r.pick(['/twilio/voice', '/twilio/voice/step?s=1', '/twilio/voice/dial?s=2', '/twilio/status', `/twilio/voice?lang=${encodeURIComponent(randomAscii(5))}`]);
  const params: Record<string, string> = Object.fromEntries(Array.from({ length: r.int(6) }, () => [r.pick(['CallSid', 'Digits', 'SpeechResult', 'Confidence', 'DialCallStatus', 'CallStatus', 'From', randomString(6)]), r.next() < 0.3 ? `CA${'f'.repeat(32)}` : randomString(20)]));
  const signed = r.next() < 0.5;
  const signature = signed ? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params) : randomAscii(30);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() });
  return { res, unsigned: !signed };
}

async function lineAttempt(): Promise<{ res: Response; unsigned: boolean }> {
  const body = r.next() < 0.5 ? JSON.stringify({ destination: 'U0', events: Array.from({ length: r.int(4) }, () => randomValue()) }) : randomBody();
  const signed = r.next() < 0.6;
  const signature = signed ? sign(body) : randomAscii(44);
  const res = await fetch(`${server.url}/line/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signature }, body });
  return { res, unsigned: !signed };
}

const otherAttempt: Attempt = () =>
  fetch(`${server.url}${r.pick(['/api/admin/reports', '/api/admin/unanswered.csv', '/admin', '/metrics', '/readyz', `/${encodeURIComponent(randomAscii(10))}`, '/static/../../package.json'])}`, { headers: { authorization: `Bearer ${randomAscii(30)}` } }).then((res) => ({ res }));

describe('fuzzing every channel', () => {
  it.each([
    ['web chat', 1200, chatAttempt],
    ['phone', 800, twilioAttempt],
    ['LINE', 800, lineAttempt],
    ['other paths', 300, otherAttempt],
  ] as const)('%s: no 5xx over %i requests, and nothing unsigned accepted', async (_name, count, attempt) => {
    const statuses = new Map<number, number>();
    let unsignedAccepted = 0;
    for (let i = 0; i < count; i += 20) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => attempt()));
      for (const { res, unsigned } of batch) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (unsigned && res.status < 400) unsignedAccepted++;
        await res.arrayBuffer();
      }
    }
    await server.app.line.drain();
    const errors = [...statuses].filter(([status]) => status >= 500);
    expect(errors, JSON.stringify(Object.fromEntries(statuses))).toEqual([]);
    expect(unsignedAccepted).toBe(0);
  });

  it('still serves residents afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const reply = await server.chat({ text: 'I lost my card' });
    expect(reply.status).toBe(200);
    expect(reply.body.messages[0].text).toContain('0120-95-0178');
  });
});
