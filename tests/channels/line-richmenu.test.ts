import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fontFile, installRichMenus, lineDataBaseUrl, MENU_FONTS, renderRichMenu, RICH_MENU_LIMITS, richMenuAliasId, richMenuDefinition, richMenuPng, tileBox, tileFontSize, tileLines,
} from '../../src/channels/line-richmenu.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { fontCoverage } from '../helpers/font-cmap.js';
import { CHANNEL_ACCESS_TOKEN, FakeLineApi } from '../helpers/fake-line.js';
import { assertValidLine } from '../helpers/line-schema.js';

let line: FakeLineApi;
beforeEach(async () => {
  line = new FakeLineApi();
  await line.start();
});
afterEach(async () => line.stop());

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const POSTBACKS = ['intent:lost_stolen', 'area:konbini', 'area:pins', 'area:contacts', 'language', 'menu'];
const TILE_WORDS = ['lost', 'konbini', 'pins', 'contacts', 'language', 'menu'] as const;

describe.each(LANGS)('the rich menu in %s', (lang) => {
  it('is a valid RichMenuRequest within LINE\'s limits, its areas tiling the image and sending the postbacks the dialogs know', () => {
    const definition = richMenuDefinition(lang);
    assertValidLine('RichMenuRequest', definition);
    expect(definition.chatBarText!.length).toBeLessThanOrEqual(RICH_MENU_LIMITS.chatBarText);
    const areas = definition.areas!;
    // The lost card first (top left), as on the national free dial's key 2 being the first thing said.
    expect(areas.map((a) => (a.action as { data: string }).data)).toEqual(POSTBACKS);
    for (const area of areas) {
      expect(Array.from((area.action as { label: string }).label).length).toBeLessThanOrEqual(RICH_MENU_LIMITS.areaLabel);
      const { x, y, width, height } = area.bounds!;
      expect(x! + width!).toBeLessThanOrEqual(2500);
      expect(y! + height!).toBeLessThanOrEqual(1686);
    }
    expect(areas.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0)).toBe(2500 * 1686);
    expect(richMenuAliasId(lang)).toMatch(/^[a-z0-9_-]{1,32}$/);
  });

  it('is drawn as a PNG of the menu size, under LINE\'s 1 MB, with the lost card in red', () => {
    const png = richMenuPng(lang);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 2500, height: 1686 });
    expect(png.length).toBeLessThan(RICH_MENU_LIMITS.imageBytes);
    // A pixel inside the first tile, away from its icon and words.
    const { pixels } = renderRichMenu(lang);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * 2500 + x) * 4, (y * 2500 + x) * 4 + 3));
    expect(at(60, 400)).toEqual([0xc6, 0x28, 0x28]);
  });

  it('writes its words large, with glyphs in the fonts the project ships for the language', () => {
    const covered = MENU_FONTS[lang].map((family) => fontCoverage(fontFile(family)));
    TILE_WORDS.forEach((words, i) => {
      const lines = tileLines(lang, { words });
      expect(tileFontSize(lines, tileBox(i)), `${words}: ${lines.join(' / ')}`).toBeGreaterThanOrEqual(70);
      for (const ch of lines.join('').replace(/\s/g, '')) {
        expect(covered.some((has) => has(ch.codePointAt(0)!)), `${lang} "${ch}" in ${words}`).toBe(true);
      }
    });
  });
});

describe('installing the rich menus', () => {
  it('creates one menu per language, uploads its image, points its alias at it and makes Japanese the default', async () => {
    const ids = await installRichMenus({ apiBaseUrl: line.url, channelAccessToken: CHANNEL_ACCESS_TOKEN });
    expect(Object.keys(ids)).toEqual([...LANGS]);
    expect(new Set(Object.values(ids)).size).toBe(LANGS.length);
    const calls = line.requests.map((r) => `${r.method} ${r.path}`);
    for (const lang of LANGS) {
      expect(calls).toContain(`POST /v2/bot/richmenu/${ids[lang]}/content`);
      expect(line.aliases.get(richMenuAliasId(lang))).toBe(ids[lang]);
    }
    expect(calls.at(-1)).toBe(`POST /v2/bot/user/all/richmenu/${ids.ja}`);
    for (const request of line.requests.filter((r) => r.path === '/v2/bot/richmenu')) assertValidLine('RichMenuRequest', request.body);
    const upload = line.requests.find((r) => r.path.endsWith('/content'))!;
    expect(upload.headers['content-type']).toBe('image/png');
    expect(pngSize(upload.raw)).toEqual({ width: 2500, height: 1686 });
  });

  it('moves the aliases to the new menus when run again', async () => {
    await installRichMenus({ apiBaseUrl: line.url, channelAccessToken: CHANNEL_ACCESS_TOKEN });
    const second = await installRichMenus({ apiBaseUrl: line.url, channelAccessToken: CHANNEL_ACCESS_TOKEN });
    for (const lang of LANGS) expect(line.aliases.get(richMenuAliasId(lang))).toBe(second[lang]);
    expect(line.requests.some((r) => r.method === 'POST' && r.path === `/v2/bot/richmenu/alias/${richMenuAliasId('vi')}`)).toBe(true);
  });

  it('sends images to LINE\'s data host', () => {
    expect(lineDataBaseUrl('https://api.line.me')).toBe('https://api-data.line.me');
    expect(lineDataBaseUrl('http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999');
  });
});
