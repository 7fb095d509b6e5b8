import { describe, expect, it } from 'vitest';
import { parseLineEvent } from '../../src/channels/line-events.js';
import { lineEvent, textEvent, userId } from '../helpers/line-webhook.js';

describe('LINE event shape', () => {
  it('accepts the events LINE sends: text, sticker, postback, follow, unfollow, group and room', () => {
    const user = userId(7);
    for (const event of [
      textEvent(user, 'カードをなくしました'),
      lineEvent(user, 'message', { message: { id: '1', type: 'sticker', packageId: '1', stickerId: '2' } }),
      lineEvent(user, 'postback', { postback: { data: 'menu' } }),
      lineEvent(user, 'follow'),
      lineEvent(user, 'unfollow'),
      { ...textEvent(user, 'hi'), source: { type: 'group', groupId: 'C' + '1'.repeat(32), userId: user } },
      { ...textEvent(user, 'hi'), source: { type: 'room', roomId: 'R' + '1'.repeat(32) } },
    ]) {
      expect(parseLineEvent(event)).toMatchObject({ ok: true });
    }
  });

  it('ignores event types the helpline does not answer, without calling them errors', () => {
    expect(parseLineEvent(lineEvent(userId(1), 'join'))).toEqual({ ok: false, ignored: true });
    expect(parseLineEvent(lineEvent(userId(1), 'beacon', { beacon: { hwid: 'x' } }))).toEqual({ ok: false, ignored: true });
  });

  it.each([
    ['a numeric user id', { source: { type: 'user', userId: 12345 } }, 'source.userId'],
    ['an array for the source', { source: [] }, 'source'],
    ['no source', { source: undefined }, 'source'],
    ['a null message', { message: null }, 'message'],
    ['text that is an object', { message: { type: 'text', text: { a: 1 } } }, 'message'],
    ['a very long user id', { source: { type: 'user', userId: 'U'.repeat(10_000) } }, 'source.userId'],
    ['a numeric reply token', { replyToken: 42 }, 'replyToken'],
    ['a string for the delivery context', { deliveryContext: 'yes' }, 'deliveryContext'],
  ])('refuses an event with %s, naming the field but not its value', (_name, change, field) => {
    const parsed = parseLineEvent({ ...textEvent(userId(2), 'secret 1234'), ...change });
    expect(parsed).toMatchObject({ ok: false, ignored: false });
    const problem = (parsed as { problem: string }).problem;
    expect(problem).toContain(field);
    expect(problem).not.toContain('1234');
  });

  it('refuses values that are not events at all', () => {
    for (const value of [null, 1, 'message', [], [textEvent(userId(3), 'x')], { type: 42 }]) {
      expect(parseLineEvent(value)).toMatchObject({ ok: false, ignored: false });
    }
  });
});
