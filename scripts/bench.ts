/**
 * npm run bench: the matcher alone (training time, per-message latency), then the server in
 * its own process under load with autocannon, for the memory store and for Redis (REDIS_URL or
 * the local Redis, when it answers): start-up time, turns/s, p50/p99 latency, peak RSS.
 * Each store's run starts with a warm-up (not counted) so that figures are of a server whose
 * code is compiled, as it is minutes after a start.
 * Several measured rounds follow (the median one is reported, with the spread of all).
 * Two kinds of traffic: the "mix" (a question of the evaluation set per request over 500
 * sessions) and "new conversations" (every request starts a conversation of its own, as most
 * residents ask one or two questions); then a soak of new conversations on the memory store,
 * reporting its RSS at the end (the embedded store must stay bounded).
 * Options: --quick (shorter runs), --connections N, --seconds N, --warmup N, --rounds N, --soak N (seconds).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { LANGS } from '../src/knowledge/languages.js';
import { Matcher } from '../src/knowledge/matcher.js';
import { RedisStore } from '../src/store/redis.js';
import { START_ARGS } from './start-command.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const connections = option('connections', 64);
const seconds = option('seconds', quick ? 5 : 10);
const warmup = option('warmup', quick ? 1 : 3);
const rounds = option('rounds', quick ? 1 : 3);
const soakSeconds = option('soak', quick ? 20 : 120);

/** Where each request's conversation comes from: a pool of 500, or a new one every time. */
type Traffic = 'mix' | 'new';

// The evaluation set's questions, in each language that has one (the same six as before, comparable).
const evalSet = (lang: string) => new URL(`../tests/eval/${lang}.json`, import.meta.url);
const questions = LANGS.filter((lang) => existsSync(evalSet(lang))).flatMap((lang) =>
  (JSON.parse(readFileSync(evalSet(lang), 'utf8')) as { q: string }[]).map((x) => x.q),
);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// 1. The matcher alone.
let t0 = performance.now();
const matcher = await Matcher.create(undefined, { cacheDir: false });
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
console.log(`matcher: trained 6 languages in ${trainMs.toFixed(0)} ms (both cores); ${latencies.length} messages: median ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms`);

// 2. The server, as `npm start` runs it, in its own process: start-up time to the first 200 on
// /healthz, then the web chat under load (every request a question of the evaluation set, in
// six languages, over a pool of sessions), then its peak RSS.
interface Started { child: ChildProcess; port: number; startupMs: number }


async function startServer(env: Record<string, string>): Promise<Started> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  // Logging as in production (info; the lines go nowhere here). The rate limit is off: every
  // request comes from one address, which a real town's traffic does not.
  const child = spawn(process.execPath, [...START_ARGS], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', REPORT_SPOOL_PATH: '/tmp/kmh-bench-spool.jsonl', ...env },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, port, startupMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 30_000) throw new Error('server did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The process' resident set size now (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function chatLoad(port: number, traffic: Traffic, duration: number) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/api/chat`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n++;
          const text = questions[n % questions.length];
          return { ...request, body: JSON.stringify(traffic === 'mix' ? { sessionId: `bench-session-${n % 500}`, text } : { text }) };
        },
      },
    ],
  });
}

async function load(name: string, env: Record<string, string>, traffic: Traffic): Promise<Record<string, string>> {
  const { child, port, startupMs } = await startServer(env);
  // Sampled while serving: the training at start-up (in a worker) is not the serving footprint.
  let peak = rssMb(child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 200);
  try {
    const run = (duration: number) => chatLoad(port, traffic, duration);
    if (warmup > 0) await run(warmup);
    const results = [];
    for (let round = 0; round < rounds; round++) results.push(await run(seconds));
    // This machine's speed varies from one run to the next: the median run is reported, and
    // the spread of all of them beside it.
    const sorted = [...results].sort((a, b) => a.requests.average - b.requests.average);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const spread = (values: number[]) => (values.length > 1 ? ` (${Math.min(...values)}–${Math.max(...values)})` : '');
    return {
      traffic: traffic === 'mix' ? '500 sessions' : 'new conversations',
      store: name,
      'start-up ms': startupMs.toFixed(0),
      'turns/s': `${median.requests.average.toFixed(0)}${spread(results.map((r) => Math.round(r.requests.average)))}`,
      'p50 ms': String(median.latency.p50),
      'p99 ms': `${median.latency.p99}${spread(results.map((r) => r.latency.p99))}`,
      errors: String(results.reduce((sum, r) => sum + r.errors + r.non2xx, 0)),
      'peak RSS under load': `${peak.toFixed(0)} MB`,
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
  }
}

/** New conversations at full speed for `duration` seconds on one server: errors, p99 and RSS at the end. */
async function soak(duration: number): Promise<Record<string, string>> {
  const { child, port } = await startServer({ REDIS_URL: '' });
  let peak = rssMb(child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 500);
  try {
    const result = await chatLoad(port, 'new', duration);
    const end = rssMb(child.pid!);
    const alive = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    return {
      seconds: String(duration),
      turns: String(result.requests.total),
      'turns/s': result.requests.average.toFixed(0),
      'p99 ms': String(result.latency.p99),
      errors: String(result.errors + result.non2xx),
      'RSS at the end': `${end.toFixed(0)} MB`,
      'peak RSS': `${peak.toFixed(0)} MB`,
      'healthz after': alive ? 'ok' : 'down',
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
  }
}

// As `npm start` does: compile dist/ first (its own time is printed; the start-up figure is the server's).
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const stores: [string, Record<string, string>][] = [['memory', { REDIS_URL: '' }]];
const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
try {
  const probe = await RedisStore.connect(redisUrl, { connectTimeoutMs: 1000 });
  await probe.close();
  stores.push(['redis', { REDIS_URL: redisUrl }]);
} catch (error) {
  console.log(`redis: skipped (${(error as Error).message})`);
}
const rows = [];
for (const traffic of ['mix', 'new'] as const) for (const [name, env] of stores) rows.push(await load(name, env, traffic));
console.log(`web chat (server in its own process), ${connections} connections, median of ${rounds} runs of ${seconds} s after ${warmup} s of warm-up, on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}:`);
console.table(rows);
if (soakSeconds > 0) {
  console.log(`soak: new conversations at full speed for ${soakSeconds} s, memory store, ${connections} connections:`);
  console.table([await soak(soakSeconds)]);
}
process.exit(0);
