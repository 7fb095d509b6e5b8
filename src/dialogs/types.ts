import type { Utterance } from '../i18n.js';
import type { PhoneKey } from '../knowledge/facts.js';
import type { Lang } from '../knowledge/languages.js';

export type Channel = 'web' | 'line' | 'phone' | 'terminal';

/** What a channel makes of a webhook or request: the only input of the dialog engine. */
export type InboundEvent = {
  channel: Channel;
  /** The session key: web session id, LINE user id, Twilio CallSid. */
  conversationId: string;
  /** Platform event id, claimed once so a redelivery is not acted on twice. */
  eventId?: string;
  /** A language the channel knows for sure: the web `lang` field, `?lang=` on the phone, a LINE profile. */
  langHint?: Lang;
  receivedAt: Date;
} & (
  | { kind: 'start' }
  /** A new contact added the account (LINE follow): greet and offer the languages. */
  | { kind: 'follow' }
  | { kind: 'text'; text: string }
  | { kind: 'speech'; text: string; confidence: number }
  | { kind: 'choice'; choice: string }
  | { kind: 'digits'; digits: string }
  | { kind: 'no_input' }
  | { kind: 'unsupported'; what: string }
  /** How a transfer the reply asked for ended (phone): completed, busy, no-answer, failed, canceled. */
  | { kind: 'transfer_result'; status: string }
);

export interface Choice {
  /** Postback sent back when chosen, e.g. `intent:konbini_fee`. */
  id: string;
  label: Utterance;
  /** The key that chooses it on the phone; set by `withKeys`. */
  dtmf?: string;
  /** A choice only one kind of channel can act on ("connect me now" needs a phone line). */
  only?: 'voice' | 'chat';
}

/** Numbers the phone channel can connect a caller to; the numbers themselves are configuration. */
export type TransferTarget = 'suspension' | 'foreignLine' | 'office';

/** A channel-neutral reply; channels render it (text, TwiML, LINE messages). */
export interface Reply {
  lang: Lang;
  /** Each entry is one message bubble (chat) or one spoken passage (voice). */
  messages: Utterance[];
  /**
   * Said after the choices: in chat, further messages of the same reply; on the phone, what is
   * spoken when the caller presses nothing (the suspension checklist after the transfer offer).
   */
  after?: Utterance[];
  choices: Choice[];
  /** Said last in a spoken menu, after its choices: what else the caller can do. */
  voicePrompt?: Utterance;
  /** Connect the caller now (phone); chat channels show the `calls` links instead. */
  transfer?: TransferTarget;
  /** Numbers to offer as tap-to-call links, or as a transfer on the phone. First is the main one. */
  calls: PhoneKey[];
  intent?: string;
  confidence?: number;
  /** Reference of the lost/stolen report this conversation created. */
  reportId?: string;
  /** The conversation is over (phone: hang up after speaking). */
  end?: boolean;
  /** The question is not one the guidebook answers. */
  fallback?: boolean;
  /** This reply repeats the previous menu (no input, unknown key, "*"): that menu stays the one to repeat. */
  repeat?: boolean;
}
