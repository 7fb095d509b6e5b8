import type { Clock } from '../knowledge/calendar.js';
import type { ReportEvent, SaveOnRelease, Store } from './store.js';

interface Entry { value: string; expiresAt: number }

/**
 * The embedded store of `npm start`: one process, nothing kept across restarts, and bounded so
 * a long-running trial server does not grow without end (production uses Redis).
 */
const MAX_REPORT_EVENTS = 10_000;
const MAX_TABLE_FIELDS = 10_000;

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly tables = new Map<string, Map<string, number>>();
  private readonly reports: ReportEvent[] = [];

  constructor(private readonly clock: Clock = () => new Date()) {}

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private writes = 0;

  private sweepSometimes(): void {
    // Keeps memory bounded without a timer: expired entries go on every 1,000th write.
    if (++this.writes % 1000 !== 0) return;
    const now = this.clock().getTime();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.value) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value: JSON.stringify(value), expiresAt: this.clock().getTime() + ttlSeconds * 1000 });
    this.sweepSometimes();
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, 1, ttlSeconds);
    return true;
  }

  async withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    // In one process the write can simply happen at once, while the lock is held.
    const locked = async () => fn(await this.get<V>(key), (value, ttlSeconds) => this.set(key, value, ttlSeconds));
    const run = previous.then(locked, locked);
    const settled = run.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const entry = this.live(key);
    if (!entry) {
      await this.set(key, 1, windowSeconds);
      return 1;
    }
    const count = Number(entry.value) + 1;
    entry.value = String(count);
    return count;
  }

  async increment(table: string, field: string, by = 1): Promise<void> {
    let fields = this.tables.get(table);
    if (!fields) this.tables.set(table, (fields = new Map()));
    if (!fields.has(field) && fields.size >= MAX_TABLE_FIELDS) return;
    fields.set(field, (fields.get(field) ?? 0) + by);
  }

  async counters(table: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.tables.get(table) ?? []);
  }

  async appendReportEvent(event: ReportEvent): Promise<void> {
    this.reports.push(structuredClone(event));
    if (this.reports.length > MAX_REPORT_EVENTS) this.reports.splice(0, this.reports.length - MAX_REPORT_EVENTS);
  }

  async reportEvents(limit: number): Promise<ReportEvent[]> {
    return this.reports.slice(-limit).reverse().map((e) => structuredClone(e));
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
