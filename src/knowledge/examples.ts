import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WRITTEN_LANGS, type WrittenLang } from './languages.js';

export type Examples = Record<string, string[]>;

const dir = fileURLToPath(new URL('./intents/examples/', import.meta.url));

/** Training utterances of one language: intent id → utterances. */
export function loadExamples(lang: WrittenLang): Examples {
  return JSON.parse(readFileSync(`${dir}${lang}.json`, 'utf8')) as Examples;
}

export function loadAllExamples(): Record<WrittenLang, Examples> {
  return Object.fromEntries(WRITTEN_LANGS.map((lang) => [lang, loadExamples(lang)])) as Record<WrittenLang, Examples>;
}
