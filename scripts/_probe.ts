import { Matcher } from '../src/knowledge/matcher.js';
const m = new Matcher();
for (const q of process.argv.slice(2)) { const r = m.match(q); console.log(r.lang, r.kind, r.intent, r.confidence.toFixed(2), r.candidates.map(c=>c.intent+':'+c.confidence.toFixed(2)).join(' ')); }
