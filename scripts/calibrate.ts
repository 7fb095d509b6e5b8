/**
 * Fits the softmax temperature of each language's classifier so that its confidence matches
 * how often it is right, by 5-fold cross-validation on the training utterances only (the
 * held-out evaluation questions are never used). Writes src/knowledge/calibration.json.
 */
import { writeFileSync } from 'node:fs';
import { ANALYZERS } from '../src/knowledge/analyzers/index.js';
import { DEFAULT_TRAINING, IntentClassifier, softmaxInPlace } from '../src/knowledge/classifier.js';
import { loadExamples } from '../src/knowledge/examples.js';
import { LANGS, type Lang } from '../src/knowledge/languages.js';

const FOLDS = 5;

function heldOutLogits(lang: Lang): { logits: Float64Array; label: number }[] {
  const examples = loadExamples(lang);
  const intents = Object.keys(examples);
  const out: { logits: Float64Array; label: number }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train: Record<string, string[]> = {};
    const test: [string, number][] = [];
    intents.forEach((intent, label) => {
      train[intent] = [];
      examples[intent]!.forEach((text, i) => (i % FOLDS === fold ? test.push([text, label]) : train[intent]!.push(text)));
    });
    const classifier = new IntentClassifier(ANALYZERS[lang], train, DEFAULT_TRAINING);
    for (const [text, label] of test) out.push({ logits: classifier.rawLogits(text), label });
  }
  return out;
}

function nll(samples: { logits: Float64Array; label: number }[], temperature: number): number {
  let total = 0;
  for (const { logits, label } of samples) {
    const p = logits.map((v) => v / temperature);
    softmaxInPlace(p);
    total -= Math.log(Math.max(p[label]!, 1e-12));
  }
  return total / samples.length;
}

const temperature: Record<string, number> = {};
for (const lang of LANGS) {
  const samples = heldOutLogits(lang);
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.05; t <= 2.001; t += 0.01) {
    const loss = nll(samples, t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  temperature[lang] = Math.round(best * 100) / 100;
  console.log(`${lang}: temperature ${temperature[lang]} (held-out NLL ${bestLoss.toFixed(3)}, at 1.0: ${nll(samples, 1).toFixed(3)})`);
}
writeFileSync(new URL('../src/knowledge/calibration.json', import.meta.url), `${JSON.stringify({ temperature }, null, 2)}\n`);
