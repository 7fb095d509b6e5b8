/**
 * Every number the helpline says — phone numbers, fees, hours, day counts, dates — lives here
 * once, taken from the town guidebook (as of 2024-03-01). Translations never retype a number:
 * they interpolate these values through `factParams(lang, form)`.
 */
export interface PhoneNumber {
  /** As printed in Japan, e.g. 0120-95-0178. */
  display: string;
  /** E.164, for tel: links and <Dial>. */
  e164: string;
}

const phone = (display: string): PhoneNumber => ({
  display,
  e164: '+81' + display.replace(/-/g, '').replace(/^0/, ''),
});

export const PHONES = {
  /** マイナンバー総合フリーダイヤル (free). Option 2 of its voice guidance: loss/theft suspension. */
  freeDial: phone('0120-95-0178'),
  /** 個人番号カードコールセンター (charged), when the free dial does not connect. */
  naviDial: phone('0570-783-578'),
  /** For some IP phones: questions about the My Number system. */
  ipSystemLine: phone('050-3816-9405'),
  /** For some IP phones: the card and e-certificates. */
  ipCardLine: phone('050-3818-1250'),
  /** Free, in English, Chinese, Korean, Spanish, Portuguese: the My Number system. */
  foreignSystemLine: phone('0120-0178-26'),
  /** Free, in the same five languages: notification card and the card (suspension 24/365). */
  foreignCardLine: phone('0120-0178-27'),
  /** 鏡野町役場 住民税務課 住民窓口係. */
  office: phone('0868-54-2985'),
  /** 奥津振興センター. */
  okutsu: phone('0868-52-2211'),
  /** 上齋原振興センター. */
  kamisaibara: phone('0868-44-2111'),
  /** 富振興センター. */
  tomi: phone('0867-57-2111'),
} as const;

export type PhoneKey = keyof typeof PHONES;

/** Opening hours as "H:MM" strings, Asia/Tokyo. */
export const HOURS = {
  office: { open: '8:30', close: '17:15' },
  freeDialWeekday: { open: '9:30', close: '20:00' },
  freeDialWeekend: { open: '9:30', close: '17:30' },
  konbini: { open: '6:30', close: '23:00' },
} as const;

/** Plain numbers: fees in yen, counts, ages, days. */
export const NUMBERS = {
  freeDialOption: 2,
  suspensionHoursPerDay: 24,
  suspensionDaysPerYear: 365,
  reissueFee: 1000,
  reissueFeeNoCert: 800,
  konbiniFee: 150,
  konbiniSaving: 50,
  myNumberDigits: 12,
  pinCount: 4,
  pinDigits: 4,
  pinSameKinds: 3,
  signaturePinMin: 6,
  signaturePinMax: 16,
  signatureLockTries: 5,
  userLockTries: 3,
  ecertKinds: 2,
  renewalMonths: 3,
  adultAge: 18,
  childAge: 15,
  validityAdultBirthdays: 10,
  validityMinorBirthdays: 5,
  ecertBirthdays: 5,
  moveOutDays: 30,
  moveInDays: 14,
  continuationDays: 90,
  foreignTransitionDays: 60,
  konbiniMinAge: 15,
  smartphoneHealthFiscalYear: 2024,
} as const;

/** Calendar dates from the guidebook (ISO). */
export const DATES = {
  faceAuthStart: '2023-12-15',
  smartphoneCertStart: '2023-05-11',
  smartphoneKonbiniStart: '2024-01-22',
  guidebookAsOf: '2024-03-01',
} as const;

/** Year-end closure of the office, the free dial's question line and convenience-store issuance. */
export const YEAR_END = { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } as const;
