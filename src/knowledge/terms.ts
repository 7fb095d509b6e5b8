/**
 * The guidebook's terms as residents write them in any of the six languages: a Spanish message
 * that names the card in katakana, a Korean one that writes 住民票 as 쥬민효, a Chinese one that
 * names 奥津振興センター. Before a message (or a training utterance) is analysed, each variant is
 * replaced by the one wording its language uses (terms.json), so one classifier per language
 * recognises every spelling; language detection looks past the Japanese-script terms.
 */
import { readFileSync } from 'node:fs';
import { WRITTEN_LANGS, type WrittenLang } from './languages.js';
import { NON_ASCII, stripAccents } from './analyzers/shared.js';

interface Term {
  id: string;
  say: Record<WrittenLang, string>;
  variants: string[];
  /** Spellings recognised only in one language's messages ("the mai na" in Vietnamese). */
  localVariants?: Partial<Record<WrittenLang, string[]>>;
}

/**
 * Languages whose wordings, folded, read as other languages' words (Vietnamese "thẻ" folds to
 * "the"): recognised only in their own messages.
 */
const LOCAL_WORDINGS: ReadonlySet<WrittenLang> = new Set(['vi']);

const TERMS = JSON.parse(readFileSync(new URL('./terms.json', import.meta.url), 'utf8')) as Term[];

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Latin text folded as the matcher reads it: lower case, no accents (only Latin letters touched). */
const foldLatin = (text: string) =>
  NON_ASCII.test(text) ? text.replace(/\p{Script=Latin}+/gu, (word) => stripAccents(word.toLowerCase())) : text.toLowerCase();
const fold = (text: string) => foldLatin(text.normalize('NFKC').replace(/\s+/g, ' '));

/**
 * Variants by their first character, longest first: a message is scanned once, and at each
 * position only the few variants starting with that character are tried (a regular expression
 * of a thousand alternatives took milliseconds per message).
 */
type Replacer = Map<string, { variant: string; wording: string; latin: boolean }[]>;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => {
  if (ch === undefined) return false;
  // ASCII without a regular expression: this runs at every Latin position of a message.
  if (ch < '\x80') return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
  return WORD_CHAR.test(ch);
};
const isLatinLetter = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');

function replacer(pairs: [variant: string, wording: string][]): Replacer {
  const byFirst: Replacer = new Map();
  const seen = new Set<string>();
  for (const [spelled, wording] of pairs) {
    // "mainanbaa kaado" is also typed "mainanbaakaado".
    for (const variant of new Set([spelled, spelled.replace(/ /g, '')])) {
      if (!variant || seen.has(variant)) continue;
      seen.add(variant);
      const first = variant[0]!;
      let list = byFirst.get(first);
      if (!list) byFirst.set(first, (list = []));
      list.push({ variant, wording, latin: LATIN_ONLY.test(variant) });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length);
  return byFirst;
}

/** Replaces each variant (Latin ones only as whole words) by its wording, or by `with` when given. */
function replaceAll(folded: string, byFirst: Replacer, replacement?: string): string {
  let out = '';
  // Text up to here is copied as it is, a stretch at a time.
  let copiedTo = 0;
  let i = 0;
  while (i < folded.length) {
    const list = byFirst.get(folded[i]!);
    // Latin variants start only at a word's start: inside a Latin word nothing is tried.
    const hit = list && !(isLatinLetter(folded[i]!) && isWordChar(folded[i - 1]))
      ? list.find(({ variant, latin }) =>
        folded.startsWith(variant, i) && (!latin || (!isWordChar(folded[i - 1]) && !isWordChar(folded[i + variant.length]))))
      : undefined;
    if (hit) {
      out += `${folded.slice(copiedTo, i)} ${replacement ?? hit.wording} `;
      i += hit.variant.length;
      copiedTo = i;
    } else {
      i++;
    }
  }
  return copiedTo === 0 ? folded : out + folded.slice(copiedTo);
}

const replacers = new Map<WrittenLang, Replacer>();
for (const lang of WRITTEN_LANGS) {
  const pairs: [string, string][] = [];
  for (const term of TERMS) {
    const own = fold(term.say[lang]);
    // The language's own wording is among the variants too (replaced by itself): longest first,
    // it keeps a shorter variant inside it ("鏡野" in "鏡野町") from being replaced.
    const wordings = WRITTEN_LANGS.filter((l) => l === lang || !LOCAL_WORDINGS.has(l)).map((l) => term.say[l]);
    for (const spelling of new Set([own, ...term.variants, ...(term.localVariants?.[lang] ?? []), ...wordings].map(fold))) {
      if (spelling) pairs.push([spelling, own]);
    }
  }
  replacers.set(lang, replacer(pairs));
}

const japaneseTerms = replacer(
  [...new Set(TERMS.flatMap((t) => [...t.variants, t.say.ja]).map(fold).filter((v) => JAPANESE_SCRIPT.test(v)))].map((v) => [v, ' ']),
);

/** The message with every term written the way `lang` writes it. */
export function canonicalTerms(text: string, lang: WrittenLang): string {
  return replaceAll(fold(text), replacers.get(lang)!);
}

/** The message without the Japanese-script terms in it, for telling its own language. */
export function withoutJapaneseTerms(text: string): string {
  return replaceAll(fold(text), japaneseTerms, ' ');
}
