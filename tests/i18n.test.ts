import { describe, expect, it } from 'vitest';
import { createRender, getI18n, loadResources, NAMESPACES } from '../src/i18n.js';
import { LANGS } from '../src/knowledge/languages.js';
import { factParams } from '../src/knowledge/params.js';

/** Every text key: plain strings, and entries with a chat and a voice form. */
function textKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const path = `${prefix}${name}`;
    if (typeof value === 'string') return [path];
    const entry = value as Record<string, unknown>;
    return typeof entry['chat'] === 'string' ? [path] : textKeys(entry, `${path}.`);
  });
}

describe('rendering a translation', () => {
  const resources = loadResources();
  const render = createRender(getI18n());

  it('gives, for every key, language and form, what i18next gives with all the facts as parameters', () => {
    let compared = 0;
    for (const lang of LANGS) {
      const t = getI18n().getFixedT(lang);
      for (const ns of NAMESPACES) {
        for (const path of textKeys(resources[lang][ns] ?? {})) {
          for (const form of ['chat', 'voice'] as const) {
            const whole = t(`${ns}:${path}`, { ...factParams(lang, form), ref: 'KM-1', returnObjects: true }) as unknown;
            const expected = typeof whole === 'string' ? whole : ((whole as Record<string, string>)[form] ?? (whole as Record<string, string>)['chat']);
            // The readings of Easy Japanese are left marked here; how channels show them is tested apart.
            expect(render.marked(lang, form, { key: `${ns}:${path}`, params: { ref: { chat: 'KM-1', voice: 'KM-1' } } })).toBe(expected);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1400);
  });

  it('refuses a key that does not exist, and one that is not text', () => {
    expect(() => render('en', 'chat', { key: 'common:no.such.key' })).toThrow('translation common:no.such.key is missing for en');
    expect(() => render('en', 'chat', { key: 'common:now' })).toThrow('is not text in en');
  });
});
