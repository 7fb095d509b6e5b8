import type { ReportEvent, SaveOnRelease, Store } from '../../src/store/store.js';
import { MemoryStore } from '../../src/store/memory.js';

/** A store whose every call fails while `down` is true, like Redis during an outage. */
export class FlakyStore implements Store {
  readonly kind = 'redis' as const;
  down = true;
  constructor(readonly inner: MemoryStore = new MemoryStore()) {}
  private guard<T>(call: () => Promise<T>): Promise<T> {
    return this.down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) : call();
  }
  get<T>(key: string) { return this.guard(() => this.inner.get<T>(key)); }
  set<T>(key: string, value: T, ttl: number) { return this.guard(() => this.inner.set(key, value, ttl)); }
  delete(key: string) { return this.guard(() => this.inner.delete(key)); }
  claim(key: string, ttl: number) { return this.guard(() => this.inner.claim(key, ttl)); }
  withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>) { return this.guard(() => this.inner.withLock(key, fn)); }
  hit(key: string, window: number) { return this.guard(() => this.inner.hit(key, window)); }
  increment(table: string, field: string, by?: number) { return this.guard(() => this.inner.increment(table, field, by)); }
  counters(table: string) { return this.guard(() => this.inner.counters(table)); }
  tally(table: string, field: string, max: number) { return this.guard(() => this.inner.tally(table, field, max)); }
  topTallies(table: string, limit: number) { return this.guard(() => this.inner.topTallies(table, limit)); }
  appendReportEvent(event: ReportEvent) { return this.guard(() => this.inner.appendReportEvent(event)); }
  reportEvents(limit: number) { return this.guard(() => this.inner.reportEvents(limit)); }
  async ping() { return !this.down; }
  async close() {}
}
