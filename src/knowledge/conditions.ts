/**
 * The conditions the guidebook puts on a fact, which an answer must not drop: said without them,
 * "every day", "24 hours" or "until the 5th birthday" become false. Each intent lists the
 * conditions its chat and its voice answer carry (docs/knowledge-spec.md, "Conditions"); each
 * language says, in locales/<lang>/conditions.json, which words show that a condition is there.
 */
import { readFileSync } from 'node:fs';
import { LOCALES_DIR } from '../i18n.js';
import { LANGS, type Lang } from './languages.js';

/** Conditions shown by words of the language (a pattern per language). */
export const WORD_CONDITIONS = [
  'yearEnd', 'maintenance', 'suspension', 'police', 'afterIssue', 'adultWard', 'specialPermanent',
  'highlySkilled', 'japaneseCap', 'stillNeeded', 'signUp', 'locked', 'noRefund', 'mailForwarding',
  'office', 'cannot', 'everyDay', 'foreignResidents', 'ownOnly', 'currentYear',
] as const;
export type WordCondition = (typeof WORD_CONDITIONS)[number];

/** A condition: words of the language, or fact parameters the text must use, or both. */
export interface Condition {
  words?: WordCondition;
  params?: string[];
}

const w = (words: WordCondition): Condition => ({ words });
const p = (...params: string[]): Condition => ({ params });

/** What each answer must carry, in chat and voice, in every language. */
export const ANSWER_CONDITIONS: Record<string, Condition[]> = {
  lost_stolen: [p('freeDial', 'freeDialOption'), w('suspension'), w('police')],
  reissue: [p('reissueFee', 'reissueFeeNoCert')],
  damaged_card: [p('reissueFee', 'reissueFeeNoCert')],
  moving_out: [p('moveOutDays', 'moveInDays', 'continuationDays')],
  renewal: [p('renewalMonths'), w('mailForwarding')],
  // The age table is the rule for Japanese nationals; most foreign residents' cards follow their stay.
  validity_by_age: [p('adultAge', 'validityAdultBirthdays', 'validityMinorBirthdays'), w('afterIssue'), w('foreignResidents')],
  ecert_validity: [p('ecertBirthdays'), w('afterIssue')],
  // An adult ward's card lasts as an adult's: only the e-certificates differ.
  minors: [p('childAge', 'validityAdultBirthdays', 'validityMinorBirthdays'), w('adultWard'), w('afterIssue')],
  foreign_validity: [w('specialPermanent'), w('highlySkilled')],
  foreign_extension: [w('japaneseCap')],
  pin_locked: [p('signatureLockTries', 'userLockTries')],
  // The store route needs the 4-digit PIN; when that one is locked too, only the window helps.
  pin_reset_konbini: [p('pinDigits'), w('locked')],
  // Whose certificates and which year: the seal and income certificates are the holder's own only.
  konbini_overview: [p('konbiniOpen', 'konbiniClose', 'konbiniMinAge'), w('yearEnd'), w('maintenance'), w('ownOnly'), w('currentYear')],
  konbini_certificates: [p('konbiniMinAge', 'konbiniFee'), w('ownOnly'), w('currentYear')],
  konbini_hours: [p('konbiniOpen', 'konbiniClose'), w('yearEnd'), w('maintenance')],
  konbini_fee: [p('konbiniFee'), w('noRefund')],
  health_insurance: [w('signUp'), w('stillNeeded')],
  free_dial: [p('freeDialWeekdayOpen', 'freeDialWeekdayClose', 'freeDialWeekendOpen', 'freeDialWeekendClose'), w('yearEnd'), w('suspension')],
  // The foreign-language line has no hours or suspension service in the guidebook: the 24/365
  // suspension is named on the free dial.
  foreign_line: [p('foreignCardLine', 'freeDial', 'freeDialOption')],
};

export type ConditionWords = Record<WordCondition, RegExp>;

export function loadConditionWords(dir = LOCALES_DIR): Record<Lang, ConditionWords> {
  const all = {} as Record<Lang, ConditionWords>;
  for (const lang of LANGS) {
    const raw = JSON.parse(readFileSync(`${dir}${lang}/conditions.json`, 'utf8')) as Record<string, string>;
    const words = {} as ConditionWords;
    for (const name of WORD_CONDITIONS) {
      if (typeof raw[name] !== 'string') throw new Error(`locales/${lang}/conditions.json: ${name} is missing`);
      words[name] = new RegExp(raw[name], 'iu');
    }
    all[lang] = words;
  }
  return all;
}

/** Sentences of a template: split where a sentence or a line ends. */
export function sentencesOf(text: string): string[] {
  return text.split(/[。！？!?\n]|\.(?:\s|$)/u).map((s) => s.trim()).filter(Boolean);
}

/**
 * Absolutes the guidebook only states with a condition, looked for in every text:
 * - "24 hours" is true of the suspension only, not of the free dial or its foreign line;
 * - "every day" is true of the suspension, or of the stores and lines with their year-end exclusion;
 * - nothing says the town office cannot do something about the suspension (the guidebook only
 *   says to call the free dial, at any hour);
 * - the foreign-language line is never given round-the-clock hours (the guidebook gives it none).
 */
/** The words of a template, its {{parameters}} left out (their names are not words it says). */
const wordsOf = (template: string) => template.replace(/\{\{[^}]*\}\}/g, ' ');

export function absolutesIn(template: string, words: ConditionWords): string[] {
  const problems: string[] = [];
  const yearEndSaid = words.yearEnd.test(wordsOf(template));
  for (const sentence of sentencesOf(template)) {
    const said = wordsOf(sentence);
    if (sentence.includes('{{suspensionHoursPerDay}}') && !words.suspension.test(said)) {
      problems.push(`says {{suspensionHoursPerDay}} hours without saying it is for the suspension: "${sentence}"`);
    }
    if (words.everyDay.test(said) && !words.suspension.test(said) && !yearEndSaid) {
      problems.push(`says "every day" without the year-end exclusion: "${sentence}"`);
    }
    if (sentence.includes('{{foreignCardLine}}') && sentence.includes('{{suspensionHoursPerDay}}')) {
      problems.push(`gives the foreign-language line round-the-clock hours, which the guidebook does not: "${sentence}"`);
    }
    if (words.office.test(said) && words.cannot.test(said) && words.suspension.test(said)) {
      problems.push(`says the town office cannot do something about the suspension, which the guidebook does not: "${sentence}"`);
    }
  }
  return problems;
}

/** The conditions a text misses. */
export function missingConditions(template: string, conditions: Condition[], words: ConditionWords): string[] {
  const missing: string[] = [];
  for (const condition of conditions) {
    for (const name of condition.params ?? []) if (!template.includes(`{{${name}}}`)) missing.push(`{{${name}}}`);
    if (condition.words && !words[condition.words].test(wordsOf(template))) missing.push(condition.words);
  }
  return missing;
}
