/**
 * Twilio codes per language. <Say> and <Gather> name Mandarin differently (cmn-CN to speak,
 * cmn-Hans-CN to listen), so both are kept here, with an Amazon Polly neural voice for each
 * language Polly speaks and a Google voice for Vietnamese. The types are the twilio package's
 * own lists of the voices and languages Twilio documents, so a code Twilio does not know fails
 * the type check.
 */
import type twilio from 'twilio';
import type { Lang } from '../knowledge/languages.js';

type Response = InstanceType<typeof twilio.twiml.VoiceResponse>;
type SayAttributes = Exclude<Parameters<Response['say']>[0], string | undefined>;
type GatherAttributes = NonNullable<Parameters<Response['gather']>[0]>;

export interface VoiceSettings {
  /** <Say language>. */
  say: NonNullable<SayAttributes['language']>;
  /** <Say voice>. */
  voice: NonNullable<SayAttributes['voice']>;
  /** <Gather language> for speech recognition. */
  listen: NonNullable<GatherAttributes['language']>;
  /** Speaking rate (SSML <prosody rate>): Easy Japanese is read more slowly. */
  rate?: string;
}

export const VOICES: Record<Lang, VoiceSettings> = {
  ja: { say: 'ja-JP', voice: 'Polly.Takumi-Neural', listen: 'ja-JP' },
  en: { say: 'en-US', voice: 'Polly.Joanna-Neural', listen: 'en-US' },
  zh: { say: 'cmn-CN', voice: 'Polly.Zhiyu-Neural', listen: 'cmn-Hans-CN' },
  ko: { say: 'ko-KR', voice: 'Polly.Seoyeon-Neural', listen: 'ko-KR' },
  es: { say: 'es-MX', voice: 'Polly.Mia-Neural', listen: 'es-MX' },
  pt: { say: 'pt-BR', voice: 'Polly.Camila-Neural', listen: 'pt-BR' },
  vi: { say: 'vi-VN', voice: 'Google.vi-VN-Wavenet-A', listen: 'vi-VN' },
  'ja-easy': { say: 'ja-JP', voice: 'Polly.Takumi-Neural', listen: 'ja-JP', rate: '80%' },
};
