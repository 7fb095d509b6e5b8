/**
 * The intents of the helpline: one per topic of the guidebook, plus a few conversational ones.
 * What each answer says is specified in docs/knowledge-spec.md; the words are in
 * locales/<lang>/faq.json and the training utterances in ./examples/<lang>.json.
 */

/** The lost or stolen card: the one intent that opens the 24/365 suspension flow. */
export const LOST_INTENT = 'lost_stolen';

/**
 * Not an answer: questions a town helpline hears that the guidebook does not answer (garbage
 * days, buses, tax amounts, immigration…). Trained like an intent so that such a question is
 * recognised as such; matched, it gets the "not in the guidebook" fallback.
 */
export const OUT_OF_SCOPE = 'out_of_scope';

/** Main areas, shared by the chat menu and the phone menu. */
export const AREAS = ['lost', 'konbini', 'pins', 'validity', 'changes', 'contacts', 'card'] as const;
export type Area = (typeof AREAS)[number];

export interface IntentDef {
  id: string;
  /** Guidebook section the answer comes from (its Japanese heading). */
  section: string;
  area: Area | 'smalltalk';
  /** Follow-up topics offered as choices after the answer. */
  related: string[];
  /**
   * The answer rests on something that changes (fees, a scheme's dates, which phones or stores
   * take part): it carries a note that it follows the guidebook of its date and that the town
   * office has the latest.
   */
  dated: boolean;
}

/** Intents whose facts change over time (see `dated`). */
const DATED = new Set([
  'reissue', 'damaged_card', 'face_auth_card', 'smartphone_ecert', 'smartphone_ecert_apply',
  'konbini_overview', 'konbini_fee', 'konbini_stores', 'konbini_steps', 'konbini_certificates',
  'mynaportal', 'health_insurance', 'town_eapp',
]);

const intent = (id: string, section: string, area: IntentDef['area'], related: string[]): IntentDef => ({
  id, section, area, related, dated: DATED.has(id),
});

export const INTENTS: readonly IntentDef[] = [
  intent('card_overview', 'マイナンバーカードの仕様', 'card', ['card_fields', 'security', 'konbini_overview']),
  intent('card_fields', 'マイナンバーカードの仕様', 'card', ['card_case', 'validity_by_age', 'address_change']),
  intent('number_usage', 'マイナンバーを提供する場面', 'card', ['security', 'card_overview']),
  intent('card_case', 'マイナンバーカードの仕様', 'card', ['pin_safety', 'card_fields']),
  intent('security', 'マイナンバーカードのセキュリティ', 'card', ['pin_safety', 'lost_stolen', 'handling_storage']),
  intent('handling_storage', '保管や取り扱い上の注意点', 'card', ['damaged_card', 'card_case']),
  intent('lost_stolen', '紛失・盗難・損傷の場合', 'lost', ['card_found', 'reissue', 'foreign_line']),
  intent('card_found', '紛失・盗難・損傷の場合', 'lost', ['reissue', 'town_office']),
  intent('reissue', '紛失・盗難・損傷の場合', 'lost', ['damaged_card', 'town_office', 'lost_stolen']),
  intent('damaged_card', '紛失・盗難・損傷の場合', 'lost', ['reissue', 'handling_storage']),
  intent('address_change', '記載内容の変更等', 'changes', ['notes_field_full', 'moving_out']),
  intent('notes_field_full', '記載内容の変更等', 'changes', ['address_change', 'reissue']),
  intent('moving_out', '記載内容の変更等（継続利用）', 'changes', ['address_change', 'mynaportal']),
  intent('renewal', 'マイナンバーカードと電子証明書の有効期限', 'validity', ['validity_by_age', 'ecert_validity', 'town_office']),
  intent('validity_by_age', 'マイナンバーカードと電子証明書の有効期限', 'validity', ['renewal', 'ecert_validity', 'minors']),
  intent('ecert_validity', 'マイナンバーカードと電子証明書の有効期限', 'validity', ['renewal', 'validity_by_age']),
  intent('minors', 'マイナンバーカードと電子証明書の有効期限', 'validity', ['validity_by_age', 'pins_overview']),
  intent('foreign_validity', '外国人住民の場合の有効期限', 'validity', ['foreign_extension', 'foreign_line']),
  intent('foreign_extension', '外国人住民の場合の有効期限', 'validity', ['foreign_validity', 'town_office']),
  intent('pins_overview', 'マイナンバーカードの暗証番号', 'pins', ['pin_format', 'pin_locked', 'pin_change']),
  intent('pin_format', 'マイナンバーカードの暗証番号', 'pins', ['pins_overview', 'pin_locked']),
  intent('pin_locked', '暗証番号の変更とロックの解除', 'pins', ['pin_reset_konbini', 'town_office', 'pin_change']),
  intent('pin_reset_konbini', '暗証番号の変更とロックの解除', 'pins', ['pin_locked', 'smartphone_ecert']),
  intent('pin_change', '暗証番号の変更とロックの解除', 'pins', ['pin_locked', 'mynaportal']),
  intent('pin_safety', 'マイナンバーカードの仕様', 'pins', ['pin_change', 'security']),
  intent('ecert_what', '電子証明書の利用方法', 'card', ['ecert_how_to_use', 'ecert_validity']),
  intent('ecert_how_to_use', '電子証明書の利用方法', 'card', ['ecert_what', 'smartphone_ecert']),
  intent('face_auth_card', '顔認証マイナンバーカード', 'card', ['health_insurance', 'pins_overview']),
  intent('smartphone_ecert', 'スマホ用電子証明書搭載サービス', 'card', ['smartphone_ecert_apply', 'konbini_overview']),
  intent('smartphone_ecert_apply', 'スマホ用電子証明書搭載サービス', 'card', ['smartphone_ecert', 'pin_format']),
  intent('konbini_overview', 'コンビニ交付サービス', 'konbini', ['konbini_fee', 'konbini_stores', 'konbini_steps']),
  intent('konbini_hours', 'コンビニ交付サービス', 'konbini', ['konbini_fee', 'konbini_stores']),
  intent('konbini_fee', 'コンビニ交付サービス', 'konbini', ['konbini_certificates', 'konbini_steps']),
  intent('konbini_stores', 'コンビニ交付サービス', 'konbini', ['konbini_hours', 'konbini_steps']),
  intent('konbini_start', 'コンビニ交付サービス', 'konbini', ['konbini_overview', 'konbini_steps']),
  intent('konbini_steps', 'コンビニ交付サービス', 'konbini', ['konbini_fee', 'pin_locked']),
  intent('konbini_certificates', 'コンビニ交付サービス', 'konbini', ['konbini_fee', 'town_kiosk']),
  intent('town_kiosk', 'コンビニ交付サービス', 'konbini', ['konbini_certificates', 'town_office']),
  intent('mynaportal', 'マイナポータル', 'card', ['pin_change', 'health_insurance']),
  intent('health_insurance', '健康保険証としての利用', 'card', ['mynaportal', 'face_auth_card']),
  intent('town_eapp', '鏡野町電子申請・届出システム', 'card', ['pins_overview', 'konbini_overview']),
  intent('free_dial', 'マイナンバーについてのお問い合わせ', 'contacts', ['ip_phone', 'foreign_line', 'town_office']),
  intent('ip_phone', 'マイナンバーについてのお問い合わせ', 'contacts', ['free_dial', 'foreign_line']),
  intent('foreign_line', 'マイナンバーについてのお問い合わせ', 'contacts', ['free_dial', 'lost_stolen']),
  intent('town_office', '表紙（鏡野町役場）', 'contacts', ['free_dial', 'konbini_overview']),
  intent('greeting', '—', 'smalltalk', []),
  intent('thanks', '—', 'smalltalk', []),
  intent('human_agent', '表紙（鏡野町役場）', 'smalltalk', ['town_office', 'free_dial']),
];

export const INTENT_IDS: readonly string[] = INTENTS.map((i) => i.id);

const byId = new Map(INTENTS.map((i) => [i.id, i]));
export function getIntent(id: string): IntentDef | undefined {
  return byId.get(id);
}
