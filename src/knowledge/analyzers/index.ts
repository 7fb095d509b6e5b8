import type { Lang } from '../languages.js';
import { ja, ko, zh } from './cjk.js';
import { en, es, pt } from './latin.js';
import type { Analyzer } from './shared.js';

import { canonicalTerms } from '../terms.js';

/** Each language's analyzer reads the guidebook's terms the way that language writes them. */
const withTerms = (lang: Lang, analyzer: Analyzer): Analyzer => ({ features: (text) => analyzer.features(canonicalTerms(text, lang)) });

export const ANALYZERS: Record<Lang, Analyzer> = {
  ja: withTerms('ja', ja), en: withTerms('en', en), zh: withTerms('zh', zh), ko: withTerms('ko', ko), es: withTerms('es', es), pt: withTerms('pt', pt),
};
export type { Analyzer, Features } from './shared.js';
