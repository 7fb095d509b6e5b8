/**
 * Matching started as a message arrives, before its session is read (with Redis, a round trip
 * away), in the language the conversation was last in as this process remembers it. The dialog
 * takes the result only if the session is in that language; otherwise it matches again.
 */
import type { Lang } from '../knowledge/languages.js';
import type { IntentMatcher, MatchResult } from '../knowledge/matcher.js';
import type { InboundEvent } from './types.js';

/** Conversations whose language is remembered; beyond it the memory starts again. */
const MAX_REMEMBERED = 10_000;

/** The text of a message as the dialog understands it. */
export const questionText = (raw: string): string => raw.trim().slice(0, 1000);

export class EarlyMatches {
  private readonly langs = new Map<string, Lang>();
  private readonly started = new WeakMap<InboundEvent, { sessionLang: Lang; result: Promise<MatchResult | undefined> }>();

  constructor(private readonly matcher: IntentMatcher) {}

  /** Starts matching a text or speech message of a conversation whose language is known. */
  start(event: InboundEvent, conversation: string): void {
    if (event.kind !== 'text' && event.kind !== 'speech') return;
    const sessionLang = event.langHint ?? this.langs.get(conversation);
    if (!sessionLang) return;
    // A failure here only means matching again later, where failures are handled.
    const result = Promise.resolve()
      .then(() => this.matcher.match(questionText(event.text), { sessionLang }))
      .catch(() => undefined);
    this.started.set(event, { sessionLang, result });
  }

  /** A match already made for this message (a new conversation's first one, with its language). */
  provide(event: InboundEvent, sessionLang: Lang, result: MatchResult): void {
    this.started.set(event, { sessionLang, result: Promise.resolve(result) });
  }

  /** The early result for this message, if it was matched in the session's language. */
  take(event: InboundEvent, sessionLang: Lang): Promise<MatchResult | undefined> | undefined {
    const early = this.started.get(event);
    return early?.sessionLang === sessionLang ? early.result : undefined;
  }

  remember(conversation: string, lang: Lang): void {
    if (this.langs.size >= MAX_REMEMBERED && !this.langs.has(conversation)) this.langs.clear();
    this.langs.set(conversation, lang);
  }
}
