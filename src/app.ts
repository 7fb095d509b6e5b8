/** buildApp(deps) → the request listener: health, web chat, phone, LINE, staff endpoints. It never listens. */
import type { RequestListener } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { adminRouter } from './channels/admin.js';
import { errorHandler, sendError } from './channels/http-errors.js';
import { RateLimiter } from './channels/rate-limit.js';
import type { LineChannel } from './channels/line.js';
import { chatApi, chatPageRouter, isChatApiRequest } from './channels/web.js';
import { PUBLIC_DIR } from './channels/web-page.js';
import type { Config } from './config.js';
import { DialogEngine } from './dialogs/engine.js';
import type { Clock } from './knowledge/calendar.js';
import type { IntentMatcher } from './knowledge/matcher.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { CountedStore } from './store/counted.js';
import type { Store } from './store/store.js';
import { ReportLog } from './suspension/reports.js';

export interface AppDeps {
  config: Config;
  store: Store;
  matcher: IntentMatcher;
  clock: Clock;
  logger: Logger;
  reports?: ReportLog;
  metrics?: Metrics;
}

/** The server's request listener (`http.createServer(app)`), with the parts the server and tests reach into. */
export type App = RequestListener & { engine: DialogEngine; reports: ReportLog; line: Pick<LineChannel, 'drain'>; metrics: Metrics };

/** A channel whose secrets are not set: 503 naming them; its SDK is not even loaded. */
function notConfigured(variables: string): express.Router {
  const router = express.Router();
  router.use((_req, res) => sendError(res, 503, 'not_configured', `Set ${variables} to enable this channel.`));
  return router;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, matcher, clock, logger } = deps;
  const metrics = deps.metrics ?? new Metrics();
  // Every part below uses the store through this: each failed operation is counted in /metrics.
  const store = new CountedStore(deps.store, (operation) => metrics.storeError(operation));
  const reports = deps.reports ?? new ReportLog(store, { logger, spoolPath: config.spoolPath, callbackTtlDays: config.callbackTtlDays });
  const engine = new DialogEngine({ store, matcher, reports, clock, logger, callbackTtlDays: config.callbackTtlDays, maxUnanswered: config.maxUnanswered, observer: metrics });
  const rateLimiter = new RateLimiter(store, config.rateLimitPerMinute, clock, logger);

  const app = express();
  app.disable('x-powered-by');
  // Every chat answer is new: hashing each body for an ETag costs time and saves nothing.
  app.set('etag', false);
  // Behind the town's reverse proxy the client address comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await store.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'store_unavailable', store: store.kind });
  });

  app.get('/metrics', async (_req, res, next) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });

  // Security headers for the pages (the APIs answer JSON, TwiML or nothing a browser renders);
  // scripts and styles come only from this origin.
  const pageHeaders = helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'connect-src': ["'self'"] } } });
  // The chat page may also be framed by the town's site (WEB_CHAT_ORIGINS); the staff page never.
  const chatPageHeaders =
    config.webChatOrigins.length === 0
      ? pageHeaders
      : helmet({
          contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'connect-src': ["'self'"], 'frame-ancestors': ["'self'", ...config.webChatOrigins] } },
          // X-Frame-Options cannot name another origin; browsers follow frame-ancestors instead.
          xFrameOptions: false,
        });
  app.use((req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
    return (req.path === '/' ? chatPageHeaders : pageHeaders)(req, res, next);
  });
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(chatPageRouter());
  // The platform SDKs load only for the channels that are configured (faster start, less memory).
  if (config.twilioAuthToken) {
    const { twilioRouter } = await import('./channels/twilio.js');
    app.use('/twilio', twilioRouter({ config, engine, store, reports, clock, logger }));
  } else {
    app.use('/twilio', notConfigured('TWILIO_AUTH_TOKEN'));
  }
  let line: Pick<LineChannel, 'drain'> = { drain: async () => {} };
  if (config.lineChannelSecret && config.lineChannelAccessToken) {
    const { lineChannel } = await import('./channels/line.js');
    const channel = lineChannel({ config, engine, clock, logger });
    app.use(channel.router);
    line = channel;
  } else {
    app.use('/line', notConfigured([!config.lineChannelSecret && 'LINE_CHANNEL_SECRET', !config.lineChannelAccessToken && 'LINE_CHANNEL_ACCESS_TOKEN'].filter(Boolean).join(' and ')));
  }
  if (config.adminToken) app.use(adminRouter({ adminToken: config.adminToken, reports, store, clock, tally: engine.tally }));
  else {
    app.use(['/admin', '/api/admin'], (_req, res) => sendError(res, 503, 'not_configured', 'Set ADMIN_TOKEN to enable the staff endpoints.'));
  }

  app.use((_req, res) => sendError(res, 404, 'not_found', 'No such path.'));
  app.use(errorHandler(logger));
  // The chat API is answered before Express sees the request (see chatApi); Express serves the rest.
  const chat = chatApi({ engine, rateLimiter, clock, logger, origins: config.webChatOrigins, trustProxy: config.trustProxy });
  const listener: RequestListener = (req, res) => (isChatApiRequest(req) ? chat(req, res) : app(req, res));
  return Object.assign(listener, { engine, reports, line, metrics });
}
