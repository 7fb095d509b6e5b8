import type { WrittenLang } from '../languages.js';
import { ja, ko, zh } from './cjk.js';
import { en, es, pt } from './latin.js';
import { vi } from './vi.js';
import type { Analyzer } from './shared.js';

import { canonicalTerms } from '../terms.js';
import { readAsJapanese } from '../romaji.js';

/** Each language's analyzer reads the guidebook's terms the way that language writes them. */
const withTerms = (lang: WrittenLang, analyzer: Analyzer): Analyzer => ({ features: (text) => analyzer.features(canonicalTerms(text, lang)) });

/** Japanese typed in romaji is read in kana and kanji, after its guidebook terms ("juminhyo"). */
const japanese: Analyzer = { features: (text) => ja.features(readAsJapanese(canonicalTerms(text, 'ja'))) };

export const ANALYZERS: Record<WrittenLang, Analyzer> = {
  ja: japanese, en: withTerms('en', en), zh: withTerms('zh', zh), ko: withTerms('ko', ko), es: withTerms('es', es), pt: withTerms('pt', pt), vi: withTerms('vi', vi),
};
export type { Analyzer, Features } from './shared.js';
