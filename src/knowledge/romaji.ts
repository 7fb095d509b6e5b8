/**
 * Japanese typed in romaji ("konbini de juminhyo toreru tte hontou?"), as residents write it on
 * a phone without a Japanese keyboard. Such a message is recognised as Japanese, and before the
 * Japanese analyzer and the lost-card guard read it, its words are written in kana and the
 * guidebook's words among them in the kanji the training utterances use.
 */
import { readFileSync } from 'node:fs';
import { stripAccents } from './analyzers/shared.js';
import { canonicalTerms } from './terms.js';

/** Syllables, longest spellings first when read: Hepburn, Kunrei and keyboard spellings. */
const SYLLABLES: Record<string, string> = {
  a: 'あ', i: 'い', u: 'う', e: 'え', o: 'お',
  ka: 'か', ki: 'き', ku: 'く', ke: 'け', ko: 'こ', ga: 'が', gi: 'ぎ', gu: 'ぐ', ge: 'げ', go: 'ご',
  sa: 'さ', shi: 'し', si: 'し', su: 'す', se: 'せ', so: 'そ', za: 'ざ', ji: 'じ', zi: 'じ', zu: 'ず', ze: 'ぜ', zo: 'ぞ',
  ta: 'た', chi: 'ち', ti: 'ち', tsu: 'つ', tu: 'つ', te: 'て', to: 'と', da: 'だ', di: 'ぢ', du: 'づ', de: 'で', do: 'ど',
  na: 'な', ni: 'に', nu: 'ぬ', ne: 'ね', no: 'の', ha: 'は', hi: 'ひ', fu: 'ふ', hu: 'ふ', he: 'へ', ho: 'ほ',
  ba: 'ば', bi: 'び', bu: 'ぶ', be: 'べ', bo: 'ぼ', pa: 'ぱ', pi: 'ぴ', pu: 'ぷ', pe: 'ぺ', po: 'ぽ',
  ma: 'ま', mi: 'み', mu: 'む', me: 'め', mo: 'も', ya: 'や', yu: 'ゆ', yo: 'よ',
  ra: 'ら', ri: 'り', ru: 'る', re: 'れ', ro: 'ろ', wa: 'わ', wo: 'を',
  kya: 'きゃ', kyu: 'きゅ', kyo: 'きょ', gya: 'ぎゃ', gyu: 'ぎゅ', gyo: 'ぎょ',
  sha: 'しゃ', shu: 'しゅ', sho: 'しょ', she: 'しぇ', sya: 'しゃ', syu: 'しゅ', syo: 'しょ',
  ja: 'じゃ', ju: 'じゅ', jo: 'じょ', je: 'じぇ', jya: 'じゃ', jyu: 'じゅ', jyo: 'じょ', zya: 'じゃ', zyu: 'じゅ', zyo: 'じょ',
  cha: 'ちゃ', chu: 'ちゅ', cho: 'ちょ', che: 'ちぇ', tya: 'ちゃ', tyu: 'ちゅ', tyo: 'ちょ', cya: 'ちゃ', cyu: 'ちゅ', cyo: 'ちょ',
  nya: 'にゃ', nyu: 'にゅ', nyo: 'にょ', hya: 'ひゃ', hyu: 'ひゅ', hyo: 'ひょ', bya: 'びゃ', byu: 'びゅ', byo: 'びょ',
  pya: 'ぴゃ', pyu: 'ぴゅ', pyo: 'ぴょ', mya: 'みゃ', myu: 'みゅ', myo: 'みょ', rya: 'りゃ', ryu: 'りゅ', ryo: 'りょ',
  fa: 'ふぁ', fi: 'ふぃ', fe: 'ふぇ', fo: 'ふぉ', vu: 'ゔ',
};
const VOWELS = new Set(['a', 'i', 'u', 'e', 'o']);

/** The word in hiragana, or undefined when it cannot be Japanese ("the", "tarjeta"). */
export function romajiWordToKana(word: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    const next = word[i + 1];
    if (ch === 'n' && (next === undefined || next === "'" || (!VOWELS.has(next) && next !== 'y'))) {
      // ん: before a consonant, at the end, or written "n'" / "nn" (the second n starts nothing).
      out += 'ん';
      i += next === "'" || (next === 'n' && !VOWELS.has(word[i + 2] ?? '') && word[i + 2] !== 'y') ? 2 : 1;
      continue;
    }
    if (next === ch && !VOWELS.has(ch) && ch !== 'n') {
      // A doubled consonant is a small っ ("kitte", "hakko").
      out += 'っ';
      i += 1;
      continue;
    }
    if (ch === 't' && next === 'c') {
      out += 'っ';
      i += 1;
      continue;
    }
    let matched = false;
    for (const length of [3, 2, 1]) {
      const kana = SYLLABLES[word.slice(i, i + length)];
      if (kana) {
        out += kana;
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) return undefined;
  }
  return out;
}

/**
 * Words only Japanese uses, among those that spell as romaji: particles, endings, question
 * words. Words Spanish, Portuguese or English share ("no", "de", "ja", "yo", "ne") are left out.
 */
const JAPANESE_MARKERS = new Set(
  ('desu desuka desu ka masu masuka masen mashita deshita dekiru dekimasu dekimasuka dekinai tte wo ga wa kara node kedo keredo ' +
    'shitai shitai kudasai onegai onegaishimasu hontou honto doko itsu ikura nani nande naze dou dame iru irimasu aru arimasu ' +
    'nai shimasu suru shita shite yoi ii janai desho deshou kana kashira daijoubu daijobu wakaranai shiritai oshiete toreru tsukaeru ' +
    'ikanai ikenai naku nakushita otoshita nusumareta wasureta mitsukaranai').split(' '),
);

const ASCII_LETTER = /[a-z]/i;
const ROMAJI_WORD = /[a-z']+/g;

/** Latin words, with their accents ("kōshin"); kana and kanji are left alone (NFD would split が). */
const LATIN_WORD = /[\p{Script=Latin}'](?:[\p{Script=Latin}']|\p{M})*/gu;
const folded = (word: string) => stripAccents(word.toLowerCase());
/** Spaces between Japanese words, closed up as Japanese is written. */
const JAPANESE_SPACE = /(?<=[\u3040-\u30ff\u4e00-\u9fff]) +(?=[\u3040-\u30ff\u4e00-\u9fff])/gu;


/** Particles Spanish, Portuguese or English share: they count only beside a Japanese marker. */
const SHARED_PARTICLES = new Set(['no', 'ni', 'de', 'mo', 'to', 'ka', 'e']);
/** Verb and copula endings: "sagashimasu", "mitsukaranai", "shitai", "desu". */
const JAPANESE_ENDING = /(masu|masen|mashita|desu|deshita|tai|nai|kudasai|teru|teiru|tara)$/;
const isMarker = (word: string) => JAPANESE_MARKERS.has(word) || (word.length > 4 && JAPANESE_ENDING.test(word));

/** True when the Latin words of the message are Japanese written in romaji. */
export function looksLikeRomajiJapanese(text: string): boolean {
  // Most messages have no Latin letters at all (kana, kanji, hangul, Chinese).
  if (!ASCII_LETTER.test(text)) return false;
  // Accents folded on the whole text: only the Latin words are read from it.
  const latinWords = stripAccents(text.toLowerCase()).match(ROMAJI_WORD) ?? [];
  if (latinWords.length < 3) return false;
  // Japanese grammar (a Set look-up each, before any spelling): two markers, or one beside
  // two particles ("famima no kikai de ... hajimete desu")...
  const markers = new Set(latinWords.filter(isMarker)).size;
  const particles = latinWords.filter((word) => SHARED_PARTICLES.has(word)).length;
  if (markers < 2 && !(markers === 1 && particles >= 2)) return false;
  // ...and nearly every word spells as Japanese, once the guidebook's terms are read
  // ("my number card" is the card's name, not English).
  const rest = stripAccents(canonicalTerms(text, 'ja').toLowerCase()).match(ROMAJI_WORD) ?? [];
  return rest.filter((word) => romajiWordToKana(word) !== undefined).length >= rest.length * 0.85;
}

/** The guidebook's words in kana as the kanji the training utterances write them with. */
const KANJI_BY_READING = Object.entries(
  JSON.parse(readFileSync(new URL('./romaji-kanji.json', import.meta.url), 'utf8')) as Record<string, string>,
).sort(([a], [b]) => b.length - a.length);

/** A reading of three kana or more also starts a longer word ("ひっこし" → "引っ越し"); a shorter one is only itself. */
const withKanji = (kana: string): string => {
  for (const [reading, kanji] of KANJI_BY_READING) {
    if (kana === reading || (reading.length >= 3 && kana.startsWith(reading))) return kanji + kana.slice(reading.length);
  }
  return kana;
};

/** Particles written as they sound ("wa", "wo") but in kana as Japanese writes them. */
const PARTICLES: Record<string, string> = { wa: 'は', wo: 'を' };

/**
 * The message with its romaji words in Japanese script, joined as Japanese is written (without
 * spaces); a message that is not romaji Japanese is returned as it is.
 */
export function romajiToJapanese(text: string): string {
  if (!looksLikeRomajiJapanese(text)) return text;
  return text
    .normalize('NFKC')
    .replace(LATIN_WORD, (word) => {
      const particle = PARTICLES[folded(word)];
      if (particle) return particle;
      const kana = romajiWordToKana(folded(word));
      return kana ? withKanji(kana) : word;
    })
    .replace(JAPANESE_SPACE, '');
}

/** Kana words with spaces between them, as learners of Japanese often type ("カード を なくした"). */
const SPACED_KANA = /[\u3040-\u30ff] +[\u3040-\u30ff\u4e00-\u9fff]/gu;
const HIRAGANA_WORD = /[\u3040-\u309f]+/gu;

/**
 * A learner's spaced kana with the guidebook's words in kanji, spaces closed up; any other
 * message is returned as it is (in running Japanese a word's edges are not known).
 */
export function spacedKanaToKanji(text: string): string {
  if ((text.match(SPACED_KANA)?.length ?? 0) < 2) return text;
  // A word starts after a space or a punctuation mark; only its leading kana are looked up.
  return text
    .split(/([\s、。，．！？!?,.]+)/u)
    .map((token) => token.replace(HIRAGANA_WORD, (kana, offset: number) => (offset === 0 ? withKanji(kana) : kana)))
    .join('')
    .replace(JAPANESE_SPACE, '');
}

/** Japanese as learners and visitors type it, in romaji or in spaced kana, read as it is written. */
export const readAsJapanese = (text: string): string => spacedKanaToKanji(romajiToJapanese(text));

/** A learner's Japanese: romaji, or kana with spaces between the words. */
export const looksLikeLearnersJapanese = (text: string): boolean =>
  (text.match(SPACED_KANA)?.length ?? 0) >= 2 || looksLikeRomajiJapanese(text);
