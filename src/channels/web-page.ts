/** The chat page: one HTML file with the UI strings of all six languages embedded (no extra request). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from '../i18n.js';
import { PHONES } from '../knowledge/facts.js';
import { LANGS, LANG_NAMES } from '../knowledge/languages.js';

export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

const WEB_KEYS = ['title', 'banner', 'placeholder', 'send', 'languageLabel', 'you', 'bot', 'log', 'privacy', 'error'] as const;

let page: string | undefined;

export function renderChatPage(): string {
  if (page) return page;
  const strings = Object.fromEntries(
    LANGS.map((lang) => [lang, Object.fromEntries(WEB_KEYS.map((key) => [key, render(lang, 'chat', { key: `common:web.${key}` })]))]),
  );
  const ui = {
    langs: LANGS.map((code) => ({ code, name: LANG_NAMES[code] })),
    strings,
    phones: Object.values(PHONES).map(({ display, e164 }) => ({ display, e164 })),
  };
  // "<" is escaped so that no string can close the script element.
  const json = JSON.stringify(ui).replace(/</g, '\\u003c');
  page = readFileSync(`${PUBLIC_DIR}index.html`, 'utf8').replace('__UI__', json);
  return page;
}
