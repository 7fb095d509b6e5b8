import type { Clock } from '../knowledge/calendar.js';
import type { ReportEvent, SaveOnRelease, Store } from './store.js';

interface Entry { value: string; expiresAt: number }

/**
 * How much the embedded store keeps. Keys are grouped by the part before their first colon
 * (`session:…`, `event:…`, `rate:…`); each group holds at most its cap, the least recently
 * used key going first, so a flood of new conversations costs bounded memory.
 */
export interface MemoryLimits {
  /** Conversations (`session:` keys); when full, the least recently used 5% go. */
  maxSessions: number;
  /** Keys of any other group: event ids, rate-limit counters, phone steps… */
  maxKeysPerGroup: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = { maxSessions: 20_000, maxKeysPerGroup: 50_000 };

/**
 * The embedded store of `npm start`: one process, nothing kept across restarts, and bounded so
 * that no flood can make it outgrow the process (production uses Redis).
 */
const MAX_REPORT_EVENTS = 10_000;
const MAX_TABLE_FIELDS = 10_000;

/**
 * Share of a full group that goes at once, the least recently used first. One at a time, each
 * eviction would walk over the slots its predecessors left at the start of the Map (V8 compacts
 * them only when it rehashes): several microseconds per write under a flood of new keys.
 */
const EVICTED_SHARE = 0.05;

function evictOldest(entries: Map<string, unknown>, count: number): void {
  for (const key of entries.keys()) {
    if (count-- <= 0) return;
    entries.delete(key);
  }
}

const groupOf = (key: string) => {
  const colon = key.indexOf(':');
  return colon < 0 ? '' : key.slice(0, colon);
};

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  /** Per key group, in least-recently-used order (a Map keeps insertion order; a use re-inserts). */
  private readonly groups = new Map<string, Map<string, Entry>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly tables = new Map<string, Map<string, number>>();
  private readonly reports: ReportEvent[] = [];

  constructor(private readonly clock: Clock = () => new Date(), private readonly limits: MemoryLimits = DEFAULT_MEMORY_LIMITS) {}

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    let size = 0;
    for (const entries of this.groups.values()) size += entries.size;
    return size;
  }

  private entriesOf(key: string, create: true): Map<string, Entry>;
  private entriesOf(key: string, create?: false): Map<string, Entry> | undefined;
  private entriesOf(key: string, create = false): Map<string, Entry> | undefined {
    const group = groupOf(key);
    let entries = this.groups.get(group);
    if (!entries && create) this.groups.set(group, (entries = new Map()));
    return entries;
  }

  private capOf(key: string): number {
    return groupOf(key) === 'session' ? this.limits.maxSessions : this.limits.maxKeysPerGroup;
  }

  private live(key: string): Entry | undefined {
    const entries = this.entriesOf(key);
    const entry = entries?.get(key);
    if (!entry) return undefined;
    entries!.delete(key);
    if (entry.expiresAt <= this.clock().getTime()) return undefined;
    // Used now: to the young end of its group.
    entries!.set(key, entry);
    return entry;
  }

  private writes = 0;

  private sweepSometimes(): void {
    // Keeps memory bounded without a timer: expired entries go on every 1,000th write.
    if (++this.writes % 1000 !== 0) return;
    const now = this.clock().getTime();
    for (const entries of this.groups.values()) {
      for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    }
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.value) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    const entries = this.entriesOf(key, true);
    entries.delete(key);
    entries.set(key, { value: JSON.stringify(value), expiresAt: this.clock().getTime() + ttlSeconds * 1000 });
    const cap = this.capOf(key);
    if (entries.size > cap) evictOldest(entries, entries.size - Math.floor(cap * (1 - EVICTED_SHARE)));
    this.sweepSometimes();
  }

  async delete(key: string): Promise<void> {
    this.entriesOf(key)?.delete(key);
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

  async tally(table: string, field: string, max: number): Promise<void> {
    const ranked = `ranked:${table}`;
    let fields = this.tables.get(ranked);
    if (!fields) this.tables.set(ranked, (fields = new Map()));
    const count = (fields.get(field) ?? 0) + 1;
    // Re-inserted: among equal counts, the most recently asked is kept.
    fields.delete(field);
    fields.set(field, count);
    if (fields.size > max + Math.floor(max / 10)) {
      const kept = [...fields].reverse().sort((a, b) => b[1] - a[1]).slice(0, max).reverse();
      this.tables.set(ranked, new Map(kept));
    }
  }

  async topTallies(table: string, limit: number): Promise<[string, number][]> {
    return [...(this.tables.get(`ranked:${table}`) ?? [])].reverse().sort((a, b) => b[1] - a[1]).slice(0, limit);
  }

  async appendReportEvent(event: ReportEvent): Promise<void> {
    this.reports.push(structuredClone(event));
    // Trimmed a slice at a time: removing the oldest on every append would move the whole list each time.
    if (this.reports.length > MAX_REPORT_EVENTS) this.reports.splice(0, this.reports.length - Math.floor(MAX_REPORT_EVENTS * (1 - EVICTED_SHARE)));
  }

  async reportEvents(limit: number): Promise<ReportEvent[]> {
    return this.reports.slice(-limit).reverse().map((e) => structuredClone(e));
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
