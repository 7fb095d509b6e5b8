/** npm run ask -- [--lang en] "question": the matched intent, its confidence and the answer. */
import { render } from '../src/i18n.js';
import { isLang, LANGS } from '../src/knowledge/languages.js';
import { LOST_INTENT, Matcher } from '../src/knowledge/matcher.js';

const args = process.argv.slice(2);
const langIndex = args.indexOf('--lang');
const lang = langIndex >= 0 ? args[langIndex + 1] : undefined;
const question = args.filter((_, i) => i !== langIndex && i !== langIndex + 1).join(' ').trim();
if (!question || (lang !== undefined && !isLang(lang))) {
  console.error(`usage: npm run ask -- [--lang ${LANGS.join('|')}] "question"`);
  process.exit(2);
}
const result = (await Matcher.create()).match(question, isLang(lang) ? { lang } : {});
console.log(`language:   ${result.lang}${result.langConfident ? '' : ' (kept: too short to tell)'}`);
console.log(`decision:   ${result.kind}${result.lostGuard ? ' (lost-card guard)' : ''}`);
console.log(`intent:     ${result.intent ?? '—'}  confidence ${result.confidence.toFixed(3)}`);
console.log(`candidates: ${result.candidates.map((c) => `${c.intent} ${c.confidence.toFixed(3)}`).join(', ')}`);
console.log('');
if (result.kind === 'answer' && result.intent) {
  const key = result.intent === LOST_INTENT ? 'suspension:first' : `faq:${result.intent}.chat`;
  console.log(render(result.lang, 'chat', { key }));
} else if (result.kind === 'clarify') {
  console.log(render(result.lang, 'chat', { key: 'common:clarify.prompt' }));
  for (const c of result.candidates) console.log(`  • ${render(result.lang, 'chat', { key: `faq:${c.intent}.label` })}`);
} else {
  console.log(render(result.lang, 'chat', { key: 'common:fallback' }));
}
