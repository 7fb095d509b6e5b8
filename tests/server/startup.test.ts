import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { START_ARGS } from '../../scripts/start-command.js';

/** Runs `npm start`'s command to its end; what it printed and its exit code. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...START_ARGS], { env: { ...process.env, REDIS_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('start-up errors', () => {
  it('stops with a clear message when the port is taken, instead of running without listening', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { code, output } = await runServer({ PORT: String(port) });
      expect(code).toBe(4);
      expect(output).toContain(`Cannot listen on port ${port}`);
      expect(output).not.toContain('helpline ready');
    } finally {
      taken.close();
    }
  });

  it('stops with exit code 2 naming the variable when the configuration is wrong', async () => {
    const { code, output } = await runServer({ PORT: 'eighty' });
    expect(code).toBe(2);
    expect(output).toMatch(/Configuration error: .*PORT/);
  });
});
