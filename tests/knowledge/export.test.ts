import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTENT_IDS } from '../../src/knowledge/intents/catalog.js';
import { LANGS } from '../../src/knowledge/languages.js';

describe('npm run --silent knowledge:export', () => {
  it('prints only JSON: every intent with its examples and answers in every language and register', () => {
    // natural's storage modules load dotenv, which prints to stdout: the export must stay clean.
    const stdout = execFileSync('npm', ['run', '--silent', 'knowledge:export'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
    const { intents } = JSON.parse(stdout) as { intents: { id: string; examples: Record<string, string[]>; answers: Record<string, string> }[] };
    expect(intents.map((i) => i.id)).toEqual(INTENT_IDS);
    for (const intent of intents) {
      for (const lang of LANGS) {
        expect(intent.examples[lang]!.length, `${intent.id} ${lang}`).toBeGreaterThanOrEqual(8);
        expect(intent.answers[lang]!.length, `${intent.id} ${lang}`).toBeGreaterThan(0);
      }
    }
    expect(intents.find((i) => i.id === 'reissue')!.answers['en']).toContain('1,000');
  });
});
