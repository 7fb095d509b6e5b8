import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop('SIGKILL');
});

/** Resolves with everything the socket receives once `done(received)` is true. */
function receive(socket: Socket, done: (received: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString();
      if (done(received)) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => resolve(received));
  });
}

describe('SIGTERM', () => {
  it('stops accepting connections but answers the turn in flight, then exits 0', async () => {
    server = await startServerProcess({ REDIS_URL: '', REPORT_SPOOL_PATH: '' });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const body = JSON.stringify({ text: 'カードをなくしました' });
    // "Expect: 100-continue": the server's "100 Continue" proves the request is in its hands
    // before the signal is sent; the body follows only after.
    const continued = receive(socket, (received) => received.includes('100 Continue'));
    socket.write(`POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`);
    await continued;
    const exited = server.stop('SIGTERM');

    const deadline = Date.now() + 5000;
    let refused = false;
    while (!refused && Date.now() < deadline) {
      refused = await fetch(`${server.url}/healthz`).then(() => false, () => true);
    }
    expect(refused).toBe(true);

    const response = receive(socket, (received) => /\r\n\r\n[\s\S]*"sessionId"[\s\S]*\}$/.test(received));
    socket.write(body);
    const answer = await response;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('0120-95-0178');
    // The answer closes its connection, rather than keeping it for the 5 s keep-alive timeout.
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    const answeredAt = Date.now();
    expect(await exited).toBe(0);
    expect(Date.now() - answeredAt).toBeLessThan(3000);
    expect(server.output()).toContain('shut down cleanly');
  });
});
