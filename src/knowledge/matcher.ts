/**
 * The matcher: language detection, the lost-card guard and one classifier per language.
 * It decides which intent a message is about and how sure it is; what to say is the dialogs' job.
 */
import { ANALYZERS } from './analyzers/index.js';
import calibration from './calibration.json' with { type: 'json' };
import { DEFAULT_TRAINING, IntentClassifier, type Scored } from './classifier.js';
import { LanguageDetector } from './detect.js';
import { loadAllExamples, type Examples } from './examples.js';
import { LANGS, type Lang } from './languages.js';
import { looksLikeLostCard } from './lost-guard.js';

export const LOST_INTENT = 'lost_stolen';

/** Below this blended cosine the question is not one the guidebook answers. */
export const MIN_SCORE = 0.22;
/** At or above this confidence the top intent is answered directly. */
export const ANSWER_CONFIDENCE = 0.5;

export type MatchKind = 'answer' | 'clarify' | 'fallback';

export interface MatchResult {
  lang: Lang;
  /** Whether the language came from the text itself rather than from the fallback. */
  langConfident: boolean;
  kind: MatchKind;
  intent?: string;
  confidence: number;
  /** The best three, for a clarifying question. */
  candidates: Scored[];
  /** The lost-card guard fired. */
  lostGuard: boolean;
}

export class Matcher {
  private readonly classifiers: Record<Lang, IntentClassifier>;
  readonly detector: LanguageDetector;

  constructor(examples: Record<Lang, Examples> = loadAllExamples()) {
    this.classifiers = Object.fromEntries(
      LANGS.map((lang) => [
        lang,
        new IntentClassifier(ANALYZERS[lang], examples[lang], { ...DEFAULT_TRAINING, temperature: calibration.temperature[lang] }),
      ]),
    ) as Record<Lang, IntentClassifier>;
    this.detector = new LanguageDetector(
      Object.fromEntries(LANGS.map((lang) => [lang, Object.values(examples[lang]).flat()])),
    );
  }

  /**
   * `lang` forces the language; otherwise it is detected and `sessionLang` is kept for short
   * or ambiguous messages.
   */
  match(text: string, options: { lang?: Lang; sessionLang?: Lang } = {}): MatchResult {
    const detection = options.lang
      ? { lang: options.lang, confident: true }
      : this.detector.detect(text, options.sessionLang ?? 'ja');
    const lang = !detection.confident && options.sessionLang ? options.sessionLang : detection.lang;
    const ranked = this.classifiers[lang].classify(text);
    const candidates = ranked.slice(0, 3);
    const top = ranked[0]!;
    // How close the message is to anything the guidebook answers, whichever intent it is.
    const closeness = Math.max(...ranked.map((s) => s.score));
    const base = { lang, langConfident: detection.confident, candidates };
    if (looksLikeLostCard(text, lang)) {
      return { ...base, kind: 'answer', intent: LOST_INTENT, confidence: 1, lostGuard: true };
    }
    if (closeness < MIN_SCORE) return { ...base, kind: 'fallback', confidence: top.confidence, lostGuard: false };
    if (top.confidence >= ANSWER_CONFIDENCE || top.intent === LOST_INTENT) {
      return { ...base, kind: 'answer', intent: top.intent, confidence: top.confidence, lostGuard: false };
    }
    return { ...base, kind: 'clarify', intent: top.intent, confidence: top.confidence, lostGuard: false };
  }
}
