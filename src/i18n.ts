/**
 * All six languages preloaded once; each turn gets a `t` fixed to its language (never the
 * global language, which concurrent turns would race on). Fact parameters are merged into
 * every call, so translations interpolate numbers instead of typing them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { LANGS, type Lang } from './knowledge/languages.js';
import { factParams, type Form } from './knowledge/params.js';

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

/**
 * Renders an utterance. A key may hold one string for every channel, or `{chat, voice}` when
 * the phone needs a shorter or differently worded form.
 */
export function createRender(i18n: I18n): Render {
  const fixed = new Map<Lang, TFunction>();
  // A text never changes for the same key and parameters: rendered once, then reused.
  const constant = new Map<string, string>();
  const renderOnce: Render = (lang, form, utterance) => {
    let t = fixed.get(lang);
    if (!t) fixed.set(lang, (t = i18n.getFixedT(lang)));
    if (!i18n.exists(utterance.key, { lng: lang })) throw new Error(`translation ${utterance.key} is missing for ${lang}`);
    const params: Record<string, unknown> = { ...factParams(lang, form) };
    for (const [name, value] of Object.entries(utterance.params ?? {})) {
      params[name] = typeof value === 'object' ? value[form] : value;
    }
    const raw = t(utterance.key, { returnObjects: true, ...params }) as unknown;
    if (raw && typeof raw === 'object') {
      const value = (raw as Record<string, unknown>)[form] ?? (raw as Record<string, unknown>)['chat'];
      if (typeof value === 'string') return value;
    }
    if (typeof raw === 'string') return raw;
    throw new Error(`translation ${utterance.key} is not text in ${lang}`);
  };
  return (lang, form, utterance) => {
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
}

let defaultRender: Render | undefined;

/** Renders with the shipped translations. */
export const render: Render = (lang, form, utterance) => (defaultRender ??= createRender(getI18n()))(lang, form, utterance);
