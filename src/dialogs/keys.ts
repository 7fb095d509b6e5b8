/**
 * Phone keys. Some mean the same in every menu, as on the national free dial: 2 is always the
 * lost/stolen card, 0 the town office, * repeats, # goes back to the main menu. The others are
 * given to a menu's choices in order.
 */
import type { Choice } from './types.js';

export const LOST_KEY = '2';
export const OFFICE_KEY = '0';
export const REPEAT_KEY = '*';
export const MENU_KEY = '#';
const FREE_KEYS = ['1', '3', '4', '5', '6', '7', '8', '9'];

/** Keys fixed to a choice wherever it appears. */
const FIXED: Record<string, string> = {
  'intent:lost_stolen': LOST_KEY,
  'susp:repeat': LOST_KEY,
  office: OFFICE_KEY,
  menu: MENU_KEY,
};

/** Gives every phone-usable choice a key: its fixed key, its own, or the next free one. */
export function withKeys(choices: Choice[]): Choice[] {
  const taken = new Set(choices.map((c) => c.dtmf ?? FIXED[c.id]).filter(Boolean));
  const free = FREE_KEYS.filter((k) => !taken.has(k));
  return choices.map((choice) => {
    if (choice.only === 'chat') return choice;
    const dtmf = choice.dtmf ?? FIXED[choice.id] ?? free.shift();
    return dtmf ? { ...choice, dtmf } : { ...choice, only: 'chat' as const };
  });
}
