import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { fixedClock } from '../helpers/clock.js';
import { connectTestRedis, REDIS_URL, uniquePrefix } from '../helpers/redis.js';

const redis = await connectTestRedis();

/** One contract, two stores: whatever the memory store does, Redis does too. */
function contract(name: string, make: () => { store: Store; expire?: (seconds: number) => Promise<void> }) {
  describe(`${name} store`, () => {
    let store: Store;
    let expire: ((seconds: number) => Promise<void>) | undefined;
    let p: string;
    beforeAll(() => {
      ({ store, expire } = make());
    });
    const key = (k: string) => `${p}:${k}`;
    beforeAll(() => {
      p = uniquePrefix();
    });

    it('gets what it set, and deletes it', async () => {
      await store.set(key('a'), { lang: 'pt', turns: 2 }, 60);
      expect(await store.get(key('a'))).toEqual({ lang: 'pt', turns: 2 });
      await store.delete(key('a'));
      expect(await store.get(key('a'))).toBeUndefined();
    });

    it('claims an event id once', async () => {
      expect(await store.claim(key('event'), 60)).toBe(true);
      expect(await store.claim(key('event'), 60)).toBe(false);
    });

    it('counts hits in a window', async () => {
      expect(await store.hit(key('rate'), 60)).toBe(1);
      expect(await store.hit(key('rate'), 60)).toBe(2);
      expect(await store.hit(key('rate'), 60)).toBe(3);
    });

    it('expires entries after their TTL', async () => {
      if (!expire) return;
      await store.set(key('ttl'), 1, 1);
      await store.claim(key('ttl-claim'), 1);
      await expire(1.1);
      expect(await store.get(key('ttl'))).toBeUndefined();
      expect(await store.claim(key('ttl-claim'), 1)).toBe(true);
    });

    it('serialises turns of one session: concurrent read-modify-writes lose nothing', async () => {
      await store.set(key('counter'), 0, 60);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.withLock(key('counter'), async () => {
            const value = (await store.get<number>(key('counter')))!;
            await new Promise((resolve) => setImmediate(resolve));
            await store.set(key('counter'), value + 1, 60);
          }),
        ),
      );
      expect(await store.get(key('counter'))).toBe(20);
    });

    it('hands the holder of the lock the value stored under its key, as it is once the lock is held', async () => {
      expect(await store.withLock(key('fresh'), async (value) => value)).toBeUndefined();
      await store.set(key('held'), { turns: 1 }, 60);
      const first = store.withLock<void, { turns: number }>(key('held'), async (value) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await store.set(key('held'), { turns: value!.turns + 1 }, 60);
      });
      const second = store.withLock<number, { turns: number }>(key('held'), async (value) => value!.turns);
      await first;
      expect(await second).toBe(2);
    });

    it('saves a value as the lock is released, and the next holder reads it', async () => {
      let written: Promise<void> | undefined;
      await store.withLock<void, { step: number }>(key('saved'), async (value, save) => {
        expect(value).toBeUndefined();
        written = save({ step: 1 }, 60);
      });
      await written;
      expect(await store.withLock<number | undefined, { step: number }>(key('saved'), async (value) => value?.step)).toBe(1);
      expect(await store.get(key('saved'))).toEqual({ step: 1 });
    });

    it('releases the lock when the turn throws', async () => {
      await expect(store.withLock(key('boom'), async () => { throw new Error('boom'); })).rejects.toThrow('boom');
      expect(await store.withLock(key('boom'), async () => 'next')).toBe('next');
    });

    it('adds to counter tables', async () => {
      await store.increment(key('table'), 'ja\tq', 1);
      await store.increment(key('table'), 'ja\tq', 2);
      await store.increment(key('table'), 'en\tq');
      expect(await store.counters(key('table'))).toEqual({ 'ja\tq': 3, 'en\tq': 1 });
    });

    it('appends report events and lists them newest first', async () => {
      const id = `${p}-R`;
      await store.appendReportEvent({ reportId: id, type: 'created', at: '2027-01-01T00:00:00.000Z', data: { channel: 'web', lang: 'ja' } });
      await store.appendReportEvent({ id: `${p}-E2`, reportId: id, type: 'step', at: '2027-01-01T00:00:01.000Z', data: { step: 'number_given' } });
      const events = (await store.reportEvents(1000)).filter((e) => e.reportId === id);
      expect(events.map((e) => e.type)).toEqual(['step', 'created']);
      expect(events[1]!.data).toEqual({ channel: 'web', lang: 'ja' });
      // The event id comes back as it was given, and only where it was given.
      expect(events.map((e) => e.id)).toEqual([`${p}-E2`, undefined]);
    });

    it('keeps the most counted fields of a ranked table, bounded', async () => {
      const table = `${p}-asked`;
      for (let i = 0; i < 5; i++) await store.tally(table, 'often', 10);
      for (let i = 0; i < 3; i++) await store.tally(table, 'sometimes', 10);
      // A flood of questions asked once each: the table stays near its cap (10, trimmed past 11).
      for (let i = 0; i < 200; i++) await store.tally(table, `once ${i}`, 10);
      const top = await store.topTallies(table, 100);
      expect(top.length).toBeLessThanOrEqual(11);
      expect(top.slice(0, 2)).toEqual([['often', 5], ['sometimes', 3]]);
      expect(top.slice(2).every(([, count]) => count === 1)).toBe(true);
      expect(await store.topTallies(table, 1)).toEqual([['often', 5]]);
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}

const clock = fixedClock('2027-01-01T03:00:00+09:00');
contract('memory', () => ({ store: new MemoryStore(clock), expire: async (s) => clock.advance(s * 1000) }));

describe('memory store', () => {
  it('drops expired entries as it is written to, even when writes only overwrite', async () => {
    const store = new MemoryStore(clock);
    for (let i = 0; i < 10; i++) await store.set(`gone-${i}`, i, 1);
    clock.advance(2000);
    for (let i = 0; i < 1000; i++) await store.set('live', i, 60);
    expect(store.size).toBe(1);
    expect(await store.get('live')).toBe(999);
  });
});

describe('memory store limits', () => {
  it('keeps at most its cap of each key group, the least recently used going first', async () => {
    const store = new MemoryStore(clock, { maxSessions: 100, maxKeysPerGroup: 200 });
    await store.set('session:web:first', { turns: 1 }, 3600);
    for (let i = 0; i < 1000; i++) {
      await store.set(`session:web:s${i}`, { turns: 1 }, 3600);
      await store.claim(`event:line:e${i}`, 86_400);
      await store.hit(`rate:ip${i}:1`, 60);
      // A conversation in use stays: read before each new one arrives.
      if (i < 950) expect(await store.get('session:web:first')).toEqual({ turns: 1 });
    }
    // A full group sheds its least recently used 5% at once: between 95% of the caps and the caps.
    expect(store.size).toBeLessThanOrEqual(100 + 200 + 200);
    expect(store.size).toBeGreaterThanOrEqual(95 + 190 + 190);
    expect(await store.get('session:web:s999')).toEqual({ turns: 1 });
    expect(await store.get('session:web:s0')).toBeUndefined();
    // Not read for the last 50 new conversations, fewer than the cap: still there.
    expect(await store.get('session:web:first')).toEqual({ turns: 1 });
    expect(await store.claim('event:line:e999', 60)).toBe(false);
    expect(await store.claim('event:line:e0', 60)).toBe(true);
  });
});

describe.skipIf(!redis)('redis', () => {
  afterAll(async () => {
    await redis?.close();
  });
  // Redis counts TTLs on its own clock; the expiry case is covered by the memory store and by
  // Redis' own guarantees, so it is not waited for here.
  contract('redis', () => ({ store: redis! }));

  it('runs its scripts again after Redis has forgotten them (a restart, SCRIPT FLUSH)', async () => {
    const admin = createClient({ url: REDIS_URL });
    await admin.connect();
    await admin.scriptFlush();
    await admin.close();
    const k = `${uniquePrefix()}:flushed`;
    let written: Promise<void> | undefined;
    await redis!.withLock<void, number>(k, async (_value, save) => {
      written = save(7, 60);
    });
    await written;
    expect(await redis!.withLock<number | undefined, number>(k, async (value) => value)).toBe(7);
  });

  it('serialises one session across two connections (two server processes)', async () => {
    const other = (await connectTestRedis())!;
    const k = `${uniquePrefix()}:shared`;
    await redis!.set(k, 0, 60);
    const bump = (store: typeof redis) =>
      store!.withLock(k, async () => {
        const value = (await store!.get<number>(k))!;
        await new Promise((resolve) => setTimeout(resolve, 1));
        await store!.set(k, value + 1, 60);
      });
    await Promise.all(Array.from({ length: 10 }, (_, i) => bump(i % 2 ? redis : other)));
    expect(await redis!.get(k)).toBe(10);
    await other.close();
  });
});
