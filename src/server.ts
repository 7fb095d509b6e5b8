/** The only file that reads the environment and listens. */
import { createServer, type ServerResponse } from 'node:http';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { getI18n } from './i18n.js';
import { systemClock } from './knowledge/calendar.js';
import { ThreadedMatcher } from './knowledge/matcher-thread.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { guardUnhandledRejections } from './rejection-guard.js';
import { MemoryStore } from './store/memory.js';
import type { Store } from './store/store.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { buffered: true });
  const metrics = new Metrics();
  guardUnhandledRejections(logger, () => metrics.unhandledRejection());
  const started = performance.now();
  let store: Store;
  if (config.redisUrl) {
    try {
      const { RedisStore } = await import('./store/redis.js');
      store = await RedisStore.connect(config.redisUrl);
    } catch (error) {
      console.error(`Cannot connect to Redis at ${config.redisUrl.replace(/\/\/[^@]*@/, '//***@')}: ${(error as Error).message}`);
      process.exit(3);
    }
  } else {
    store = new MemoryStore(systemClock, config.memoryLimits);
  }
  getI18n();
  // Matching runs in a worker thread, on the other core, while this thread serves requests.
  const matcher = await ThreadedMatcher.start({
    ...(config.modelCacheDir === undefined ? {} : { cacheDir: config.modelCacheDir }),
    onRestart: (reason) => logger.error({ reason }, 'matcher worker died: started another'),
  });
  const app = await buildApp({ config, store, matcher, clock: systemClock, logger, metrics });
  // Responses still to be written when a shutdown begins are told to close their connection.
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  function forget(this: ServerResponse) {
    inFlight.delete(this);
  }
  const server = createServer((req, res) => {
    if (stopping) res.shouldKeepAlive = false;
    else {
      inFlight.add(res);
      res.on('close', forget);
    }
    app(req, res);
  });
  const cannotListen = (error: Error) => {
    console.error(`Cannot listen on port ${config.port}: ${error.message}`);
    process.exit(4);
  };
  server.once('error', cannotListen);
  server.listen(config.port, () => {
    server.off('error', cannotListen);
    server.on('error', (error) => logger.error({ err: error }, 'server error'));
    logger.info(
      { port: config.port, store: store.kind, model: matcher.fromCache ? 'from cache' : 'trained', readyMs: Math.round(performance.now() - started), publicBaseUrl: config.publicBaseUrl },
      'helpline ready',
    );
  });
  const flushTimer = setInterval(() => void app.reports.flush(), 30_000).unref();

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Each turn in flight is answered, then its connection closes (a proxy sends no more on it).
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    logger.info({ signal }, 'shutting down: no new connections, finishing turns in flight');
    clearInterval(flushTimer);
    setTimeout(() => {
      logger.error('shutdown took longer than 10 s: exiting');
      process.exit(1);
    }, 10_000).unref();
    server.close(() => {
      void (async () => {
        await app.line.drain();
        await app.reports.flush();
        await app.engine.tally.flush();
        await store.close();
        await matcher.close();
        logger.info('shut down cleanly');
        process.exit(0);
      })();
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

// A failure before the server listens is a start-up error, not a bug to survive: say it, exit.
main().catch((error: unknown) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
