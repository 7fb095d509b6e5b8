/** buildApp(deps) → the express app: health, web chat, phone, LINE, staff endpoints. It never listens. */
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { adminRouter } from './channels/admin.js';
import { errorHandler, sendError } from './channels/http-errors.js';
import { RateLimiter } from './channels/rate-limit.js';
import type { LineChannel } from './channels/line.js';
import { CHAT_API_PATH, chatApiHandlers, chatPageRouter } from './channels/web.js';
import { PUBLIC_DIR } from './channels/web-page.js';
import type { Config } from './config.js';
import { DialogEngine } from './dialogs/engine.js';
import type { Clock } from './knowledge/calendar.js';
import type { IntentMatcher } from './knowledge/matcher.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
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

/** The chat may be embedded on the town's site: CORS for the listed origins only. */
function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && allowed.has(origin)) {
      res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Allow-Methods': 'POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' });
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && allowed.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

export type App = Express & { engine: DialogEngine; reports: ReportLog; line: Pick<LineChannel, 'drain'>; metrics: Metrics };

/** A channel whose secrets are not set: 503 naming them; its SDK is not even loaded. */
function notConfigured(variables: string): express.Router {
  const router = express.Router();
  router.use((_req, res) => sendError(res, 503, 'not_configured', `Set ${variables} to enable this channel.`));
  return router;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, store, matcher, clock, logger } = deps;
  const reports = deps.reports ?? new ReportLog(store, { logger, spoolPath: config.spoolPath, callbackTtlDays: config.callbackTtlDays });
  const metrics = deps.metrics ?? new Metrics();
  const engine = new DialogEngine({ store, matcher, reports, clock, logger, callbackTtlDays: config.callbackTtlDays, observer: metrics });
  const rateLimiter = new RateLimiter(store, config.rateLimitPerMinute, clock, logger);

  const app = express();
  app.disable('x-powered-by');
  // Every chat answer is new: hashing each body for an ETag costs time and saves nothing.
  app.set('etag', false);
  // Behind the town's reverse proxy the client address comes from X-Forwarded-For.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');

  // The busiest route first: a chat turn does not walk past every other route on its way.
  const chatCors = cors(config.webChatOrigins);
  app.options(CHAT_API_PATH, chatCors);
  app.post(CHAT_API_PATH, chatCors, ...chatApiHandlers({ engine, rateLimiter, clock, logger }));

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
  app.use((req, res, next) => (req.method === 'GET' && !req.path.startsWith('/api/') ? pageHeaders(req, res, next) : next()));
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
  return Object.assign(app, { engine, reports, line, metrics });
}
