/**
 * The lost/stolen card flow. Its first words, at any hour and before any question, are the
 * national 24/365 suspension line; then what else to do; then follow-ups. Every conversation
 * that enters it gets a report in the log.
 */
import { say } from '../i18n.js';
import type { PhoneKey } from '../knowledge/facts.js';
import type { Lang } from '../knowledge/languages.js';
import { answer } from '../dialogs/faq.js';
import { withKeys } from '../dialogs/keys.js';
import { intentChoice, MENU_CHOICE } from '../dialogs/menu.js';
import { LOST_INTENT } from '../knowledge/intents/catalog.js';
import type { Session } from '../dialogs/session.js';
import type { Channel, Choice, Reply } from '../dialogs/types.js';
import { parsePhoneNumber } from './mask.js';
import type { ReportLog } from './reports.js';

/** Japanese speakers get the national line; everyone else also the foreign-language line. */
export const suspensionCalls = (lang: Lang): PhoneKey[] =>
  lang === 'ja' ? ['freeDial', 'naviDial'] : ['freeDial', 'foreignCardLine'];

/** KM-261127-AVG8 is read out character by character on the phone. */
const spokenReference = (ref: string) => ({ chat: ref, voice: ref.replace(/-/g, '').split('').join(' ') });

export const SUSPENSION_CHOICES = ['connect', 'connectForeign', 'repeat', 'called', 'found', 'reissue', 'callback'] as const;
export type SuspensionChoice = (typeof SUSPENSION_CHOICES)[number];

/** Connecting and repeating the number need a phone line; typing a callback number needs a keyboard. */
const ONLY: Partial<Record<SuspensionChoice, 'voice' | 'chat'>> = { connect: 'voice', connectForeign: 'voice', repeat: 'voice', callback: 'chat' };

/** The foreign-language line is offered to everyone but Japanese speakers. */
const followUps = (lang: Lang, except?: SuspensionChoice): Choice[] =>
  withKeys([
    ...SUSPENSION_CHOICES.filter((c) => c !== except && !(c === 'connectForeign' && lang === 'ja')).map((c) => ({
      id: `susp:${c}`,
      label: say(`suspension:choices.${c}`),
      ...(ONLY[c] ? { only: ONLY[c] } : {}),
    })),
    MENU_CHOICE,
  ]);

export interface SuspensionContext {
  session: Session;
  channel: Channel;
  now: Date;
  reports: ReportLog;
}

/** Opens (or reopens) the flow; the same conversation keeps one report. */
export async function startSuspension({ session, channel, now, reports }: SuspensionContext): Promise<Reply> {
  if (!session.reportId) {
    session.reportId = reports.newReference(now);
    await reports.create(session.reportId, { channel, lang: session.lang }, now);
  }
  await reports.step(session.reportId, 'number_given', now);
  session.state = 'suspension';
  return {
    lang: session.lang,
    messages: [say('suspension:first')],
    // On the phone the checklist follows the offer to connect; in chat it is the next message.
    after: [say('suspension:checklist'), say('suspension:reference', { ref: spokenReference(session.reportId) })],
    choices: followUps(session.lang),
    calls: suspensionCalls(session.lang),
    intent: 'lost_stolen',
    reportId: session.reportId,
  };
}

export async function suspensionFollowUp(choice: SuspensionChoice, ctx: SuspensionContext): Promise<Reply> {
  const { session, now, reports } = ctx;
  if (!session.reportId) return startSuspension(ctx);
  const reportId = session.reportId;
  switch (choice) {
    case 'connect':
      await reports.step(reportId, 'transfer_started', now);
      return { lang: session.lang, messages: [say('suspension:connecting')], choices: [], calls: suspensionCalls(session.lang), transfer: 'suspension', reportId };
    case 'connectForeign':
      await reports.step(reportId, 'transfer_started', now, { line: 'foreign' });
      return { lang: session.lang, messages: [say('suspension:connectingForeign')], choices: [], calls: ['foreignCardLine'], transfer: 'foreignLine', reportId };
    case 'repeat':
      return startSuspension(ctx);
    case 'called':
      await reports.step(reportId, 'confirmed_called', now);
      return {
        lang: session.lang, messages: [say('suspension:called')], choices: followUps(session.lang, 'called'), calls: [], reportId,
      };
    case 'found':
      await reports.step(reportId, 'card_found', now);
      session.state = 'idle';
      return { ...answer(session.lang, 'card_found', now), reportId };
    case 'reissue':
      await reports.step(reportId, 'reissue_info', now);
      return { ...answer(session.lang, 'reissue', now), reportId };
    case 'callback':
      session.state = 'callback_number';
      return {
        lang: session.lang, messages: [say('suspension:callbackAsk')], choices: [MENU_CHOICE], calls: [], reportId,
      };
  }
}

/**
 * A new card asked for after a loss: the reissue answer, behind the suspension line for whoever
 * has not stopped the card yet, with the lost-card flow as the first choice (key 2 on the phone).
 */
export function reissueAfterLoss(lang: Lang, now: Date): Reply {
  const reissue = answer(lang, 'reissue', now);
  const others = reissue.choices.filter((c) => c.id !== `intent:${LOST_INTENT}`).map(({ dtmf: _dtmf, ...choice }) => choice);
  return {
    ...reissue,
    messages: [say('suspension:notStoppedYet'), ...reissue.messages],
    choices: withKeys([intentChoice(LOST_INTENT), ...others]),
    calls: [...new Set([...suspensionCalls(lang), ...reissue.calls])],
  };
}

/** The resident typed the number to call back on. */
export async function receiveCallbackNumber(text: string, ctx: SuspensionContext, callbackTtlDays: number): Promise<Reply> {
  const { session, now, reports } = ctx;
  const reportId = session.reportId!;
  const phone = parsePhoneNumber(text);
  if (!phone) {
    return { lang: session.lang, messages: [say('suspension:callbackInvalid')], choices: [MENU_CHOICE], calls: [], reportId };
  }
  await reports.requestCallback(reportId, phone, now);
  session.state = 'suspension';
  return {
    lang: session.lang,
    messages: [say('suspension:callbackSaved', { ref: spokenReference(reportId), days: callbackTtlDays })],
    choices: followUps(session.lang, 'callback'),
    calls: suspensionCalls(session.lang).slice(0, 1),
    reportId,
  };
}
