/** Renders a neutral reply for text chat (web, terminal): texts, buttons and tap-to-call links. */
import type { Reply } from '../dialogs/types.js';
import { render, renderMarked, type Utterance } from '../i18n.js';
import { PHONES } from '../knowledge/facts.js';
import type { Lang } from '../knowledge/languages.js';
import { hasReadings, readingSegments, type RubySegment } from '../readings.js';

export interface ChatReply {
  lang: string;
  /** `ruby`: the same text in pieces with the readings of its kanji (Easy Japanese), for <ruby>. */
  messages: { text: string; ruby?: RubySegment[] }[];
  quickReplies: { label: string; postback: string }[];
  calls: { label: string; tel: string }[];
  intent?: string;
  confidence?: number;
  reportId?: string;
}

function message(lang: Lang, utterance: Utterance): ChatReply['messages'][number] {
  const marked = renderMarked(lang, 'chat', utterance);
  const text = render(lang, 'chat', utterance);
  return hasReadings(marked) ? { text, ruby: readingSegments(marked) } : { text };
}

export function renderChat(reply: Reply): ChatReply {
  const { lang } = reply;
  return {
    lang,
    messages: [...reply.messages, ...(reply.after ?? [])].map((u) => message(lang, u)),
    quickReplies: reply.choices.filter((c) => c.only !== 'voice').map((c) => ({ label: render(lang, 'chat', c.label), postback: c.id })),
    calls: reply.calls.map((key) => ({
      label: render(lang, 'chat', { key: 'common:web.call', params: { number: PHONES[key].display } }),
      tel: `tel:${PHONES[key].e164}`,
    })),
    ...(reply.intent ? { intent: reply.intent } : {}),
    ...(reply.confidence === undefined ? {} : { confidence: Math.round(reply.confidence * 1000) / 1000 }),
    ...(reply.reportId ? { reportId: reply.reportId } : {}),
  };
}
