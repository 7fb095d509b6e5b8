/**
 * When things are open, in Asia/Tokyo whatever the server's time zone. National holidays come
 * from @holiday-jp/holiday_jp, which is maintained as the Cabinet Office publishes them.
 */
import { createRequire } from 'node:module';
import { HOURS, YEAR_END } from './facts.js';

const require = createRequire(import.meta.url);
const holidayJp = require('@holiday-jp/holiday_jp') as { holidays: Record<string, { name: string }> };

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time.

export interface TokyoTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** YYYY-MM-DD */
  isoDate: string;
}

/** "8:30" (or "08:30" with `pad`) from minutes since midnight. */
export function clockText(minutes: number, pad = false): string {
  const hours = String(Math.floor(minutes / 60));
  return `${pad ? hours.padStart(2, '0') : hours}:${String(minutes % 60).padStart(2, '0')}`;
}

export function tokyoTime(date: Date): TokyoTime {
  const shifted = new Date(date.getTime() + TOKYO_OFFSET_MS);
  const isoDate = shifted.toISOString().slice(0, 10);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    isoDate,
  };
}

/** The instant of a Tokyo wall-clock time on the same Tokyo day as `date`, plus `addDays`. */
function tokyoInstant(date: Date, minutes: number, addDays = 0): Date {
  const t = tokyoTime(date);
  return new Date(Date.UTC(t.year, t.month - 1, t.day + addDays, 0, minutes) - TOKYO_OFFSET_MS);
}

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const isNationalHoliday = (t: TokyoTime): boolean => t.isoDate in holidayJp.holidays;

export function isYearEnd(t: TokyoTime): boolean {
  const md = t.month * 100 + t.day;
  return md >= YEAR_END.from.month * 100 + YEAR_END.from.day || md <= YEAR_END.to.month * 100 + YEAR_END.to.day;
}

const isWeekendOrHoliday = (t: TokyoTime): boolean => t.weekday === 0 || t.weekday === 6 || isNationalHoliday(t);

interface Window { open: number; close: number }

/**
 * A service's opening window on one Tokyo day, undefined when it is closed all day, or
 * 'unknown' on a day the guidebook does not settle (the office over the New Year: it gives
 * the office's hours as weekdays, and says nothing of a year-end closure).
 */
type Schedule = (t: TokyoTime) => Window | undefined | 'unknown';

const window = (hours: { open: string; close: string }): Window => ({ open: toMinutes(hours.open), close: toMinutes(hours.close) });

export const SCHEDULES = {
  office: (t) => (isWeekendOrHoliday(t) ? undefined : isYearEnd(t) ? 'unknown' : window(HOURS.office)),
  freeDial: (t) => {
    if (isYearEnd(t)) return undefined;
    return window(isWeekendOrHoliday(t) ? HOURS.freeDialWeekend : HOURS.freeDialWeekday);
  },
  konbini: (t) => (isYearEnd(t) ? undefined : window(HOURS.konbini)),
} satisfies Record<string, Schedule>;

export type Service = keyof typeof SCHEDULES;

export type OpenStatus =
  | { open: true; closesAt: Date }
  | { open: false; opensAt: Date | undefined }
  /** A day the guidebook does not settle: nothing is said, and nobody is put through. */
  | { open: 'unknown' };

/** Whether a service is open at `now`, and when it closes or next opens. */
export function openStatus(service: Service, now: Date): OpenStatus {
  const schedule: Schedule = SCHEDULES[service];
  const today = tokyoTime(now);
  const hours = schedule(today);
  if (hours === 'unknown') return { open: 'unknown' };
  if (hours && today.minutes >= hours.open && today.minutes < hours.close) {
    return { open: true, closesAt: tokyoInstant(now, hours.close) };
  }
  // Look ahead far enough to cross the New Year closure and Golden Week.
  for (let day = 0; day <= 14; day++) {
    const candidate = tokyoInstant(now, 12 * 60, day);
    const hoursThatDay = schedule(tokyoTime(candidate));
    // Closed now, and the next days are not settled: when it opens again is not said.
    if (hoursThatDay === 'unknown') return { open: false, opensAt: undefined };
    if (!hoursThatDay) continue;
    if (day === 0 && today.minutes >= hoursThatDay.open) continue;
    return { open: false, opensAt: tokyoInstant(now, hoursThatDay.open, day) };
  }
  return { open: false, opensAt: undefined };
}
