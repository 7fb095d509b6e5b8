import { describe, expect, it } from 'vitest';
import { LINE_LIMITS, renderLineMessages } from '../../src/channels/line-render.js';
import { answer, clarify, fallback } from '../../src/dialogs/faq.js';
import { areaMenu, languageMenu, mainMenu } from '../../src/dialogs/menu.js';
import type { Reply } from '../../src/dialogs/types.js';
import { AREAS, INTENTS } from '../../src/knowledge/intents/catalog.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { assertValidLine } from '../helpers/line-schema.js';

const now = new Date('2026-11-28T21:00:00+09:00');

function everyReply(lang: (typeof LANGS)[number]): [string, Reply][] {
  return [
    ...INTENTS.map((i) => [`faq ${i.id}`, answer(lang, i.id, now)] as [string, Reply]),
    ['main menu', mainMenu(lang, ['common:welcome'])],
    ...AREAS.map((a) => [`area ${a}`, areaMenu(lang, a)] as [string, Reply]),
    ['languages', languageMenu(lang)],
    ['clarify', clarify(lang, ['konbini_fee', 'konbini_hours', 'konbini_stores'])],
    ['fallback', fallback(lang, now)],
  ];
}

describe.each(LANGS)('LINE rendering in %s', (lang) => {
  it('keeps every answer and menu within LINE\'s schema and limits', () => {
    for (const [name, reply] of everyReply(lang)) {
      const messages = renderLineMessages(reply);
      assertValidLine('ReplyMessageRequest', { replyToken: 'x', messages });
      expect(messages.length, name).toBeLessThanOrEqual(LINE_LIMITS.messages);
      const items = (messages.at(-1) as { quickReply?: { items: { action: { label: string; data?: string } }[] } }).quickReply?.items ?? [];
      expect(items.length, name).toBeLessThanOrEqual(LINE_LIMITS.quickReplies);
      for (const { action } of items) {
        expect(action.label.length, `${name}: ${action.label}`).toBeLessThanOrEqual(LINE_LIMITS.label);
        // Labels are written short enough, never cut.
        expect(action.label.endsWith('…'), `${name}: ${action.label}`).toBe(false);
      }
    }
  });
});

describe('LINE rendering limits', () => {
  it('joins more than five messages into the fifth and cuts a text over 5,000 characters', () => {
    const reply: Reply = {
      lang: 'en',
      messages: Array.from({ length: 7 }, () => ({ key: 'common:welcome' })),
      choices: [],
      calls: [],
    };
    const messages = renderLineMessages(reply);
    expect(messages).toHaveLength(5);
    expect((messages[4] as { text: string }).text.split('\n\n')).toHaveLength(3);
    const long = renderLineMessages({ lang: 'en', messages: [{ key: 'common:language.name', params: { name: 'x'.repeat(6000) } }], choices: [], calls: [] });
    expect((long[0] as { text: string }).text.length).toBe(5000);
  });
});

describe('LINE cards', () => {
  it('shows the convenience-store steps as a card with one row per step', () => {
    const [message] = renderLineMessages(answer('en', 'konbini_steps', now));
    const flex = message as { type: string; contents: { body: { contents: { type: string; layout?: string }[] } } };
    expect(flex.type).toBe('flex');
    expect(flex.contents.body.contents.filter((c) => c.layout === 'horizontal').length).toBeGreaterThanOrEqual(5);
  });
});
