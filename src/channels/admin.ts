/** Staff endpoints: the lost/stolen report log and the questions the bot could not answer. */
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import { UNANSWERED_TABLE } from '../dialogs/unanswered.js';
import { DAILY_TURNS, type TurnTally } from '../dialogs/turn-tally.js';
import { clockText, tokyoTime } from '../knowledge/calendar.js';
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

/** RFC 4180 CSV, with a BOM so that Excel opens the Japanese text correctly. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    // A leading =, +, - or @ (or a tab or CR before one) would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const DAYS_SHOWN = 30;
/** The unanswered questions listed and exported: the most asked first. */
const UNANSWERED_SHOWN = 2000;
/** Each report is folded from up to ten events: 2,000 reports read 20,000, well within the heap. */
const CSV_MAX_REPORTS = 2000;
/** Column names of the exports, in Japanese like the page (the values stay as the APIs give them). */
const REPORT_COLUMNS = ['受付番号', '受付日時', '窓口', '言語', '到達した手順', '折り返し電話番号'];
const UNANSWERED_COLUMNS = ['言語', '質問', '件数'];

/** "2026-12-02 10:00" in Tokyo time, for the people who read the export. */
function tokyoDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = tokyoTime(date);
  return `${t.isoDate} ${clockText(t.minutes, true)}`;
}

export function adminRouter(deps: { adminToken: string; reports: ReportLog; store: Store; clock: () => Date; tally: TurnTally }): Router {
  const router = express.Router();
  router.get('/admin', (_req, res) => {
    res.sendFile(`${PUBLIC_DIR}admin.html`);
  });
  const api = express.Router();
  api.use(requireToken(deps.adminToken));
  const unanswered = async () =>
    (await deps.store.topTallies(UNANSWERED_TABLE, UNANSWERED_SHOWN)).map(([key, count]) => {
      const [lang = '', ...rest] = key.split('\t');
      return { lang, question: rest.join('\t'), count };
    });
  const limitOf = (value: unknown) => Math.min(1000, Math.max(1, Math.floor(Number(value)) || 200));

  api.get('/reports', async (req, res, next) => {
    try {
      res.json({ reports: await deps.reports.list(limitOf(req.query['limit'])) });
    } catch (error) {
      next(error);
    }
  });
  api.get('/unanswered', async (_req, res, next) => {
    try {
      res.json({ questions: await unanswered() });
    } catch (error) {
      next(error);
    }
  });
  /** Turns and new reports per day, for the chart on the staff page. */
  api.get('/daily', async (_req, res, next) => {
    try {
      await deps.tally.flush();
      const turns = await deps.store.counters(DAILY_TURNS);
      const reports = await deps.reports.list(1000);
      // Days are the town's days (Tokyo time), as the staff read them.
      const perDay = new Map<string, number>();
      for (const r of reports) {
        const day = tokyoTime(new Date(r.createdAt)).isoDate;
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
      const today = deps.clock();
      const days = Array.from({ length: DAYS_SHOWN }, (_, i) => {
        const date = tokyoTime(new Date(today.getTime() - (DAYS_SHOWN - 1 - i) * 86_400_000)).isoDate;
        return { date, turns: turns[date] ?? 0, reports: perDay.get(date) ?? 0 };
      });
      res.json({ days });
    } catch (error) {
      next(error);
    }
  });
  api.get('/reports.csv', async (req, res, next) => {
    try {
      // The export holds every report kept, up to CSV_MAX_REPORTS, unless a smaller limit is asked.
      const limit = Math.min(CSV_MAX_REPORTS, Math.max(1, Math.floor(Number(req.query['limit'])) || CSV_MAX_REPORTS));
      const reports = await deps.reports.list(limit);
      const rows = reports.map((r) => [r.reportId, tokyoDateTime(r.createdAt), r.channel, r.lang, r.steps.map((s) => s.step).join(' '), r.callback && !r.callback.expired ? r.callback.phone : '']);
      res.type('text/csv; charset=utf-8').attachment('reports.csv').send(toCsv([REPORT_COLUMNS, ...rows]));
    } catch (error) {
      next(error);
    }
  });
  api.get('/unanswered.csv', async (_req, res, next) => {
    try {
      const rows = (await unanswered()).map((q) => [q.lang, q.question, q.count]);
      res.type('text/csv; charset=utf-8').attachment('unanswered.csv').send(toCsv([UNANSWERED_COLUMNS, ...rows]));
    } catch (error) {
      next(error);
    }
  });
  router.use('/api/admin', api);
  return router;
}
