/**
 * The dialog engine: one turn in, one channel-neutral reply out, for every channel.
 * It owns the session (language, state), dedupes events, serialises turns of one conversation,
 * and routes to the suspension flow, FAQ answers, menus and clarifications.
 */
import { say } from '../i18n.js';
import { openStatus, type Clock } from '../knowledge/calendar.js';
import { isLang, writtenIn, type Lang } from '../knowledge/languages.js';
import type { IntentMatcher, MatchResult } from '../knowledge/matcher.js';
import { looksLikeLostCard } from '../knowledge/lost-guard.js';
import { looksLikeLearnersJapanese } from '../knowledge/romaji.js';
import { AREAS, getIntent, LOST_INTENT, type Area } from '../knowledge/intents/catalog.js';
import type { Logger } from '../logger.js';
import type { TurnObserver } from '../metrics.js';
import type { SaveOnRelease, Store } from '../store/store.js';
import { containsSensitiveNumber, maskText } from '../suspension/mask.js';
import { receiveCallbackNumber, reissueAfterLoss, startSuspension, suspensionCalls, suspensionFollowUp, SUSPENSION_CHOICES, type SuspensionChoice } from '../suspension/flow.js';
import type { ReportLog } from '../suspension/reports.js';
import { answer, clarify, fallback } from './faq.js';
import { requestedLanguage } from './language.js';
import { KEYS_EVERYWHERE, REPEAT_KEY, withKeys } from './keys.js';
import { areaMenu, isRestart, languageMenu, mainMenu } from './menu.js';
import { DEFAULT_MAX_UNANSWERED, UNANSWERED_TABLE } from './unanswered.js';
import { newSession, SESSION_TTL_SECONDS, type Session } from './session.js';
import { TurnTally } from './turn-tally.js';
import { EarlyMatches, questionText } from './early-match.js';
import type { Choice, InboundEvent, Reply } from './types.js';

export interface EngineDeps {
  store: Store;
  matcher: IntentMatcher;
  reports: ReportLog;
  clock: Clock;
  logger: Logger;
  callbackTtlDays: number;
  /** How many distinct unanswered questions the staff list keeps (the most asked). */
  maxUnanswered?: number;
  /** Language of a brand-new conversation when nothing else tells it. */
  defaultLang?: Lang;
  observer?: TurnObserver;
}

export interface TurnResult {
  /** Undefined when the event was a redelivery already acted on. */
  reply?: Reply;
  session?: Session;
  duplicate: boolean;
  /**
   * The store failed during the turn (reading, locking): the reply was still given. A session
   * write, done behind the reply, logs its own failure.
   */
  degraded: boolean;
  /** The conversation's language before this turn (none for a new conversation). */
  langBefore?: Lang;
}

/** Event ids are remembered for a day: LINE and Twilio retry within minutes. */
const EVENT_TTL_SECONDS = 24 * 60 * 60;
/** Below this speech-recognition confidence the caller is asked again. */
export const SPEECH_CONFIDENCE = 0.4;
/** Prompts repeated when the caller says nothing, before the goodbye. */
const MAX_SILENCES = 2;

/** Where a conversation's session is stored (and the name of its lock). */
const sessionKey = (channel: InboundEvent['channel'], conversationId: string) => `session:${channel}:${conversationId}`;

export class DialogEngine {
  /** Turns per day for the staff page. */
  readonly tally: TurnTally;
  private readonly early: EarlyMatches;

  constructor(private readonly deps: EngineDeps) {
    this.tally = new TurnTally(deps.store, deps.clock, deps.logger);
    this.early = new EarlyMatches(deps.matcher);
  }

  async handle(event: InboundEvent): Promise<TurnResult> {
    const { store, logger } = this.deps;
    let degraded = false;
    const startedAt = performance.now();
    const storeFailed = (error: unknown, what: string) => {
      degraded = true;
      logger.error({ err: error, channel: event.channel }, `store unavailable: ${what}`);
    };

    if (event.eventId) {
      try {
        if (!(await store.claim(`event:${event.channel}:${event.eventId}`, EVENT_TTL_SECONDS))) {
          return { duplicate: true, degraded };
        }
      } catch (error) {
        storeFailed(error, 'event dedupe');
      }
    }

    const key = sessionKey(event.channel, event.conversationId);
    // The matcher starts now, while the session is being read (not on speech too unclear to use).
    if (event.kind !== 'speech' || event.confidence >= SPEECH_CONFIDENCE) this.early.start(event, key, this.deps.defaultLang ?? 'ja');
    // Under the lock the session is saved as the lock is released; without it, written directly.
    const runTurn = async (stored: Session | undefined, save: SaveOnRelease<Session> = (value, ttl) => store.set(key, value, ttl)): Promise<TurnResult> => {
      const session = stored ?? newSession(event.conversationId, await this.initialLang(event), event.receivedAt);
      const reportBefore = session.reportId;
      const langBefore = stored?.lang;
      const reply = await this.turn(event, session);
      this.tally.count(event.receivedAt);
      this.early.remember(key, session.lang);
      // Written behind the reply, as the lock is released: the resident does not wait for it,
      // and the conversation's next turn, in any process, reads it.
      save(session, SESSION_TTL_SECONDS).catch((error: unknown) => storeFailed(error, 'session write'));
      this.deps.observer?.turn({
        channel: event.channel,
        lang: reply.lang,
        intent: reply.intent,
        fallback: reply.fallback === true,
        report: !reportBefore && session.reportId !== undefined,
        seconds: (performance.now() - startedAt) / 1000,
      });
      return { reply, session, duplicate: false, degraded, ...(langBefore ? { langBefore } : {}) };
    };

    let started = false;
    try {
      return await store.withLock<TurnResult, Session>(key, (stored, save) => {
        started = true;
        return runTurn(stored, save);
      });
    } catch (error) {
      // A lock that could not be taken must not cost the resident an answer.
      if (started) throw error;
      storeFailed(error, 'session lock');
      let stored: Session | undefined;
      try {
        stored = await store.get<Session>(key);
      } catch (readError) {
        storeFailed(readError, 'session read');
      }
      return runTurn(stored);
    }
  }

  /** Forgets a conversation (a LINE user who blocked the account). */
  async forget(channel: InboundEvent['channel'], conversationId: string): Promise<void> {
    await this.deps.store.delete(sessionKey(channel, conversationId));
  }

  /** A conversation's session as stored, without taking a turn (status callbacks, staff views). */
  async peekSession(channel: InboundEvent['channel'], conversationId: string): Promise<Session | undefined> {
    return this.deps.store.get<Session>(sessionKey(channel, conversationId));
  }

  private async initialLang(event: InboundEvent): Promise<Lang> {
    const fallbackLang = this.deps.defaultLang ?? 'ja';
    if (event.langHint) return event.langHint;
    if (event.kind === 'text' || event.kind === 'speech') {
      try {
        // The language and the match in one call, started as the message arrived; the turn
        // then takes the match as made.
        const opening = (await this.early.opening(event)) ?? (await this.deps.matcher.open(questionText(event.text), fallbackLang));
        return opening.lang;
      } catch (error) {
        this.deps.logger.error({ err: error }, 'matcher unavailable: language not detected');
      }
    }
    return fallbackLang;
  }

  private async turn(event: InboundEvent, session: Session): Promise<Reply> {
    session.turns++;
    session.updatedAt = event.receivedAt.toISOString();
    if (event.langHint) session.lang = event.langHint;
    const answered = await this.respond(event, session);
    // A spoken menu ends by saying the caller may also just ask.
    const reply = answered.end || answered.transfer || answered.voicePrompt ? answered : { ...answered, voicePrompt: say('ivr:askQuestion') };
    // Remembered for the phone only (chat channels show their buttons): which key chooses
    // what, and what "*" repeats. Chat sessions stay small, to read and write on every turn.
    if (event.channel === 'phone') {
      session.keys = Object.fromEntries(reply.choices.filter((c) => c.dtmf && c.only !== 'chat').map((c) => [c.dtmf!, c.id]));
      if (!reply.repeat) session.lastReply = reply;
    }
    if (event.kind !== 'no_input') session.silences = 0;
    if (event.kind !== 'speech') session.unclear = 0;
    return reply;
  }

  private async respond(event: InboundEvent, session: Session): Promise<Reply> {
    switch (event.kind) {
      case 'start':
        session.state = 'idle';
        return mainMenu(session.lang, ['common:welcome']);
      case 'follow':
        // Someone who just added the account: a greeting and the choice of language.
        session.state = 'idle';
        return { ...languageMenu(session.lang), messages: [say('common:welcome'), say('common:language.prompt')] };
      case 'unsupported':
        return mainMenu(session.lang, ['common:unsupported']);
      case 'choice':
        return this.choice(event.choice, event, session);
      case 'digits':
        return this.keypad(event.digits, event, session);
      case 'no_input':
        return this.silence(session);
      case 'transfer_result':
        return this.transferResult(event.status, session);
      case 'speech':
        // Speech too unclear to act on: ask again, then offer the menu.
        if (event.confidence < SPEECH_CONFIDENCE) {
          session.unclear = (session.unclear ?? 0) + 1;
          if (session.unclear > 1) return mainMenu(session.lang, ['ivr:unclear']);
          return this.again(session, 'ivr:unclear');
        }
        return this.text(event.text, event, session);
      case 'text':
        return this.text(event.text, event, session);
    }
  }

  /** The last reply again, after a short apology (no input, an unknown key, unclear speech). */
  private again(session: Session, apology: string): Reply {
    const last = session.lastReply ?? mainMenu(session.lang);
    return { ...last, lang: session.lang, messages: [say(apology), ...last.messages], repeat: true };
  }

  /** A key pressed on the phone: the fixed keys, then the keys of the menu just spoken. */
  private keypad(digits: string, event: InboundEvent, session: Session): Promise<Reply> | Reply {
    const key = digits.trim().slice(0, 1);
    if (key === REPEAT_KEY) return session.lastReply ? { ...session.lastReply, lang: session.lang, repeat: true } : mainMenu(session.lang);
    const chosen = session.keys?.[key] ?? KEYS_EVERYWHERE[key];
    if (!chosen) return this.again(session, 'ivr:invalidKey');
    return this.choice(chosen, event, session);
  }

  private silence(session: Session): Reply {
    session.silences = (session.silences ?? 0) + 1;
    // Two reprompts, then the number that matters most and a polite goodbye.
    if (session.silences > MAX_SILENCES) return { lang: session.lang, messages: [say('ivr:goodbye')], choices: [], calls: ['freeDial'], end: true };
    return this.again(session, 'ivr:noInput');
  }

  private transferResult(status: string, session: Session): Reply {
    const target = session.lastReply?.transfer ?? 'suspension';
    if (status === 'completed') return { lang: session.lang, messages: [say('ivr:transferDone')], choices: [], calls: [], end: true };
    const failed = target === 'office' ? 'ivr:transferFailedOffice' : 'ivr:transferFailedSuspension';
    // A failed transfer to either suspension line gives both numbers and their alternatives.
    return { ...mainMenu(session.lang, [failed]), calls: target === 'office' ? ['office'] : suspensionCalls(session.lang) };
  }

  /** The town office: a person during opening hours, otherwise its hours and the 24/365 line. */
  private office(session: Session, now: Date): Reply {
    // Put through only when the office is surely open.
    if (openStatus('office', now).open === true) {
      return { lang: session.lang, messages: [say('ivr:officeConnecting')], choices: [], calls: ['office'], transfer: 'office' };
    }
    return answer(session.lang, 'human_agent', now);
  }

  private suspensionContext(event: InboundEvent, session: Session) {
    return { session, channel: event.channel, now: event.receivedAt, reports: this.deps.reports };
  }

  private async choice(choice: string, event: InboundEvent, session: Session): Promise<Reply> {
    const [kind, value = ''] = choice.split(':', 2) as [string, string | undefined];
    const now = event.receivedAt;
    switch (kind) {
      case 'language':
        return languageMenu(session.lang);
      case 'lang':
        if (isLang(value)) return this.switchLanguage(session, value);
        break;
      case 'area':
        if ((AREAS as readonly string[]).includes(value)) return areaMenu(session.lang, value as Area);
        break;
      case 'intent':
        if (value === LOST_INTENT) return startSuspension(this.suspensionContext(event, session));
        if (getIntent(value)) {
          session.state = 'idle';
          session.lastIntent = value;
          return value === 'greeting' ? mainMenu(session.lang, ['faq:greeting']) : answer(session.lang, value, now);
        }
        break;
      case 'susp':
        if ((SUSPENSION_CHOICES as readonly string[]).includes(value)) {
          return suspensionFollowUp(value as SuspensionChoice, this.suspensionContext(event, session));
        }
        break;
      case 'none':
        session.state = 'idle';
        return fallback(session.lang, now);
      case 'office':
        return this.office(session, now);
      case 'menu':
        session.state = 'idle';
        return mainMenu(session.lang);
    }
    session.state = 'idle';
    return mainMenu(session.lang);
  }

  private switchLanguage(session: Session, lang: Lang): Reply {
    session.lang = lang;
    session.state = session.state === 'callback_number' ? 'suspension' : session.state;
    return mainMenu(lang, ['common:language.switched']);
  }

  private async text(raw: string, event: InboundEvent, session: Session): Promise<Reply> {
    const text = questionText(raw);
    const now = event.receivedAt;
    const warning = containsSensitiveNumber(text);
    if (warning && !/[\p{L}]{2,}/u.test(maskText(text).replace(/\[[a-z-]+\]/g, ''))) {
      // Only a number was sent: warn, and leave the conversation's state as it was.
      return mainMenu(session.lang, ['common:privacy.warning']);
    }
    const understood = await this.understand(text, event, session, now);
    const reply = this.offerEasyJapanese(text, session, understood);
    return warning ? { ...reply, messages: [say('common:privacy.warning'), ...reply.messages] } : reply;
  }

  private async understand(text: string, event: InboundEvent, session: Session, now: Date): Promise<Reply> {
    if (session.state === 'callback_number' && !containsSensitiveNumber(text)) {
      const ctx = this.suspensionContext(event, session);
      if (/\d/.test(text.normalize('NFKC'))) return receiveCallbackNumber(text, ctx, this.deps.callbackTtlDays);
      session.state = 'suspension';
    }
    const requested = requestedLanguage(text);
    if (requested) return this.switchLanguage(session, requested);
    if (isRestart(text)) {
      session.state = 'idle';
      return mainMenu(session.lang);
    }

    // The text is understood in the language it is written in; the reply is in the session's
    // language, which a channel may force (the web `lang` field).
    let match: MatchResult;
    try {
      match = (await this.early.take(event, session.lang)) ?? (await this.deps.matcher.match(text, { sessionLang: session.lang }));
    } catch (error) {
      // Without the matcher a lost card is still recognised (the guard is a pattern list), and
      // any other question gets the fallback, which gives the 24/365 line and the office.
      this.deps.logger.error({ err: error }, 'matcher unavailable: answered without it');
      this.deps.observer?.matcherError();
      session.state = 'idle';
      if (looksLikeLostCard(text, writtenIn(session.lang))) return startSuspension(this.suspensionContext(event, session));
      return fallback(session.lang, now);
    }
    if (match.langConfident && !event.langHint) session.lang = match.lang;
    const lang = session.lang;

    if (match.kind === 'answer' && match.intent === LOST_INTENT) {
      return startSuspension(this.suspensionContext(event, session));
    }
    if (match.kind === 'answer' && match.intent && match.lostGuard) {
      // A new card asked for after a loss: the reissue, behind the suspension line.
      session.state = 'idle';
      session.lastIntent = match.intent;
      return reissueAfterLoss(lang, now);
    }
    if (match.kind === 'answer' && match.intent) {
      session.state = 'idle';
      session.lastIntent = match.intent;
      if (match.intent === 'greeting') return mainMenu(lang, ['faq:greeting']);
      return answer(lang, match.intent, now, match.confidence, match.alternatives);
    }
    if (match.kind === 'clarify') {
      session.state = 'clarify';
      session.candidates = match.candidates.map((c) => c.intent);
      return { ...clarify(lang, session.candidates), confidence: match.confidence };
    }
    session.state = 'idle';
    await this.recordUnanswered(lang, text);
    return fallback(lang, now);
  }

  /**
   * A Japanese conversation whose message reads like a learner's (romaji, spaced kana) is offered
   * Easy Japanese once, as the first choice; the register changes only if the resident takes it.
   */
  private offerEasyJapanese(text: string, session: Session, reply: Reply): Reply {
    // Never inside the lost-card flow, whose keys and first words stay as they are.
    if (session.lang !== 'ja' || session.easyOffered || reply.end || reply.reportId || reply.intent === LOST_INTENT) return reply;
    if (!looksLikeLearnersJapanese(text)) return reply;
    session.easyOffered = true;
    const offer: Choice = { id: 'lang:ja-easy', label: say('common:easyOffer.label') };
    return { ...reply, messages: [...reply.messages, say('common:easyOffer')], choices: withKeys([offer, ...reply.choices.map(({ dtmf: _dtmf, ...choice }) => choice)]) };
  }

  private async recordUnanswered(lang: Lang, text: string): Promise<void> {
    const question = maskText(text).replace(/\s+/g, ' ').slice(0, 200);
    try {
      await this.deps.store.tally(UNANSWERED_TABLE, `${lang}\t${question}`, this.deps.maxUnanswered ?? DEFAULT_MAX_UNANSWERED);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'store unavailable: unanswered question not counted');
    }
  }
}
