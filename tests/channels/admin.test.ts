import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/channels/admin.js';
import { CountedStore } from '../../src/store/counted.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { SaveOnRelease } from '../../src/store/store.js';
import { FlakyStore } from '../helpers/failing-store.js';
import { startTestServer, type TestServer } from '../helpers/app.js';

const TOKEN = 'staff-token-0123456789';
let server: TestServer;
afterEach(async () => {
  await server?.close();
});

const get = (path: string, token: string | null = TOKEN) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('staff endpoints', () => {
  it('refuses the APIs without a valid bearer token', async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
    for (const path of ['/api/admin/reports', '/api/admin/unanswered', '/api/admin/daily', '/api/admin/reports.csv']) {
      expect((await get(path, null)).status).toBe(401);
      expect((await get(path, 'staff-token-0123456788')).status).toBe(401);
    }
  });

  it('serves a page that shows no data by itself', async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
    const res = await get('/admin', null);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('アクセストークン');
    expect(html).not.toContain('KM-');
  });

  it('lists reports newest first, unanswered questions with counts, and turns per day, also as CSV', async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
    const first = await server.chat({ text: 'I lost my card' });
    server.clock.advance(60_000);
    const second = await server.chat({ text: 'カードを盗まれた' });
    await server.chat({ text: 'which day is burnable garbage collected?' });
    await server.chat({ text: 'which day is burnable garbage collected?' });

    const { reports } = await (await get('/api/admin/reports')).json();
    expect(reports.map((r: { reportId: string }) => r.reportId)).toEqual([second.body.reportId, first.body.reportId]);

    const { questions } = await (await get('/api/admin/unanswered')).json();
    expect(questions).toEqual([{ lang: 'en', question: 'which day is burnable garbage collected?', count: 2 }]);
    const { days } = await (await get('/api/admin/daily')).json();
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ date: '2026-12-02', turns: 4, reports: 2 });

    const csv = await get('/api/admin/reports.csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('受付番号,受付日時,窓口,言語,到達した手順,折り返し電話番号');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${second.body.reportId},2026-12-02 10:01,web,ja,`));
    const unansweredCsv = (await (await get('/api/admin/unanswered.csv')).text()).replace(/^\ufeff/, '').split('\r\n');
    expect(unansweredCsv.slice(0, 2)).toEqual(['言語,質問,件数', 'en,which day is burnable garbage collected?,2']);
  });

  it('rounds a limit down to a whole number before it reaches the store (Redis refuses 10.5 events)', async () => {
    class LikeRedis extends MemoryStore {
      override reportEvents(limit: number) {
        return Number.isInteger(limit) ? super.reportEvents(limit) : Promise.reject(new Error('ERR value is not an integer or out of range'));
      }
    }
    server = await startTestServer({ store: new LikeRedis(), env: { ADMIN_TOKEN: TOKEN } });
    await server.chat({ text: 'I lost my card' });
    for (const path of ['/api/admin/reports?limit=1.05', '/api/admin/reports.csv?limit=1.05']) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('counts a day as the town day: a report at 08:00 in Tokyo (23:00 the day before in UTC) is on that morning', async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
    server.clock.set('2026-12-03T08:00:00+09:00');
    await server.chat({ text: 'I lost my card' });
    const { days } = await (await get('/api/admin/daily')).json();
    expect(days.at(-1)).toEqual({ date: '2026-12-03', turns: 1, reports: 1 });
    expect(days.at(-2)).toEqual({ date: '2026-12-02', turns: 0, reports: 0 });
  });

  it('answers 503 when ADMIN_TOKEN is not set', async () => {
    server = await startTestServer();
    expect((await get('/api/admin/reports')).status).toBe(503);
  });
});

describe('CSV export', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', '=HYPERLINK("x")', 3]])).toBe('\ufeff"a,b","say ""hi""","\'=HYPERLINK(""x"")",3\r\n');
    expect(toCsv([['\t=1+1', '@SUM(A1)']])).toBe("\ufeff'\t=1+1,'@SUM(A1)\r\n");
  });
});

describe('metrics and security headers', () => {
  it('counts turns by channel, language and intent, fallbacks and reports in Prometheus format', async () => {
    server = await startTestServer();
    await server.chat({ text: 'I lost my card' });
    await server.chat({ text: 'which day is burnable garbage collected?' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('helpline_turns_total{channel="web",lang="en",intent="lost_stolen"} 1');
    expect(text).toContain('helpline_fallbacks_total{channel="web",lang="en"} 1');
    expect(text).toContain('helpline_suspension_reports_total{channel="web",lang="en"} 1');
    expect(text).toMatch(/helpline_turn_duration_seconds_count\{channel="web"\} 2/);
  });

  it('counts the store failures of every part, not an error of the caller, and still gives the suspension line', async () => {
    const store = new FlakyStore();
    server = await startTestServer({ store, env: { RATE_LIMIT_PER_MINUTE: '30' } });
    const lost = await server.chat({ text: 'I lost my card', lang: 'en' });
    expect(lost.status).toBe(200);
    expect(JSON.stringify(lost.body)).toContain('0120-95-0178');
    const text = await (await fetch(`${server.url}/metrics`)).text();
    // The rate limit, the session lock and the report log each met the outage.
    for (const operation of ['hit', 'lock', 'report']) {
      expect(text, operation).toMatch(new RegExp(`helpline_store_errors_total\\{operation="${operation}"\\} [1-9]`));
    }
  });

  it('does not count an error thrown inside a lock as a store failure', async () => {
    const failures: string[] = [];
    const store = new CountedStore(new MemoryStore(), (operation) => failures.push(operation));
    await expect(store.withLock('k', async () => Promise.reject(new Error('the caller failed')))).rejects.toThrow('the caller failed');
    await expect(
      store.withLock('k', () => {
        throw new Error('thrown at once');
      }),
    ).rejects.toThrow('thrown at once');
    expect(failures).toEqual([]);
    const flaky = new FlakyStore();
    const counted = new CountedStore(flaky, (operation) => failures.push(operation));
    await expect(counted.withLock('k', async () => 'never')).rejects.toThrow('ECONNREFUSED');
    // A session save that fails behind the reply is counted too.
    class SaveFails extends MemoryStore {
      override withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>): Promise<T> {
        return super.withLock<T, V>(key, (value) => fn(value, () => Promise.reject(new Error('save failed'))));
      }
    }
    const saving = new CountedStore(new SaveFails(), (operation) => failures.push(operation));
    await saving.withLock<void, number>('k', async (_value, save) => {
      await save(1, 60).catch(() => undefined);
    });
    expect(failures).toEqual(['lock', 'save']);
    // A ping that says "no" is a failure as much as one that throws.
    expect(await counted.ping()).toBe(false);
    expect(failures).toEqual(['lock', 'save', 'ping']);
  });

  it('sends security headers with the pages', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets WEB_CHAT_ORIGINS frame the chat page, and nobody else frame any page', async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
    const closed = await fetch(`${server.url}/`);
    expect(closed.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(closed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    await server.close();
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN, WEB_CHAT_ORIGINS: 'https://www.town.kagamino.lg.jp' } });
    const chat = await fetch(`${server.url}/`);
    expect(chat.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://www.town.kagamino.lg.jp");
    expect(chat.headers.get('x-frame-options')).toBeNull();
    const staff = await fetch(`${server.url}/admin`);
    expect(staff.headers.get('content-security-policy')).toContain("frame-ancestors 'self';");
    expect(staff.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows cross-origin chat only from WEB_CHAT_ORIGINS', async () => {
    server = await startTestServer({ env: { WEB_CHAT_ORIGINS: 'https://www.town.kagamino.lg.jp' } });
    const preflight = (origin: string) => fetch(`${server.url}/api/chat`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const allowed = await preflight('https://www.town.kagamino.lg.jp');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.town.kagamino.lg.jp');
    const denied = await preflight('https://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});
