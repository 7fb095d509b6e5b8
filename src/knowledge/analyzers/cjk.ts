/**
 * Japanese, Chinese and Korean: words from a tokenizer plus character uni- and bigrams, which
 * carry most of the signal in languages written without spaces between words.
 */
import { katakanaToHiragana, TokenizerJa } from '../natural.js';
import { add, addCharGrams, baseNormalize, words, type Analyzer, type Features } from './shared.js';

const tokenizerJa = new TokenizerJa();
// Particles and endings that say nothing about the topic.
const JA_STOP = new Set('は が を に で と の も へ や か ね よ な です ます でし まし た て い し だ ください ですか'.split(' '));

const segmenterJa = new Intl.Segmenter('ja', { granularity: 'word' });

export const ja: Analyzer = {
  features(text: string): Features {
    const folded = baseNormalize(text);
    const normalized = katakanaToHiragana(folded);
    const features: Features = new Map();
    for (const token of tokenizerJa.tokenize(normalized)) {
      if (!JA_STOP.has(token)) add(features, `w:${token}`, 1);
    }
    // ICU's dictionary segmentation finds the words TinySegmenter splits (証明書, 更新).
    for (const { segment, isWordLike } of segmenterJa.segment(folded)) {
      if (isWordLike && !JA_STOP.has(segment)) add(features, `s:${katakanaToHiragana(segment)}`, 0.5);
    }
    addCharGrams(features, normalized, [2], 1);
    return features;
  },
};

const segmenterZh = new Intl.Segmenter('zh', { granularity: 'word' });
const ZH_STOP = new Set('的 了 吗 呢 吧 啊 我 你 是 在 有 要 就 都 也 和 请问 请 怎么 什么'.split(' '));

export const zh: Analyzer = {
  features(text: string): Features {
    const normalized = baseNormalize(text);
    const features: Features = new Map();
    for (const { segment, isWordLike } of segmenterZh.segment(normalized)) {
      if (isWordLike && !ZH_STOP.has(segment)) add(features, `w:${segment}`, 1);
    }
    addCharGrams(features, normalized, [1], 0.3);
    addCharGrams(features, normalized, [2], 1);
    return features;
  },
};

export const ko: Analyzer = {
  features(text: string): Features {
    const normalized = baseNormalize(text);
    const features: Features = new Map();
    for (const word of words(normalized)) {
      add(features, `w:${word}`, 0.5);
      // Korean attaches particles and endings to the stem: n-grams inside each word match
      // 잃어버렸어요 with 잃어버렸는데.
      addCharGrams(features, word, [1], 0.2);
      addCharGrams(features, word, [2], 1);
      addCharGrams(features, word, [3], 0.5);
    }
    return features;
  },
};
