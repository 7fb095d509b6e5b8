/** Prometheus metrics (prom-client): what residents ask, how the helpline copes, how fast. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the dialog engine reports after each turn; the engine knows nothing of Prometheus. */
export interface TurnObserver {
  turn(info: { channel: string; lang: string; intent?: string | undefined; fallback: boolean; report: boolean; seconds: number }): void;
  /** The matcher failed on a question (its worker died twice on it). */
  matcherError(): void;
}

export class Metrics implements TurnObserver {
  readonly registry = new Registry();
  private readonly turns = new Counter({ name: 'helpline_turns_total', help: 'Turns answered, by channel, language and intent', labelNames: ['channel', 'lang', 'intent'] as const, registers: [this.registry] });
  private readonly fallbacks = new Counter({ name: 'helpline_fallbacks_total', help: 'Questions the guidebook does not answer', labelNames: ['channel', 'lang'] as const, registers: [this.registry] });
  private readonly reports = new Counter({ name: 'helpline_suspension_reports_total', help: 'Turns that opened a lost/stolen card report', labelNames: ['channel', 'lang'] as const, registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'helpline_turn_duration_seconds',
    help: 'Time to answer one turn, store included',
    labelNames: ['channel'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly storeErrors = new Counter({ name: 'helpline_store_errors_total', help: 'Store operations that failed', labelNames: ['operation'] as const, registers: [this.registry] });
  private readonly matcherErrors = new Counter({ name: 'helpline_matcher_errors_total', help: 'Questions answered without the matcher because it failed', registers: [this.registry] });
  private readonly unhandledRejections = new Counter({ name: 'helpline_unhandled_rejections_total', help: 'Promise rejections no code handled (each one a bug, logged; the process keeps serving)', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  turn({ channel, lang, intent, fallback, report, seconds }: Parameters<TurnObserver['turn']>[0]): void {
    this.turns.inc({ channel, lang, intent: intent ?? (fallback ? 'fallback' : 'none') });
    if (fallback) this.fallbacks.inc({ channel, lang });
    if (report) this.reports.inc({ channel, lang });
    this.latency.observe({ channel }, seconds);
  }

  /** A store operation failed (counted for every part of the helpline by CountedStore). */
  storeError(operation: string): void {
    this.storeErrors.inc({ operation });
  }

  matcherError(): void {
    this.matcherErrors.inc();
  }

  unhandledRejection(): void {
    this.unhandledRejections.inc();
  }
}
