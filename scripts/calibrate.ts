/**
 * Fits, per language, the softmax temperature (so that confidence matches how often the
 * classifier is right) and the closeness thresholds of the "not in the guidebook" fallback, by
 * 5-fold cross-validation on the training utterances only (the held-out evaluation questions
 * are never used). Writes src/knowledge/calibration.json.
 */
import { writeFileSync } from 'node:fs';
import { ANALYZERS } from '../src/knowledge/analyzers/index.js';
import { DEFAULT_TRAINING, IntentClassifier, softmaxInPlace } from '../src/knowledge/classifier.js';
import { loadExamples } from '../src/knowledge/examples.js';
import { WRITTEN_LANGS, type WrittenLang } from '../src/knowledge/languages.js';

const FOLDS = 5;

interface HeldOut { logits: Float64Array; label: number; closeness: number }

function heldOut(lang: WrittenLang): HeldOut[] {
  const examples = loadExamples(lang);
  const intents = Object.keys(examples);
  const out: HeldOut[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train: Record<string, string[]> = {};
    const test: [string, number][] = [];
    intents.forEach((intent, label) => {
      train[intent] = [];
      examples[intent]!.forEach((text, i) => (i % FOLDS === fold ? test.push([text, label]) : train[intent]!.push(text)));
    });
    const classifier = new IntentClassifier(ANALYZERS[lang], train, DEFAULT_TRAINING);
    for (const [text, label] of test) {
      const closeness = Math.max(...classifier.classify(text).map((s) => s.score));
      out.push({ logits: classifier.rawLogits(text), label, closeness });
    }
  }
  return out;
}

function nll(samples: HeldOut[], temperature: number): number {
  let total = 0;
  for (const { logits, label } of samples) {
    const p = logits.map((v) => v / temperature);
    softmaxInPlace(p);
    total -= Math.log(Math.max(p[label]!, 1e-12));
  }
  return total / samples.length;
}

const temperature: Record<string, number> = {};
const far: Record<string, number> = {};
const near: Record<string, number> = {};
for (const lang of WRITTEN_LANGS) {
  const samples = heldOut(lang);
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.05; t <= 2.001; t += 0.01) {
    const loss = nll(samples, t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  temperature[lang] = Math.round(best * 100) / 100;
  // "Not in the guidebook" thresholds: how close held-out questions that ARE in the guidebook
  // come to the training utterances. Below the 1st percentile is far from everything; below
  // the 5th, the model must also be fairly sure.
  const closeness = samples.map((s) => s.closeness).sort((a, b) => a - b);
  far[lang] = Math.round(closeness[Math.floor(closeness.length * 0.01)]! * 1000) / 1000;
  near[lang] = Math.round(closeness[Math.floor(closeness.length * 0.05)]! * 1000) / 1000;
  console.log(`${lang}: temperature ${temperature[lang]} (held-out NLL ${bestLoss.toFixed(3)}, at 1.0: ${nll(samples, 1).toFixed(3)}); closeness far < ${far[lang]}, near < ${near[lang]}`);
}
writeFileSync(new URL('../src/knowledge/calibration.json', import.meta.url), `${JSON.stringify({ temperature, far, near }, null, 2)}\n`);
