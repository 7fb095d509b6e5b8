/**
 * The lost/stolen report log. Each report is a series of events in the store's append-only log
 * (a Redis stream when REDIS_URL is set); the staff list folds them. When the store is down the
 * events wait in a spool file and are written when it answers again: the resident is never
 * held up by it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import { tokyoTime } from '../knowledge/calendar.js';
import type { Logger } from '../logger.js';
import type { ReportEvent, Store } from '../store/store.js';
import { maskPhone } from './mask.js';

export const REPORT_STEPS = [
  'number_given',
  'transfer_started',
  'confirmed_called',
  'card_found',
  'reissue_info',
  'callback_requested',
  'call_ended',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export interface Report {
  reportId: string;
  channel: string;
  lang: string;
  createdAt: string;
  steps: { step: string; at: string }[];
  callback?: { phone: string; maskedPhone: string; requestedAt: string; expired: boolean };
}

// No 0/O or 1/I: references are read out over the phone.
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface ReportLogOptions {
  logger: Logger;
  /** Where events wait while the store is down; undefined keeps them in memory only. */
  spoolPath?: string;
  callbackTtlDays: number;
}

export class ReportLog {
  private pending: ReportEvent[] = [];

  constructor(private readonly store: Store, private readonly options: ReportLogOptions) {
    if (options.spoolPath && existsSync(options.spoolPath)) {
      this.pending = readFileSync(options.spoolPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ReportEvent);
    }
    // Spooled events are written as soon as the store is back, so the staff list is complete
    // within moments of an outage (the server's timer is only the fallback).
    store.onReconnect?.(() => {
      if (this.pending.length > 0) void this.flush().catch(() => undefined);
    });
  }

  newReference(now: Date): string {
    // The town's date, as the staff page and its export show the report's time.
    const date = tokyoTime(now).isoDate.slice(2).replace(/-/g, '');
    let suffix = '';
    for (let i = 0; i < 4; i++) suffix += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
    return `KM-${date}-${suffix}`;
  }

  create(reportId: string, meta: { channel: string; lang: string }, now: Date): Promise<void> {
    return this.append({ id: randomUUID(), reportId, type: 'created', at: now.toISOString(), data: meta });
  }

  step(reportId: string, step: ReportStep, now: Date, data: Record<string, string> = {}): Promise<void> {
    return this.append({ id: randomUUID(), reportId, type: 'step', at: now.toISOString(), data: { step, ...data } });
  }

  /** The phone number is the only personal data kept: under its own key, with a TTL. */
  async requestCallback(reportId: string, phone: string, now: Date): Promise<void> {
    const ttl = this.options.callbackTtlDays * 24 * 60 * 60;
    try {
      await this.store.set(`callback:${reportId}`, { phone, requestedAt: now.toISOString() }, ttl);
    } catch (error) {
      this.options.logger.error({ err: error, reportId }, 'callback number not stored: store unavailable');
    }
    await this.step(reportId, 'callback_requested', now, { phone: maskPhone(phone) });
  }

  private async append(event: ReportEvent): Promise<void> {
    await this.flush();
    if (this.pending.length > 0) return this.spool(event);
    try {
      await this.store.appendReportEvent(event);
    } catch (error) {
      this.options.logger.error({ err: error, reportId: event.reportId }, 'report event spooled: store unavailable');
      this.spool(event);
    }
  }

  private spool(event: ReportEvent): void {
    this.pending.push(event);
    if (!this.options.spoolPath) return;
    try {
      mkdirSync(dirname(this.options.spoolPath), { recursive: true });
      appendFileSync(this.options.spoolPath, `${JSON.stringify(event)}\n`);
    } catch (error) {
      this.options.logger.error({ err: error }, 'report spool file not writable; event kept in memory');
    }
  }

  /** Writes spooled events, in order, once the store answers again. */
  async flush(): Promise<number> {
    let written = 0;
    while (this.pending.length > 0) {
      try {
        await this.store.appendReportEvent(this.pending[0]!);
      } catch {
        break;
      }
      this.pending.shift();
      written++;
    }
    if (written > 0 && this.options.spoolPath) this.rewriteSpool();
    if (written > 0) this.options.logger.info({ written, left: this.pending.length }, 'spooled report events written');
    return written;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** The spool file holds what is still pending; a failure here only leaves events to be written twice (read once). */
  private rewriteSpool(): void {
    const path = this.options.spoolPath!;
    try {
      if (this.pending.length === 0) {
        rmSync(path, { force: true });
        return;
      }
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, this.pending.map((e) => `${JSON.stringify(e)}\n`).join(''));
      renameSync(tmp, path);
    } catch (error) {
      this.options.logger.error({ err: error }, 'report spool file not rewritten');
    }
  }

  /** Reports folded from the newest events, newest report first. */
  async list(limit = 100): Promise<Report[]> {
    const events = await this.store.reportEvents(limit * 10);
    const reports = new Map<string, Report>();
    // Events arrive newest first; fold them oldest first. An event written twice (replayed from
    // the spool after a crash, or by two processes sharing one spool file) counts once.
    const seen = new Set<string>();
    for (const event of [...events].reverse()) {
      if (event.id) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
      }
      let report = reports.get(event.reportId);
      if (!report) {
        report = { reportId: event.reportId, channel: '', lang: '', createdAt: event.at, steps: [] };
        reports.set(event.reportId, report);
      }
      if (event.type === 'created') {
        report.channel = event.data['channel'] ?? '';
        report.lang = event.data['lang'] ?? '';
        report.createdAt = event.at;
      } else {
        report.steps.push({ step: event.data['step'] ?? '', at: event.at });
      }
    }
    const sorted = [...reports.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
    for (const report of sorted) {
      if (!report.steps.some((s) => s.step === 'callback_requested')) continue;
      const callback = await this.store.get<{ phone: string; requestedAt: string }>(`callback:${report.reportId}`);
      const requested = report.steps.find((s) => s.step === 'callback_requested')!;
      report.callback = callback
        ? { phone: callback.phone, maskedPhone: maskPhone(callback.phone), requestedAt: callback.requestedAt, expired: false }
        : { phone: '', maskedPhone: '', requestedAt: requested.at, expired: true };
    }
    return sorted;
  }
}
