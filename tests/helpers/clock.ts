import type { Clock } from '../../src/knowledge/calendar.js';

/** A clock the test sets; tests pin it to Tokyo times, never real time. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (next: string) => {
      now = new Date(next);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  });
}

/** 03:00 on New Year's Day in Tokyo: everything but the suspension line is closed. */
export const NEW_YEAR_3AM = '2027-01-01T03:00:00+09:00';
/** A Wednesday at 10:00 in Tokyo: the office is open. */
export const WEEKDAY_10AM = '2026-12-02T10:00:00+09:00';
/** A Saturday at 21:00 in Tokyo. */
export const SATURDAY_9PM = '2026-11-28T21:00:00+09:00';
