/**
 * Trained classifiers kept on disk, so that a restart does not train again: the server is
 * ready sooner and its memory holds no training leftovers. The file name is a hash of
 * everything the models depend on — training utterances, calibration, training options and the
 * code that builds features and trains — so a change anywhere simply trains anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierModel, TrainingOptions } from './classifier.js';
import type { Examples } from './examples.js';
import { WRITTEN_LANGS, type WrittenLang } from './languages.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'kagamino-helpline');
// The sources, also when this runs compiled from dist/: the key must be the same either way.
const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'src', 'knowledge');
const CODE_FILES = ['classifier.ts', 'natural.ts', 'analyzers/shared.ts', 'analyzers/latin.ts', 'analyzers/cjk.ts', 'analyzers/vi.ts', 'analyzers/index.ts', 'terms.ts', 'terms.json', 'romaji.ts', 'romaji-kanji.json'];

export function modelKey(examples: Record<WrittenLang, Examples>, training: Record<WrittenLang, TrainingOptions>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ examples, training }));
  for (const file of CODE_FILES) hash.update(readFileSync(join(KNOWLEDGE_DIR, file)));
  hash.update(readFileSync(join(PROJECT_ROOT, 'node_modules', 'natural', 'package.json')));
  return hash.digest('hex').slice(0, 24);
}

type Models = Record<WrittenLang, ClassifierModel>;

const ARRAYS = ['idf', 'docIntent', 'weights', 'bias', 'postings.start', 'postings.row', 'postings.weight', 'centroidPostings.start', 'centroidPostings.row', 'centroidPostings.weight'] as const;
const KINDS = { Float64Array, Int32Array } as const;

function getArray(model: ClassifierModel, path: (typeof ARRAYS)[number]): Float64Array | Int32Array {
  const [a, b] = path.split('.') as [string, string | undefined];
  const value = (model as unknown as Record<string, unknown>)[a]!;
  return (b ? (value as Record<string, unknown>)[b] : value) as Float64Array | Int32Array;
}

/** One file: a JSON header (line 1), then the typed arrays' bytes in header order. */
function serialize(models: Models): Buffer {
  const arrays: Buffer[] = [];
  const header = WRITTEN_LANGS.map((lang) => {
    const model = models[lang];
    const layout = ARRAYS.map((path) => {
      const array = getArray(model, path);
      arrays.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      return { path, kind: array instanceof Int32Array ? 'Int32Array' : 'Float64Array', length: array.length };
    });
    return { lang, intents: model.intents, vocabulary: model.vocabulary, unseenIdf: model.unseenIdf, temperature: model.temperature, layout };
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...arrays]);
}

function deserialize(file: Buffer): Models {
  const newline = file.indexOf(0x0a);
  const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as {
    lang: WrittenLang; intents: string[]; vocabulary: string[]; unseenIdf: number; temperature: number;
    layout: { path: (typeof ARRAYS)[number]; kind: keyof typeof KINDS; length: number }[];
  }[];
  let offset = newline + 1;
  const models = {} as Models;
  for (const entry of header) {
    const arrays: Record<string, Float64Array | Int32Array> = {};
    for (const { path, kind, length } of entry.layout) {
      const bytes = length * KINDS[kind].BYTES_PER_ELEMENT;
      // Copied into an aligned buffer of its own.
      const copy = new ArrayBuffer(bytes);
      file.copy(Buffer.from(copy), 0, offset, offset + bytes);
      arrays[path] = new KINDS[kind](copy);
      offset += bytes;
    }
    if (offset > file.length) throw new Error('model file is truncated');
    models[entry.lang] = {
      intents: entry.intents,
      vocabulary: entry.vocabulary,
      unseenIdf: entry.unseenIdf,
      temperature: entry.temperature,
      idf: arrays['idf'] as Float64Array,
      docIntent: arrays['docIntent'] as Int32Array,
      weights: arrays['weights'] as Float64Array,
      bias: arrays['bias'] as Float64Array,
      postings: { start: arrays['postings.start'] as Int32Array, row: arrays['postings.row'] as Int32Array, weight: arrays['postings.weight'] as Float64Array },
      centroidPostings: { start: arrays['centroidPostings.start'] as Int32Array, row: arrays['centroidPostings.row'] as Int32Array, weight: arrays['centroidPostings.weight'] as Float64Array },
    };
  }
  if (offset !== file.length) throw new Error('model file has trailing bytes');
  return models;
}

const fileFor = (dir: string, key: string) => join(dir, `matcher-${key}.bin`);

/** The models for this key, or undefined when there are none (or the file is damaged). */
export function loadModels(dir: string, key: string): Models | undefined {
  try {
    return deserialize(readFileSync(fileFor(dir, key)));
  } catch {
    return undefined;
  }
}

/** Writes atomically and removes models of other keys. Failing to write only costs a retrain. */
export function saveModels(dir: string, key: string, models: Models): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const target = fileFor(dir, key);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(models));
    renameSync(tmp, target);
    for (const name of readdirSync(dir)) {
      if (name.startsWith('matcher-') && join(dir, name) !== target && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
    }
    return true;
  } catch {
    return false;
  }
}
