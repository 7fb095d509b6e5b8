import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { LANGS, type Lang } from '../../src/knowledge/languages.js';
import { factParams } from '../../src/knowledge/params.js';
import { VOICES } from '../../src/channels/voices.js';
import { startTestServer, type TestServer } from '../helpers/app.js';
import { fixedClock, NEW_YEAR_3AM, SATURDAY_9PM, WEEKDAY_10AM } from '../helpers/clock.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL, TwilioCall } from '../helpers/twilio-call.js';

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

const start = (when = WEEKDAY_10AM) =>
  startTestServer({ env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, ADMIN_TOKEN: 'staff-token-0123456789' }, clock: fixedClock(when) });

const voice = (lang: Lang, key: string, params?: Record<string, string>) => render(lang, 'voice', { key, ...(params ? { params } : {}) });
const spelledFreeDial = factParams('ja', 'voice')['freeDial']!;

describe.each(LANGS)('a call in %s', (lang) => {
  it('greets, offers the menu with 2 for a lost card, and on 2 reads the free dial digit by digit and offers to connect', async () => {
    server = await start(NEW_YEAR_3AM);
    const call = new TwilioCall(server);
    const greeting = await call.start(`?lang=${lang}`);
    expect(greeting.said[0]).toEqual({ text: voice(lang, 'common:welcome'), voice: VOICES[lang].voice, language: VOICES[lang].say });
    expect(greeting.gathers[0]).toMatchObject({ language: VOICES[lang].listen, input: 'dtmf speech' });
    expect(call.text()).toContain(voice(lang, 'ivr:press', { label: voice(lang, 'common:menu.area.lost'), key: voice(lang, 'ivr:keyDigit', { key: '2' }) }));
    // Every other language is offered in its own voice.
    for (const other of LANGS.filter((l) => l !== lang)) {
      expect(greeting.said).toContainEqual({ text: voice(other, 'ivr:languageOffer', { key: '9' }), voice: VOICES[other].voice, language: VOICES[other].say });
    }

    const lost = await call.press('2');
    expect(lost.said[0]!.text).toBe(voice(lang, 'suspension:first'));
    expect(lost.said[0]!.text).toContain(spelledFreeDial);
    if (lang !== 'ja') expect(lost.said[0]!.text).toContain(factParams(lang, 'voice')['foreignCardLine']);
    expect(call.text()).toContain(voice(lang, 'ivr:press', { label: voice(lang, 'suspension:choices.connect'), key: voice(lang, 'ivr:keyDigit', { key: '1' }) }));
    // Nothing pressed: the checklist follows the offer, then the menu again.
    expect(lost.gathers).toHaveLength(2);
    expect(call.text()).toContain(voice(lang, 'suspension:checklist'));

    const transfer = await call.press('1');
    expect(transfer.dial).toEqual({ action: `${PUBLIC_BASE_URL}/twilio/voice/dial?s=3`, number: '+81120950178' });
    const failed = await call.dialEnded('no-answer');
    expect(failed.said[0]!.text).toBe(voice(lang, 'ivr:transferFailedSuspension'));
    expect(failed.said[0]!.text).toContain(spelledFreeDial);
  });
});

describe('the voices of the newer languages', () => {
  it('reads Easy Japanese with the Japanese voice, slower, and Vietnamese with a Vietnamese voice and recognition', async () => {
    server = await start();
    const easy = await new TwilioCall(server).start('?lang=ja-easy');
    expect(easy.xml).toContain('<Say voice="Polly.Takumi-Neural" language="ja-JP"><prosody rate="80%">');
    expect(easy.said[0]!.text).toBe(voice('ja-easy', 'common:welcome'));
    expect(easy.said[0]!.text).not.toMatch(/[[\]|（]/);
    const vi = await new TwilioCall(server).start('?lang=vi');
    expect(vi.said[0]).toMatchObject({ voice: 'Google.vi-VN-Wavenet-A', language: 'vi-VN' });
    expect(vi.gathers[0]!.language).toBe('vi-VN');
  });
});

describe('phone menus', () => {
  it('answers a spoken question from the knowledge base in its voice form', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=en');
    const reply = await call.say('how much is a residence certificate at the convenience store');
    expect(reply.said[0]!.text).toBe(voice('en', 'faq:konbini_fee.voice'));
    expect(call.text()).toContain(voice('en', 'ivr:afterAnswer'));
  });

  it('takes "カードをなくしました" by speech wherever digits are accepted', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start();
    await call.press('1');
    const reply = await call.say('カードをなくしました');
    expect(reply.said[0]!.text).toBe(voice('ja', 'suspension:first'));
  });

  it('maps every main-menu key', async () => {
    server = await start();
    const expectations: [string, (t: string) => void][] = [
      ['1', (t) => expect(t).toContain(voice('ja', 'faq:konbini_fee.label'))],
      ['3', (t) => expect(t).toContain(voice('ja', 'faq:pin_locked.label'))],
      ['4', (t) => expect(t).toContain(voice('ja', 'faq:renewal.label'))],
      ['5', (t) => expect(t).toContain(voice('ja', 'faq:moving_out.label'))],
      ['6', (t) => expect(t).toContain(voice('ja', 'faq:town_office.label'))],
      ['7', (t) => expect(t).toContain(voice('ja', 'faq:card_overview.label'))],
      ['9', (t) => expect(t).toContain(voice('en', 'ivr:languageOffer', { key: '3' }))],
      ['0', (t) => expect(t).toContain(voice('ja', 'ivr:officeConnecting'))],
    ];
    for (const [key, check] of expectations) {
      const call = new TwilioCall(server);
      await call.start();
      await call.press(key);
      check(call.text());
    }
  });

  it('repeats on *, goes to the main menu on #, and switches language with 9', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start();
    await call.press('1');
    const menu = call.text();
    await call.press('*');
    expect(call.text()).toBe(menu);
    await call.press('#');
    expect(call.text()).toContain(voice('ja', 'common:menu.prompt'));
    await call.press('9');
    const portuguese = await call.press('7');
    expect(portuguese.said[0]).toMatchObject({ text: voice('pt', 'common:language.switched'), voice: VOICES.pt.voice });
  });

  it('connects to the town office during office hours, and gives its hours when it is closed', async () => {
    server = await start(WEEKDAY_10AM);
    const open = new TwilioCall(server);
    await open.start();
    expect((await open.press('0')).dial?.number).toBe('+81868542985');
    await server.close();

    server = await start(SATURDAY_9PM);
    const closed = new TwilioCall(server);
    await closed.start('?lang=en');
    const reply = await closed.press('0');
    expect(reply.dial).toBeUndefined();
    expect(reply.said[0]!.text).toBe(voice('en', 'faq:human_agent.voice'));
    expect(reply.said[1]!.text).toContain('Monday');
    await server.close();

    // A weekday of the year-end, which the guidebook does not settle: no transfer, no claim either way.
    server = await start('2026-12-29T10:00:00+09:00');
    const yearEnd = new TwilioCall(server);
    await yearEnd.start('?lang=en');
    const unsure = await yearEnd.press('0');
    expect(unsure.dial).toBeUndefined();
    expect(unsure.said[0]!.text).toBe(voice('en', 'faq:human_agent.voice'));
    expect(unsure.said.map((s) => s.text).join(' ')).not.toMatch(/town office is (open|closed) now/);
  });

  it('says when a key is not on the menu and repeats it', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=ko');
    const reply = await call.press('8');
    expect(reply.said[0]!.text).toBe(voice('ko', 'ivr:invalidKey'));
    expect(reply.said[1]!.text).toBe(voice('ko', 'common:welcome'));
  });

  it('asks again twice when nobody answers, then gives the free dial and says goodbye', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=es');
    expect((await call.silence()).said[0]!.text).toBe(voice('es', 'ivr:noInput'));
    expect((await call.silence()).said[0]!.text).toBe(voice('es', 'ivr:noInput'));
    const bye = await call.silence();
    expect(bye.said[0]!.text).toBe(voice('es', 'ivr:goodbye'));
    expect(bye.said[0]!.text).toContain(spelledFreeDial);
    expect(bye.hangup).toBe(true);
  });

  it('asks again when speech is unclear, then offers the menu', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=zh');
    expect((await call.say('嗯嗯', 0.1)).said[0]!.text).toBe(voice('zh', 'ivr:unclear'));
    const second = await call.say('啊', 0.2);
    expect(second.said[0]!.text).toBe(voice('zh', 'ivr:unclear'));
    expect(call.text()).toContain(voice('zh', 'common:menu.prompt'));
  });

  it('starts in Japanese for an unknown ?lang', async () => {
    server = await start();
    const call = new TwilioCall(server);
    const greeting = await call.start('?lang=fr');
    expect(greeting.said[0]!.language).toBe('ja-JP');
  });
});

describe('phone transfers, retries and reports', () => {
  it('records the lost-card call in the report log once, even when Twilio retries a step', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=pt');
    const action = call.last.gathers[0]!.action;
    const first = await call.press('2');
    const retry = await call.post(action, { AccountSid: `AC${'0'.repeat(32)}`, CallSid: call.callSid, From: '+819012345678', To: '+81868000000', CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01', Digits: '2' });
    expect(await retry.text()).toBe(first.xml);
    await call.press('1');
    await call.dialEnded('completed');
    const res = await fetch(`${server.url}/api/admin/reports`, { headers: { authorization: 'Bearer staff-token-0123456789' } });
    const { reports } = await res.json();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ channel: 'phone', lang: 'pt' });
    expect(reports[0].steps.map((s: { step: string }) => s.step)).toEqual(['number_given', 'transfer_started']);
  });

  it('hangs up politely after a completed transfer', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start();
    await call.press('2');
    await call.press('1');
    const done = await call.dialEnded('completed');
    expect(done.said[0]!.text).toBe(voice('ja', 'ivr:transferDone'));
    expect(done.hangup).toBe(true);
  });

  it('records how the call ended from the status callback, once', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start();
    await call.press('2');
    const params = { CallSid: call.callSid, CallStatus: 'completed', CallDuration: '42' };
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/status`, params)).status).toBe(204);
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/status`, params)).status).toBe(204);
    expect(await server.store.counters('calls')).toEqual({ completed: 1 });
    expect(await server.store.get(`call:${call.callSid}`)).toMatchObject({ status: 'completed', duration: 42 });
  });
});

describe('phone requests that must be refused', () => {
  it('rejects a missing or wrong signature with 403', async () => {
    server = await start();
    const call = new TwilioCall(server);
    const params = { CallSid: call.callSid, From: '+819012345678' };
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, params, { signature: null })).status).toBe(403);
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, params, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
  });

  it('checks the signature on PUBLIC_BASE_URL, not on the internal host it was sent to', async () => {
    server = await start();
    const call = new TwilioCall(server);
    const params = { CallSid: call.callSid };
    const twilio = (await import('twilio')).default;
    const internal = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${server.url}/twilio/voice`, params);
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, params, { signature: internal })).status).toBe(403);
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, params)).status).toBe(200);
  });

  it('refuses a body it cannot read (over 16 KiB, too many fields) with a 4xx, not with TwiML', async () => {
    server = await start();
    const call = new TwilioCall(server);
    const large = await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, { CallSid: call.callSid, SpeechResult: 'あ'.repeat(6000) }, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(large.status).toBe(413);
    expect((await large.json()).error.message).toContain('16 KiB');
    const fields = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`F${i}`, 'x']));
    const many = await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, { CallSid: call.callSid, ...fields }, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(many.status).toBe(413);
    expect((await many.json()).error.code).toBe('too_many_fields');
  });

  it('answers 400 when CallSid is missing', async () => {
    server = await start();
    const res = await new TwilioCall(server).post(`${PUBLIC_BASE_URL}/twilio/voice`, { From: '+819012345678' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('missing_parameter');
  });

  it('refuses signed parameters of the wrong form with 400: a repeated one, keys that are not digits', async () => {
    server = await start();
    const call = new TwilioCall(server);
    const twilio = (await import('twilio')).default;
    const url = `${PUBLIC_BASE_URL}/twilio/voice/step?s=1`;
    // A repeated parameter arrives as a list; Twilio's own signature covers lists too.
    const repeated = { CallSid: call.callSid, Digits: ['1', '2'] };
    const body = `CallSid=${call.callSid}&Digits=1&Digits=2`;
    const res = await fetch(`${server.url}/twilio/voice/step?s=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, repeated) },
      body,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_parameter', message: expect.stringContaining('Digits') });
    const letters = await call.post(url, { CallSid: call.callSid, Digits: 'abc' });
    expect(letters.status).toBe(400);
    const badSid = await call.post(url, { CallSid: 'CA-not-a-sid' });
    expect(badSid.status).toBe(400);
    // The call itself goes on: a well-formed key press is answered.
    expect((await call.post(`${PUBLIC_BASE_URL}/twilio/voice`, { CallSid: call.callSid })).status).toBe(200);
  });

  it('answers 503 naming the variable when the phone line is not configured', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/twilio/voice`, { method: 'POST' });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toContain('TWILIO_AUTH_TOKEN');
  });
});

describe('the foreign-language line on the phone', () => {
  it('is offered to callers in the five other languages, and connects to 0120-0178-27', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start('?lang=pt');
    await call.press('2');
    const offer = voice('pt', 'ivr:press', { label: voice('pt', 'suspension:choices.connectForeign'), key: voice('pt', 'ivr:keyDigit', { key: '3' }) });
    expect(call.text()).toContain(offer);
    const transfer = await call.press('3');
    expect(transfer.dial?.number).toBe('+81120017827');
  });

  it('is not offered to Japanese callers, who use the national line', async () => {
    server = await start();
    const call = new TwilioCall(server);
    await call.start();
    await call.press('2');
    expect(call.text()).not.toContain(voice('ja', 'suspension:choices.connectForeign'));
  });
});
