import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { PHONES } from '../../src/knowledge/facts.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { factParams, spellDigits } from '../../src/knowledge/params.js';

describe('fact parameters', () => {
  it('spells phone numbers digit by digit for voice', () => {
    expect(spellDigits('0120-95-0178')).toBe('0 1 2 0, 9 5, 0 1 7 8');
    expect(factParams('ja', 'voice')['freeDial']).toBe('0 1 2 0, 9 5, 0 1 7 8');
    expect(factParams('en', 'chat')['freeDial']).toBe('0120-95-0178');
  });

  it('derives E.164 numbers for dialling and tel: links', () => {
    expect(PHONES.freeDial.e164).toBe('+81120950178');
    expect(PHONES.office.e164).toBe('+81868542985');
    expect(PHONES.foreignCardLine.e164).toBe('+81120017827');
  });

  it('formats fees and dates for each language', () => {
    expect(factParams('ja', 'chat')['reissueFee']).toBe('1,000');
    expect(factParams('pt', 'chat')['reissueFee']).toBe('1.000');
    // A comma after "1" reads as a decimal point in much of Latin America: Spanish leaves four digits ungrouped.
    expect(factParams('es', 'chat')['reissueFee']).toBe('1000');
    // Dates in words, never 12/15/2023 or 15/12/2023 in running text.
    expect(factParams('en', 'chat')['faceAuthStart']).toBe('December 15, 2023');
    expect(factParams('es', 'voice')['faceAuthStart']).toBe('15 de diciembre de 2023');
    expect(factParams('pt', 'chat')['faceAuthStart']).toBe('15 de dezembro de 2023');
    expect(factParams('pt', 'voice')['guidebookAsOf']).toBe('1º de março de 2024');
    expect(factParams('ko', 'chat')['faceAuthStart']).toBe('2023년 12월 15일');
  });

  it('writes clock times as each language does, and as a voice reads them', () => {
    expect([factParams('ja', 'chat')['officeClose'], factParams('ja', 'voice')['officeClose']]).toEqual(['17:15', '17時15分']);
    expect([factParams('en', 'chat')['officeOpen'], factParams('en', 'voice')['officeClose']]).toEqual(['8:30 AM', '5:15 PM']);
    expect([factParams('pt', 'chat')['officeOpen'], factParams('pt', 'chat')['konbiniClose']]).toEqual(['8h30', '23h']);
    expect([factParams('ko', 'chat')['officeClose'], factParams('ko', 'voice')['officeClose']]).toEqual(['17:15', '오후 5시 15분']);
    expect(factParams('zh', 'voice')['konbiniOpen']).toBe('6点30分');
    expect(factParams('es', 'chat')['freeDialWeekdayClose']).toBe('20:00');
  });

  it('puts the guidebook numbers into every language of the lost-card answer', () => {
    for (const lang of LANGS) {
      const text = render(lang, 'chat', { key: 'faq:lost_stolen.chat' });
      expect(text, lang).toContain('0120-95-0178');
      expect(text, lang).toContain('0570-783-578');
      expect(text, lang).toContain('0120-0178-27');
    }
  });

  it('gives the reissue fees of the guidebook in every language', () => {
    for (const lang of LANGS) {
      const text = render(lang, 'chat', { key: 'faq:reissue.chat' }).replace(/[.,](?=\d{3})/g, '');
      expect(text, lang).toMatch(/1000/);
      expect(text, lang).toMatch(/800/);
    }
  });
});
