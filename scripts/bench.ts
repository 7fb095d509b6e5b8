/**
 * npm run bench: the matcher alone (training time, per-message latency), then the web chat
 * under load with autocannon, for the memory store and for Redis (if REDIS_URL or the local
 * Redis answers), then the start-up time of the server process. Prints a summary table.
 * Options: --quick (shorter runs), --connections N, --seconds N.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/knowledge/calendar.js';
import { LANGS } from '../src/knowledge/languages.js';
import { Matcher } from '../src/knowledge/matcher.js';
import { silentLogger } from '../src/logger.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis.js';
import type { Store } from '../src/store/store.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const connections = option('connections', 64);
const seconds = option('seconds', quick ? 5 : 15);

const questions = LANGS.flatMap((lang) =>
  (JSON.parse(readFileSync(new URL(`../tests/eval/${lang}.json`, import.meta.url), 'utf8')) as { q: string }[]).map((x) => x.q),
);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// 1. The matcher alone.
let t0 = performance.now();
const matcher = new Matcher();
const trainMs = performance.now() - t0;
const latencies: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of questions) {
    t0 = performance.now();
    matcher.match(q);
    latencies.push(performance.now() - t0);
  }
}
latencies.sort((a, b) => a - b);
console.log(`matcher: trained 6 languages in ${trainMs.toFixed(0)} ms; ${latencies.length} messages: median ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms`);

// 2. The web chat under load: every request a new question from the evaluation set, in a
// rotating pool of sessions, as a mix of six languages.
async function load(store: Store): Promise<Record<string, string>> {
  const config = { ...loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }), spoolPath: '' };
  const app = buildApp({ config, store, matcher, clock: systemClock, logger: silentLogger });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
  let n = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n++;
          const body = JSON.stringify({ sessionId: `bench-session-${n % 500}`, text: questions[n % questions.length] });
          return { ...request, body };
        },
      },
    ],
  });
  clearInterval(sampler);
  await new Promise((resolve) => server.close(resolve));
  return {
    store: store.kind,
    'turns/s': result.requests.average.toFixed(0),
    'p50 ms': String(result.latency.p50),
    'p99 ms': String(result.latency.p99),
    errors: String(result.errors + result.non2xx),
    'peak RSS': mb(peakRss),
  };
}

const rows = [await load(new MemoryStore())];
try {
  const redis = await RedisStore.connect(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { connectTimeoutMs: 1000 });
  rows.push(await load(redis));
  await redis.close();
} catch (error) {
  console.log(`redis: skipped (${(error as Error).message})`);
}
console.log(`web chat, ${connections} connections, ${seconds} s each:`);
console.table(rows);

// 3. Start-up: from spawning the server to its first 200 on /healthz.
async function startupMs(): Promise<number> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: String(port), REDIS_URL: '', LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 20_000) throw new Error('server did not start within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
  }
}
console.log(`start-up to first /healthz: ${(await startupMs()).toFixed(0)} ms (process spawn, TypeScript load, model training included)`);
process.exit(0);
