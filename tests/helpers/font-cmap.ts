/**
 * Which characters a TrueType/OpenType font has glyphs for, read from its `cmap` table (the
 * Unicode full-repertoire subtable, format 12, or else the BMP one, format 4), to check that a
 * rich menu's words can be drawn with the fonts the project ships.
 */
import { readFileSync } from 'node:fs';

export type Coverage = (codePoint: number) => boolean;

export function fontCoverage(file: string): Coverage {
  const font = readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error(`${file}: no cmap table`);
  const subtables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const entry = cmap + 4 + i * 8;
    subtables.set(`${font.readUInt16BE(entry)}.${font.readUInt16BE(entry + 2)}`, cmap + font.readUInt32BE(entry + 4));
  }
  const ranges: [number, number][] = [];
  const full = subtables.get('3.10') ?? subtables.get('0.4');
  const bmp = subtables.get('3.1') ?? subtables.get('0.3');
  if (full !== undefined && font.readUInt16BE(full) === 12) {
    const groups = font.readUInt32BE(full + 12);
    for (let g = 0; g < groups; g++) ranges.push([font.readUInt32BE(full + 16 + g * 12), font.readUInt32BE(full + 20 + g * 12)]);
  } else if (bmp !== undefined && font.readUInt16BE(bmp) === 4) {
    const segments = font.readUInt16BE(bmp + 6) / 2;
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(bmp + 14 + s * 2);
      const start = font.readUInt16BE(bmp + 16 + segments * 2 + s * 2);
      if (start !== 0xffff) ranges.push([start, end]);
    }
  } else {
    throw new Error(`${file}: no Unicode cmap subtable of format 12 or 4`);
  }
  return (codePoint) => ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}
