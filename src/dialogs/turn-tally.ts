/**
 * Turns per day, for the staff page's chart. Counted here and added to the store at most once
 * a second (and when asked: at shutdown, before the staff page reads): one store write a
 * second rather than one a turn. A crash loses at most a second of counts.
 */
import { tokyoTime, type Clock } from '../knowledge/calendar.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** The store's counter table: day (YYYY-MM-DD, the town's day, in Tokyo time) → turns. */
export const DAILY_TURNS = 'daily-turns';

export class TurnTally {
  private readonly pending = new Map<string, number>();
  private lastFlush: number;

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly logger: Logger, private readonly everyMs = 1000) {
    this.lastFlush = clock().getTime();
  }

  count(at: Date): void {
    const day = tokyoTime(at).isoDate;
    this.pending.set(day, (this.pending.get(day) ?? 0) + 1);
    if (this.clock().getTime() - this.lastFlush >= this.everyMs) void this.flush();
  }

  /** Adds what was counted to the store; counts it could not add wait for the next time. */
  async flush(): Promise<void> {
    this.lastFlush = this.clock().getTime();
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(
      batch.map(async ([day, turns]) => {
        try {
          await this.store.increment(DAILY_TURNS, day, turns);
        } catch (error) {
          this.pending.set(day, (this.pending.get(day) ?? 0) + turns);
          this.logger.error({ err: error }, 'store unavailable: turns per day kept for later');
        }
      }),
    );
  }
}
