/**
 * The intent classifier of one language, over TF-IDF features of natural's tokens and stems:
 * - a multinomial logistic regression (softmax), trained at start-up, ranks the intents and
 *   gives the confidence: it learns which words matter for an intent, so the context residents
 *   add around a question ("my mother is 80, ...") weighs little;
 * - a similarity score (nearest training utterance blended with the intent's centroid, cosine)
 *   tells how close the message is to anything the guidebook answers, for the fallback.
 */
import type { Analyzer, Features } from './analyzers/index.js';

export interface Scored {
  intent: string;
  /** Cosine blend in [0, 1]: how close the message is to what the intent was trained on. */
  score: number;
  /** Probability from the softmax model: how sure we are it is this one and not another. */
  confidence: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Softmax temperature applied when classifying: below 1 sharpens the probabilities. Fitted per
   * language by `npm run calibrate` (cross-validation on the training utterances only).
   */
  temperature: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 1, l2: 1e-5, seed: 7, temperature: 1 };

/** A small deterministic PRNG (mulberry32), so training gives the same model on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Vector = Map<string, number>;

const NEAREST_WEIGHT = 0.6;

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
  /** feature → one weight per intent, and one bias per intent: the softmax model. */
  private readonly weights = new Map<string, Float64Array>();
  private readonly bias: Float64Array;
  private readonly temperature: number;

  constructor(
    private readonly analyzer: Analyzer,
    examples: Record<string, string[]>,
    training: TrainingOptions = DEFAULT_TRAINING,
  ) {
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
    const vectors: Vector[] = [];
    docs.forEach((doc, index) => {
      const vector = this.vectorize(doc.features, false);
      vectors.push(vector);
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
    this.bias = new Float64Array(this.intents.length);
    this.temperature = training.temperature;
    this.train(vectors, docs.map((d) => d.intent), training);
  }

  /** Stochastic gradient descent on the softmax cross-entropy, with a decaying step. */
  private train(vectors: Vector[], labels: number[], options: TrainingOptions): void {
    const k = this.intents.length;
    for (const vector of vectors) for (const key of vector.keys()) if (!this.weights.has(key)) this.weights.set(key, new Float64Array(k));
    const order = vectors.map((_, i) => i);
    const next = random(options.seed);
    const probs = new Float64Array(k);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = options.learningRate / (1 + epoch * 0.1);
      for (const index of order) {
        const vector = vectors[index]!;
        this.logits(vector, probs);
        softmaxInPlace(probs);
        probs[labels[index]!]! -= 1;
        for (let c = 0; c < k; c++) this.bias[c]! -= rate * probs[c]!;
        for (const [key, x] of vector) {
          const w = this.weights.get(key)!;
          for (let c = 0; c < k; c++) w[c]! -= rate * (probs[c]! * x + options.l2 * w[c]!);
        }
      }
    }
  }

  private logits(vector: Vector, out: Float64Array): void {
    out.set(this.bias);
    for (const [key, x] of vector) {
      const w = this.weights.get(key);
      if (!w) continue;
      for (let c = 0; c < out.length; c++) out[c]! += x * w[c]!;
    }
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

  /** Raw model scores of a message, one per intent in `intentIds` order (for calibration). */
  rawLogits(text: string): Float64Array {
    const out = new Float64Array(this.intents.length);
    this.logits(this.vectorize(this.analyzer.features(text), true), out);
    return out;
  }

  get intentIds(): readonly string[] {
    return this.intents;
  }

  /** All intents, most probable first. */
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
    const probs = new Float64Array(this.intents.length);
    this.logits(query, probs);
    for (let i = 0; i < probs.length; i++) probs[i]! /= this.temperature;
    softmaxInPlace(probs);
    const scores = this.intents.map((intent, i) => ({
      intent,
      score: NEAREST_WEIGHT * nearest[i]! + (1 - NEAREST_WEIGHT) * centroidSims[i]!,
      confidence: probs[i]!,
    }));
    return scores.sort((a, b) => b.confidence - a.confidence);
  }
}

export function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] = Math.exp(values[i]! - max);
  for (let i = 0; i < values.length; i++) values[i]! /= sum;
}
