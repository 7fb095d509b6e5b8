/**
 * npm run line:richmenu: creates the rich menu through the Messaging API (LINE_API_BASE_URL),
 * uploads its image and sets it as the default for every user. Needs LINE_CHANNEL_ACCESS_TOKEN.
 * With --png FILE it only writes the image, to look at it.
 */
import { writeFileSync } from 'node:fs';
import { installRichMenu, richMenuPng } from '../src/channels/line-richmenu.js';
import { ConfigError, loadConfig } from '../src/config.js';

const pngIndex = process.argv.indexOf('--png');
if (pngIndex >= 0) {
  const file = process.argv[pngIndex + 1] ?? 'richmenu.png';
  writeFileSync(file, richMenuPng());
  console.log(`wrote ${file}`);
  process.exit(0);
}
try {
  const config = loadConfig();
  if (!config.lineChannelAccessToken) throw new ConfigError('LINE_CHANNEL_ACCESS_TOKEN is not set');
  const id = await installRichMenu({ apiBaseUrl: config.lineApiBaseUrl, channelAccessToken: config.lineChannelAccessToken });
  console.log(`rich menu ${id} created and set as default`);
} catch (error) {
  console.error(`line:richmenu failed: ${(error as Error).message}`);
  process.exit(1);
}
