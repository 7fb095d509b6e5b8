/**
 * Prints every intent's training utterances and rendered chat answer in every language and
 * register, as JSON (Easy Japanese is read with the Japanese utterances).
 */
import { render } from '../src/i18n.js';
import { loadAllExamples } from '../src/knowledge/examples.js';
import { INTENTS } from '../src/knowledge/intents/catalog.js';
import { LANGS, writtenIn } from '../src/knowledge/languages.js';

const examples = loadAllExamples();
const intents = INTENTS.map((intent) => ({
  id: intent.id,
  section: intent.section,
  related: intent.related,
  examples: Object.fromEntries(LANGS.map((lang) => [lang, examples[writtenIn(lang)][intent.id] ?? []])),
  answers: Object.fromEntries(LANGS.map((lang) => [lang, render(lang, 'chat', { key: `faq:${intent.id}.chat` })])),
  voice: Object.fromEntries(LANGS.map((lang) => [lang, render(lang, 'voice', { key: `faq:${intent.id}.voice` })])),
}));
process.stdout.write(`${JSON.stringify({ intents }, null, 2)}\n`);
