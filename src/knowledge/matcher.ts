/**
 * The matcher: language detection, the lost-card guard and one classifier per language.
 * It decides which intent a message is about and how sure it is; what to say is the dialogs' job.
 */
import { readFileSync } from 'node:fs';
import { ANALYZERS } from './analyzers/index.js';
import { DEFAULT_TRAINING, IntentClassifier, type ClassifierModel, type Scored, type TrainingOptions } from './classifier.js';
import { LanguageDetector, type Detection } from './detect.js';
import { loadAllExamples, type Examples } from './examples.js';
import { WRITTEN_LANGS, writtenIn, type Lang, type WrittenLang } from './languages.js';
import { asksForNewCard, foldForPatterns, lostCardIn, newCardAfterSuspension } from './lost-guard.js';
import { aboutAnotherDocumentOnly } from './other-document.js';
import { DEFAULT_CACHE_DIR, loadModels, modelKey, saveModels } from './model-cache.js';
import { startWorker } from './worker-script.js';

import { LOST_INTENT, OUT_OF_SCOPE } from './intents/catalog.js';

export { LOST_INTENT };

/**
 * Out of the guidebook: a message far from every training utterance (blended cosine below the
 * language's `far`), or not near (below `near`) without the model being fairly sure either.
 * Both thresholds come from `npm run calibrate`.
 */
const SURE_WHEN_NOT_NEAR = 0.7;
/** Below this, no intent stands out enough to offer as a clarification either. */
const NO_IDEA = 0.3;
/**
 * Two intents are "truly tied" when the best is below CLEAR_LEAD and the runner-up within
 * TIE_MARGIN of it; only then is a bare clarifying question asked. Otherwise the best is
 * answered and the runners-up offered beside it. See the README.
 */
export const TIE_MARGIN = 0.1;
export const CLEAR_LEAD = 0.5;
/** Below this confidence in the answer, the runners-up are offered beside it ("or did you mean…"). */
export const OFFER_BELOW = 0.8;
/** A runner-up is offered when its confidence is at least this. */
export const OFFER_MIN = 0.1;
/** Conversational intents are never offered as alternatives. */
const NEVER_OFFERED = new Set(['greeting', 'thanks']);
/** A lost card is answered at a lower confidence: giving the suspension line by mistake costs little. */
export const LOST_CONFIDENCE = 0.3;

/** Asked for after a loss, the reissue is answered behind the suspension line. */
export const REISSUE_INTENT = 'reissue';

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
  /** Beside an answer: the other intents the message may have meant, to offer as choices. */
  alternatives: string[];
  /** The lost-card guard fired (with `intent` the reissue: a new card asked for after a loss). */
  lostGuard: boolean;
  /** Cosine closeness to the nearest thing the guidebook answers. */
  closeness: number;
}

/** Per-language temperature and fallback thresholds, written by `npm run calibrate`. */
const calibration = JSON.parse(readFileSync(new URL('./calibration.json', import.meta.url), 'utf8')) as Record<'temperature' | 'far' | 'near', Record<WrittenLang, number>>;

export interface MatchOptions { lang?: Lang; sessionLang?: Lang }

/** What the dialogs need of a matcher: in this thread (`Matcher`) or in a worker (`ThreadedMatcher`). */
export interface IntentMatcher {
  match(text: string, options?: MatchOptions): MatchResult | Promise<MatchResult>;
  detectLanguage(text: string, fallback: Lang): Detection<Lang> | Promise<Detection<Lang>>;
  /**
   * A conversation's first message: its language (`openingLanguage`) and its match in that
   * language, in one call (with the worker, one round trip instead of two).
   */
  open(text: string, fallback: Lang): Opening | Promise<Opening>;
}

export interface Opening { lang: Lang; match: MatchResult }

/** Below this length a message that does not clearly tell its language keeps the fallback. */
const GUESS_FROM_LENGTH = 4;

/** The language a conversation starts in: the detected one when sure, or when the message is long enough to guess from. */
export function openingLanguage(detection: Detection<Lang>, text: string, fallback: Lang): Lang {
  return detection.confident || text.length >= GUESS_FROM_LENGTH ? detection.lang : fallback;
}

/** A message in the language a register is read in keeps the register (Japanese in Easy Japanese). */
const inRegister = (detected: Detection, current: Lang): Detection<Lang> =>
  writtenIn(current) === detected.lang ? { lang: current, confident: detected.confident } : detected;

const trainingFor = (lang: WrittenLang): TrainingOptions => ({ ...DEFAULT_TRAINING, temperature: calibration.temperature[lang] });

/**
 * `Matcher.create` trains these in a worker thread while this thread trains the others: about
 * half the work each (Japanese, with its segmentation, is the slowest).
 */
const WORKER_LANGS: readonly WrittenLang[] = ['ja', 'ko'];

function trainInWorker(langs: readonly WrittenLang[], examples: Record<WrittenLang, Examples>): Promise<Partial<Record<WrittenLang, ClassifierModel>>> {
  const jobs = langs.map((lang) => ({ lang, examples: examples[lang], training: trainingFor(lang) }));
  const worker = startWorker(new URL('./train-worker', import.meta.url), { workerData: { jobs } });
  return new Promise<Partial<Record<WrittenLang, ClassifierModel>>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with ${code}`)));
  }).finally(() => void worker.terminate());
}

export class Matcher implements IntentMatcher {
  private readonly classifiers: Record<WrittenLang, IntentClassifier>;
  readonly detector: LanguageDetector;

  /** Trains every language here, or takes classifiers already trained. */
  constructor(examples: Record<WrittenLang, Examples> = loadAllExamples(), trained: Partial<Record<WrittenLang, IntentClassifier>> = {}) {
    this.classifiers = Object.fromEntries(
      WRITTEN_LANGS.map((lang) => [lang, trained[lang] ?? new IntentClassifier(ANALYZERS[lang], examples[lang], trainingFor(lang))]),
    ) as Record<WrittenLang, IntentClassifier>;
    this.detector = new LanguageDetector(
      Object.fromEntries(WRITTEN_LANGS.map((lang) => [lang, Object.values(examples[lang]).flat()])),
    );
  }

  /**
   * The server's matcher: the models kept on disk for exactly this knowledge and code, or else
   * trained on both cores (a worker thread and this one) and then kept. `cacheDir: false`
   * always trains.
   */
  static async create(examples: Record<WrittenLang, Examples> = loadAllExamples(), options: { cacheDir?: string | false } = {}): Promise<Matcher & { fromCache: boolean }> {
    const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
    const key = dir ? modelKey(examples, Object.fromEntries(WRITTEN_LANGS.map((l) => [l, trainingFor(l)])) as Record<WrittenLang, TrainingOptions>) : '';
    const cached = dir ? loadModels(dir, key) : undefined;
    if (cached) {
      const loaded = Object.fromEntries(WRITTEN_LANGS.map((lang) => [lang, new IntentClassifier(ANALYZERS[lang], cached[lang])]));
      return Object.assign(new Matcher(examples, loaded), { fromCache: true });
    }
    const matcher = await Matcher.train(examples);
    if (dir) saveModels(dir, key, Object.fromEntries(WRITTEN_LANGS.map((lang) => [lang, matcher.classifiers[lang].toModel()])) as Record<WrittenLang, ClassifierModel>);
    return Object.assign(matcher, { fromCache: false });
  }

  /** Trains on both cores. Without a worker (an unusual runtime) all languages train here. */
  private static async train(examples: Record<WrittenLang, Examples>): Promise<Matcher> {
    const fromWorker = trainInWorker(WORKER_LANGS, examples);
    const trained: Partial<Record<WrittenLang, IntentClassifier>> = {};
    for (const lang of WRITTEN_LANGS.filter((l) => !WORKER_LANGS.includes(l))) {
      trained[lang] = new IntentClassifier(ANALYZERS[lang], examples[lang], trainingFor(lang));
    }
    try {
      for (const [lang, model] of Object.entries(await fromWorker) as [WrittenLang, ClassifierModel][]) {
        trained[lang] = new IntentClassifier(ANALYZERS[lang], model);
      }
    } catch {
      // Trained by the constructor, in this thread.
    }
    return new Matcher(examples, trained);
  }

  detectLanguage(text: string, fallback: Lang): Detection<Lang> {
    return inRegister(this.detector.detect(text, writtenIn(fallback)), fallback);
  }

  open(text: string, fallback: Lang): Opening {
    // Detected once: detecting again with the opening language as the fallback gives that
    // same language, so the match takes this detection.
    const detection = this.detectLanguage(text, fallback);
    const lang = openingLanguage(detection, text, fallback);
    return { lang, match: this.matchDetected(text, detection.confident ? detection : { lang, confident: false }) };
  }

  /**
   * `lang` forces the language; otherwise it is detected and `sessionLang` is kept for short
   * or ambiguous messages.
   */
  match(text: string, options: MatchOptions = {}): MatchResult {
    const detection = options.lang
      ? { lang: options.lang, confident: true }
      : this.detectLanguage(text, options.sessionLang ?? 'ja');
    const lang = !detection.confident && options.sessionLang ? options.sessionLang : detection.lang;
    return this.matchDetected(text, { lang, confident: detection.confident });
  }

  /** The match in the language already decided (`confident`: whether the detection was sure). */
  private matchDetected(text: string, { lang, confident }: Detection<Lang>): MatchResult {
    // Easy Japanese is answered in its register but read as Japanese.
    const written = writtenIn(lang);
    // The best three, and how close the message is to anything the guidebook answers.
    const best = this.classifiers[written].best(text, 4);
    const { closeness } = best;
    // Out of the guidebook when that is the best guess; otherwise never offered as a choice.
    const candidates = best.candidates.filter((c) => c.intent !== OUT_OF_SCOPE).slice(0, 3);
    const top = best.candidates[0]!;
    const base = { lang, langConfident: confident, candidates, closeness, alternatives: [] as string[] };
    // Folded once for the guard and the other patterns (term rewriting is the costly part).
    const folded = foldForPatterns(text, written);
    if (lostCardIn(folded, written)) {
      // "Lost it: where do I get a new one?" is the reissue; the dialogs put the suspension line first.
      if (asksForNewCard(folded, written)) return { ...base, kind: 'answer', intent: REISSUE_INTENT, confidence: 1, lostGuard: true };
      return { ...base, kind: 'answer', intent: LOST_INTENT, confidence: 1, lostGuard: true };
    }
    if (newCardAfterSuspension(folded, written)) return { ...base, kind: 'answer', intent: REISSUE_INTENT, confidence: 1, lostGuard: false };
    const far = calibration.far[written];
    const near = calibration.near[written];
    if (top.intent === OUT_OF_SCOPE || aboutAnotherDocumentOnly(folded, top.intent, written) || closeness < far || (closeness < near && top.confidence < SURE_WHEN_NOT_NEAR) || top.confidence < NO_IDEA) {
      return { ...base, kind: 'fallback', confidence: top.confidence, lostGuard: false };
    }
    const runnerUp = candidates[1];
    const tied = runnerUp !== undefined && top.confidence < CLEAR_LEAD && top.confidence - runnerUp.confidence < TIE_MARGIN;
    const sureOfLoss = top.intent === LOST_INTENT && top.confidence >= LOST_CONFIDENCE;
    if (sureOfLoss || !tied) {
      const alternatives = top.confidence < OFFER_BELOW
        ? candidates.slice(1).filter((c) => c.confidence >= OFFER_MIN && !NEVER_OFFERED.has(c.intent)).map((c) => c.intent)
        : [];
      return { ...base, kind: 'answer', intent: top.intent, confidence: top.confidence, lostGuard: false, alternatives };
    }
    return { ...base, kind: 'clarify', intent: top.intent, confidence: top.confidence, lostGuard: false };
  }
}
