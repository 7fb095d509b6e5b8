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
  // es-MX groups with a comma; pt-BR with a dot. Both are what residents read daily.
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: value >= 1000 }).format(value);
}

function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (lang) {
    case 'ja':
    case 'zh':
      return `${y}年${m}月${d}日`;
    case 'ko':
      return `${y}년 ${m}월 ${d}일`;
    case 'en':
      return `${m}/${d}/${y}`;
    default:
      return `${d}/${m}/${y}`;
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
    params[`${name}Open`] = hours.open;
    params[`${name}Close`] = hours.close;
  }
  for (const [name, value] of Object.entries(NUMBERS)) params[name] = formatNumber(lang, value);
  for (const [name, iso] of Object.entries(DATES)) params[name] = formatDate(lang, iso);
  cache.set(key, params);
  return params;
}

/** Names a translation may interpolate, for the knowledge check. */
export const PARAM_NAMES: readonly string[] = Object.keys(factParams('ja', 'chat'));
