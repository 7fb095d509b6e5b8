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

/** Keys that work in every menu, even one that does not list them: key → choice. */
export const KEYS_EVERYWHERE: Readonly<Record<string, string>> = { [LOST_KEY]: 'intent:lost_stolen', [OFFICE_KEY]: 'office', [MENU_KEY]: 'menu' };

/** Keys fixed to a choice wherever it appears: choice → key. */
const FIXED: Record<string, string> = {
  ...Object.fromEntries(Object.entries(KEYS_EVERYWHERE).map(([key, choice]) => [choice, key])),
  // "Hear the number again" is the lost-card choice once more.
  'susp:repeat': LOST_KEY,
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
