/** Facts about the written answers, read from the Japanese reference translation. */
import { getI18n } from '../i18n.js';
import { PHONES, type PhoneKey } from './facts.js';

const phoneCache = new Map<string, PhoneKey[]>();

/** The phone numbers an answer mentions, in order: offered as tap-to-call links. */
export function phonesInAnswer(intent: string): PhoneKey[] {
  let phones = phoneCache.get(intent);
  if (!phones) {
    const chat = String(getI18n().getResource('ja', 'faq', `${intent}.chat`) ?? '');
    phones = [...chat.matchAll(/\{\{(\w+)\}\}/g)]
      .map((m) => m[1]!)
      .filter((name): name is PhoneKey => name in PHONES)
      .filter((name, i, all) => all.indexOf(name) === i);
    phoneCache.set(intent, phones);
  }
  return phones;
}
