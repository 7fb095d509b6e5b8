/**
 * Vietnamese: a word is written as syllables separated by spaces ("chứng minh thư"), so the
 * features are syllables and pairs of neighbouring syllables, read without tone and vowel marks
 * (many residents type "the my number bi mat" on a keyboard without them; the term folding
 * before the analyzer takes the marks off Latin text anyway).
 */
import { add, baseNormalize, stripAccents, words, type Analyzer, type Features } from './shared.js';

/** Tone and vowel marks off, and đ as d (NFD does not split đ). */
export const foldVietnamese = (text: string): string => stripAccents(text).replace(/đ/g, 'd');

// Words that say nothing about the topic: pronouns, particles, politeness.
const STOP = new Set('toi em anh chi minh ban a oi nhe nha vay thi la cua va co duoc cho voi ma nay do o'.split(' '));

export const vi: Analyzer = {
  features(text: string): Features {
    const features: Features = new Map();
    const syllables = words(foldVietnamese(baseNormalize(text)));
    for (let i = 0; i < syllables.length; i++) {
      const syllable = syllables[i]!;
      if (!STOP.has(syllable)) add(features, `w:${syllable}`, 1);
      // Pairs carry the words: "mat the" (lost card) is not "mat khau" (password).
      if (i + 1 < syllables.length) add(features, `b:${syllable}_${syllables[i + 1]}`, 1);
    }
    return features;
  },
};
