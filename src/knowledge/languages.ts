/** Languages residents write in: each has its training utterances, analyzer and classifier. */
export const WRITTEN_LANGS = ['ja', 'en', 'zh', 'ko', 'es', 'pt', 'vi'] as const;
export type WrittenLang = (typeof WRITTEN_LANGS)[number];

/**
 * Languages and registers the helpline answers in. Easy Japanese (やさしい日本語, `ja-easy`) is a
 * register: its residents write Japanese, and it answers in short sentences with readings.
 */
export const LANGS = [...WRITTEN_LANGS, 'ja-easy'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** The language a reply language's residents write in (Easy Japanese readers write Japanese). */
export const writtenIn = (lang: Lang): WrittenLang => (lang === 'ja-easy' ? 'ja' : lang);

/** The Intl locale of each language: Brazilian Portuguese, Latin American Spanish, Simplified Chinese. */
export const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US', zh: 'zh-CN', ko: 'ko-KR', es: 'es-MX', pt: 'pt-BR', vi: 'vi-VN', 'ja-easy': 'ja-JP' };

/** Each language's own name, as shown in language menus. */
export const LANG_NAMES: Record<Lang, string> = {
  ja: '日本語',
  en: 'English',
  zh: '中文',
  ko: '한국어',
  es: 'Español',
  pt: 'Português',
  vi: 'Tiếng Việt',
  'ja-easy': 'やさしい にほんご',
};

/** BCP-47 tag (LINE profile, Accept-Language) → one of ours, by its primary subtag. */
export function langFromTag(tag: string | undefined | null): Lang | undefined {
  const normalized = (tag ?? '').trim().toLowerCase();
  if (normalized === 'ja-easy') return 'ja-easy';
  const primary = normalized.split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}
