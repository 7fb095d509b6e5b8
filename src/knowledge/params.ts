/**
 * Turns the facts into interpolation parameters for one language and one form.
 * Chat shows phone numbers as printed; voice reads them digit by digit.
 */
import { DATES, HOURS, NUMBERS, PHONES, type PhoneKey } from './facts.js';
import { LOCALES, type Lang } from './languages.js';

export type Form = 'chat' | 'voice';

/** "0120-95-0178" → "0 1 2 0, 9 5, 0 1 7 8": speech engines then say each digit. */
export function spellDigits(display: string): string {
  return display.split('-').map((group) => group.split('').join(' ')).join(', ');
}

function formatNumber(lang: Lang, value: number): string {
  // Years read as years, not as 2,024.
  if (value >= 1900 && value <= 2100) return String(value);
  // pt-BR groups with a dot. Spanish writes four digits ungrouped ("1000", as the RAE
  // recommends): a comma reads as a decimal point in much of Latin America, a dot in Mexico.
  const groupFrom = lang === 'es' ? 10_000 : 1000;
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: value >= groupFrom }).format(value);
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
/** Dates in words, as each language writes them in running text: never 12/15/2023 or 15/12/2023. */
function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'ja' || lang === 'zh') return `${y}年${m}月${d}日`;
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })));
  const words = format.format(new Date(Date.UTC(y, m - 1, d)));
  // Brazilians write and say the first of the month as an ordinal: "1º de março" ("primeiro").
  return lang === 'pt' && d === 1 ? words.replace(/^1 /, '1º ') : words;
}

/**
 * A clock time ("17:15", as the facts write it) the way each language writes or says it:
 * Brazilian "17h15" and "23h", English "5:15 PM", and for the phone the words a voice reads
 * right ("17時15分", "오후 5시 15분") instead of a colon it may read as "seventeen fifteen".
 */
export function formatClock(lang: Lang, form: Form, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const mm = String(m).padStart(2, '0');
  switch (lang) {
    case 'pt':
      return m === 0 ? `${h}h` : `${h}h${mm}`;
    case 'en': {
      const suffix = h < 12 ? 'AM' : 'PM';
      const h12 = h % 12 === 0 ? 12 : h % 12;
      return m === 0 ? `${h12} ${suffix}` : `${h12}:${mm} ${suffix}`;
    }
    case 'ja':
      return form === 'voice' ? (m === 0 ? `${h}時` : `${h}時${m}分`) : hhmm;
    case 'zh':
      return form === 'voice' ? (m === 0 ? `${h}点` : `${h}点${m}分`) : hhmm;
    case 'ko': {
      if (form === 'chat') return hhmm;
      const half = h < 12 ? '오전' : '오후';
      const h12 = h % 12 === 0 ? 12 : h % 12;
      return m === 0 ? `${half} ${h12}시` : `${half} ${h12}시 ${m}분`;
    }
    default:
      return hhmm;
  }
}

const cache = new Map<string, Record<string, string>>();

export function factParams(lang: Lang, form: Form): Record<string, string> {
  const key = `${lang}:${form}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const params: Record<string, string> = {};
  for (const [name, phone] of Object.entries(PHONES) as [PhoneKey, (typeof PHONES)[PhoneKey]][]) {
    params[name] = form === 'voice' ? spellDigits(phone.display) : phone.display;
  }
  for (const [name, hours] of Object.entries(HOURS)) {
    params[`${name}Open`] = formatClock(lang, form, hours.open);
    params[`${name}Close`] = formatClock(lang, form, hours.close);
  }
  for (const [name, value] of Object.entries(NUMBERS)) params[name] = formatNumber(lang, value);
  for (const [name, iso] of Object.entries(DATES)) params[name] = formatDate(lang, iso);
  cache.set(key, params);
  return params;
}

/** Names a translation may interpolate, for the knowledge check. */
export const PARAM_NAMES: readonly string[] = Object.keys(factParams('ja', 'chat'));
