import { describe, expect, it } from 'vitest';
import { DAILY_TURNS, TurnTally } from '../../src/dialogs/turn-tally.js';
import { silentLogger } from '../../src/logger.js';
import { MemoryStore } from '../../src/store/memory.js';
import { FlakyStore } from '../helpers/failing-store.js';

describe('turns per day', () => {
  const at = (iso: string) => new Date(iso);

  it('writes to the store once a second with the sum, not once a turn', async () => {
    let now = at('2026-12-01T10:00:00.000Z');
    const store = new MemoryStore(() => now);
    const tally = new TurnTally(store, () => now, silentLogger);
    for (let i = 0; i < 5; i++) tally.count(now);
    expect(await store.counters(DAILY_TURNS)).toEqual({});
    now = at('2026-12-01T10:00:01.000Z');
    tally.count(now);
    await tally.flush();
    expect(await store.counters(DAILY_TURNS)).toEqual({ '2026-12-01': 6 });
  });

  it('keeps counts the store could not take, and adds them once it is back', async () => {
    const now = at('2026-12-01T10:00:00.000Z');
    const store = new FlakyStore();
    const tally = new TurnTally(store, () => now, silentLogger);
    tally.count(now);
    tally.count(at('2026-12-02T00:30:00.000Z'));
    await tally.flush();
    store.down = false;
    tally.count(now);
    await tally.flush();
    expect(await store.counters(DAILY_TURNS)).toEqual({ '2026-12-01': 2, '2026-12-02': 1 });
  });
});
