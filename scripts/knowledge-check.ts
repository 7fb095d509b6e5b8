/** Fails on a missing translation, a typed number, a number differing between languages, a long label or a thin training set. */
import { LANGS } from '../src/knowledge/languages.js';
import { checkKnowledge } from '../src/knowledge/check.js';

const problems = checkKnowledge();
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`knowledge check: all ${LANGS.length} languages and registers complete and consistent (${LANGS.join(', ')})`);
