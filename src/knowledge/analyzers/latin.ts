/** English, Spanish and Portuguese: stemmed words (natural's Porter stemmers) plus in-word trigrams for typos. */
import { PorterStemmer, PorterStemmerEs, PorterStemmerPt } from '../natural.js';
import { add, addCharGrams, baseNormalize, stripAccents, words, type Analyzer, type Features } from './shared.js';

interface LatinOptions {
  stem(token: string): string;
  stopwords: ReadonlySet<string>;
}

/** Distinct words whose stems are remembered; beyond it the memory starts again. */
const MAX_REMEMBERED_STEMS = 20_000;

export function latinAnalyzer({ stem, stopwords }: LatinOptions): Analyzer {
  // natural's stemmers build several objects per word; residents' words repeat a great deal.
  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    let found = stems.get(word);
    if (found === undefined) {
      if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
      stems.set(word, (found = stem(word)));
    }
    return found;
  };
  return {
    features(text: string): Features {
      const features: Features = new Map();
      for (const word of words(stripAccents(baseNormalize(text)))) {
        if (stopwords.has(word)) continue;
        add(features, `w:${stemOf(word)}`, 1);
        if (word.length >= 4) addCharGrams(features, ` ${word} `.replace(/ /g, '_'), [3], 0.15);
      }
      return features;
    },
  };
}

const set = (list: string): ReadonlySet<string> => new Set(list.split(' '));

export const en = latinAnalyzer({
  stem: (w) => PorterStemmer.stem(w),
  stopwords: set('a an the i me my we our you your it its is are was were be been am do does did to of in on at for with and or but so if can could would should will shall may might please there this that what which who how when where why about from by as up just im i\'m there\'s'),
});

export const es = latinAnalyzer({
  stem: (w) => PorterStemmerEs.stem(w),
  stopwords: set('el la los las un una unos unas de del al y o u en a por para con sin que se me mi mis tu su sus es son esta estan fue lo le les yo usted ustedes como cual donde cuando quien hay pero si no muy mas ya este ese esa eso'),
});

export const pt = latinAnalyzer({
  stem: (w) => PorterStemmerPt.stem(w),
  stopwords: set('o a os as um uma uns umas de do da dos das e ou em no na nos nas por pelo pela para pra com sem que se me meu minha meus minhas eu voce voces seu sua ele ela e ta esta estao foi como qual onde quando quem tem mas sim nao muito mais ja isso esse essa este'),
});
