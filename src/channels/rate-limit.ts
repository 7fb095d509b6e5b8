import type { Clock } from '../knowledge/calendar.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { HttpError } from './http-errors.js';

/**
 * Fixed one-minute windows per key (a session, a client address). A store outage lets turns
 * through: refusing a resident because a counter is unreachable would be worse than a flood.
 */
export class RateLimiter {
  constructor(private readonly store: Store, private readonly perMinute: number, private readonly clock: Clock, private readonly logger: Logger) {}

  async check(keys: string[]): Promise<void> {
    if (this.perMinute <= 0) return;
    const now = this.clock().getTime();
    const window = Math.floor(now / 60_000);
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
    try {
      const counts = await Promise.all(keys.map((key) => this.store.hit(`rate:${key}:${window}`, 60)));
      if (counts.some((count) => count > this.perMinute)) {
        throw new HttpError(429, 'rate_limited', `Too many messages. Try again in ${retryAfter} seconds.`, { 'Retry-After': String(retryAfter) });
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      this.logger.error({ err: error }, 'store unavailable: rate limit not checked');
    }
  }
}
