/**
 * Readings for kanji in Easy Japanese texts, written in the locale files as `[漢字|かんじ]`.
 * The web page shows them as <ruby>, LINE (which has no ruby) in brackets after the word, and
 * the phone reads the kanji itself.
 */

const READING = /\[([^[\]|]+)\|([^[\]|]+)\]/g;
const ONE_READING = /\[[^[\]|]+\|[^[\]|]+\]/;

export const hasReadings = (text: string): boolean => text.includes('|') && ONE_READING.test(text);

/** The text as it is read aloud or where there is no room: the kanji alone. */
export const withoutReadings = (text: string): string => (text.includes('|') ? text.replace(READING, '$1') : text);

/** The text with each reading in brackets after its word: 住民票（じゅうみんひょう）. */
export const withBracketReadings = (text: string): string => (text.includes('|') ? text.replace(READING, '$1（$2）') : text);

/** A piece of text, with the reading of its kanji when it has one. */
export interface RubySegment {
  text: string;
  ruby?: string;
}

/** The text in pieces for <ruby>: plain stretches and words with their readings. */
export function readingSegments(text: string): RubySegment[] {
  const segments: RubySegment[] = [];
  let last = 0;
  for (const match of text.matchAll(READING)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ text: match[1]!, ruby: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
