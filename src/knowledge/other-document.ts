/**
 * Another document than the card: a residence card, a passport, a driving licence, a visa. The
 * guidebook answers nothing about them, so a question that names one of them and not this card
 * ("Where do I renew my zairyu card?") is outside the guidebook, however close its words come to
 * the card's renewal or reissue. Patterns read text folded as the lost-card guard folds it.
 */
import type { WrittenLang } from './languages.js';

export const OTHER_ID = /(運転免許|免許証|マイナ免許|パスポート|旅券|在留カード|在留卡|驾照|驾驶证|护照|운전면허|면허증|여권|재류\s?카드|licen[cs]e|passport|residence card|zairyu|licencia|pasaporte|carteira de motorista|\bcnh\b|passaporte|tarjeta de residencia|cartao de residente|the (luu|cu) tru|ho chieu|bang lai|giay phep lai xe)/iu;
export const MY_NUMBER_NAMED = /(マイナ|个人编号|個人番号|마이넘버|마이나|my ?number|myna|\bmai ?na)/iu;

/** The other documents' names, with the words for "card" they contain ("zairyu card"). */
const OTHER_DOCUMENT = /(運転免許証?|免許証|パスポート|旅券|在留カード|在留卡|驾照|驾驶证|护照|운전면허증?|면허증|여권|재류\s?카드|(driver'?s |driving )?licen[cs]e|passport|residence card|zairyu( (card|kado|kaado))?|licencia( de (manejo|conducir))?|pasaporte|carteira de motorista|\bcnh\b|passaporte|tarjeta de residencia|cartao de residente|the (luu|cu) tru|ho chieu|bang lai( xe)?|giay phep lai xe)/giu;
/** A visa is named beside the card's own extension questions, so it counts only outside them. */
const VISA = /(ビザ|在留資格|签证|비자|\bvisas?\b|\bvisto\b|\bthi thuc\b)/iu;
const VISA_TOPICS: ReadonlySet<string> = new Set(['foreign_validity', 'foreign_extension']);
/** Any word for a card left once the other documents' names are taken out means this card. */
const CARD_WORD = /(カード|かーど|卡|카드|\bcards?\b|\btarjetas?\b|\bcart(ao|oes)\b|\bkaa?do\b)/iu;
/** Vietnamese "thẻ" (card) reads "the" without its marks: only Vietnamese counts it. */
const CARD_WORD_VI = /\bthe\b/u;

/** True when the message is about another document only (`folded`: as the lost-card guard reads it). */
export function aboutAnotherDocumentOnly(folded: string, topIntent: string, lang: WrittenLang): boolean {
  const otherNamed = OTHER_ID.test(folded);
  const visaNamed = !otherNamed && VISA.test(folded) && !VISA_TOPICS.has(topIntent);
  if (!otherNamed && !visaNamed) return false;
  const rest = folded.replace(OTHER_DOCUMENT, ' ');
  return !MY_NUMBER_NAMED.test(rest) && !CARD_WORD.test(rest) && !(lang === 'vi' && CARD_WORD_VI.test(rest));
}
