/** The node arguments of `npm start` (after its build), so tools and tests run the server exactly as it is started. */
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };

export const START_ARGS: readonly string[] = scripts.start.split(/\s+/).slice(1);
