/**
 * Report events spooled during a Redis outage are written as soon as Redis answers again, not
 * at the next periodic flush: the outage is a real one as the client sees it (a TCP proxy cut
 * and restored), against the real Redis.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { RedisStore } from '../../src/store/redis.js';
import { ReportLog } from '../../src/suspension/reports.js';
import { connectTestRedis, REDIS_URL } from '../helpers/redis.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const redis = await connectTestRedis();

describe.skipIf(!redis)('report spool after a Redis outage', () => {
  const proxy = new TcpProxy(Number(new URL(REDIS_URL).port || 6379));
  let store: RedisStore | undefined;
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await proxy.stop().catch(() => undefined);
    await redis?.close();
  });

  it('writes the spooled events when the connection comes back, without a flush call', async () => {
    await proxy.start();
    store = await RedisStore.connect(`redis://127.0.0.1:${proxy.port}`);
    const spoolPath = join(mkdtempSync(join(tmpdir(), 'kmh-spool-')), 'reports.jsonl');
    const reports = new ReportLog(store, { logger: silentLogger, spoolPath, callbackTtlDays: 1 });

    await proxy.cut();
    await vi.waitFor(async () => expect(await store!.ping()).toBe(false), { timeout: 5000 });
    const reportId = `KM-TEST-${Date.now().toString(36).toUpperCase()}`;
    await reports.create(reportId, { channel: 'web', lang: 'pt' }, new Date('2026-12-04T10:00:00Z'));
    expect(reports.pendingCount).toBe(1);
    expect(readFileSync(spoolPath, 'utf8')).toContain(reportId);

    await proxy.restore();
    // The client reconnects on its own back-off (at most 3 s); the reconnection writes the spool.
    await vi.waitFor(() => expect(reports.pendingCount).toBe(0), { timeout: 8000, interval: 50 });
    const written = (await redis!.reportEvents(200)).filter((e) => e.reportId === reportId);
    expect(written.map((e) => e.type)).toEqual(['created']);
    expect(existsSync(spoolPath)).toBe(false);
  });
});
