/**
 * Starts a worker thread on a module of this folder, given without its extension. Compiled
 * (dist/, `npm start`) the worker runs the .js file directly; from the sources (tests, tools
 * run with tsx) it first registers tsx in the worker, which does not inherit the loader.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const fromSources = import.meta.url.endsWith('.ts');

export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!fromSources) return new Worker(new URL(`${module.href}.js`), options);
  const entry = JSON.stringify(`${module.href}.ts`);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`, { ...options, eval: true });
}
