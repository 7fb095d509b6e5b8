export const LANGS = ['ja', 'en', 'zh', 'ko', 'es', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** The Intl locale of each language: Brazilian Portuguese, Latin American Spanish, Simplified Chinese. */
export const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US', zh: 'zh-CN', ko: 'ko-KR', es: 'es-MX', pt: 'pt-BR' };

/** Each language's own name, as shown in language menus. */
export const LANG_NAMES: Record<Lang, string> = {
  ja: '日本語',
  en: 'English',
  zh: '中文',
  ko: '한국어',
  es: 'Español',
  pt: 'Português',
};

/** BCP-47 tag (LINE profile, Accept-Language) → one of ours, by its primary subtag. */
export function langFromTag(tag: string | undefined | null): Lang | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}
