/** Trains the classifiers of some languages in a worker thread and sends the models back. */
import { parentPort, workerData } from 'node:worker_threads';
import { ANALYZERS } from './analyzers/index.js';
import { IntentClassifier, type ClassifierModel, type TrainingOptions } from './classifier.js';
import type { Examples } from './examples.js';
import type { WrittenLang } from './languages.js';

const { jobs } = workerData as { jobs: { lang: WrittenLang; examples: Examples; training: TrainingOptions }[] };
const models: Partial<Record<WrittenLang, ClassifierModel>> = {};
const transfer: ArrayBuffer[] = [];
for (const { lang, examples, training } of jobs) {
  const model = new IntentClassifier(ANALYZERS[lang], examples, training).toModel();
  models[lang] = model;
  for (const array of [model.idf, model.docIntent, model.weights, model.bias, ...Object.values(model.postings), ...Object.values(model.centroidPostings)]) {
    transfer.push(array.buffer as ArrayBuffer);
  }
}
parentPort!.postMessage(models, transfer);
