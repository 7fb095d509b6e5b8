/**
 * "Open now, until 17:15" / "closed, opens Monday 8:30": a note about the present moment,
 * added after the full hours, never instead of them.
 */
import { say, type Utterance } from '../i18n.js';
import { openStatus, type Service } from '../knowledge/calendar.js';
import type { Lang } from '../knowledge/languages.js';

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US', zh: 'zh-CN', ko: 'ko-KR', es: 'es-MX', pt: 'pt-BR' };

const timeFormat = (lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
const dayTimeFormat = (lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'Asia/Tokyo', weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
  });

export function nowNote(service: Service, lang: Lang, now: Date): Utterance {
  const status = openStatus(service, now);
  if (status.open) return say(`common:now.${service}.open`, { time: timeFormat(lang).format(status.closesAt) });
  if (!status.opensAt) return say(`common:now.${service}.closedUnknown`);
  return say(`common:now.${service}.closed`, { when: dayTimeFormat(lang).format(status.opensAt) });
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
