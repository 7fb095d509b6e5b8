/**
 * A TF-IDF intent classifier for one language. An intent's score blends its nearest training
 * utterance (cosine) with its centroid, which keeps a single odd example from dominating; scores
 * become a confidence through a softmax whose temperature is fixed by the evaluation (see README).
 */
import type { Analyzer, Features } from './analyzers/index.js';

export interface Scored {
  intent: string;
  /** Cosine blend in [0, 1]: how close the message is to what the intent was trained on. */
  score: number;
  /** Softmax over all intents: how sure we are it is this one and not another. */
  confidence: number;
}

type Vector = Map<string, number>;

const NEAREST_WEIGHT = 0.6;
export const SOFTMAX_TEMPERATURE = 25;

function normalize(vector: Vector): Vector {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [k, w] of vector) vector.set(k, w / norm);
  return vector;
}

export class IntentClassifier {
  private readonly idf = new Map<string, number>();
  private readonly defaultIdf: number;
  private readonly intents: string[];
  /** feature → [(example index, weight)] */
  private readonly postings = new Map<string, [number, number][]>();
  private readonly exampleIntent: number[] = [];
  /** feature → [(intent index, weight)] of the normalised centroids */
  private readonly centroidPostings = new Map<string, [number, number][]>();

  constructor(private readonly analyzer: Analyzer, examples: Record<string, string[]>) {
    this.intents = Object.keys(examples);
    const docs: { intent: number; features: Features }[] = [];
    this.intents.forEach((intent, i) => {
      for (const text of examples[intent] ?? []) docs.push({ intent: i, features: analyzer.features(text) });
    });
    const df = new Map<string, number>();
    for (const doc of docs) for (const key of doc.features.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    const n = docs.length;
    for (const [key, count] of df) this.idf.set(key, Math.log((n + 1) / (count + 1)) + 1);
    this.defaultIdf = Math.log(n + 1) + 1;

    const centroids: Vector[] = this.intents.map(() => new Map());
    docs.forEach((doc, index) => {
      const vector = this.vectorize(doc.features, false);
      this.exampleIntent.push(doc.intent);
      const centroid = centroids[doc.intent]!;
      for (const [key, w] of vector) {
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push([index, w]);
        centroid.set(key, (centroid.get(key) ?? 0) + w);
      }
    });
    centroids.forEach((centroid, i) => {
      for (const [key, w] of normalize(centroid)) {
        let list = this.centroidPostings.get(key);
        if (!list) this.centroidPostings.set(key, (list = []));
        list.push([i, w]);
      }
    });
  }

  private vectorize(features: Features, query: boolean): Vector {
    const vector: Vector = new Map();
    for (const [key, tf] of features) {
      const idf = this.idf.get(key);
      // Unknown features cannot match anything; they only dilute the query's norm a little,
      // which is what makes off-topic questions score low.
      const weight = (1 + Math.log(1 + tf)) * (idf ?? (query ? this.defaultIdf : 0));
      if (weight > 0) vector.set(key, weight);
    }
    return normalize(vector);
  }

  /** All intents, best first. */
  classify(text: string): Scored[] {
    const query = this.vectorize(this.analyzer.features(text), true);
    const nearest = new Float64Array(this.intents.length);
    const exampleSims = new Map<number, number>();
    const centroidSims = new Float64Array(this.intents.length);
    for (const [key, qw] of query) {
      for (const [doc, w] of this.postings.get(key) ?? []) exampleSims.set(doc, (exampleSims.get(doc) ?? 0) + qw * w);
      for (const [intent, w] of this.centroidPostings.get(key) ?? []) centroidSims[intent]! += qw * w;
    }
    for (const [doc, sim] of exampleSims) {
      const intent = this.exampleIntent[doc]!;
      if (sim > nearest[intent]!) nearest[intent] = sim;
    }
    const scores = this.intents.map((intent, i) => ({
      intent,
      score: NEAREST_WEIGHT * nearest[i]! + (1 - NEAREST_WEIGHT) * centroidSims[i]!,
      confidence: 0,
    }));
    const max = Math.max(...scores.map((s) => s.score));
    let sum = 0;
    for (const s of scores) sum += (s.confidence = Math.exp((s.score - max) * SOFTMAX_TEMPERATURE));
    for (const s of scores) s.confidence /= sum;
    return scores.sort((a, b) => b.score - a.score);
  }
}
