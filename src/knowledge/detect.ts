/**
 * Language detection. The script decides for Korean (Hangul) and Japanese (kana), its own
 * letters for Vietnamese; Chinese and kanji-only Japanese, and English / Spanish / Portuguese /
 * Vietnamese typed without its marks, are told apart by small naive-Bayes models trained on the
 * training utterances. Short or ambiguous text keeps the session language.
 */
import type { WrittenLang } from './languages.js';
import { baseNormalize, stripAccents, words } from './analyzers/shared.js';
import { withoutJapaneseTerms } from './terms.js';
import { looksLikeRomajiJapanese } from './romaji.js';

const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/gu;
const KANA = /[\u3040-\u30ff\uff66-\uff9f]/gu;
const HIRAGANA = /[\u3040-\u309f]/u;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Letters only Vietnamese writes (ă đ ơ ư and the dotted and hooked vowels); â ê ô are Portuguese too. */
const VIETNAMESE_LETTERS = /[ăđơư\u1ea0-\u1ef9]/iu;

class NaiveBayes<L extends string> {
  private readonly counts = new Map<L, Map<string, number>>();
  private readonly totals = new Map<L, number>();
  private readonly vocabulary = new Set<string>();

  constructor(private readonly labels: readonly L[]) {
    for (const label of labels) {
      this.counts.set(label, new Map());
      this.totals.set(label, 0);
    }
  }

  /** Per feature, its log-probability under each label (Laplace smoothing); built on first use. */
  private logProbs?: Map<string, Float64Array>;
  private unseen?: Float64Array;

  learn(label: L, features: string[]): void {
    const counts = this.counts.get(label)!;
    for (const f of features) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      this.vocabulary.add(f);
    }
    this.totals.set(label, this.totals.get(label)! + features.length);
    this.logProbs = undefined;
  }

  private table(): [Map<string, Float64Array>, Float64Array] {
    if (!this.logProbs || !this.unseen) {
      const v = this.vocabulary.size + 1;
      const denominators = this.labels.map((label) => this.totals.get(label)! + v);
      this.unseen = Float64Array.from(denominators, (d) => Math.log(1 / d));
      this.logProbs = new Map();
      for (const f of this.vocabulary) {
        this.logProbs.set(f, Float64Array.from(this.labels, (label, i) => Math.log(((this.counts.get(label)!.get(f) ?? 0) + 1) / denominators[i]!)));
      }
    }
    return [this.logProbs, this.unseen];
  }

  /** Log-likelihoods, best first. */
  rank(features: string[]): { label: L; logp: number }[] {
    const [logProbs, unseen] = this.table();
    const sums = new Float64Array(this.labels.length);
    for (const f of features) {
      const row = logProbs.get(f) ?? unseen;
      for (let i = 0; i < sums.length; i++) sums[i]! += row[i]!;
    }
    return this.labels.map((label, i) => ({ label, logp: sums[i]! })).sort((a, b) => b.logp - a.logp);
  }
}

const latinFeatures = (text: string): string[] => {
  const folded = baseNormalize(text);
  const out: string[] = [];
  for (const word of words(folded)) {
    out.push(`w:${word}`, `w:${stripAccents(word)}`);
    const padded = `_${word}_`;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 3)}`);
  }
  return out;
};

const hanFeatures = (text: string): string[] => Array.from(text.normalize('NFKC').match(HAN) ?? []);

// Characters that only one of the two scripts uses settle most kanji-only messages at once.
const JA_ONLY = new Set(Array.from('証険届続暗号転済円駅様歳誕変発広鉄実図'));
const ZH_ONLY = new Set(Array.from('证险续码转这么个们丢办吗吧么请问号卡过时没还说'));

export interface Detection<L extends string = WrittenLang> {
  lang: L;
  /** False when the text was too short or too mixed to say; the caller keeps its language. */
  confident: boolean;
}

export class LanguageDetector {
  private readonly latin = new NaiveBayes<WrittenLang>(['en', 'es', 'pt', 'vi']);
  private readonly han = new NaiveBayes<WrittenLang>(['ja', 'zh']);

  constructor(samples: Partial<Record<WrittenLang, string[]>>) {
    for (const lang of ['en', 'es', 'pt', 'vi'] as const) {
      for (const text of samples[lang] ?? []) this.latin.learn(lang, latinFeatures(text));
    }
    for (const lang of ['ja', 'zh'] as const) {
      for (const text of samples[lang] ?? []) this.han.learn(lang, hanFeatures(text));
    }
  }

  detect(message: string, fallback: WrittenLang = 'ja'): Detection {
    // "Perdi mi マイナンバーカード": the guidebook's Japanese terms say nothing of the writer's language.
    const stripped = withoutJapaneseTerms(message);
    const text = /\p{L}/u.test(stripped) ? stripped : message;
    const hangul = text.match(HANGUL)?.length ?? 0;
    const kana = text.match(KANA)?.length ?? 0;
    const han = text.match(HAN)?.length ?? 0;
    const latin = text.normalize('NFKC').match(LATIN)?.length ?? 0;
    if (hangul > 0 && hangul >= kana) return { lang: 'ko', confident: true };
    // Chinese speakers write Japanese loanwords in katakana (マイナ卡); Japanese sentences have hiragana.
    if (kana > 0 && (HIRAGANA.test(text) || han === 0)) return { lang: 'ja', confident: true };
    if (han > 0 && han >= latin / 4) return this.detectHan(text, han, fallback);
    // "konbini de juminhyo toreru tte hontou?": Japanese on a keyboard without kana.
    if (latin > 0 && looksLikeRomajiJapanese(message)) return { lang: 'ja', confident: true };
    if (latin > 0 && han === 0 && VIETNAMESE_LETTERS.test(text)) return { lang: 'vi', confident: true };
    if (latin > 0) return this.detectLatin(text, latin, fallback);
    return { lang: fallback, confident: false };
  }

  private detectHan(text: string, han: number, fallback: WrittenLang): Detection {
    const chars = hanFeatures(text);
    const ja = chars.filter((c) => JA_ONLY.has(c)).length;
    const zh = chars.filter((c) => ZH_ONLY.has(c)).length;
    if (ja !== zh) return { lang: ja > zh ? 'ja' : 'zh', confident: true };
    const [best, second] = this.han.rank(chars);
    const margin = best!.logp - second!.logp;
    if (fallback !== 'ja' && fallback !== 'zh') return { lang: best!.label, confident: true };
    if (han < 4) return { lang: fallback, confident: false };
    return { lang: best!.label, confident: margin > 2 };
  }

  private detectLatin(text: string, letters: number, fallback: WrittenLang): Detection {
    const [best, second] = this.latin.rank(latinFeatures(text));
    const margin = best!.logp - second!.logp;
    const latinFallback = fallback === 'en' || fallback === 'es' || fallback === 'pt' || fallback === 'vi';
    // A Latin-script message in a Japanese, Chinese or Korean conversation is a change of language.
    if (!latinFallback) return { lang: best!.label, confident: letters >= 4 };
    // A word or two ("ok", "konbini", "my number") says little about which Latin language.
    if (letters < 8 || margin < 2) return { lang: fallback, confident: false };
    return { lang: best!.label, confident: true };
  }
}
