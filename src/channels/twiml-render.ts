/** Renders a neutral reply as TwiML with the twilio package: spoken forms, "press N" menus, transfers. */
import twilio from 'twilio';
import type { Choice, Reply } from '../dialogs/types.js';
import { render, type Utterance } from '../i18n.js';
import { LANGS, type Lang } from '../knowledge/languages.js';
import { VOICES } from './voices.js';

const { VoiceResponse } = twilio.twiml;
type Response = InstanceType<typeof VoiceResponse>;
type Sayer = Pick<Response, 'say'>;

export interface TwimlUrls {
  /** Where a <Gather> posts the caller's key or speech. */
  step: string;
  /** Where the call goes when the caller says nothing. */
  noInput: string;
  /** Where <Dial> posts how the transfer ended. */
  dialResult: string;
}

export interface TransferNumbers {
  suspension: string;
  office: string;
  foreignLine: string;
}

/** Seconds of silence before a menu counts as unanswered. */
const GATHER_TIMEOUT = 6;
/** Seconds a transfer rings before it counts as not answered. */
const DIAL_TIMEOUT = 30;

const say = (target: Sayer, lang: Lang, text: string) => {
  const { voice, say: language, rate } = VOICES[lang];
  if (!rate) return void target.say({ voice, language }, text);
  // A slower voice: the text inside an SSML <prosody>.
  target.say({ voice, language }, '').prosody({ rate }, text);
};

const speak = (lang: Lang, utterance: Utterance) => render(lang, 'voice', utterance);

const sayAll = (target: Sayer, lang: Lang, utterances: Utterance[]) => {
  for (const u of utterances) say(target, lang, speak(lang, u));
};

function keyWord(lang: Lang, key: string): string {
  if (key === '*') return speak(lang, { key: 'ivr:keyStar' });
  if (key === '#') return speak(lang, { key: 'ivr:keyHash' });
  return speak(lang, { key: 'ivr:keyDigit', params: { key } });
}

/** "For <label>, press <key>." for each choice a phone can act on; languages in their own voice. */
function sayChoices(target: Sayer, lang: Lang, choices: Choice[]): void {
  for (const choice of choices) {
    if (!choice.dtmf || choice.only === 'chat') continue;
    const langChoice = /^lang:(\w+)$/.exec(choice.id)?.[1] as Lang | undefined;
    if (langChoice && (LANGS as readonly string[]).includes(langChoice)) {
      say(target, langChoice, speak(langChoice, { key: 'ivr:languageOffer', params: { key: choice.dtmf } }));
    } else if (choice.id === 'language') {
      // From any menu, every other language is offered in its own language and voice.
      for (const other of LANGS.filter((l) => l !== lang)) {
        say(target, other, speak(other, { key: 'ivr:languageOffer', params: { key: choice.dtmf } }));
      }
    } else {
      say(target, lang, speak(lang, { key: 'ivr:press', params: { label: speak(lang, choice.label), key: keyWord(lang, choice.dtmf) } }));
    }
  }
}

function hints(lang: Lang, choices: Choice[]): string {
  const labels = choices.filter((c) => c.only !== 'chat' && !c.id.startsWith('lang')).map((c) => speak(lang, c.label));
  return [...labels, speak(lang, { key: 'ivr:hints' })].join(',').replace(/,\s+/g, ',');
}

export function renderTwiml(reply: Reply, urls: TwimlUrls, numbers: TransferNumbers): string {
  const response = new VoiceResponse();
  const { lang } = reply;
  if (reply.transfer) {
    sayAll(response, lang, reply.messages);
    const dial = response.dial({ action: urls.dialResult, method: 'POST', timeout: DIAL_TIMEOUT });
    dial.number(numbers[reply.transfer]);
    return response.toString();
  }
  if (reply.end) {
    sayAll(response, lang, reply.messages);
    response.hangup();
    return response.toString();
  }
  const gatherOptions = {
    input: ['dtmf', 'speech'] as never,
    numDigits: 1,
    timeout: GATHER_TIMEOUT,
    speechTimeout: 'auto',
    action: urls.step,
    method: 'POST' as const,
    language: VOICES[lang].listen,
    hints: hints(lang, reply.choices),
    actionOnEmptyResult: false,
  };
  const first = response.gather(gatherOptions);
  sayAll(first, lang, reply.messages);
  sayChoices(first, lang, reply.choices);
  if (reply.voicePrompt) say(first, lang, speak(lang, reply.voicePrompt));
  if (reply.after?.length) {
    // Nothing pressed after the offer: the rest (the suspension checklist), then the menu again.
    const second = response.gather(gatherOptions);
    sayAll(second, lang, reply.after);
    sayChoices(second, lang, reply.choices);
  }
  response.redirect({ method: 'POST' }, urls.noInput);
  return response.toString();
}

/** What a caller hears when something failed on our side: an apology and the suspension line. */
export function renderErrorTwiml(lang: Lang): string {
  const response = new VoiceResponse();
  say(response, lang, speak(lang, { key: 'ivr:error' }));
  response.hangup();
  return response.toString();
}
