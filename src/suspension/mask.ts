/**
 * Personal numbers never reach a log line or a stored record: My Numbers (12 digits), PINs,
 * phone numbers and LINE user ids are masked first.
 */

// 12 digits, possibly grouped 4-4-4 with spaces or hyphens, written in any width.
const MY_NUMBER = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/gu;
const PIN_WORDS = /(pin|暗証|暗唱|パスワード|password|passcode|senha|contrase[nñ]a|clave|密码|비밀번호|비번)/iu;
// PIN-like values: 4 digits, or 6–16 uppercase letters and digits mixed (the signature PIN).
const PIN_VALUE = /(?<![\p{L}\d])(\d{4}|(?=[A-Z0-9]{6,16}(?![\p{L}\d]))(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,16})(?![\p{L}\d])/gu;
const PHONE = /(?<!\d)(\+?81[\s-]?|0)\d{1,4}[\s-]?\d{1,4}[\s-]?\d{3,4}(?!\d)/gu;
const LINE_USER_ID = /\bU[0-9a-f]{32}\b/gu;
const LONG_DIGITS = /\d{4,}/gu;

const fold = (text: string) => text.normalize('NFKC');

export function containsMyNumber(text: string): boolean {
  return new RegExp(MY_NUMBER.source, 'u').test(fold(text));
}

/** A PIN typed next to a word for PIN, or a bare 4-digit message. */
export function containsPin(text: string): boolean {
  const folded = fold(text).trim();
  if (/^\d{4}$/u.test(folded)) return true;
  return PIN_WORDS.test(folded) && new RegExp(PIN_VALUE.source, 'u').test(folded);
}

export const containsSensitiveNumber = (text: string): boolean => containsMyNumber(text) || containsPin(text);

/** For anything stored or logged: numbers that could identify a person are replaced. */
export function maskText(text: string): string {
  if (typeof text !== 'string') return '';
  let out = fold(text).replace(MY_NUMBER, '[my-number]').replace(LINE_USER_ID, '[line-user]');
  if (PIN_WORDS.test(out)) out = out.replace(PIN_VALUE, '[pin]');
  return out.replace(PHONE, '[phone]').replace(LONG_DIGITS, '[digits]');
}

/** Keeps the last two digits so staff can tell numbers apart: 090-1234-5678 → ********78. */
export function maskPhone(phone: unknown): string {
  if (typeof phone !== 'string') return '';
  const digits = phone.replace(/\D/g, '');
  return '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
}

/** Total: whatever the value, a masked text (an error path that masks must never throw itself). */
export function maskUserId(id: unknown): string {
  if (typeof id !== 'string') return '***';
  return id.length <= 6 ? '***' : `${id.slice(0, 3)}…${id.slice(-2)}`;
}

/** A callback number as residents type it: Japanese domestic or +81, 10–11 digits. */
export function parsePhoneNumber(text: string): string | undefined {
  const digits = fold(text).replace(/[\s\-()（）]/g, '');
  const domestic = digits.startsWith('+81') ? `0${digits.slice(3)}` : digits;
  return /^0\d{9,10}$/.test(domestic) ? domestic : undefined;
}
