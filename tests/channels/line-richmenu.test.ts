import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRichMenu, lineDataBaseUrl, richMenuDefinition, richMenuPng } from '../../src/channels/line-richmenu.js';
import { CHANNEL_ACCESS_TOKEN, FakeLineApi } from '../helpers/fake-line.js';
import { assertValidLine } from '../helpers/line-schema.js';

let line: FakeLineApi;
beforeEach(async () => {
  line = new FakeLineApi();
  await line.start();
});
afterEach(async () => line.stop());

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('rich menu', () => {
  it('is a valid RichMenuRequest whose areas send the postbacks the dialogs know', () => {
    const definition = richMenuDefinition();
    assertValidLine('RichMenuRequest', definition);
    const areas = definition.areas!;
    expect(areas.map((a) => (a.action as { data: string }).data)).toEqual(['intent:lost_stolen', 'area:konbini', 'area:pins', 'area:contacts', 'language', 'menu']);
    for (const area of areas) expect((area.action as { label: string }).label.length).toBeLessThanOrEqual(20);
    // The areas tile the whole image without gaps.
    expect(areas.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0)).toBe(2500 * 1686);
  });

  it('renders a PNG of the rich menu size', () => {
    const png = richMenuPng();
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 2500, height: 1686 });
  });

  it('creates the menu, uploads its image and sets it as default through the Messaging API', async () => {
    const id = await installRichMenu({ apiBaseUrl: line.url, channelAccessToken: CHANNEL_ACCESS_TOKEN });
    expect(line.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/bot/richmenu',
      `POST /v2/bot/richmenu/${id}/content`,
      `POST /v2/bot/user/all/richmenu/${id}`,
    ]);
    assertValidLine('RichMenuRequest', line.requests[0]!.body);
    expect(line.requests[1]!.headers['content-type']).toBe('image/png');
    expect(pngSize(line.requests[1]!.raw)).toEqual({ width: 2500, height: 1686 });
  });

  it('sends images to LINE\'s data host', () => {
    expect(lineDataBaseUrl('https://api.line.me')).toBe('https://api-data.line.me');
    expect(lineDataBaseUrl('http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999');
  });
});
