/** buildApp(deps) → the express app: health, web chat, staff endpoints. It never listens. */
import express, { type Express } from 'express';
import { adminRouter } from './channels/admin.js';
import { errorHandler, sendError } from './channels/http-errors.js';
import { RateLimiter } from './channels/rate-limit.js';
import { lineChannel, type LineChannel } from './channels/line.js';
import { twilioRouter } from './channels/twilio.js';
import { webRouter } from './channels/web.js';
import { PUBLIC_DIR } from './channels/web-page.js';
import type { Config } from './config.js';
import { DialogEngine } from './dialogs/engine.js';
import type { Clock } from './knowledge/calendar.js';
import type { Matcher } from './knowledge/matcher.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';
import { ReportLog } from './suspension/reports.js';

export interface AppDeps {
  config: Config;
  store: Store;
  matcher: Matcher;
  clock: Clock;
  logger: Logger;
  reports?: ReportLog;
}

export function buildApp(deps: AppDeps): Express & { engine: DialogEngine; reports: ReportLog; line: LineChannel } {
  const { config, store, matcher, clock, logger } = deps;
  const reports = deps.reports ?? new ReportLog(store, { logger, spoolPath: config.spoolPath, callbackTtlDays: config.callbackTtlDays });
  const engine = new DialogEngine({ store, matcher, reports, clock, logger, callbackTtlDays: config.callbackTtlDays });
  const rateLimiter = new RateLimiter(store, config.rateLimitPerMinute, clock, logger);

  const app = express();
  app.disable('x-powered-by');
  // Behind the town's reverse proxy the client address comes from X-Forwarded-For.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await store.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'store_unavailable', store: store.kind });
  });

  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(webRouter({ engine, rateLimiter, clock }));
  app.use('/twilio', twilioRouter({ config, engine, store, reports, clock, logger }));
  const line = lineChannel({ config, engine, clock, logger });
  app.use(line.router);
  if (config.adminToken) app.use(adminRouter({ adminToken: config.adminToken, reports, store }));
  else {
    app.use(['/admin', '/api/admin'], (_req, res) => sendError(res, 503, 'not_configured', 'Set ADMIN_TOKEN to enable the staff endpoints.'));
  }

  app.use((_req, res) => sendError(res, 404, 'not_found', 'No such path.'));
  app.use(errorHandler(logger));
  return Object.assign(app, { engine, reports, line });
}
