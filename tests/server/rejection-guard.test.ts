import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('unhandled promise rejections', () => {
  it('are logged loudly and counted, and the process keeps running instead of exiting', () => {
    // A process of its own, as the server: Node's default for an unhandled rejection is to exit.
    const script = `
      import { guardUnhandledRejections } from './dist/rejection-guard.js';
      import { createLogger } from './dist/logger.js';
      let counted = 0;
      guardUnhandledRejections(createLogger('info'), () => counted++);
      Promise.reject(new Error('a bug in some handler'));
      setTimeout(() => { console.log(JSON.stringify({ alive: true, counted })); }, 50);
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = lines.find((line) => line['level'] === 60);
    expect(logged?.['msg']).toMatch(/unhandled promise rejection/);
    expect(JSON.stringify(logged?.['err'])).toContain('a bug in some handler');
    expect(lines.at(-1)).toEqual({ alive: true, counted: 1 });
  });
});
