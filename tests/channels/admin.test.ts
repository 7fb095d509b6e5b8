import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/channels/admin.js';
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
    expect(lines[0]).toBe('reference,created_at,channel,language,steps,callback_phone');
    expect(lines).toHaveLength(3);
    expect(await (await get('/api/admin/unanswered.csv')).text()).toContain('en,which day is burnable garbage collected?,2');
  });

  it('answers 503 when ADMIN_TOKEN is not set', async () => {
    server = await startTestServer();
    expect((await get('/api/admin/reports')).status).toBe(503);
  });
});

describe('CSV export', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', '=HYPERLINK("x")', 3]])).toBe('\ufeff"a,b","say ""hi""","\'=HYPERLINK(""x"")",3\r\n');
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

  it('sends security headers with the pages', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
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
