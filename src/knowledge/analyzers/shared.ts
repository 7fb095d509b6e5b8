/** Building blocks shared by the per-language analyzers. */

export type Features = Map<string, number>;

export interface Analyzer {
  /** Weighted features of one message: words (or stems) and character n-grams. */
  features(text: string): Features;
}

/** NFKC folds full/half width and compatibility forms; then lower case and single spaces. */
export function baseNormalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Any character beyond ASCII. */
export const NON_ASCII = /[\u0080-\uffff]/;

/** Removes accents: residents often type "renovacao" or "como renuevo". */
export function stripAccents(text: string): string {
  // Most messages are plain ASCII: nothing to strip, and no normalisation to pay for.
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export function add(features: Features, key: string, weight: number): void {
  features.set(key, (features.get(key) ?? 0) + weight);
}

/** Character n-grams of a string with no spaces or punctuation. */
export function addCharGrams(features: Features, text: string, sizes: number[], weight: number): void {
  const chars = Array.from(text.replace(/[\s\p{P}\p{S}]+/gu, ''));
  for (const n of sizes) {
    for (let i = 0; i + n <= chars.length; i++) add(features, `c${n}:${chars.slice(i, i + n).join('')}`, weight);
  }
}

/** Words split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
