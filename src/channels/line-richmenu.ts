/**
 * The LINE rich menus: one per language and register, six tiles with an icon and the words of
 * that language in large type, the lost card first and red. Each image is drawn here as SVG and
 * rendered to PNG with resvg, with fonts the project installs itself (Noto Sans from npm
 * packages), so every machine draws the same image. Each menu gets an alias (`kagamino-<lang>`)
 * through which a user is linked to the menu of their language; Japanese is everyone's default.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { render } from '../i18n.js';
import { LANGS, type Lang } from '../knowledge/languages.js';
import type { Logger } from '../logger.js';
import { maskUserId } from '../suspension/mask.js';

const WIDTH = 2500;
const HEIGHT = 1686;
const COLS = 3;
const ROWS = 2;
/** LINE's limits: chat bar text, area label, alias id. */
export const RICH_MENU_LIMITS = { chatBarText: 14, areaLabel: 20, aliasId: 32, imageBytes: 1024 * 1024 } as const;
export const DEFAULT_MENU_LANG: Lang = 'ja';

interface Tile {
  postback: string;
  /** Key of the tile's words in `common:richMenu`. */
  words: 'lost' | 'konbini' | 'pins' | 'contacts' | 'language' | 'menu';
  color: string;
  icon: string;
}

// Icons are drawn in a 200 × 200 box.
const TILES: Tile[] = [
  {
    postback: 'intent:lost_stolen',
    words: 'lost',
    color: '#c62828',
    icon: '<rect x="10" y="40" width="180" height="120" rx="16" fill="none" stroke="#fff" stroke-width="14"/><rect x="92" y="62" width="16" height="52" rx="6" fill="#fff"/><circle cx="100" cy="134" r="10" fill="#fff"/>',
  },
  {
    postback: 'area:konbini',
    words: 'konbini',
    color: '#1565c0',
    icon: '<path d="M40 10h90l40 40v140H40z" fill="none" stroke="#fff" stroke-width="14" stroke-linejoin="round"/><path d="M70 90h70M70 125h70M70 160h45" stroke="#fff" stroke-width="12" stroke-linecap="round"/>',
  },
  {
    postback: 'area:pins',
    words: 'pins',
    color: '#6a1b9a',
    icon: '<rect x="30" y="90" width="140" height="100" rx="14" fill="none" stroke="#fff" stroke-width="14"/><path d="M60 90V60a40 40 0 0 1 80 0v30" fill="none" stroke="#fff" stroke-width="14"/><circle cx="75" cy="140" r="9" fill="#fff"/><circle cx="100" cy="140" r="9" fill="#fff"/><circle cx="125" cy="140" r="9" fill="#fff"/>',
  },
  {
    postback: 'area:contacts',
    words: 'contacts',
    color: '#2e7d32',
    icon: '<path d="M55 20l35 45-20 25c15 30 35 50 65 65l25-20 45 35-25 35C110 200 10 100 25 45z" fill="#fff"/>',
  },
  {
    postback: 'language',
    words: 'language',
    color: '#ef6c00',
    icon: '<circle cx="100" cy="100" r="85" fill="none" stroke="#fff" stroke-width="12"/><ellipse cx="100" cy="100" rx="38" ry="85" fill="none" stroke="#fff" stroke-width="10"/><path d="M15 100h170M30 55h140M30 145h140" stroke="#fff" stroke-width="10"/>',
  },
  {
    postback: 'menu',
    words: 'menu',
    color: '#455a64',
    icon: '<path d="M25 45h150M25 100h150M25 155h150" stroke="#fff" stroke-width="18" stroke-linecap="round"/>',
  },
];

/** The fonts, from the npm packages that ship them (bold, for large type on a small screen). */
const FONT_PACKAGES = {
  'Noto Sans': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'Noto Sans JP': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  'Noto Sans SC': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'Noto Sans KR': '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
} as const;
export type FontFamily = keyof typeof FONT_PACKAGES;

const require = createRequire(import.meta.url);
export const fontFile = (family: FontFamily): string => require.resolve(FONT_PACKAGES[family]);

/** Each language's fonts, its own first: Japanese glyph shapes for Japanese, Simplified for Chinese. */
export const MENU_FONTS: Record<Lang, FontFamily[]> = {
  ja: ['Noto Sans JP'],
  'ja-easy': ['Noto Sans JP'],
  zh: ['Noto Sans SC'],
  ko: ['Noto Sans KR', 'Noto Sans JP'],
  en: ['Noto Sans', 'Noto Sans JP'],
  es: ['Noto Sans', 'Noto Sans JP'],
  pt: ['Noto Sans', 'Noto Sans JP'],
  vi: ['Noto Sans', 'Noto Sans JP'],
};

export const tileBox = (i: number) => {
  const width = Math.floor(WIDTH / COLS);
  const height = Math.floor(HEIGHT / ROWS);
  const col = i % COLS;
  const row = Math.floor(i / COLS);
  return { x: col * width, y: row * height, width: col === COLS - 1 ? WIDTH - col * width : width, height: row === ROWS - 1 ? HEIGHT - row * height : height };
};

/** A tile's words, one entry per line. */
export const tileLines = (lang: Lang, tile: Pick<Tile, 'words'>): string[] => render(lang, 'chat', { key: `common:richMenu.${tile.words}` }).split('\n');

const fit = (text: string, max: number) => (Array.from(text).length <= max ? text : `${Array.from(text).slice(0, max - 1).join('')}…`);

export const richMenuAliasId = (lang: Lang): string => `kagamino-${lang}`;

export function richMenuDefinition(lang: Lang): messagingApi.RichMenuRequest {
  return {
    size: { width: WIDTH, height: HEIGHT },
    selected: true,
    name: `Kagamino My Number helpline (${lang})`,
    chatBarText: fit(render(lang, 'chat', { key: 'common:richMenu.chatBar' }), RICH_MENU_LIMITS.chatBarText),
    areas: TILES.map((tile, i) => ({
      bounds: tileBox(i),
      // The words read aloud by a screen reader: the tile's lines on one line.
      action: { type: 'postback', label: fit(tileLines(lang, tile).join(' '), RICH_MENU_LIMITS.areaLabel), data: tile.postback },
    })),
  };
}

/** Width of a line in ems, roughly: CJK and hangul one em, Latin letters about half. */
function ems(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/u.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : ch === ' ' ? 0.28 : 0.58;
  return width;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The largest type that fits the tile: at most 130 px, the words within 88% of its width. */
export function tileFontSize(lines: string[], box: { width: number; height: number }): number {
  const widest = Math.max(...lines.map(ems));
  return Math.floor(Math.min(130, (box.width * 0.88) / widest, (box.height * 0.4) / (lines.length * 1.15)));
}

export function richMenuSvg(lang: Lang): string {
  const families = MENU_FONTS[lang].map((f) => `'${f}'`).join(', ');
  const tiles = TILES.map((tile, i) => {
    const box = tileBox(i);
    // The icon in the upper part, the words large below it.
    const scale = 1.45;
    const ix = box.x + box.width / 2 - 100 * scale;
    const iy = box.y + box.height * 0.3 - 100 * scale;
    const lines = tileLines(lang, tile);
    const size = tileFontSize(lines, box);
    const top = box.y + box.height * 0.62;
    const text = lines
      .map((line, n) => `<text x="${box.x + box.width / 2}" y="${Math.round(top + size * (0.9 + n * 1.15))}" font-size="${size}">${escapeXml(line)}</text>`)
      .join('');
    return `<rect x="${box.x + 12}" y="${box.y + 12}" width="${box.width - 24}" height="${box.height - 24}" rx="48" fill="${tile.color}"/>`
      + `<g transform="translate(${ix} ${iy}) scale(${scale})">${tile.icon}</g>`
      + `<g font-family="${families}" font-weight="700" fill="#ffffff" text-anchor="middle">${text}</g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="#ffffff"/>${tiles}</svg>`;
}

/** The menu drawn: its pixels (RGBA) and, encoded, the PNG LINE receives. */
export function renderRichMenu(lang: Lang) {
  const fontFiles = MENU_FONTS[lang].map(fontFile);
  return new Resvg(richMenuSvg(lang), {
    fitTo: { mode: 'original' },
    // Only the project's own fonts: the same image on any machine.
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: MENU_FONTS[lang][0] },
  }).render();
}

export const richMenuPng = (lang: Lang): Buffer => Buffer.from(renderRichMenu(lang).asPng());

/** Images go to the data host (api-data.line.me) when the API is LINE's own. */
export function lineDataBaseUrl(apiBaseUrl: string): string {
  return apiBaseUrl === 'https://api.line.me' ? 'https://api-data.line.me' : apiBaseUrl;
}

const clients = (options: { apiBaseUrl: string; channelAccessToken: string }) => ({
  client: new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl }),
  blobs: new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.channelAccessToken, baseURL: lineDataBaseUrl(options.apiBaseUrl) }),
});

/**
 * Creates a menu per language, uploads each image, points each language's alias at its menu
 * (creating the alias the first time, moving it on later runs) and makes the Japanese menu
 * every user's default.
 */
export async function installRichMenus(options: { apiBaseUrl: string; channelAccessToken: string }): Promise<Record<Lang, string>> {
  const { client, blobs } = clients(options);
  const ids = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const { richMenuId } = await client.createRichMenu(richMenuDefinition(lang));
    await blobs.setRichMenuImage(richMenuId, new Blob([new Uint8Array(richMenuPng(lang))], { type: 'image/png' }));
    const aliasId = richMenuAliasId(lang);
    try {
      await client.createRichMenuAlias({ richMenuAliasId: aliasId, richMenuId });
    } catch (error) {
      // The alias exists from an earlier run: it now points at the new menu.
      if (!(error instanceof HTTPFetchError) || error.status !== 400) throw error;
      await client.updateRichMenuAlias(aliasId, { richMenuId });
    }
    ids[lang] = richMenuId;
  }
  await client.setDefaultRichMenu(ids[DEFAULT_MENU_LANG]);
  return ids;
}

/**
 * Links a LINE user to the menu of their language, found through its alias (remembered once
 * read). A failure is logged and costs the user nothing but the menu's language.
 */
export class RichMenuLinker {
  private readonly ids = new Map<Lang, string>();

  constructor(
    private readonly client: messagingApi.MessagingApiClient,
    private readonly logger: Logger,
  ) {}

  async link(userId: string, lang: Lang): Promise<void> {
    try {
      let richMenuId = this.ids.get(lang);
      if (!richMenuId) {
        richMenuId = (await this.client.getRichMenuAlias(richMenuAliasId(lang))).richMenuId;
        this.ids.set(lang, richMenuId);
      }
      await this.client.linkRichMenuIdToUser(userId, richMenuId);
    } catch (error) {
      this.logger.warn({ err: error, user: maskUserId(userId), lang }, 'LINE rich menu not linked');
    }
  }
}
