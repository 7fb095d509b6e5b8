import { describe, expect, it } from 'vitest';
import { renderChat } from '../src/channels/chat-render.js';
import { renderLineMessages } from '../src/channels/line-render.js';
import { render, renderMarked } from '../src/i18n.js';
import { readingSegments, withBracketReadings, withoutReadings } from '../src/readings.js';
import { answer } from '../src/dialogs/faq.js';
import { WEEKDAY_10AM } from './helpers/clock.js';

describe('readings of kanji (Easy Japanese)', () => {
  const marked = '[住民票|じゅうみんひょう]の[写|うつ]しを[取|と]ります';

  it('are shown in brackets, dropped, or cut into ruby pieces', () => {
    expect(withBracketReadings(marked)).toBe('住民票（じゅうみんひょう）の写（うつ）しを取（と）ります');
    expect(withoutReadings(marked)).toBe('住民票の写しを取ります');
    expect(readingSegments(marked)).toEqual([
      { text: '住民票', ruby: 'じゅうみんひょう' }, { text: 'の' }, { text: '写', ruby: 'うつ' }, { text: 'しを' }, { text: '取', ruby: 'と' }, { text: 'ります' },
    ]);
    expect(withBracketReadings('plain [text] | bar')).toBe('plain [text] | bar');
  });

  it('are in brackets in chat text and never read aloud', () => {
    const key = { key: 'faq:konbini_fee.chat' };
    expect(renderMarked('ja-easy', 'chat', key)).toMatch(/\[[^\]|]+\|[^\]]+\]/);
    expect(render('ja-easy', 'chat', key)).not.toMatch(/[[\]|]/);
    expect(render('ja-easy', 'chat', key)).toMatch(/（[ぁ-ん]+）/);
    expect(render('ja-easy', 'voice', { key: 'faq:konbini_fee' })).not.toMatch(/[[\]|（）]/);
  });

  it('reach the web page as ruby pieces beside the plain text, and LINE in brackets', () => {
    const reply = answer('ja-easy', 'konbini_fee', new Date(WEEKDAY_10AM));
    const chat = renderChat(reply);
    expect(chat.messages[0]!.text).toBe(render('ja-easy', 'chat', { key: 'faq:konbini_fee.chat' }));
    expect(chat.messages[0]!.ruby!.map((s) => s.text).join('')).toBe(withoutReadings(renderMarked('ja-easy', 'chat', { key: 'faq:konbini_fee.chat' })));
    expect(chat.messages[0]!.ruby!.some((s) => s.ruby)).toBe(true);
    // Other languages carry no ruby.
    expect(renderChat(answer('en', 'konbini_fee', new Date(WEEKDAY_10AM))).messages[0]!.ruby).toBeUndefined();
    const line = renderLineMessages(reply);
    expect((line[0] as { text: string }).text).toBe(chat.messages[0]!.text);
    // Quick-reply labels keep LINE's 20 characters, with the readings when they fit.
    for (const message of line) {
      for (const item of (message as { quickReply?: { items: { action: { label: string } }[] } }).quickReply?.items ?? []) expect(item.action.label.length).toBeLessThanOrEqual(20);
    }
  });
});
