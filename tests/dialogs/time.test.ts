import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { allText, conversation, makeEngine } from '../helpers/converse.js';
import { fixedClock, NEW_YEAR_3AM, SATURDAY_9PM, WEEKDAY_10AM } from '../helpers/clock.js';

describe('answers that depend on the time in Tokyo', () => {
  it('on Saturday night, asking for a person gives the full hours, says it is closed and when it opens', async () => {
    const { engine, clock } = makeEngine({ clock: fixedClock(SATURDAY_9PM) });
    const reply = await conversation(engine, clock, { langHint: 'en' }).say('can I talk to a person please');
    expect(reply.intent).toBe('human_agent');
    expect(reply.messages[0]!.text).toBe(render('en', 'chat', { key: 'faq:human_agent.chat' }));
    expect(reply.messages[0]!.text).toContain('8:30 AM');
    expect(reply.messages[1]!.text).toBe('The town office is closed now. It opens again Monday, November 30, 8:30 AM.');
  });

  it('on a weekday morning says the office is open until 17:15', async () => {
    const { engine, clock } = makeEngine({ clock: fixedClock(WEEKDAY_10AM) });
    const reply = await conversation(engine, clock, { langHint: 'ja' }).say('役場の電話番号と開いている時間を教えて');
    expect(reply.intent).toBe('town_office');
    expect(reply.messages[1]!.text).toBe('役場の窓口は現在開いています（本日17:15まで）。');
  });

  it('on New Year\'s Day says convenience stores issue again from 4 January', async () => {
    const { engine, clock } = makeEngine({ clock: fixedClock(NEW_YEAR_3AM) });
    const reply = await conversation(engine, clock, { langHint: 'pt' }).say('até que horas posso tirar o juminhyo na konbini?');
    expect(reply.intent).toBe('konbini_hours');
    expect(reply.messages[1]!.text).toContain('4 de janeiro');
    // Brazilian times: 6h30, not 6:30.
    expect(reply.messages[1]!.text).toContain('6h30');
  });

  it('keeps the same answer whatever the server time zone', async () => {
    const { engine, clock } = makeEngine({ clock: fixedClock('2026-11-28T12:30:00Z') });
    const reply = await conversation(engine, clock, { langHint: 'en' }).say('what are the town office hours');
    expect(allText(reply)).toContain('closed now');
  });
});
