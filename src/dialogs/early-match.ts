/**
 * Matching started as a message arrives, before its session is read (with Redis, a round trip
 * away). In a conversation whose language this process remembers, the message is matched in
 * that language; in one it does not know (a new conversation, most often), its language is
 * detected and it is matched in it (`open`). The dialog takes the result only if the session
 * turns out to be in the language the match was made in; otherwise it matches again.
 */
import type { Lang } from '../knowledge/languages.js';
import type { IntentMatcher, MatchResult, Opening } from '../knowledge/matcher.js';
import type { InboundEvent } from './types.js';

/** Conversations whose language is remembered; beyond it the memory starts again. */
const MAX_REMEMBERED = 10_000;

/** The text of a message as the dialog understands it. */
export const questionText = (raw: string): string => raw.trim().slice(0, 1000);

interface Early {
  /** Made for a conversation this process did not know: the language it detected. */
  opening: boolean;
  /** The match and the session language it was made in; undefined when matching failed. */
  result: Promise<Opening | undefined>;
}

export class EarlyMatches {
  private readonly langs = new Map<string, Lang>();
  private readonly started = new WeakMap<InboundEvent, Early>();

  constructor(private readonly matcher: IntentMatcher) {}

  /** Starts matching a text or speech message; `fallback` is a new conversation's language when its message does not tell. */
  start(event: InboundEvent, conversation: string, fallback: Lang): void {
    if (event.kind !== 'text' && event.kind !== 'speech') return;
    const text = questionText(event.text);
    const sessionLang = event.langHint ?? this.langs.get(conversation);
    // A failure here only means matching again later, where failures are handled.
    const result: Promise<Opening | undefined> = Promise.resolve()
      .then(async () => (sessionLang ? { lang: sessionLang, match: await this.matcher.match(text, { sessionLang }) } : await this.matcher.open(text, fallback)))
      .catch(() => undefined);
    this.started.set(event, { opening: !sessionLang, result });
  }

  /** The early result for this message, if it was matched in the session's language. */
  take(event: InboundEvent, sessionLang: Lang): Promise<MatchResult | undefined> | undefined {
    return this.started.get(event)?.result.then((early) => (early?.lang === sessionLang ? early.match : undefined));
  }

  /** For a conversation this process did not know: the language detected from its message, and the match in it. */
  opening(event: InboundEvent): Promise<Opening | undefined> | undefined {
    const early = this.started.get(event);
    return early?.opening ? early.result : undefined;
  }

  remember(conversation: string, lang: Lang): void {
    if (this.langs.size >= MAX_REMEMBERED && !this.langs.has(conversation)) this.langs.clear();
    this.langs.set(conversation, lang);
  }
}
