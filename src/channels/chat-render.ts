/** Renders a neutral reply for text chat (web, terminal): texts, buttons and tap-to-call links. */
import type { Reply } from '../dialogs/types.js';
import { render } from '../i18n.js';
import { PHONES } from '../knowledge/facts.js';

export interface ChatReply {
  lang: string;
  messages: { text: string }[];
  quickReplies: { label: string; postback: string }[];
  calls: { label: string; tel: string }[];
  intent?: string;
  confidence?: number;
  reportId?: string;
}

export function renderChat(reply: Reply): ChatReply {
  const { lang } = reply;
  return {
    lang,
    messages: [...reply.messages, ...(reply.after ?? [])].map((u) => ({ text: render(lang, 'chat', u) })),
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
