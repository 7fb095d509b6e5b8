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

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 8, learningRate: 1, l2: 1e-5, seed: 7, temperature: 1 };

/** Share of the similarity score taken from the nearest utterance (the rest: the centroid). */
const NEAREST_WEIGHT = 0.6;
/** Features in more than this share of the training utterances do not count for the nearest one. */
const COMMON_FEATURE_SHARE = 0.05;

/** A sparse vector over the feature indices of the training vocabulary. */
interface Vector {
  idx: Int32Array;
  val: Float64Array;
}

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

/** An inverted index in compressed rows: the rows of feature f are start[f] .. start[f + 1]. */
export interface Postings {
  start: Int32Array;
  row: Int32Array;
  weight: Float64Array;
}

const isModel = (value: Record<string, string[]> | ClassifierModel): value is ClassifierModel =>
  value['weights'] instanceof Float64Array;

function buildPostings(features: number, rows: Vector[]): Postings {
  const start = new Int32Array(features + 1);
  for (const { idx } of rows) for (const f of idx) start[f + 1]!++;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, features);
  const row = new Int32Array(start[features]!);
  const weight = new Float64Array(start[features]!);
  rows.forEach(({ idx, val }, r) => {
    idx.forEach((f, j) => {
      const at = fill[f]!++;
      row[at] = r;
      weight[at] = val[j]!;
    });
  });
  return { start, row, weight };
}

function accumulate(postings: Postings, feature: number, q: number, into: Float64Array): void {
  for (let at = postings.start[feature]!; at < postings.start[feature + 1]!; at++) into[postings.row[at]!]! += q * postings.weight[at]!;
}

export function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] = Math.exp(values[i]! - max);
  for (let i = 0; i < values.length; i++) values[i]! /= sum;
}

/** A trained classifier as plain data and typed arrays, to move it between threads. */
export interface ClassifierModel {
  intents: string[];
  vocabulary: string[];
  idf: Float64Array;
  unseenIdf: number;
  postings: Postings;
  docIntent: Int32Array;
  centroidPostings: Postings;
  weights: Float64Array;
  bias: Float64Array;
  temperature: number;
}

export class IntentClassifier {
  private readonly intents: string[];
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Inverse document frequency of a feature never seen in training. */
  private readonly unseenIdf: number;
  /** Per feature: the training utterances that have it, and its weight in each. */
  private readonly postings: Postings;
  private readonly docIntent: Int32Array;
  /** Per feature: the intent centroids that have it, and its weight in each. */
  private readonly centroidPostings: Postings;
  /** The softmax model: weights[feature * k + intent], and a bias per intent. */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly temperature: number;

  /** Trains on `examples` (intent → utterances), or takes an already trained model. */
  constructor(
    private readonly analyzer: Analyzer,
    examples: Record<string, string[]> | ClassifierModel,
    training: TrainingOptions = DEFAULT_TRAINING,
  ) {
    if (isModel(examples)) {
      this.intents = examples.intents;
      examples.vocabulary.forEach((key, i) => this.vocabulary.set(key, i));
      this.idf = examples.idf;
      this.unseenIdf = examples.unseenIdf;
      this.postings = examples.postings;
      this.docIntent = examples.docIntent;
      this.centroidPostings = examples.centroidPostings;
      this.weights = examples.weights;
      this.bias = examples.bias;
      this.temperature = examples.temperature;
      return;
    }
    this.intents = Object.keys(examples);
    const k = this.intents.length;
    const docs: { intent: number; features: Features }[] = [];
    this.intents.forEach((intent, i) => {
      for (const text of examples[intent] ?? []) docs.push({ intent: i, features: analyzer.features(text) });
    });

    const df: number[] = [];
    for (const doc of docs) {
      for (const key of doc.features.keys()) {
        let index = this.vocabulary.get(key);
        if (index === undefined) {
          index = df.push(0) - 1;
          this.vocabulary.set(key, index);
        }
        df[index]!++;
      }
    }
    const n = docs.length;
    this.idf = Float64Array.from(df, (count) => Math.log((n + 1) / (count + 1)) + 1);
    this.unseenIdf = Math.log(n + 1) + 1;

    this.docIntent = Int32Array.from(docs, (d) => d.intent);
    const vectors = docs.map((doc) => this.vectorize(doc.features).vector);
    this.postings = buildPostings(df.length, vectors);
    const centroids = Array.from({ length: k }, () => new Map<number, number>());
    vectors.forEach((vector, d) => {
      const centroid = centroids[this.docIntent[d]!]!;
      vector.idx.forEach((f, j) => centroid.set(f, (centroid.get(f) ?? 0) + vector.val[j]!));
    });
    this.centroidPostings = buildPostings(
      df.length,
      centroids.map((centroid) => {
        const norm = Math.sqrt([...centroid.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
        return { idx: Int32Array.from(centroid.keys()), val: Float64Array.from(centroid.values(), (w) => w / norm) };
      }),
    );

    this.weights = new Float64Array(df.length * k);
    this.bias = new Float64Array(k);
    this.temperature = training.temperature;
    this.train(vectors, this.docIntent, training);
  }

  /** Stochastic gradient descent on the softmax cross-entropy, with a decaying step. */
  private train(vectors: Vector[], labels: Int32Array, options: TrainingOptions): void {
    const k = this.intents.length;
    // Each intent weighs the same in training however many utterances it has, so the long list
    // of lost-card wordings does not pull every vague message towards it.
    const perIntent = new Float64Array(k);
    for (const label of labels) perIntent[label]! += 1;
    const sampleWeight = Float64Array.from(labels, (label) => vectors.length / k / perIntent[label]!);
    const order = vectors.map((_, i) => i);
    const next = random(options.seed);
    const probs = new Float64Array(k);
    const active = new Int32Array(k);
    const averageFrom = Math.floor((options.epochs * 2) / 3);
    const averageWeights = new Float64Array(this.weights.length);
    const averageBias = new Float64Array(k);
    let averaged = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = options.learningRate / (1 + epoch * 0.1);
      const decay = 1 - rate * options.l2;
      for (const index of order) {
        const { idx, val } = vectors[index]!;
        this.logits(idx, val, probs);
        softmaxInPlace(probs);
        probs[labels[index]!]! -= 1;
        const step = rate * sampleWeight[index]!;
        // Intents the model already rules out get a negligible gradient: skipping them makes
        // training several times faster without changing the result measurably.
        let count = 0;
        for (let c = 0; c < k; c++) if (Math.abs(probs[c]!) > 1e-3) active[count++] = c;
        for (let a = 0; a < count; a++) this.bias[active[a]!]! -= step * probs[active[a]!]!;
        for (let j = 0; j < idx.length; j++) {
          const base = idx[j]! * k;
          const x = val[j]!;
          for (let a = 0; a < count; a++) {
            const c = active[a]!;
            this.weights[base + c] = this.weights[base + c]! * decay - step * probs[c]! * x;
          }
        }
      }
      if (epoch >= averageFrom) {
        for (let i = 0; i < this.weights.length; i++) averageWeights[i]! += this.weights[i]!;
        for (let c = 0; c < k; c++) averageBias[c]! += this.bias[c]!;
        averaged++;
      }
    }
    // The model is the average of the last epochs' weights: it does not depend on which
    // utterances the shuffle happened to put last.
    for (let i = 0; i < this.weights.length; i++) this.weights[i] = averageWeights[i]! / averaged;
    for (let c = 0; c < k; c++) this.bias[c] = averageBias[c]! / averaged;
  }

  private logits(idx: Int32Array, val: Float64Array, out: Float64Array): void {
    const k = this.intents.length;
    out.set(this.bias);
    for (let j = 0; j < idx.length; j++) {
      const base = idx[j]! * k;
      const x = val[j]!;
      for (let c = 0; c < k; c++) out[c]! += x * this.weights[base + c]!;
    }
  }

  /**
   * TF-IDF weights, L2-normalised. Features never seen in training cannot match anything; they
   * only count in the norm, which is what makes off-topic questions score low.
   */
  private vectorize(features: Features): { vector: Vector } {
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    for (const [key, tf] of features) {
      const index = this.vocabulary.get(key);
      const weight = (1 + Math.log(1 + tf)) * (index === undefined ? this.unseenIdf : this.idf[index]!);
      norm += weight * weight;
      if (index !== undefined) {
        idx.push(index);
        val.push(weight);
      }
    }
    norm = Math.sqrt(norm) || 1;
    return { vector: { idx: Int32Array.from(idx), val: Float64Array.from(val, (w) => w / norm) } };
  }

  toModel(): ClassifierModel {
    return {
      intents: this.intents,
      vocabulary: [...this.vocabulary.keys()],
      idf: this.idf,
      unseenIdf: this.unseenIdf,
      postings: this.postings,
      docIntent: this.docIntent,
      centroidPostings: this.centroidPostings,
      weights: this.weights,
      bias: this.bias,
      temperature: this.temperature,
    };
  }

  get intentIds(): readonly string[] {
    return this.intents;
  }

  /** Raw model scores of a message, one per intent in `intentIds` order (for calibration). */
  rawLogits(text: string): Float64Array {
    const { idx, val } = this.vectorize(this.analyzer.features(text)).vector;
    const out = new Float64Array(this.intents.length);
    this.logits(idx, val, out);
    return out;
  }

  /** Scratch space reused by every call (classification is synchronous). */
  private scratch?: { exampleSims: Float64Array; centroidSims: Float64Array; nearest: Float64Array; probs: Float64Array; scores: Float64Array };

  /** All intents, most probable first. */
  classify(text: string): Scored[] {
    const { probs, scores } = this.score(text);
    return this.intents
      .map((intent, c) => ({ intent, score: scores[c]!, confidence: probs[c]! }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  /**
   * The `n` most probable intents (in `classify`'s order) and the closeness of the message to
   * any intent, without building and sorting a result for every intent.
   */
  best(text: string, n: number): { candidates: Scored[]; closeness: number } {
    const { probs, scores } = this.score(text);
    let closeness = -Infinity;
    for (let c = 0; c < scores.length; c++) if (scores[c]! > closeness) closeness = scores[c]!;
    const candidates: Scored[] = [];
    const taken = new Set<number>();
    while (candidates.length < Math.min(n, probs.length)) {
      let top = -1;
      // Strictly greater: among equal confidences the first intent wins, as in a stable sort.
      for (let c = 0; c < probs.length; c++) if (!taken.has(c) && (top < 0 || probs[c]! > probs[top]!)) top = c;
      taken.add(top);
      candidates.push({ intent: this.intents[top]!, score: scores[top]!, confidence: probs[top]! });
    }
    return { candidates, closeness };
  }

  /** Fills the scratch `probs` (softmax) and `scores` (similarity blend), one per intent. */
  private score(text: string): { probs: Float64Array; scores: Float64Array } {
    const k = this.intents.length;
    const { idx, val } = this.vectorize(this.analyzer.features(text)).vector;
    this.scratch ??= { exampleSims: new Float64Array(this.docIntent.length), centroidSims: new Float64Array(k), nearest: new Float64Array(k), probs: new Float64Array(k), scores: new Float64Array(k) };
    const { exampleSims, centroidSims, nearest, probs, scores } = this.scratch;
    exampleSims.fill(0);
    centroidSims.fill(0);
    nearest.fill(0);
    // Features found in a large share of the utterances (the bigrams of カード, "card") add
    // almost the same to every similarity and make the longest posting lists: skipped here.
    const commonAt = this.docIntent.length * COMMON_FEATURE_SHARE;
    for (let j = 0; j < idx.length; j++) {
      const f = idx[j]!;
      if (this.postings.start[f + 1]! - this.postings.start[f]! <= commonAt) accumulate(this.postings, f, val[j]!, exampleSims);
      accumulate(this.centroidPostings, f, val[j]!, centroidSims);
    }
    for (let doc = 0; doc < exampleSims.length; doc++) {
      const intent = this.docIntent[doc]!;
      if (exampleSims[doc]! > nearest[intent]!) nearest[intent] = exampleSims[doc]!;
    }
    this.logits(idx, val, probs);
    for (let c = 0; c < k; c++) probs[c]! /= this.temperature;
    softmaxInPlace(probs);
    for (let c = 0; c < k; c++) scores[c] = NEAREST_WEIGHT * nearest[c]! + (1 - NEAREST_WEIGHT) * centroidSims[c]!;
    return { probs, scores };
  }
}
