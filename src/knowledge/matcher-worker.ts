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
    response =
      request.op === 'match'
        ? { id: request.id, result: matcher.match(request.text, request.options) }
        : { id: request.id, result: matcher.detectLanguage(request.text, request.fallback) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true, fromCache: matcher.fromCache } satisfies MatcherResponse);
