/**
 * The knowledge check: what keeps six languages saying the same thing. It returns a list of
 * problems (empty when all is well); `npm run knowledge:check` and the test suite both run it.
 */
import { createI18n, createRender, loadResources, type Resources } from '../i18n.js';
import { loadAllExamples } from './examples.js';
import { INTENTS } from './intents/catalog.js';
import { LANGS, type Lang } from './languages.js';
import { PARAM_NAMES } from './params.js';

/** LINE's limit for quick-reply labels (Messaging API reference, quick reply action label). */
export const MAX_LABEL_LENGTH = 20;
export const MIN_EXAMPLES = 8;

/** Parameters filled in by the dialogs at run time rather than from the facts. */
const RUNTIME_PARAMS = new Set(['time', 'when', 'ref', 'days', 'number', 'name', 'label', 'key']);

/** Digit runs of a rendered text, thousands separators removed: "1,000 yen, 8:30" → 1000, 8, 30. */
export function numbersIn(text: string): string[] {
  return (text.normalize('NFKC').match(/\d+(?:[.,]\d{3})*/g) ?? []).map((n) => n.replace(/[.,]/g, '')).sort();
}

function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path.join('.'), '']];
}

function templateParams(resources: Resources, lang: Lang, ns: 'faq' | 'suspension', path: string): Set<string> {
  let node: unknown = resources[lang][ns];
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return new Set([...String(node ?? '').matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function checkKnowledge(resources: Resources = loadResources()): string[] {
  const problems: string[] = [];
  const examples = loadAllExamples();

  for (const ns of ['common', 'suspension', 'faq', 'ivr'] as const) {
    const reference = new Map(leaves(resources.en[ns] ?? {}));
    for (const lang of LANGS) {
      const own = new Map(leaves(resources[lang][ns] ?? {}));
      for (const key of reference.keys()) if (!own.has(key)) problems.push(`${lang}/${ns}.json: missing ${key}`);
      for (const [key, text] of own) {
        if (!reference.has(key)) problems.push(`${lang}/${ns}.json: ${key} is not in en/${ns}.json`);
        if (!text.trim()) problems.push(`${lang}/${ns}.json: ${key} is empty`);
        const bare = text.replace(/\{\{[^}]*\}\}/g, '');
        if (/\d/.test(bare.normalize('NFKC'))) problems.push(`${lang}/${ns}.json: ${key} types a number; use a fact parameter`);
        for (const [, name] of text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)) {
          if (!PARAM_NAMES.includes(name!) && !RUNTIME_PARAMS.has(name!)) problems.push(`${lang}/${ns}.json: ${key} uses unknown parameter ${name}`);
        }
        const isLabel = /(^|\.)(label|back|language|none)$|^menu\.area\.|^choices\./.test(key);
        if (isLabel && bare.length > MAX_LABEL_LENGTH) problems.push(`${lang}/${ns}.json: label ${key} is ${bare.length} characters (max ${MAX_LABEL_LENGTH})`);
        if (key.endsWith('voice') && /https?:|www\./.test(text)) problems.push(`${lang}/${ns}.json: ${key} has a URL in a voice form`);
      }
    }
  }
  if (problems.length > 0) return problems;

  // Chat answers: every language carries exactly the numbers of the Japanese one.
  const render = createRender(createI18n(resources));
  const numbers = (lang: Lang, key: string) => [...new Set(numbersIn(render(lang, 'chat', { key })))].sort();
  for (const intent of INTENTS) {
    const key = `faq:${intent.id}.chat`;
    const expected = numbers('ja', key);
    for (const lang of LANGS) {
      const got = numbers(lang, key);
      if (!sameList(got, expected)) problems.push(`${lang} ${key}: numbers [${got.join(' ')}] differ from ja [${expected.join(' ')}]`);
      const voice = templateParams(resources, lang, 'faq', `${intent.id}.voice`);
      const chat = templateParams(resources, lang, 'faq', `${intent.id}.chat`);
      for (const name of voice) if (!chat.has(name)) problems.push(`${lang} faq:${intent.id}.voice: says {{${name}}}, which its chat answer does not`);
      const list = examples[lang][intent.id] ?? [];
      if (list.length < MIN_EXAMPLES) problems.push(`${lang} examples: ${intent.id} has ${list.length} training utterances (min ${MIN_EXAMPLES})`);
    }
  }
  // The suspension checklist says the same everywhere; the first reply adds the
  // foreign-language line for everyone but Japanese speakers.
  const checklist = numbers('ja', 'suspension:checklist');
  const first = numbers('ja', 'suspension:first');
  for (const lang of LANGS) {
    if (!sameList(numbers(lang, 'suspension:checklist'), checklist)) problems.push(`${lang} suspension:checklist: numbers differ from ja`);
    const got = numbers(lang, 'suspension:first');
    if (!first.every((n) => got.includes(n))) problems.push(`${lang} suspension:first: misses numbers of the ja first reply`);
    for (const form of ['chat', 'voice'] as const) {
      const params = templateParams(resources, lang, 'suspension', `first.${form}`);
      const needed = lang === 'ja' ? ['freeDial', 'freeDialOption'] : ['freeDial', 'freeDialOption', 'foreignCardLine'];
      for (const name of needed) if (!params.has(name)) problems.push(`${lang} suspension:first.${form}: must say {{${name}}}`);
    }
  }
  for (const lang of LANGS) {
    for (const id of Object.keys(examples[lang])) {
      if (!INTENTS.some((i) => i.id === id)) problems.push(`${lang} examples: unknown intent ${id}`);
    }
  }
  return problems;
}
