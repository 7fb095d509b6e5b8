import { factParams } from '../../src/knowledge/params.js';
import { describe, expect, it } from 'vitest';
import { render, renderPlain } from '../../src/i18n.js';
import { LANGS, type Lang } from '../../src/knowledge/languages.js';
import { MemoryStore } from '../../src/store/memory.js';
import { allText, conversation, makeEngine } from '../helpers/converse.js';
import { fixedClock, NEW_YEAR_3AM, SATURDAY_9PM, WEEKDAY_10AM } from '../helpers/clock.js';
import { FlakyStore } from '../helpers/failing-store.js';
import { capturingLogger } from '../helpers/log-capture.js';

const LOST: Record<Lang, string> = {
  ja: 'マイナンバーカードをなくしました',
  en: 'I lost my My Number card',
  zh: '我的个人编号卡丢了',
  ko: '마이넘버 카드를 잃어버렸어요',
  es: 'perdí mi tarjeta My Number',
  pt: 'perdi meu cartão My Number',
  vi: 'tôi bị mất thẻ my number rồi',
  'ja-easy': 'マイナンバーカードを なくしました',
};

describe.each(LANGS)('lost card in %s', (lang) => {
  it.each([NEW_YEAR_3AM, SATURDAY_9PM, WEEKDAY_10AM])('gives the 24/365 line first, then the checklist, at %s', async (when) => {
    const { engine, clock, reports } = makeEngine({ clock: fixedClock(when) });
    // Easy Japanese is a register the resident chooses; a message alone reads as Japanese.
    const chat = conversation(engine, clock, lang === 'ja-easy' ? { langHint: lang } : {});
    const reply = await chat.say(LOST[lang]);
    expect(reply.lang).toBe(lang);
    expect(reply.intent).toBe('lost_stolen');
    const [first, checklist, reference] = reply.messages.map((m) => m.text);
    expect(first).toBe(render(lang, 'chat', { key: 'suspension:first' }));
    expect(first).toContain('0120-95-0178');
    expect(first).toContain('24');
    if (lang === 'ja') expect(first).not.toContain('0120-0178-27');
    else expect(first).toContain('0120-0178-27');
    expect(checklist).toBe(render(lang, 'chat', { key: 'suspension:checklist' }));
    // The fee as the language writes it: 1,000, 1.000 (pt), 1000 (es).
    for (const fact of [factParams(lang, 'chat')['reissueFee']!, '800', '0570-783-578', '050-3818-1250']) {
      expect(checklist).toContain(fact);
    }
    expect(reference).toContain(reply.reportId!);
    expect(reply.calls[0]!.tel).toBe('tel:+81120950178');
    expect(reply.quickReplies.map((q) => q.postback)).toEqual(['susp:called', 'susp:found', 'susp:reissue', 'susp:callback', 'menu']);
    const [report] = await reports.list();
    expect(report).toMatchObject({ reportId: reply.reportId, channel: 'web', lang, createdAt: new Date(when).toISOString() });
    expect(report!.steps.map((s) => s.step)).toEqual(['number_given']);
  });
});

describe('after the first reply', () => {
  it('records each step the person reaches, in one report per conversation', async () => {
    const { engine, clock, reports } = makeEngine();
    const chat = conversation(engine, clock, { langHint: 'en' });
    const first = await chat.say('my wallet was stolen with the card inside');
    await chat.choose('susp:called');
    const again = await chat.say('I lost my card');
    expect(again.reportId).toBe(first.reportId);
    const found = await chat.choose('susp:found');
    expect(found.intent).toBe('card_found');
    const reissue = await chat.choose('susp:reissue');
    expect(allText(reissue)).toContain('1,000');
    const list = await reports.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.steps.map((s) => s.step)).toEqual(['number_given', 'confirmed_called', 'number_given', 'card_found', 'reissue_info']);
  });

  it('takes a callback number, keeps it only under a TTL and masks it in the log', async () => {
    const store = new MemoryStore(fixedClock(WEEKDAY_10AM));
    const { engine, clock, reports } = makeEngine({ store });
    const chat = conversation(engine, clock, { langHint: 'ja' });
    await chat.say('財布を落としました');
    const ask = await chat.choose('susp:callback');
    expect(allText(ask)).toBe(render('ja', 'chat', { key: 'suspension:callbackAsk' }));
    const invalid = await chat.say('12345');
    expect(allText(invalid)).toContain(render('ja', 'chat', { key: 'suspension:callbackInvalid' }));
    const saved = await chat.say('090-1234-5678');
    expect(allText(saved)).toContain(saved.reportId!);
    const [report] = await reports.list();
    expect(report!.callback).toMatchObject({ phone: '09012345678', maskedPhone: '*********78', expired: false });
    const events = await store.reportEvents(10);
    expect(JSON.stringify(events)).not.toContain('1234');
  });
});

describe('privacy', () => {
  it('warns about a My Number and keeps it out of replies, stored records and logs', async () => {
    const { logger, lines } = capturingLogger();
    const store = new MemoryStore();
    const { engine, clock } = makeEngine({ store, logger });
    const chat = conversation(engine, clock, { langHint: 'en' });
    const reply = await chat.say('my number is 1234 5678 9012, what is the weather tomorrow?');
    expect(reply.messages[0]!.text).toBe(render('en', 'chat', { key: 'common:privacy.warning' }));
    const everything = [JSON.stringify(reply), JSON.stringify(await store.topTallies('unanswered', 100)), ...lines].join('\n');
    expect(everything).not.toMatch(/1234|5678|9012/);
    expect((await store.topTallies('unanswered', 100))[0]![0]).toContain('[my-number]');
  });

  it('warns about a PIN typed alone and does not treat it as a question', async () => {
    const { engine, clock, store } = makeEngine();
    const chat = conversation(engine, clock, { langHint: 'pt' });
    const reply = await chat.say('4821');
    expect(reply.messages[0]!.text).toBe(render('pt', 'chat', { key: 'common:privacy.warning' }));
    expect(await store.topTallies('unanswered', 100)).toEqual([]);
  });
});

describe('store outage', () => {
  it('still gives the number and the checklist, spools the report and writes it when the store is back', async () => {
    const { logger, lines } = capturingLogger();
    const store = new FlakyStore();
    const { engine, clock, reports } = makeEngine({ store, logger });
    const chat = conversation(engine, clock, { langHint: 'ko' });
    const reply = await chat.say(LOST.ko);
    expect(reply.messages[0]!.text).toContain('0120-95-0178');
    expect(reply.messages[1]!.text).toBe(render('ko', 'chat', { key: 'suspension:checklist' }));
    expect(reports.pendingCount).toBe(2);
    expect(lines.some((l) => l.includes('report event spooled'))).toBe(true);
    store.down = false;
    expect(await reports.flush()).toBe(2);
    const [report] = await reports.list();
    expect(report).toMatchObject({ reportId: reply.reportId, lang: 'ko', steps: [{ step: 'number_given' }] });
  });
});

describe('redelivery', () => {
  it('does not act twice on the same event id', async () => {
    const { engine, clock, reports } = makeEngine();
    const event = { channel: 'line' as const, conversationId: 'U1', eventId: 'ev-1', receivedAt: clock(), kind: 'text' as const, text: 'カードをなくした' };
    const first = await engine.handle(event);
    const second = await engine.handle(event);
    expect(first.reply?.intent).toBe('lost_stolen');
    expect(second).toMatchObject({ duplicate: true });
    expect(second.reply).toBeUndefined();
    expect(await reports.list()).toHaveLength(1);
  });
});

describe('where no line speaks the resident\'s language', () => {
  it.each(['vi', 'ja-easy'] as const)('%s: the first reply gives the free dial, the English line and the Japanese sentence to say', async (lang) => {
    const { engine, clock } = makeEngine();
    const reply = await conversation(engine, clock, { langHint: lang }).say(LOST[lang]);
    const first = reply.messages[0]!.text;
    expect(first).toContain('0120-95-0178');
    expect(first).toContain('0120-0178-27');
    // The sentence to say on the phone, in Japanese, with its reading.
    expect(first.replace(/（[ぁ-ん]+）/g, '')).toContain('マイナンバーカードをなくしたので、止めてください');
    expect(first).toContain(lang === 'vi' ? 'とめてください' : '止（と）めてください');
  });
});

describe('the checklist', () => {
  // The Japanese words a resident needs at the police and the town office appear in every
  // language (in brackets outside Japanese), so their presence shows each item is there.
  it.each(LANGS)('names the police report, the window and the reissue fee in %s, and nothing the guidebook does not say', (lang) => {
    // Easy Japanese shows readings in brackets: the terms are looked for in its words alone.
    const checklist = renderPlain(lang, 'chat', { key: 'suspension:checklist' });
    for (const term of ['警察署', '一時停止の解除', '再交付']) expect(checklist, term).toContain(term);
    // Only what the guidebook says: no report forms, koban, receipt numbers or smartphone certificates.
    for (const term of ['遺失届', '盗難届', '被害届', '交番', 'koban', '受理番号', 'スマホ用電子証明書']) expect(checklist, term).not.toContain(term);
  });
});

describe('report references', () => {
  it('carry the town date: a report at 03:00 on New Year’s Day is of that day, not of the UTC day before', async () => {
    const { ReportLog } = await import('../../src/suspension/reports.js');
    const { silentLogger } = await import('../../src/logger.js');
    const log = new ReportLog(new MemoryStore(), { logger: silentLogger, callbackTtlDays: 30 });
    expect(log.newReference(new Date(NEW_YEAR_3AM))).toMatch(/^KM-270101-[2-9A-HJ-NP-Z]{4}$/);
  });
});

describe('the report spool on disk', () => {
  it('keeps events written while the store is down across a restart, and writes them in order once it is back', async () => {
    const { mkdtempSync, readFileSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ReportLog } = await import('../../src/suspension/reports.js');
    const { silentLogger } = await import('../../src/logger.js');
    const spoolPath = join(mkdtempSync(join(tmpdir(), 'kmh-spool-')), 'reports.jsonl');
    const store = new FlakyStore();
    const before = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 30 });
    const now = new Date(NEW_YEAR_3AM);
    await before.create('KM-270101-AAAA', { channel: 'phone', lang: 'es' }, now);
    await before.step('KM-270101-AAAA', 'number_given', now);
    expect(readFileSync(spoolPath, 'utf8').trim().split('\n')).toHaveLength(2);

    // The process restarts; the store answers again.
    store.down = false;
    const after = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 30 });
    expect(after.pendingCount).toBe(2);
    await after.step('KM-270101-AAAA', 'transfer_started', now);
    expect(existsSync(spoolPath)).toBe(false);
    const [report] = await after.list();
    expect(report).toMatchObject({ reportId: 'KM-270101-AAAA', channel: 'phone', lang: 'es' });
    expect(report!.steps.map((s) => s.step)).toEqual(['number_given', 'transfer_started']);
  });

  it('lists a report once when its spooled events are written twice (two processes on one spool file)', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ReportLog } = await import('../../src/suspension/reports.js');
    const { silentLogger } = await import('../../src/logger.js');
    const spoolPath = join(mkdtempSync(join(tmpdir(), 'kmh-spool-')), 'reports.jsonl');
    const store = new FlakyStore();
    const now = new Date(NEW_YEAR_3AM);
    const during = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 30 });
    await during.create('KM-270101-BBBB', { channel: 'web', lang: 'pt' }, now);
    await during.step('KM-270101-BBBB', 'number_given', now);
    // Both read the spool at start, before either has written it.
    const first = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 30 });
    const second = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 30 });
    store.down = false;
    expect(await first.flush()).toBe(2);
    expect(await second.flush()).toBe(2);
    const reports = await first.list();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.steps.map((s) => s.step)).toEqual(['number_given']);
  });
});
