/** The worker thread of `ThreadedMatcher`: loads (or trains) the models, then answers questions. */
import { parentPort, workerData } from 'node:worker_threads';
import { Matcher } from './matcher.js';
import type { MatcherRequest, MatcherResponse } from './matcher-thread.js';

const port = parentPort!;
const { cacheDir } = workerData as { cacheDir?: string | false };
const matcher = await Matcher.create(undefined, cacheDir === undefined ? {} : { cacheDir });

port.on('message', (request: MatcherRequest) => {
  let response: MatcherResponse;
  try {
    switch (request.op) {
      case 'match':
        response = { id: request.id, result: matcher.match(request.text, request.options) };
        break;
      case 'detect':
        response = { id: request.id, result: matcher.detectLanguage(request.text, request.fallback) };
        break;
      case 'open':
        response = { id: request.id, result: matcher.open(request.text, request.fallback) };
        break;
    }
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true, fromCache: matcher.fromCache } satisfies MatcherResponse);
