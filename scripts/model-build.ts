/**
 * Trains the matcher and keeps the models on disk (node_modules/.cache/kagamino-helpline, or
 * MODEL_CACHE_DIR), so that `npm start` loads them instead of training. Run by `npm install`
 * (prepare); harmless to run again.
 */
import { Matcher } from '../src/knowledge/matcher.js';

const dir = process.env['MODEL_CACHE_DIR'];
const started = performance.now();
const matcher = await Matcher.create(undefined, dir ? { cacheDir: dir } : {});
console.log(`matcher models ${matcher.fromCache ? 'already up to date' : 'trained and kept'} (${Math.round(performance.now() - started)} ms)`);
