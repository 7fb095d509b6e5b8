import { createHash, randomUUID } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { ReportEvent, SaveOnRelease, Store } from './store.js';

const PREFIX = 'kmh:';
const REPORT_STREAM = `${PREFIX}reports`;
const LOCK_TTL_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

// Releases a lock only if we still own it, so a lock that expired and was taken by another
// process is not released by the first one.
/** A Lua script, run by its SHA1: Redis keeps a script once it has run it. */
interface Script { body: string; sha: string }
const script = (body: string): Script => ({ body, sha: createHash('sha1').update(body).digest('hex') });

const RELEASE = script(`if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`);
/** Writes the value (KEYS[2], ARGV[2], TTL ARGV[3] s) and releases the lock (KEYS[1]) if still ours. */
const SAVE_AND_RELEASE = script(`redis.call('set', KEYS[2], ARGV[2], 'EX', ARGV[3]) if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end return 1`);
/** Takes the lock (KEYS[1]) and, if taken, reads the value (KEYS[2]): one round trip, not two. */
const ACQUIRE_AND_READ = script(`if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1, redis.call('get', KEYS[2])} end return {0}`);

/**
 * Counts ARGV[1] in the sorted set KEYS[1]; past ARGV[2] + a tenth, drops the least counted down
 * to ARGV[2] (trimming in batches keeps the cost of a count constant).
 */
const TALLY = script(`redis.call('zincrby', KEYS[1], 1, ARGV[1]) local max = tonumber(ARGV[2]) local size = redis.call('zcard', KEYS[1]) if size > max + math.floor(max / 10) then redis.call('zremrangebyrank', KEYS[1], 0, size - max - 1) end return 1`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Shared state for any number of server processes. */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;

  private readonly reconnectListeners: (() => void)[] = [];

  private constructor(private readonly client: RedisClientType) {
    // 'ready' comes again after every reconnection (the first one is before the constructor).
    client.on('ready', () => {
      for (const listener of this.reconnectListeners) listener();
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  static async connect(url: string, options: { connectTimeoutMs?: number } = {}): Promise<RedisStore> {
    let connected = false;
    const client: RedisClientType = createClient({
      url,
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 5000,
        // At start-up a few tries, then a clear error; once connected, retry for as long as it
        // takes (commands fail fast meanwhile: no offline queue).
        reconnectStrategy: (retries, cause) =>
          !connected && retries >= 3 ? new Error(`Redis did not answer: ${cause.message}`) : Math.min(100 * 2 ** retries, 3000),
      },
      disableOfflineQueue: true,
    });
    client.on('error', () => {
      // Reported through failing commands and /readyz; without a listener node-redis throws.
    });
    await client.connect();
    connected = true;
    return new RedisStore(client);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.client.set(PREFIX + key, JSON.stringify(value), { expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) } });
  }

  async delete(key: string): Promise<void> {
    await this.client.del(PREFIX + key);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.client.set(PREFIX + key, '1', {
      expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) },
      condition: 'NX',
    });
    return reply === 'OK';
  }

  async withLock<T, V = unknown>(key: string, fn: (value: V | undefined, save: SaveOnRelease<V>) => Promise<T>): Promise<T> {
    const lockKey = `${PREFIX}lock:${key}`;
    const token = randomUUID();
    const deadline = Date.now() + LOCK_WAIT_MS;
    let delay = 2;
    let raw: string | null;
    for (;;) {
      const [taken, value] = (await this.run(ACQUIRE_AND_READ, [lockKey, PREFIX + key], [token, String(LOCK_TTL_MS)])) as [number, string | null | undefined];
      if (taken === 1) {
        raw = value ?? null;
        break;
      }
      if (Date.now() > deadline) throw new Error(`lock ${key} not acquired within ${LOCK_WAIT_MS} ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, 20);
    }
    let saved: { json: string; ttl: number; settle: (error?: unknown) => void } | undefined;
    const save: SaveOnRelease<V> = (value, ttlSeconds) =>
      new Promise<void>((resolve, reject) => {
        saved = { json: JSON.stringify(value), ttl: Math.max(1, Math.ceil(ttlSeconds)), settle: (error) => (error ? reject(error) : resolve()) };
      });
    try {
      return await fn(raw === null ? undefined : (JSON.parse(raw) as V), save);
    } finally {
      // Not waited for: commands on this connection run in order, so this process's next
      // command for the key comes after the release; other processes retry until it is done.
      if (saved) {
        const { json, ttl, settle } = saved;
        this.run(SAVE_AND_RELEASE, [lockKey, PREFIX + key], [token, json, String(ttl)]).then(() => settle(), settle);
      } else {
        this.run(RELEASE, [lockKey], [token]).catch(() => undefined);
      }
    }
  }

  /** EVALSHA, sent as it is (the hot path: no option objects to translate); EVAL the first time. */
  private async run(script: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.sendCommand(['EVALSHA', script.sha, String(keys.length), ...keys, ...args]);
    } catch (error) {
      if (!(error as Error).message.startsWith('NOSCRIPT')) throw error;
      return this.client.sendCommand(['EVAL', script.body, String(keys.length), ...keys, ...args]);
    }
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const full = PREFIX + key;
    const [count] = (await this.client.multi().incr(full).expire(full, windowSeconds, 'NX').exec()) as unknown as [number];
    return Number(count);
  }

  async increment(table: string, field: string, by = 1): Promise<void> {
    await this.client.hIncrBy(PREFIX + table, field, by);
  }

  async counters(table: string): Promise<Record<string, number>> {
    const raw = await this.client.hGetAll(PREFIX + table);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }

  async tally(table: string, field: string, max: number): Promise<void> {
    await this.run(TALLY, [`${PREFIX}ranked:${table}`], [field, String(max)]);
  }

  async topTallies(table: string, limit: number): Promise<[string, number][]> {
    const raw = await this.client.zRangeWithScores(`${PREFIX}ranked:${table}`, 0, limit - 1, { REV: true });
    return raw.map(({ value, score }) => [value, score]);
  }

  async appendReportEvent(event: ReportEvent): Promise<void> {
    // A stream: append-only and kept by Redis persistence (AOF/RDB), unlike TTL'd keys.
    await this.client.xAdd(REPORT_STREAM, '*', {
      ...(event.id ? { id: event.id } : {}),
      reportId: event.reportId,
      type: event.type,
      at: event.at,
      data: JSON.stringify(event.data),
    });
  }

  async reportEvents(limit: number): Promise<ReportEvent[]> {
    const entries = await this.client.xRevRange(REPORT_STREAM, '+', '-', { COUNT: limit });
    return entries.map(({ message }) => ({
      ...(message['id'] ? { id: String(message['id']) } : {}),
      reportId: String(message['reportId']),
      type: message['type'] === 'created' ? 'created' : 'step',
      at: String(message['at']),
      data: JSON.parse(String(message['data'])) as Record<string, string>,
    }));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}
