import { readdirSync, readFileSync } from 'node:fs';
import { LANGS } from '../src/knowledge/languages.js';
import { Matcher } from '../src/knowledge/matcher.js';
const m = new Matcher();
const OTHER_ID = /(運転免許|免許証|パスポート|旅券|在留カード|在留卡|驾照|驾驶证|护照|운전면허|면허증|여권|재류\s?카드|체류\s?카드|licen[cs]e|passport|residence card|zairyu|licencia|pasaporte|carteira de motorista|\bcnh\b|passaporte|tarjeta de residencia|cartao de residen|visa|visto|签证|비자|ビザ|在留資格|在留期間|体留|체류)/iu;
const base = 'tests/eval/';
const dirs = [base, ...readdirSync(base).filter(n => n.startsWith('blind-round-')).map(n => base + n + '/')];
for (const d of dirs) for (const lang of LANGS) {
  for (const { q, intent } of JSON.parse(readFileSync(d + lang + '.json', 'utf8'))) {
    if (!OTHER_ID.test(q.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) continue;
    const r = m.match(q, { lang });
    const got = r.kind === 'answer' ? r.intent : r.kind;
    console.log(got === intent || (intent==='none' && r.kind!=='answer') ? 'ok ' : 'BAD', intent.padEnd(18), String(got).padEnd(18), q);
  }
}
