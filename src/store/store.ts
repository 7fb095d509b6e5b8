/**
 * Where all state lives: sessions, event dedupe, rate limits, counters and the report log.
 * Two implementations, in-memory (default) and Redis; one contract test suite runs on both.
 */

export interface ReportEvent {
  /** Unique per event: an event written twice (replayed from a spool) is read once. */
  id?: string;
  /** Report reference, e.g. KM-20260101-4F7Q. */
  reportId: string;
  type: 'created' | 'step';
  at: string;
  data: Record<string, string>;
}

/** Stores `value` under the locked key, with a TTL, when the lock is released. */
export type SaveOnRelease<V> = (value: V, ttlSeconds: number) => Promise<void>;

export interface Store {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Set-if-absent with a TTL: true for the first caller only. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Runs `fn` while holding the lock of `key`, with the value stored under `key` as it is once
   * the lock is held (taken and read in one step); other holders (any process) wait their turn.
   * `save` stores a new value under `key` as the lock is released (again one step); its promise
   * tells whether that write succeeded.
   */
  withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>): Promise<T>;
  /** Increments a counter that expires `windowSeconds` after its first hit; returns the count. */
  hit(key: string, windowSeconds: number): Promise<number>;
  /** Adds `by` to a field of a counter table. */
  increment(table: string, field: string, by?: number): Promise<void>;
  counters(table: string): Promise<Record<string, number>>;
  /**
   * Counts one more `field` in a ranked table that keeps about its `max` most counted fields
   * (the least counted go first when it grows past them): bounded whatever is asked.
   */
  tally(table: string, field: string, max: number): Promise<void>;
  /** The most counted fields of a ranked table, most first. */
  topTallies(table: string, limit: number): Promise<[field: string, count: number][]>;
  /** Appends to the report log, which is never trimmed by TTL. */
  appendReportEvent(event: ReportEvent): Promise<void>;
  /** The newest report events first. */
  reportEvents(limit: number): Promise<ReportEvent[]>;
  ping(): Promise<boolean>;
  /** Calls `listener` each time the store answers again after losing its connection (Redis). */
  onReconnect?(listener: () => void): void;
  close(): Promise<void>;
}
