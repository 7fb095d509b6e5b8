import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const npm = (args: string[], input?: string) =>
  execFileSync('npm', ['run', '--silent', ...args], { encoding: 'utf8', input, env: { ...process.env, NODE_OPTIONS: '' } });

describe('tools for the people who keep the knowledge', () => {
  it('npm run ask prints the intent, its confidence and the answer', () => {
    const out = npm(['ask', '--', '--lang', 'en', 'how much is a juminhyo at the konbini']);
    expect(out).toMatch(/intent:\s+konbini_fee\s+confidence 0\.\d{3}/);
    expect(out).toContain('150 yen');
  });

  it('npm run chat talks in the terminal, in the language asked for', () => {
    const out = npm(['chat', '--', '--lang', 'pt'], 'perdi meu cartão\n');
    expect(out).toContain('0120-95-0178');
    expect(out).toContain('0120-0178-27');
  });
});
