/**
 * npm run line:richmenu: creates the rich menu of every language and register through the
 * Messaging API (LINE_API_BASE_URL), uploads each image, points each language's alias
 * (kagamino-<lang>) at its menu and sets the Japanese menu as every user's default. Needs
 * LINE_CHANNEL_ACCESS_TOKEN. With --png DIR it only writes the images (richmenu-<lang>.png).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { installRichMenus, richMenuPng } from '../src/channels/line-richmenu.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { LANGS } from '../src/knowledge/languages.js';

const pngIndex = process.argv.indexOf('--png');
if (pngIndex >= 0) {
  const dir = process.argv[pngIndex + 1] ?? '.';
  mkdirSync(dir, { recursive: true });
  for (const lang of LANGS) writeFileSync(`${dir}/richmenu-${lang}.png`, richMenuPng(lang));
  console.log(`wrote ${LANGS.length} images to ${dir}`);
  process.exit(0);
}
try {
  const config = loadConfig();
  if (!config.lineChannelAccessToken) throw new ConfigError('LINE_CHANNEL_ACCESS_TOKEN is not set');
  const ids = await installRichMenus({ apiBaseUrl: config.lineApiBaseUrl, channelAccessToken: config.lineChannelAccessToken });
  for (const [lang, id] of Object.entries(ids)) console.log(`${lang}: rich menu ${id}`);
  console.log('aliases kagamino-<lang> point at them; the ja menu is the default');
} catch (error) {
  console.error(`line:richmenu failed: ${(error as Error).message}`);
  process.exit(1);
}
