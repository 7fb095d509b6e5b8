/**
 * "Open now, until 17:15" / "closed, opens Monday 8:30": a note about the present moment,
 * added after the full hours, never instead of them.
 */
import { say, type Utterance } from '../i18n.js';
import { clockText, openStatus, tokyoTime, type OpenStatus, type Service } from '../knowledge/calendar.js';
import { LOCALES, type Lang } from '../knowledge/languages.js';
import { formatClock } from '../knowledge/params.js';

/** A Tokyo clock time, written as the language writes the facts' hours. */
function clockTime(lang: Lang, date: Date): string {
  return formatClock(lang, 'chat', clockText(tokyoTime(date).minutes));
}

const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
function dayAndTime(lang: Lang, date: Date): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Tokyo', weekday: 'long', month: 'long', day: 'numeric' });
    dayFormats.set(lang, format);
  }
  const separator = lang === 'ja' || lang === 'zh' || lang === 'ko' ? ' ' : ', ';
  return `${format.format(date)}${separator}${clockTime(lang, date)}`;
}

/** The note, or none on a day the guidebook does not settle. */
export function nowNote(service: Service, lang: Lang, now: Date): Utterance[] {
  const status = openStatus(service, now);
  if (status.open === 'unknown') return [];
  return [noteFor(service, lang, status)];
}

function noteFor(service: Service, lang: Lang, status: Exclude<OpenStatus, { open: 'unknown' }>): Utterance {
  if (status.open) return say(`common:now.${service}.open`, { time: clockTime(lang, status.closesAt) });
  if (!status.opensAt) return say(`common:now.${service}.closedUnknown`);
  return say(`common:now.${service}.closed`, { when: dayAndTime(lang, status.opensAt) });
}

/** Which answers carry a note about now, and about which service. */
export const NOW_NOTES: Record<string, Service> = {
  town_office: 'office',
  human_agent: 'office',
  card_found: 'office',
  reissue: 'office',
  pin_locked: 'office',
  free_dial: 'freeDial',
  konbini_hours: 'konbini',
  konbini_overview: 'konbini',
};
