import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** The server's logger (its options, at level trace) writing into an array, to check what would reach the log. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('trace', { destination: stream }), lines };
}
