/**
 * The parts of `natural` the matcher uses, loaded by path: the package's index also loads its
 * storage adapters, which require `dotenv`, and dotenv prints to stdout when loaded — that would
 * pollute `knowledge:export` and the logs.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// natural's Japanese normalizer (also run by TokenizerJa on every call) rebuilds a large
// RegExp from its conversion tables each time. The tables never change, so the built
// replacers are kept: this must run before the Japanese modules capture `replacer`.
const utils = require('natural/lib/natural/util/utils.js') as { replacer: (table: object) => (text: string) => string };
const buildReplacer = utils.replacer;
const replacers = new WeakMap<object, (text: string) => string>();
utils.replacer = (table) => {
  let replace = replacers.get(table);
  if (!replace) replacers.set(table, (replace = buildReplacer(table)));
  return replace;
};

interface Stemmer { stem(token: string): string }
interface Tokenizer { tokenize(text: string): string[] }

export const TokenizerJa = require('natural/lib/natural/tokenizers/tokenizer_ja') as new () => Tokenizer;
export const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer;
export const PorterStemmerEs = require('natural/lib/natural/stemmers/porter_stemmer_es') as Stemmer;
export const PorterStemmerPt = require('natural/lib/natural/stemmers/porter_stemmer_pt') as Stemmer;
const normalizerJa = require('natural/lib/natural/normalizers/normalizer_ja') as {
  normalizeJa(text: string): string;
  Converters: new () => { katakanaToHiragana(text: string): string };
};
export const normalizeJa = normalizerJa.normalizeJa;
const converters = new normalizerJa.Converters();
export const katakanaToHiragana = (text: string): string => converters.katakanaToHiragana(text);
