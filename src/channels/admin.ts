/** Staff endpoints: the lost/stolen report log and the questions the bot could not answer. */
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import type { Store } from '../store/store.js';
import type { ReportLog } from '../suspension/reports.js';
import { HttpError } from './http-errors.js';
import { PUBLIC_DIR } from './web-page.js';

/** Compares digests so neither the length nor the content leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function requireToken(adminToken: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameToken(match[1]!.trim(), adminToken)) {
      next(new HttpError(401, 'unauthorized', 'A valid bearer token is required.'));
      return;
    }
    next();
  };
}

export function adminRouter(deps: { adminToken: string; reports: ReportLog; store: Store }): Router {
  const router = express.Router();
  router.get('/admin', (_req, res) => {
    res.sendFile(`${PUBLIC_DIR}admin.html`);
  });
  const api = express.Router();
  api.use(requireToken(deps.adminToken));
  api.get('/reports', async (req, res, next) => {
    try {
      const limit = Math.min(500, Math.max(1, Number(req.query['limit']) || 100));
      res.json({ reports: await deps.reports.list(limit) });
    } catch (error) {
      next(error);
    }
  });
  api.get('/unanswered', async (_req, res, next) => {
    try {
      const counters = await deps.store.counters('unanswered');
      const questions = Object.entries(counters)
        .map(([key, count]) => {
          const [lang, ...rest] = key.split('\t');
          return { lang, question: rest.join('\t'), count };
        })
        .sort((a, b) => b.count - a.count);
      res.json({ questions });
    } catch (error) {
      next(error);
    }
  });
  router.use('/api/admin', api);
  return router;
}
