import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllExamples } from '../../src/knowledge/examples.js';
import { Matcher } from '../../src/knowledge/matcher.js';

const QUESTIONS = ['コンビニで住民票いくら', 'my PIN is locked', '我的卡丢了', '주민표 편의점', 'renovar tarjeta', 'mudança de endereço'];

describe('models kept between starts', () => {
  it('trains once, then loads the same models from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmh-models-'));
    const trained = await Matcher.create(undefined, { cacheDir: dir });
    expect(trained.fromCache).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const loaded = await Matcher.create(undefined, { cacheDir: dir });
    expect(loaded.fromCache).toBe(true);
    for (const q of QUESTIONS) expect(loaded.match(q)).toEqual(trained.match(q));
  }, 30_000);

  it('trains again when the knowledge changes or the file is damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmh-models-'));
    await Matcher.create(undefined, { cacheDir: dir });
    const examples = loadAllExamples();
    examples.en['konbini_fee']!.push('what does one copy cost at the store');
    expect((await Matcher.create(examples, { cacheDir: dir })).fromCache).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'not a model');
    const again = await Matcher.create(examples, { cacheDir: dir });
    expect(again.fromCache).toBe(false);
    expect(again.match('what does one copy cost at the store', { lang: 'en' }).intent).toBe('konbini_fee');
  }, 60_000);
});
