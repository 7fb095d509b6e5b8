/**
 * The knowledge check: what keeps six languages saying the same thing. It returns a list of
 * problems (empty when all is well); `npm run knowledge:check` and the test suite both run it.
 */
import { loadResources, type Resources } from '../i18n.js';
import { absolutesIn, ANSWER_CONDITIONS, loadConditionWords, missingConditions } from './conditions.js';
import { loadAllExamples } from './examples.js';
import { INTENTS, OUT_OF_SCOPE } from './intents/catalog.js';
import { LANGS, writtenIn, type Lang } from './languages.js';
import { hasReadings, withoutReadings } from '../readings.js';
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

function templateParams(resources: Resources, lang: Lang, ns: 'faq' | 'suspension' | 'common', path: string): Set<string> {
  let node: unknown = resources[lang][ns];
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return new Set([...String(node ?? '').matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The fact parameters of a text: its numbers, whatever way the language writes them. */
const factsIn = (names: Set<string>) => [...names].filter((name) => PARAM_NAMES.includes(name)).sort();

export function checkKnowledge(resources: Resources = loadResources(), conditionWords = loadConditionWords()): string[] {
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
        // A label too long with its readings in brackets is shown without them (LINE's limit).
        const shown = withoutReadings(bare);
        if (isLabel && shown.length > MAX_LABEL_LENGTH) problems.push(`${lang}/${ns}.json: label ${key} is ${shown.length} characters (max ${MAX_LABEL_LENGTH})`);
        if (key.endsWith('voice') && hasReadings(text)) problems.push(`${lang}/${ns}.json: ${key} marks readings in a voice form`);
        if (key.endsWith('voice') && /https?:|www\./.test(text)) problems.push(`${lang}/${ns}.json: ${key} has a URL in a voice form`);
        for (const absolute of absolutesIn(text, conditionWords[lang])) problems.push(`${lang}/${ns}.json: ${key} ${absolute}`);
      }
    }
  }
  if (problems.length > 0) return problems;

  // Chat answers: every language carries exactly the numbers (fact parameters) of the Japanese
  // one, and every answer, chat and voice, the conditions its facts come with.
  const params = (lang: Lang, ns: 'faq' | 'suspension', path: string) => factsIn(templateParams(resources, lang, ns, path));
  for (const intent of INTENTS) {
    const expected = params('ja', 'faq', `${intent.id}.chat`);
    for (const lang of LANGS) {
      const got = params(lang, 'faq', `${intent.id}.chat`);
      if (!sameList(got, expected)) problems.push(`${lang} faq:${intent.id}.chat: numbers [${got.join(' ')}] differ from ja [${expected.join(' ')}]`);
      const voice = templateParams(resources, lang, 'faq', `${intent.id}.voice`);
      const chat = templateParams(resources, lang, 'faq', `${intent.id}.chat`);
      for (const name of voice) if (!chat.has(name)) problems.push(`${lang} faq:${intent.id}.voice: says {{${name}}}, which its chat answer does not`);
      const entry = (resources[lang].faq as Record<string, Record<string, string>>)[intent.id]!;
      for (const form of ['chat', 'voice'] as const) {
        const missing = missingConditions(entry[form] ?? entry.chat!, ANSWER_CONDITIONS[intent.id] ?? [], conditionWords[lang]);
        if (missing.length > 0) problems.push(`${lang} faq:${intent.id}.${form}: drops its conditions: ${missing.join(', ')}`);
      }
      const list = examples[writtenIn(lang)][intent.id] ?? [];
      if (list.length < MIN_EXAMPLES) problems.push(`${lang} examples: ${intent.id} has ${list.length} training utterances (min ${MIN_EXAMPLES})`);
    }
  }
  // Answers that rest on facts that change carry the guidebook's date (added by the dialog).
  for (const lang of LANGS) {
    for (const form of ['chat', 'voice'] as const) {
      if (!templateParams(resources, lang, 'common', `asOf.${form}`).has('guidebookAsOf')) problems.push(`${lang} common:asOf.${form}: must say {{guidebookAsOf}}`);
    }
  }
  // The suspension checklist says the same everywhere; the first reply adds the
  // foreign-language line for everyone but Japanese speakers.
  const checklist = params('ja', 'suspension', 'checklist.chat');
  const first = params('ja', 'suspension', 'first.chat');
  for (const lang of LANGS) {
    if (!sameList(params(lang, 'suspension', 'checklist.chat'), checklist)) problems.push(`${lang} suspension:checklist: numbers differ from ja`);
    const got = params(lang, 'suspension', 'first.chat');
    if (!first.every((n) => got.includes(n))) problems.push(`${lang} suspension:first: misses numbers of the ja first reply`);
    for (const form of ['chat', 'voice'] as const) {
      const used = templateParams(resources, lang, 'suspension', `first.${form}`);
      const needed = lang === 'ja' ? ['freeDial', 'freeDialOption'] : ['freeDial', 'freeDialOption', 'foreignCardLine'];
      for (const name of needed) if (!used.has(name)) problems.push(`${lang} suspension:first.${form}: must say {{${name}}}`);
    }
  }
  for (const lang of LANGS) {
    for (const id of Object.keys(examples[writtenIn(lang)])) {
      if (id !== OUT_OF_SCOPE && !INTENTS.some((i) => i.id === id)) problems.push(`${lang} examples: unknown intent ${id}`);
    }
  }
  return problems;
}
