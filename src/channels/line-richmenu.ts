/**
 * The LINE rich menu: six tiles that send postbacks (lost card, certificates, PINs, contacts,
 * language, menu). The image is drawn here as SVG, with icons rather than words so that one
 * image serves all six languages, and rendered to PNG with resvg.
 */
import { Resvg } from '@resvg/resvg-js';
import { messagingApi } from '@line/bot-sdk';

const WIDTH = 2500;
const HEIGHT = 1686;
const COLS = 3;
const ROWS = 2;

interface Tile {
  postback: string;
  /** Accessibility label of the area (LINE: at most 20 characters). */
  label: string;
  color: string;
  icon: string;
}

// Icons are drawn in a 200 × 200 box centred in the tile.
const TILES: Tile[] = [
  {
    postback: 'intent:lost_stolen',
    label: 'Lost card / 紛失',
    color: '#c62828',
    icon: '<rect x="10" y="40" width="180" height="120" rx="16" fill="none" stroke="#fff" stroke-width="14"/><rect x="92" y="62" width="16" height="52" rx="6" fill="#fff"/><circle cx="100" cy="134" r="10" fill="#fff"/>',
  },
  {
    postback: 'area:konbini',
    label: 'Certificates / 証明書',
    color: '#1565c0',
    icon: '<path d="M40 10h90l40 40v140H40z" fill="none" stroke="#fff" stroke-width="14" stroke-linejoin="round"/><path d="M70 90h70M70 125h70M70 160h45" stroke="#fff" stroke-width="12" stroke-linecap="round"/>',
  },
  {
    postback: 'area:pins',
    label: 'PINs / 暗証番号',
    color: '#6a1b9a',
    icon: '<rect x="30" y="90" width="140" height="100" rx="14" fill="none" stroke="#fff" stroke-width="14"/><path d="M60 90V60a40 40 0 0 1 80 0v30" fill="none" stroke="#fff" stroke-width="14"/><circle cx="75" cy="140" r="9" fill="#fff"/><circle cx="100" cy="140" r="9" fill="#fff"/><circle cx="125" cy="140" r="9" fill="#fff"/>',
  },
  {
    postback: 'area:contacts',
    label: 'Contacts / 問い合わせ',
    color: '#2e7d32',
    icon: '<path d="M55 20l35 45-20 25c15 30 35 50 65 65l25-20 45 35-25 35C110 200 10 100 25 45z" fill="#fff"/>',
  },
  {
    postback: 'language',
    label: 'Language / 言語',
    color: '#ef6c00',
    icon: '<circle cx="100" cy="100" r="85" fill="none" stroke="#fff" stroke-width="12"/><ellipse cx="100" cy="100" rx="38" ry="85" fill="none" stroke="#fff" stroke-width="10"/><path d="M15 100h170M30 55h140M30 145h140" stroke="#fff" stroke-width="10"/>',
  },
  {
    postback: 'menu',
    label: 'Menu / メニュー',
    color: '#455a64',
    icon: '<path d="M25 45h150M25 100h150M25 155h150" stroke="#fff" stroke-width="18" stroke-linecap="round"/>',
  },
];

const tileBox = (i: number) => {
  const width = Math.floor(WIDTH / COLS);
  const height = Math.floor(HEIGHT / ROWS);
  const col = i % COLS;
  const row = Math.floor(i / COLS);
  return { x: col * width, y: row * height, width: col === COLS - 1 ? WIDTH - col * width : width, height: row === ROWS - 1 ? HEIGHT - row * height : height };
};

export function richMenuDefinition(): messagingApi.RichMenuRequest {
  return {
    size: { width: WIDTH, height: HEIGHT },
    selected: true,
    name: 'Kagamino My Number helpline',
    chatBarText: 'メニュー / Menu',
    areas: TILES.map((tile, i) => ({
      bounds: tileBox(i),
      action: { type: 'postback', label: tile.label, data: tile.postback },
    })),
  };
}

export function richMenuSvg(): string {
  const tiles = TILES.map((tile, i) => {
    const box = tileBox(i);
    const scale = 2.6;
    const ix = box.x + box.width / 2 - 100 * scale;
    const iy = box.y + box.height / 2 - 100 * scale;
    return `<rect x="${box.x + 12}" y="${box.y + 12}" width="${box.width - 24}" height="${box.height - 24}" rx="48" fill="${tile.color}"/>`
      + `<g transform="translate(${ix} ${iy}) scale(${scale})">${tile.icon}</g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="#ffffff"/>${tiles}</svg>`;
}

export function richMenuPng(): Buffer {
  return Buffer.from(new Resvg(richMenuSvg(), { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}

/** Images go to the data host (api-data.line.me) when the API is LINE's own. */
export function lineDataBaseUrl(apiBaseUrl: string): string {
  return apiBaseUrl === 'https://api.line.me' ? 'https://api-data.line.me' : apiBaseUrl;
}

/** Creates the rich menu, uploads its image and makes it every user's default. */
export async function installRichMenu(options: { apiBaseUrl: string; channelAccessToken: string }): Promise<string> {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  const blobs = new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.channelAccessToken, baseURL: lineDataBaseUrl(options.apiBaseUrl) });
  const { richMenuId } = await client.createRichMenu(richMenuDefinition());
  await blobs.setRichMenuImage(richMenuId, new Blob([new Uint8Array(richMenuPng())], { type: 'image/png' }));
  await client.setDefaultRichMenu(richMenuId);
  return richMenuId;
}
