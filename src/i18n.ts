/**
 * All languages and registers preloaded once; each turn gets a `t` fixed to its language (never the
 * global language, which concurrent turns would race on). Fact parameters are merged into
 * every call, so translations interpolate numbers instead of typing them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { LANGS, type Lang } from './knowledge/languages.js';
import { factParams, type Form } from './knowledge/params.js';
import { withBracketReadings, withoutReadings } from './readings.js';

export const LOCALES_DIR = fileURLToPath(new URL('../locales/', import.meta.url));
export const NAMESPACES = ['common', 'faq', 'suspension', 'ivr'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Resources = Record<Lang, Partial<Record<Namespace, Record<string, unknown>>>>;

export function loadResources(dir = LOCALES_DIR): Resources {
  const resources = {} as Resources;
  for (const lang of LANGS) {
    resources[lang] = {};
    const files = new Set(readdirSync(`${dir}${lang}`));
    for (const ns of NAMESPACES) {
      if (files.has(`${ns}.json`)) {
        resources[lang][ns] = JSON.parse(readFileSync(`${dir}${lang}/${ns}.json`, 'utf8')) as Record<string, unknown>;
      }
    }
  }
  return resources;
}

export function createI18n(resources: Resources): I18n {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    lng: 'ja',
    fallbackLng: false,
    // "ja-easy" is a register, not Japanese in a script called "Easy": kept as written, and
    // never filled from plain Japanese.
    lowerCaseLng: true,
    load: 'currentOnly',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  return i18n;
}

let instance: I18n | undefined;

export function getI18n(): I18n {
  return (instance ??= createI18n(loadResources()));
}

/** A parameter that reads differently aloud, e.g. a reference spelled out character by character. */
export interface FormValue {
  chat: string;
  voice: string;
}

/** A piece of text to say: a translation key (`ns:key`) and its parameters. */
export interface Utterance {
  key: string;
  params?: Record<string, string | number | FormValue>;
}

export const say = (key: string, params?: Utterance['params']): Utterance => (params ? { key, params } : { key });

export type Render = (lang: Lang, form: Form, utterance: Utterance) => string;

const MAX_CACHED_TEXTS = 5_000;

/** `ns:path` → [ns, path]; a key without a namespace is in `common`. */
function splitKey(key: string): [Namespace, string] {
  const colon = key.indexOf(':');
  return colon < 0 ? ['common', key] : [key.slice(0, colon) as Namespace, key.slice(colon + 1)];
}

const placeholderNames = new Map<string, string[]>();
/** The names in a text's {{placeholders}}. */
function placeholders(template: string): string[] {
  let names = placeholderNames.get(template);
  if (!names) placeholderNames.set(template, (names = [...new Set(Array.from(template.matchAll(/\{\{-?\s*([\w.]+)\s*\}\}/g), (m) => m[1]!))]));
  return names;
}

/**
 * Renders an utterance. A key may hold one string for every channel, or `{chat, voice}` when
 * the phone needs a shorter or differently worded form.
 */
export function createRender(i18n: I18n): Render & { marked: Render } {
  const fixed = new Map<Lang, TFunction>();
  // A text never changes for the same key and parameters: rendered once, then reused.
  const constant = new Map<string, string>();
  const renderOnce: Render = (lang, form, utterance) => {
    let t = fixed.get(lang);
    if (!t) fixed.set(lang, (t = i18n.getFixedT(lang)));
    const [ns, path] = splitKey(utterance.key);
    const resource = i18n.getResource(lang, ns, path) as unknown;
    if (resource === undefined) throw new Error(`translation ${utterance.key} is missing for ${lang}`);
    // The form's own text, else the chat text: the key of that one string.
    const entry = typeof resource === 'object' && resource !== null ? ((resource as Record<string, unknown>)[form] === undefined ? 'chat' : form) : undefined;
    const template = entry ? (resource as Record<string, unknown>)[entry] : resource;
    if (typeof template !== 'string') throw new Error(`translation ${utterance.key} is not text in ${lang}`);
    // Only the parameters the text uses: i18next's cost grows with every option it is given,
    // and the facts alone are some fifty.
    const facts = factParams(lang, form) as Record<string, unknown>;
    const params: Record<string, unknown> = {};
    for (const name of placeholders(template)) {
      const value = utterance.params?.[name] ?? facts[name];
      if (value !== undefined) params[name] = typeof value === 'object' && value !== null ? (value as FormValue)[form] : value;
    }
    return t(entry ? `${utterance.key}.${entry}` : utterance.key, params) as string;
  };
  const renderMarked: Render = (lang, form, utterance) => {
    const cacheKey = `${lang}\u0000${form}\u0000${utterance.key}${utterance.params ? `\u0000${JSON.stringify(utterance.params)}` : ''}`;
    let text = constant.get(cacheKey);
    if (text === undefined) {
      // Parameters repeat too (closing times, numbers to call); unique ones (a report reference)
      // only fill the cache, which is simply emptied when it grows large.
      if (constant.size > MAX_CACHED_TEXTS) constant.clear();
      constant.set(cacheKey, (text = renderOnce(lang, form, utterance)));
    }
    return text;
  };
  // Readings of kanji (Easy Japanese): in brackets in chat, not read aloud on the phone.
  const rendered: Render & { marked: Render } = (lang, form, utterance) => {
    const text = renderMarked(lang, form, utterance);
    return form === 'voice' ? withoutReadings(text) : withBracketReadings(text);
  };
  rendered.marked = renderMarked;
  return rendered;
}

let defaultRender: (Render & { marked: Render }) | undefined;

/** Renders with the shipped translations. */
export const render: Render = (lang, form, utterance) => (defaultRender ??= createRender(getI18n()))(lang, form, utterance);

/** Renders with the readings of kanji left in their `[漢字|かんじ]` marks, for a channel that shows ruby. */
export const renderMarked: Render = (lang, form, utterance) => (defaultRender ??= createRender(getI18n())).marked(lang, form, utterance);

/** Renders without readings, where a label has no room for them. */
export const renderPlain: Render = (lang, form, utterance) => withoutReadings(renderMarked(lang, form, utterance));
