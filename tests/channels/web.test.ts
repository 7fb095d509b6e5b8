import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { startTestServer, type TestServer } from '../helpers/app.js';

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

describe('POST /api/chat', () => {
  it('starts a session and answers in the contract shape', async () => {
    server = await startTestServer();
    const { status, body } = await server.chat({ text: 'コンビニで住民票をとると手数料はいくら？' });
    expect(status).toBe(200);
    expect(body.sessionId).toMatch(/^[\w-]{8,}$/);
    expect(body.lang).toBe('ja');
    expect(body.intent).toBe('konbini_fee');
    expect(body.messages[0].text).toContain('150');
    expect(body.quickReplies.length).toBeGreaterThan(0);
    for (const q of body.quickReplies) expect(Object.keys(q).sort()).toEqual(['label', 'postback']);
  });

  it('keeps the detected language for the session and obeys a forced one', async () => {
    server = await startTestServer();
    const first = await server.chat({ text: 'Where can I renew my card?' });
    expect(first.body.lang).toBe('en');
    const second = await server.chat({ sessionId: first.body.sessionId, text: 'ok' });
    expect(second.body.lang).toBe('en');
    const forced = await server.chat({ sessionId: first.body.sessionId, text: 'Where can I renew my card?', lang: 'ko' });
    expect(forced.body.lang).toBe('ko');
    expect(forced.body.messages[0].text).toBe(render('ko', 'chat', { key: 'faq:renewal.chat' }));
  });

  it('gives a lost card the suspension line first, with tap-to-call links', async () => {
    server = await startTestServer();
    const { body } = await server.chat({ text: 'I lost my My Number card' });
    expect(body.messages[0].text).toContain('0120-95-0178');
    expect(body.messages[0].text).toContain('0120-0178-27');
    expect(body.calls.map((c: { tel: string }) => c.tel)).toEqual(['tel:+81120950178', 'tel:+81120017827']);
    expect(body.reportId).toMatch(/^KM-\d{6}-[2-9A-Z]{4}$/);
  });

  it.each(LANGS)('serves the menu through postbacks in %s', async (lang) => {
    server = await startTestServer();
    const { body } = await server.chat({ postback: 'start', lang });
    expect(body.lang).toBe(lang);
    expect(body.messages[0].text).toBe(render(lang, 'chat', { key: 'common:welcome' }));
    expect(body.quickReplies[0]).toEqual({ label: render(lang, 'chat', { key: 'common:menu.area.lost' }), postback: 'intent:lost_stolen' });
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  const cases: [string, unknown, number, string][] = [
    ['invalid JSON', '{"text": ', 400, 'invalid_json'],
    ['an array', '[1,2]', 400, 'invalid_shape'],
    ['neither text nor postback', { lang: 'ja' }, 400, 'invalid_shape'],
    ['both text and postback', { text: 'a', postback: 'menu' }, 400, 'invalid_shape'],
    ['an empty text', { text: '   ' }, 400, 'invalid_text'],
    ['a number as text', { text: 12 }, 400, 'invalid_text'],
    ['an unknown lang', { text: 'hello', lang: 'fr' }, 400, 'unknown_lang'],
    ['a malformed sessionId', { text: 'hello', sessionId: '../../etc' }, 400, 'invalid_session'],
    ['a postback over 300 characters', { postback: 'x'.repeat(301) }, 400, 'invalid_postback'],
    ['a body over 16 KiB', { text: 'あ'.repeat(6000) }, 413, 'body_too_large'],
  ];
  it.each(cases)('%s', async (_name, body, status, code) => {
    server = await startTestServer();
    const res = await server.chat(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  });

  it.each([
    ['a compressed body', { 'content-encoding': 'gzip' }],
    ['a charset other than UTF-8', { 'content-type': 'application/json; charset=utf-16' }],
  ])('refuses %s with 415', async (_name, headers) => {
    server = await startTestServer();
    const res = await server.chat({ text: 'hello' }, headers);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_encoding');
  });

  it('refuses a streamed body over 16 KiB with 413 and closes that connection, then serves the next request', async () => {
    server = await startTestServer();
    const chunk = new TextEncoder().encode(`{"text":"${'x'.repeat(4096)}`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    // No Content-Length: the limit is found while reading.
    const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.json()).error.code).toBe('body_too_large');
    expect((await server.chat({ text: 'hello' })).status).toBe(200);
  });

  it('takes the same route with a query string, a trailing slash or capitals; other methods get the JSON 404', async () => {
    server = await startTestServer();
    for (const path of ['/api/chat?from=town-site', '/api/chat/', '/API/Chat']) {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify({ text: 'hello', lang: 'en' }) });
      expect(res.status, path).toBe(200);
      expect((await res.json()).lang).toBe('en');
    }
    const get = await fetch(`${server.url}/api/chat`);
    expect(get.status).toBe(404);
    expect((await get.json()).error.code).toBe('not_found');
  });

  it('accepts an absolute URL as the request target, and a body that starts with a byte-order mark', async () => {
    server = await startTestServer();
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: `http://127.0.0.1:${port}/api/chat`, headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.once('error', reject);
      req.end(`\uFEFF${JSON.stringify({ text: 'hello', lang: 'en' })}`);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).lang).toBe('en');
  });

  it('counts the address the town\'s proxy forwards, not the proxy\'s own', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    const from = (address: string) => server.chat({ text: 'hello' }, { 'x-forwarded-for': address });
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('203.0.113.7')).status).toBe(429);
    // Another resident behind the same proxy is not limited by the first one's messages.
    expect((await from('198.51.100.20')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from an address TRUST_PROXY does not name', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.5' } });
    const from = (address: string) => server.chat({ text: 'hello' }, { 'x-forwarded-for': address });
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('198.51.100.20')).status).toBe(200);
    // Both came from this test's own address, which is what is counted.
    expect((await from('192.0.2.99')).status).toBe(429);
  });

  it('answers an unknown postback with the menu', async () => {
    server = await startTestServer();
    const { status, body } = await server.chat({ postback: 'intent:nonexistent' });
    expect(status).toBe(200);
    expect(body.quickReplies.map((q: { postback: string }) => q.postback)).toContain('intent:lost_stolen');
  });

  it('limits a flooding session with 429 and Retry-After, and lets it go on after the window', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    server.clock.set('2026-12-02T10:00:10+09:00');
    const first = await server.chat({ text: 'hello' });
    const sessionId = first.body.sessionId;
    await server.chat({ sessionId, text: 'hello' });
    await server.chat({ sessionId, text: 'hello' });
    const limited = await server.chat({ sessionId, text: 'hello' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('50');
    server.clock.set('2026-12-02T10:01:01+09:00');
    expect((await server.chat({ sessionId, text: 'hello' })).status).toBe(200);
  });

  it('limits one client address across sessions', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    await server.chat({ text: 'hello' });
    await server.chat({ text: 'hello' });
    expect((await server.chat({ text: 'hello' })).status).toBe(429);
  });

  it('answers unknown paths with a JSON 404', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('health and the page', () => {
  it('reports health and readiness', async () => {
    server = await startTestServer();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('is not ready when the store does not answer', async () => {
    const { MemoryStore } = await import('../../src/store/memory.js');
    const store = new MemoryStore();
    store.ping = async () => false;
    server = await startTestServer({ store });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
  });

  it('serves the chat page with every language and no external resource', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const lang of LANGS) expect(html).toContain(JSON.stringify(render(lang, 'chat', { key: 'common:web.banner' })).slice(1, -1));
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('role="log"');
    expect(html).toContain('aria-live="polite"');
  });
});
