/**
 * Held-out evaluation of the matcher on tests/eval/<lang>.json, per language:
 * - top1: the best intent (or the lost-card guard) is the right one, answered or offered first;
 * - answeredRight: answered directly with the right intent (confidence over the threshold);
 * - clarifiedWithRightChoice: a clarifying question whose choices include the right intent;
 * - outOfScopeFallback: questions outside the guidebook not answered as if they were in it;
 * then lost/stolen recall (answered with the suspension flow) and language detection.
 * Usage: npm run eval [-- --verbose] [-- --json] [-- --dir tests/eval/blind-round-1]
 * Without `--dir`: the regression evaluation, tests/eval and every blind round kept beside it
 * (tests/eval/blind-round-N, each scored once at first sight before it joined); with it, that
 * one set (a new blind set's first sight).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { LANGS, writtenIn, type WrittenLang } from '../src/knowledge/languages.js';
import { LOST_INTENT, Matcher } from '../src/knowledge/matcher.js';

interface Question { q: string; intent: string }

const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');
const dirArg = process.argv.indexOf('--dir');
const EVAL_DIR = new URL('../tests/eval/', import.meta.url);
const roundOf = (name: string) => Number(name.slice('blind-round-'.length));
const sets = dirArg > 0
  ? [new URL(`${process.argv[dirArg + 1]!.replace(/\/?$/, '/')}`, `file://${process.cwd()}/`)]
  : [EVAL_DIR, ...readdirSync(EVAL_DIR).filter((name) => name.startsWith('blind-round-')).sort((a, b) => roundOf(a) - roundOf(b)).map((name) => new URL(`${name}/`, EVAL_DIR))];
const matcher = new Matcher();
const results: Record<string, unknown>[] = [];

for (const setDir of sets) {
  const rows: Record<string, unknown>[] = [];
  let lostTotal = 0;
  let lostHit = 0;
  let detectTotal = 0;
  let detectHit = 0;
  // Each language and register the set has questions for (the newer ones joined later rounds).
  for (const lang of LANGS.filter((l) => existsSync(new URL(`${l}.json`, setDir)))) {
    const questions = JSON.parse(readFileSync(new URL(`${lang}.json`, setDir), 'utf8')) as Question[];
    let inScope = 0;
    let correct = 0;
    let top1 = 0;
    let clarified = 0;
    let outOfScope = 0;
    let fellBack = 0;
    for (const { q, intent } of questions) {
      const result = matcher.match(q, { lang });
      if (q.length >= 10) {
        detectTotal++;
        // Detection as a new conversation would see it: a wrong default language to start from.
        const other: WrittenLang = writtenIn(lang) === 'ja' ? 'en' : 'ja';
        if (matcher.detector.detect(q, other).lang === writtenIn(lang)) detectHit++;
        else if (verbose) console.log(`[${lang}] detected wrong: ${q}`);
      }
      if (intent === 'none') {
        outOfScope++;
        if (result.kind !== 'answer') fellBack++;
        else if (verbose) console.log(`[${lang}] out-of-scope answered as ${result.intent}: ${q}`);
        continue;
      }
      inScope++;
      const got = result.kind === 'fallback' ? 'fallback' : result.intent;
      if (got === intent) top1++;
      if (got === intent && result.kind === 'answer') correct++;
      else if (result.kind === 'clarify' && result.candidates.some((c) => c.intent === intent)) clarified++;
      if (intent === LOST_INTENT) {
        lostTotal++;
        if (result.intent === LOST_INTENT && result.kind === 'answer') lostHit++;
      }
      if (verbose && !(got === intent && result.kind === 'answer')) {
        console.log(`[${lang}] ${intent} → ${result.kind}:${got} (${result.confidence.toFixed(2)}; ${result.candidates.map((c) => `${c.intent} ${c.score.toFixed(2)}`).join(', ')}): ${q}`);
      }
    }
    rows.push({
      lang,
      questions: questions.length,
      top1: +(top1 / inScope * 100).toFixed(1),
      answeredRight: +(correct / inScope * 100).toFixed(1),
      clarifiedWithRightChoice: +(clarified / inScope * 100).toFixed(1),
      outOfScopeFallback: `${fellBack}/${outOfScope}`,
    });
  }
  const summary = {
    languages: rows,
    lostRecall: `${lostHit}/${lostTotal}`,
    detection: +(detectHit / detectTotal * 100).toFixed(1),
    detectionSample: detectTotal,
  };
  const name = setDir.pathname.replace(/\/$/, '').split('/').pop();
  results.push({ set: name, ...summary });
  if (!asJson) {
    console.log(`\n${name}:`);
    console.table(rows);
    console.log(`lost/stolen recall: ${summary.lostRecall}`);
    console.log(`language detection (messages of 10+ characters): ${summary.detection}% of ${detectTotal}`);
  }
}
if (asJson) console.log(JSON.stringify(results, null, 2));
