/** Answers from the guidebook, clarifying questions and the "not in the guidebook" fallback. */
import { say } from '../i18n.js';
import type { PhoneKey } from '../knowledge/facts.js';
import { getIntent } from '../knowledge/intents/catalog.js';
import type { Lang } from '../knowledge/languages.js';
import { phonesInAnswer } from '../knowledge/answers.js';
import { withKeys } from './keys.js';
import { intentChoice, MENU_CHOICE } from './menu.js';
import { NOW_NOTES, nowNote } from './now.js';
import type { Reply } from './types.js';

/**
 * The answer to a question, with its follow-up topics as choices. `alternatives` are the other
 * intents the question may have meant: offered first, after an "or did you mean…" line, so a
 * resident who asked clearly is answered at once and one who did not is one tap away.
 */
export function answer(lang: Lang, intent: string, now: Date, confidence?: number, alternatives: string[] = []): Reply {
  const service = NOW_NOTES[intent];
  const def = getIntent(intent);
  const related = (def?.related ?? []).filter((id) => !alternatives.includes(id));
  return {
    lang,
    // The whole entry: chat channels show its `chat` text, the phone speaks its `voice` text.
    messages: [
      say(`faq:${intent}`),
      ...(def?.dated ? [say('common:asOf')] : []),
      ...(service ? nowNote(service, lang, now) : []),
      ...(alternatives.length > 0 ? [say('common:clarify.orMeant')] : []),
    ],
    choices: withKeys([...alternatives.map(intentChoice), ...related.map(intentChoice), MENU_CHOICE]),
    calls: phonesInAnswer(intent),
    voicePrompt: say('ivr:afterAnswer'),
    intent,
    ...(confidence === undefined ? {} : { confidence }),
  };
}

export function clarify(lang: Lang, candidates: string[]): Reply {
  return {
    lang,
    messages: [say('common:clarify.prompt')],
    choices: withKeys([...candidates.map(intentChoice), { id: 'none', label: say('common:clarify.none') }]),
    calls: [],
  };
}

const FALLBACK_CALLS: PhoneKey[] = ['office', 'freeDial'];

export function fallback(lang: Lang, now: Date): Reply {
  return {
    lang,
    messages: [say('common:fallback'), ...nowNote('office', lang, now)],
    choices: withKeys([MENU_CHOICE, intentChoice('town_office')]),
    calls: FALLBACK_CALLS,
    fallback: true,
  };
}
