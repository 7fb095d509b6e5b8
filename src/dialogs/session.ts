import type { Lang } from '../knowledge/languages.js';
import type { Reply } from './types.js';

export type DialogState = 'idle' | 'clarify' | 'suspension' | 'callback_number';

export interface Session {
  id: string;
  lang: Lang;
  state: DialogState;
  /** Candidates offered in a clarifying question. */
  candidates?: string[];
  lastIntent?: string;
  /** Easy Japanese was offered to this (Japanese) conversation once: never again, never imposed. */
  easyOffered?: boolean;
  reportId?: string;
  /** Phone: what each key chooses in the menu just spoken, and that menu, for "*" (repeat). */
  keys?: Record<string, string>;
  lastReply?: Reply;
  /** Phone: prompts in a row with no answer, or with speech too unclear to use. */
  silences?: number;
  unclear?: number;
  turns: number;
  createdAt: string;
  updatedAt: string;
}

/** Sessions expire an hour after the last turn. */
export const SESSION_TTL_SECONDS = 60 * 60;

export function newSession(id: string, lang: Lang, now: Date): Session {
  const at = now.toISOString();
  return { id, lang, state: 'idle', turns: 0, createdAt: at, updatedAt: at };
}
