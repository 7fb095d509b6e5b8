/**
 * A store whose failed operations are reported (as `helpline_store_errors_total{operation}`)
 * before they reach their caller, so that every part of the helpline that uses the store is
 * counted the same way, whatever it then does about the failure.
 */
import type { ReportEvent, SaveOnRelease, Store } from './store.js';

export class CountedStore implements Store {
  constructor(private readonly store: Store, private readonly onFailure: (operation: string) => void) {}

  get kind(): Store['kind'] {
    return this.store.kind;
  }

  private watch<T>(operation: string, pending: Promise<T>): Promise<T> {
    return pending.catch((error: unknown) => {
      this.onFailure(operation);
      throw error;
    });
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.watch('get', this.store.get<T>(key));
  }

  set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    return this.watch('set', this.store.set(key, value, ttlSeconds));
  }

  delete(key: string): Promise<void> {
    return this.watch('delete', this.store.delete(key));
  }

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.watch('claim', this.store.claim(key, ttlSeconds));
  }

  /** Only the store's own failures count: an error thrown by `fn` is the caller's. */
  withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>): Promise<T> {
    let callerFailed = false;
    const locked = this.store.withLock<T, V>(key, async (value, save) => {
      try {
        return await fn(value, (next, ttlSeconds) => this.watch('save', save(next, ttlSeconds)));
      } catch (error) {
        callerFailed = true;
        throw error;
      }
    });
    return locked.catch((error: unknown) => {
      if (!callerFailed) this.onFailure('lock');
      throw error;
    });
  }

  hit(key: string, windowSeconds: number): Promise<number> {
    return this.watch('hit', this.store.hit(key, windowSeconds));
  }

  increment(table: string, field: string, by?: number): Promise<void> {
    return this.watch('increment', this.store.increment(table, field, by));
  }

  counters(table: string): Promise<Record<string, number>> {
    return this.watch('counters', this.store.counters(table));
  }

  tally(table: string, field: string, max: number): Promise<void> {
    return this.watch('tally', this.store.tally(table, field, max));
  }

  topTallies(table: string, limit: number): Promise<[string, number][]> {
    return this.watch('tallies', this.store.topTallies(table, limit));
  }

  appendReportEvent(event: ReportEvent): Promise<void> {
    return this.watch('report', this.store.appendReportEvent(event));
  }

  reportEvents(limit: number): Promise<ReportEvent[]> {
    return this.watch('reports', this.store.reportEvents(limit));
  }

  /** A store that does not answer its ping (false, or an error) counts as a failure too. */
  ping(): Promise<boolean> {
    return this.watch('ping', this.store.ping()).then((ok) => {
      if (!ok) this.onFailure('ping');
      return ok;
    });
  }

  onReconnect(listener: () => void): void {
    this.store.onReconnect?.(listener);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
