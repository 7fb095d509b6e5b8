/**
 * The server's matcher runs in a worker thread: while it classifies one message, the event loop
 * goes on parsing requests, reading sessions and writing replies, so a 2-core machine serves
 * both. A worker that dies is started again and the questions it held are asked once more; a
 * question that fails twice is rejected, and the dialog answers without the matcher.
 */
import type { Worker } from 'node:worker_threads';
import type { Detection } from './detect.js';
import type { Lang } from './languages.js';
import type { IntentMatcher, MatchOptions, MatchResult, Opening } from './matcher.js';
import { startWorker } from './worker-script.js';

export type MatcherRequest =
  | { id: number; op: 'match'; text: string; options: MatchOptions }
  | { id: number; op: 'detect'; text: string; fallback: Lang }
  | { id: number; op: 'open'; text: string; fallback: Lang };

export type MatcherResponse =
  | { ready: true; fromCache: boolean }
  | { id: number; result: MatchResult | Detection<Lang> | Opening }
  | { id: number; error: string };

interface Pending {
  request: MatcherRequest;
  tries: number;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

export interface ThreadedMatcherOptions {
  cacheDir?: string | false;
  /** Told when a worker dies and is replaced (for the log). */
  onRestart?: (reason: string) => void;
}

export class ThreadedMatcher implements IntentMatcher {
  private worker!: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** The last worker died before it was ready: the next question starts another one. */
  private workerless = false;
  fromCache = false;
  /** Workers started after the first one died. */
  restarts = 0;

  private constructor(private readonly options: ThreadedMatcherOptions) {}

  /** Resolves once the worker has its models; rejects if it cannot load them. */
  static async start(options: ThreadedMatcherOptions = {}): Promise<ThreadedMatcher> {
    const matcher = new ThreadedMatcher(options);
    await matcher.spawn();
    return matcher;
  }

  private spawn(): Promise<void> {
    const worker = startWorker(new URL('./matcher-worker', import.meta.url), {
      workerData: { cacheDir: this.options.cacheDir },
      // The models are typed arrays outside this heap; a runaway heap ends the worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 6 },
    });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: MatcherResponse) => {
        if ('ready' in message) {
          ready = true;
          this.fromCache = message.fromCache;
          resolve();
          return;
        }
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if ('error' in message) pending.reject(new Error(`matcher: ${message.error}`));
        else pending.resolve(message.result as never);
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
      });
      worker.on('exit', (code) => {
        if (this.closed) return;
        if (ready) {
          this.replace(`worker exited with ${code}`);
          return;
        }
        const error = new Error(`matcher worker exited with ${code} before it was ready`);
        reject(error);
        this.workerless = true;
        for (const pending of this.pending.values()) pending.reject(error);
        this.pending.clear();
      });
    });
  }

  /** A new worker takes the questions the dead one held; each question is tried twice at most. */
  private replace(reason: string): void {
    this.restarts++;
    this.options.onRestart?.(reason);
    const held = [...this.pending.values()];
    this.spawn().catch(() => {
      // The questions it held were rejected on its exit.
    });
    for (const pending of held) {
      if (pending.tries >= 2) {
        this.pending.delete(pending.request.id);
        pending.reject(new Error(`matcher: ${reason}`));
      } else {
        pending.tries++;
        this.worker.postMessage(pending.request);
      }
    }
  }

  private ask<T>(request: MatcherRequest): Promise<T> {
    if (this.closed) return Promise.reject(new Error('matcher is closed'));
    if (this.workerless) {
      this.workerless = false;
      this.spawn().catch(() => {
        // This question is rejected on the worker's exit.
      });
    }
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, { request, tries: 1, resolve: resolve as (result: never) => void, reject });
      this.worker.postMessage(request);
    });
  }

  match(text: string, options: MatchOptions = {}): Promise<MatchResult> {
    return this.ask({ id: this.nextId++, op: 'match', text, options });
  }

  detectLanguage(text: string, fallback: Lang): Promise<Detection<Lang>> {
    return this.ask({ id: this.nextId++, op: 'detect', text, fallback });
  }

  open(text: string, fallback: Lang): Promise<Opening> {
    return this.ask({ id: this.nextId++, op: 'open', text, fallback });
  }

  /** The worker now answering (to watch it, or to end it and see another take over). */
  get thread(): Worker {
    return this.worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(new Error('matcher is closed'));
    this.pending.clear();
    await this.worker.terminate();
  }
}
