/**
 * Twilio codes per language. <Say> and <Gather> name Mandarin differently (cmn-CN to speak,
 * cmn-Hans-CN to listen), so both are kept here, with an Amazon Polly neural voice for each.
 */
import type { Lang } from '../knowledge/languages.js';

export interface VoiceSettings {
  /** <Say language>. */
  say: string;
  /** <Say voice>. */
  voice: string;
  /** <Gather language> for speech recognition. */
  listen: string;
}

export const VOICES: Record<Lang, VoiceSettings> = {
  ja: { say: 'ja-JP', voice: 'Polly.Takumi-Neural', listen: 'ja-JP' },
  en: { say: 'en-US', voice: 'Polly.Joanna-Neural', listen: 'en-US' },
  zh: { say: 'cmn-CN', voice: 'Polly.Zhiyu-Neural', listen: 'cmn-Hans-CN' },
  ko: { say: 'ko-KR', voice: 'Polly.Seoyeon-Neural', listen: 'ko-KR' },
  es: { say: 'es-MX', voice: 'Polly.Mia-Neural', listen: 'es-MX' },
  pt: { say: 'pt-BR', voice: 'Polly.Camila-Neural', listen: 'pt-BR' },
};
