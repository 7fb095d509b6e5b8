import type { Lang } from '../languages.js';
import { ja, ko, zh } from './cjk.js';
import { en, es, pt } from './latin.js';
import type { Analyzer } from './shared.js';

export const ANALYZERS: Record<Lang, Analyzer> = { ja, en, zh, ko, es, pt };
export type { Analyzer, Features } from './shared.js';
