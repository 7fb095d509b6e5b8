/**
 * Two server processes behind one Redis, as behind a load balancer: one web conversation, one
 * LINE user and one phone call alternate between them without losing state or duplicating a
 * report; then one process is stopped with SIGTERM and shuts down cleanly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi } from '../helpers/fake-line.js';
import { lineEvent, sign, textEvent, userId, webhookBody } from '../helpers/line-webhook.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connectTestRedis, REDIS_URL } from '../helpers/redis.js';
import { AUTH_TOKEN, parseTwiml, PUBLIC_BASE_URL } from '../helpers/twilio-call.js';
import twilio from 'twilio';

const redisAvailable = await connectTestRedis().then(async (store) => {
  await store?.close();
  return store !== undefined;
});
// A database of its own, emptied first, so that counts are this test's alone.
const SCALE_DB_URL = `${REDIS_URL.replace(/\/\d*$/, '')}/7`;
const ADMIN = 'staff-token-0123456789';

describe.skipIf(!redisAvailable)('two processes on one Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let line: FakeLineApi;

  beforeAll(async () => {
    const redis = createClient({ url: SCALE_DB_URL });
    await redis.connect();
    await redis.flushDb();
    await redis.close();
    line = new FakeLineApi();
    await line.start();
    const env = {
      REDIS_URL: SCALE_DB_URL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      PUBLIC_BASE_URL,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN,
      LINE_API_BASE_URL: line.url,
      ADMIN_TOKEN: ADMIN,
      RATE_LIMIT_PER_MINUTE: '0',
    };
    const spool = mkdtempSync(join(tmpdir(), 'kmh-'));
    [a, b] = await Promise.all([
      startServerProcess({ ...env, REPORT_SPOOL_PATH: join(spool, 'a.jsonl') }),
      startServerProcess({ ...env, REPORT_SPOOL_PATH: join(spool, 'b.jsonl') }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await line?.stop();
  });

  const chat = async (server: ServerProcess, body: object) =>
    (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

  const reports = async (server: ServerProcess) =>
    (await (await fetch(`${server.url}/api/admin/reports`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()).reports as { reportId: string; channel: string; steps: { step: string }[] }[];

  it('keeps a web conversation across processes', async () => {
    const first = await chat(a, { text: 'Quanto custa o juminhyo na konbini?' });
    expect(first.lang).toBe('pt');
    const second = await chat(b, { sessionId: first.sessionId, text: 'ok' });
    expect(second.lang).toBe('pt');
    const lost = await chat(b, { sessionId: first.sessionId, text: 'perdi meu cartão' });
    const called = await chat(a, { sessionId: first.sessionId, postback: 'susp:called' });
    expect(called.reportId).toBe(lost.reportId);
    const report = (await reports(a)).find((r) => r.reportId === lost.reportId)!;
    expect(report.steps.map((s) => s.step)).toEqual(['number_given', 'confirmed_called']);
  });

  it('keeps a LINE user across processes and ignores a redelivery to the other one', async () => {
    const user = userId(777);
    line.profiles.set(user, { displayName: 'Resident', language: 'ko' });
    const post = async (server: ServerProcess, events: unknown[]) => {
      const body = webhookBody(events);
      const res = await fetch(`${server.url}/line/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) }, body });
      expect(res.status).toBe(200);
    };
    const waitForReplies = async (n: number) => {
      for (let i = 0; i < 100 && line.sent('/v2/bot/message/reply').length < n; i++) await new Promise((r) => setTimeout(r, 50));
    };
    await post(a, [lineEvent(user, 'follow', { follow: { isUnblocked: false } })]);
    await waitForReplies(1);
    const lost = textEvent(user, '지갑을 잃어버렸어요');
    await post(b, [lost]);
    await waitForReplies(2);
    // The redelivery and a new message go to the other process; that process handles one
    // user's events in order, so once the new message is answered the redelivery was handled.
    await post(a, [{ ...lost, deliveryContext: { isRedelivery: true } }, textEvent(user, '메뉴')]);
    await waitForReplies(3);
    const sent = line.sent('/v2/bot/message/reply').map((r) => r.body as { replyToken: string; messages: { type: string; text?: string; altText?: string }[] });
    expect(sent).toHaveLength(3);
    expect(sent.filter((r) => r.replyToken === lost.replyToken)).toHaveLength(1);
    expect(sent[0]!.messages[0]!.text).toBe(render('ko', 'chat', { key: 'common:welcome' }));
    expect(sent[1]!.messages[0]!.altText).toBe(render('ko', 'chat', { key: 'suspension:first' }));
    expect((await reports(b)).filter((r) => r.channel === 'line')).toHaveLength(1);
  });

  it('keeps a phone call across processes', async () => {
    const callSid = `CA${'ab'.repeat(16)}`;
    const base = { AccountSid: `AC${'0'.repeat(32)}`, CallSid: callSid, From: '+819011112222', To: '+81868000000', CallStatus: 'in-progress' };
    const post = async (server: ServerProcess, publicUrl: string, extra: Record<string, string> = {}) => {
      const params = { ...base, ...extra };
      const url = new URL(publicUrl);
      const res = await fetch(`${server.url}${url.pathname}${url.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url.href, params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(200);
      return parseTwiml(await res.text());
    };
    const greeting = await post(a, `${PUBLIC_BASE_URL}/twilio/voice?lang=es`);
    const lost = await post(b, greeting.gathers[0]!.action, { Digits: '2' });
    expect(lost.said[0]!.text).toBe(render('es', 'voice', { key: 'suspension:first' }));
    const transfer = await post(a, lost.gathers[0]!.action, { Digits: '1' });
    expect(transfer.dial?.number).toBe('+81120950178');
    const done = await post(b, transfer.dial!.action, { DialCallStatus: 'completed' });
    expect(done.hangup).toBe(true);
    const phone = (await reports(a)).filter((r) => r.channel === 'phone');
    expect(phone).toHaveLength(1);
    expect(phone[0]!.steps.map((s) => s.step)).toEqual(['number_given', 'transfer_started']);
  });

  it('shuts down cleanly on SIGTERM while the other process keeps serving', async () => {
    const code = await a.stop('SIGTERM');
    expect(code).toBe(0);
    expect(a.output()).toContain('shut down cleanly');
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });
});
