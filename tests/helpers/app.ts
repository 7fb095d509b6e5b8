import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { Matcher } from '../../src/knowledge/matcher.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { fixedClock, WEEKDAY_10AM } from './clock.js';

let sharedMatcher: Matcher | undefined;
/** The matcher takes a moment to train; tests share one. */
export const testMatcher = (): Matcher => (sharedMatcher ??= new Matcher());

export interface TestServer {
  url: string;
  app: App;
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
  chat(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>  // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary per test;
}

export async function startTestServer(options: { env?: Record<string, string>; store?: Store; clock?: ReturnType<typeof fixedClock>; logger?: Logger } = {}): Promise<TestServer> {
  const clock = options.clock ?? fixedClock(WEEKDAY_10AM);
  const store = options.store ?? new MemoryStore(clock);
  const config = loadConfig({ REPORT_SPOOL_PATH: '', ...options.env });
  const app = await buildApp({ config: { ...config, spoolPath: '' }, store, matcher: testMatcher(), clock, logger: options.logger ?? silentLogger });
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    store,
    clock,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async chat(body, headers = {}) {
      const res = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: the test asserts on it
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
