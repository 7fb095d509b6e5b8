import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LINE_LIMITS } from '../../src/channels/line-render.js';
import { render } from '../../src/i18n.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { startTestServer, type TestServer } from '../helpers/app.js';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, FakeLineApi, type Recorded } from '../helpers/fake-line.js';
import { assertValidLine } from '../helpers/line-schema.js';
import { lineEvent, sign, textEvent, userId, webhookBody } from '../helpers/line-webhook.js';

let server: TestServer;
let line: FakeLineApi;

beforeEach(async () => {
  line = new FakeLineApi();
  await line.start();
  server = await startTestServer({
    env: { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL: line.url, ADMIN_TOKEN: 'staff-token-0123456789' },
  });
});

afterEach(async () => {
  // Every body the suite made the bot send must be one LINE accepts.
  for (const r of line.sent('/v2/bot/message/reply')) checkLimits(r, 'ReplyMessageRequest');
  for (const r of line.sent('/v2/bot/message/push')) checkLimits(r, 'PushMessageRequest');
  await server.close();
  await line.stop();
});

function checkLimits(request: Recorded, schema: 'ReplyMessageRequest' | 'PushMessageRequest'): void {
  assertValidLine(schema, request.body);
  const { messages } = request.body as { messages: { type: string; text?: string; quickReply?: { items: { action: { label: string; data?: string } }[] } }[] };
  expect(messages.length).toBeLessThanOrEqual(LINE_LIMITS.messages);
  for (const message of messages) {
    if (message.text !== undefined) expect(message.text.length).toBeLessThanOrEqual(LINE_LIMITS.text);
    const items = message.quickReply?.items ?? [];
    expect(items.length).toBeLessThanOrEqual(LINE_LIMITS.quickReplies);
    for (const { action } of items) {
      expect(action.label.length).toBeLessThanOrEqual(LINE_LIMITS.label);
      expect((action.data ?? '').length).toBeLessThanOrEqual(LINE_LIMITS.data);
    }
  }
}

async function post(body: string, signature: string | null = sign(body)) {
  const res = await fetch(`${server.url}/line/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-line-signature': signature } : {}) },
    body,
  });
  await server.app.line.drain();
  return res;
}

const replies = () => line.sent('/v2/bot/message/reply').map((r) => r.body as { replyToken: string; messages: Record<string, unknown>[] });
const texts = (messages: Record<string, unknown>[]) =>
  messages.map((m) => (m['type'] === 'text' ? String(m['text']) : String(m['altText'])));

describe('LINE webhook', () => {
  it('skips a signed event of the wrong shape and answers the rest of the batch', async () => {
    const good = textEvent(userId(41), 'カードをなくしました');
    const numericUser = { ...textEvent(userId(42), 'hello'), source: { type: 'user', userId: 12345 } };
    const nullMessage = { ...textEvent(userId(43), 'hello'), message: null };
    const res = await post(webhookBody([numericUser, nullMessage, good, 'not an event']));
    expect(res.status).toBe(200);
    const sent = replies();
    expect(sent.map((r) => r.replyToken)).toEqual([good.replyToken]);
    expect(texts(sent[0]!.messages).join('\n')).toContain('0120-95-0178');
    // The server still serves.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers a text message with a reply that carries the event reply token', async () => {
    const event = textEvent(userId(1), 'コンビニで住民票をとると手数料はいくらですか');
    const res = await post(webhookBody([event]));
    expect(res.status).toBe(200);
    const [reply] = replies();
    expect(reply!.replyToken).toBe(event.replyToken);
    expect(texts(reply!.messages)[0]).toBe(render('ja', 'chat', { key: 'faq:konbini_fee.chat' }));
    expect(line.requests[0]!.headers['authorization']).toBe(`Bearer ${CHANNEL_ACCESS_TOKEN}`);
  });

  it('verifies a body with emoji and answers in the language written', async () => {
    const res = await post(webhookBody([textEvent(userId(2), 'Perdi meu cartão My Number 😭🙏')]));
    expect(res.status).toBe(200);
    const [reply] = replies();
    expect(texts(reply!.messages)[0]).toContain('0120-95-0178');
    expect(texts(reply!.messages)[0]).toContain('0120-0178-27');
    // Tap-to-call: the card's button and the quick reply both dial the free line.
    const flex = reply!.messages[0] as { type: string; contents: { footer: { contents: { action: { uri: string } }[] } } };
    expect(flex.type).toBe('flex');
    expect(flex.contents.footer.contents[0]!.action.uri).toBe('tel:+81120950178');
    const quick = (reply!.messages.at(-1) as { quickReply: { items: { action: { type: string; uri?: string } }[] } }).quickReply.items;
    expect(quick[0]!.action).toMatchObject({ type: 'uri', uri: 'tel:+81120950178' });
  });

  it('refuses a missing or wrong signature with 401 and processes nothing', async () => {
    const body = webhookBody([textEvent(userId(3), 'hello')]);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, sign(body, 'another-secret'))).status).toBe(401);
    expect((await post(`${body} `, sign(body))).status).toBe(401);
    expect(line.requests).toEqual([]);
  });

  it('answers 200 to the connection check (no events) and 400 to signed malformed JSON', async () => {
    expect((await post(webhookBody([]))).status).toBe(200);
    const broken = '{"events": [';
    const res = await post(broken);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
    expect(line.requests).toEqual([]);
  });

  it('skips an entry that is not an event and still answers the others', async () => {
    const event = textEvent(userId(5), 'hello');
    const body = JSON.stringify({ destination: 'U0', events: [null, 7, [], event] });
    expect((await post(body)).status).toBe(200);
    expect(replies().map((r) => r.replyToken)).toEqual([event.replyToken]);
  });

  it('refuses a body over 1 MiB with 413, naming that limit', async () => {
    const body = webhookBody([textEvent(userId(6), 'x'.repeat(1024 * 1024))]);
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'body_too_large', message: 'The request body is larger than 1024 KiB.' } });
    expect(line.requests).toEqual([]);
  });

  it('turns postbacks into choices', async () => {
    await post(webhookBody([lineEvent(userId(4), 'postback', { postback: { data: 'intent:konbini_hours' } })]));
    expect(texts(replies()[0]!.messages)[0]).toBe(render('ja', 'chat', { key: 'faq:konbini_hours.chat' }));
  });

  it.each([
    ['pt-BR', 'pt'],
    ['zh-Hant', 'zh'],
    ['ko', 'ko'],
    ['fr', 'ja'],
  ] as const)('greets a new follower whose LINE language is %s in %s, with the language choice', async (tag, lang) => {
    const user = userId(10);
    line.profiles.set(user, { displayName: 'Resident', language: tag });
    await post(webhookBody([lineEvent(user, 'follow', { follow: { isUnblocked: false } })]));
    const [reply] = replies();
    expect(texts(reply!.messages)[0]).toBe(render(lang, 'chat', { key: 'common:welcome' }));
    const quick = (reply!.messages.at(-1) as { quickReply: { items: { action: { data?: string } }[] } }).quickReply.items;
    expect(quick.map((i) => i.action.data)).toEqual(LANGS.map((l) => `lang:${l}`));
    expect(line.requests.some((r) => r.path === `/v2/bot/profile/${user}`)).toBe(true);
  });

  describe('the rich menu in the user\'s language', () => {
    beforeEach(() => {
      for (const lang of LANGS) line.aliases.set(`kagamino-${lang}`, `richmenu-${lang}`);
    });
    const linked = (user: string) => line.requests.filter((r) => r.path.startsWith(`/v2/bot/user/${user}/richmenu/`)).map((r) => r.path.split('/').at(-1));

    it('links a new follower to the menu of their LINE language', async () => {
      const user = userId(30);
      line.profiles.set(user, { displayName: 'Resident', language: 'vi' });
      await post(webhookBody([lineEvent(user, 'follow', { follow: { isUnblocked: false } })]));
      expect(linked(user)).toEqual(['richmenu-vi']);
    });

    it('leaves a Japanese follower on the default menu, then follows each change of language once', async () => {
      const user = userId(31);
      line.profiles.set(user, { displayName: 'Resident', language: 'ja' });
      await post(webhookBody([lineEvent(user, 'follow', { follow: { isUnblocked: false } })]));
      expect(linked(user)).toEqual([]);
      await post(webhookBody([lineEvent(user, 'postback', { postback: { data: 'lang:ja-easy' } })]));
      await post(webhookBody([textEvent(user, 'コンビニ で じゅうみんひょう いくら')]));
      await post(webhookBody([textEvent(user, 'Tiếng Việt')]));
      await post(webhookBody([textEvent(user, 'lấy juminhyo ở konbini hết bao nhiêu tiền?')]));
      expect(linked(user)).toEqual(['richmenu-ja-easy', 'richmenu-vi']);
    });

    it('still answers when the menu cannot be linked', async () => {
      line.aliases.clear();
      const user = userId(32);
      line.profiles.set(user, { displayName: 'Resident', language: 'pt-BR' });
      await post(webhookBody([lineEvent(user, 'follow', { follow: { isUnblocked: false } })]));
      expect(texts(replies()[0]!.messages)[0]).toBe(render('pt', 'chat', { key: 'common:welcome' }));
      expect(linked(user)).toEqual([]);
    });
  });

  it.each(['sticker', 'image', 'audio', 'video', 'file', 'location'])('answers a %s with a short text in the user\'s language', async (type) => {
    const user = userId(20);
    await post(webhookBody([textEvent(user, '¿Dónde renuevo mi tarjeta?')]));
    await post(webhookBody([lineEvent(user, 'message', { message: { id: '1', type } })]));
    expect(texts(replies()[1]!.messages)[0]).toBe(render('es', 'chat', { key: 'common:unsupported' }));
  });

  it.each(['join', 'leave', 'memberJoined', 'beacon', 'accountLink', 'unsend', 'videoPlayComplete'])('acknowledges a %s event and sends nothing', async (type) => {
    expect((await post(webhookBody([lineEvent(userId(60), type)]))).status).toBe(200);
    expect(line.requests).toEqual([]);
  });

  it('clears the session when the user unfollows', async () => {
    const user = userId(30);
    await post(webhookBody([textEvent(user, 'Where can I renew my card?')]));
    expect(await server.app.engine.peekSession('line', user)).toBeDefined();
    await post(webhookBody([lineEvent(user, 'unfollow')]));
    expect(await server.app.engine.peekSession('line', user)).toBeUndefined();
  });

  it('does not act twice on a redelivered event', async () => {
    const event = textEvent(userId(40), '財布を盗まれました');
    await post(webhookBody([event]));
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    await post(webhookBody([again]));
    expect(replies()).toHaveLength(1);
    const res = await fetch(`${server.url}/api/admin/reports`, { headers: { authorization: 'Bearer staff-token-0123456789' } });
    expect((await res.json()).reports).toHaveLength(1);
  });

  it('sends the answer as a push with a retry key when the reply token has expired', async () => {
    const event = textEvent(userId(50), '住民票はコンビニで何時まで取れますか');
    line.expiredTokens.add(event.replyToken);
    line.failPushes = 1;
    await post(webhookBody([event]));
    const pushes = line.sent('/v2/bot/message/push');
    expect(pushes).toHaveLength(2);
    const key = pushes[0]!.headers['x-line-retry-key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(pushes[1]!.headers['x-line-retry-key']).toBe(key);
    expect((pushes[1]!.body as { to: string }).to).toBe(userId(50));
  });

  it('answers a burst of 50 events from 10 users, each user\'s events in order', async () => {
    const events = [];
    for (let round = 0; round < 5; round++) {
      for (let u = 0; u < 10; u++) events.push(textEvent(userId(100 + u), round % 2 ? 'menu' : 'コンビニの手数料は？'));
    }
    await post(webhookBody(events));
    const tokensSent = replies().map((r) => r.replyToken);
    expect(tokensSent).toHaveLength(50);
    for (let u = 0; u < 10; u++) {
      const expected = events.filter((e) => e.source.userId === userId(100 + u)).map((e) => e.replyToken);
      expect(tokensSent.filter((t) => expected.includes(t))).toEqual(expected);
    }
  });

  it('answers 503 naming the variables when LINE is not configured', async () => {
    const bare = await startTestServer();
    const res = await fetch(`${bare.url}/line/webhook`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toContain('LINE_CHANNEL_SECRET');
    await bare.close();
  });
});
