import { describe, expect, it } from 'vitest';
import { answer } from '../../src/dialogs/faq.js';
import { loadResources, render } from '../../src/i18n.js';
import { checkKnowledge } from '../../src/knowledge/check.js';
import { absolutesIn, loadConditionWords } from '../../src/knowledge/conditions.js';
import { INTENTS } from '../../src/knowledge/intents/catalog.js';
import { LANGS } from '../../src/knowledge/languages.js';
import { factParams } from '../../src/knowledge/params.js';

type Faq = Record<string, Record<string, string>>;
const words = loadConditionWords();

describe('conditions an answer must carry', () => {
  it('fails when a voice answer drops the convenience stores\' New Year and maintenance exclusions', () => {
    const resources = loadResources();
    (resources.ko.faq as Faq)['konbini_hours']!['voice'] = '편의점 증명서 발급은 {{konbiniOpen}}부터 {{konbiniClose}}까지예요.';
    expect(checkKnowledge(resources)).toContain('ko faq:konbini_hours.voice: drops its conditions: yearEnd, maintenance');
  });

  it('fails when the validity is said without "after issue", or the adult ward rule is dropped', () => {
    const resources = loadResources();
    const faq = resources.pt.faq as Faq;
    faq['validity_by_age']!['voice'] = 'Com {{adultAge}} anos ou mais, o cartão vale até o {{validityAdultBirthdays}}º aniversário; com menos, até o {{validityMinorBirthdays}}º.';
    faq['minors']!['voice'] = 'Para menores de {{childAge}} anos, o cartão vale até o {{validityMinorBirthdays}}º aniversário após a emissão.';
    const problems = checkKnowledge(resources);
    expect(problems).toContain('pt faq:validity_by_age.voice: drops its conditions: afterIssue, foreignResidents');
    expect(problems).toContain('pt faq:minors.voice: drops its conditions: {{validityAdultBirthdays}}, adultWard');
  });

  it('fails on foreign residents\' validity without special permanent residents and Highly Skilled Professional (ii)', () => {
    const resources = loadResources();
    (resources.es.faq as Faq)['foreign_validity']!['voice'] = 'Para residentes permanentes, la vigencia es igual que para los japoneses.';
    expect(checkKnowledge(resources)).toContain('es faq:foreign_validity.voice: drops its conditions: specialPermanent, highlySkilled');
  });

  it('finds the absolutes the guidebook only states with a condition', () => {
    expect(absolutesIn('一時停止の手続きは、役場の窓口ではなくフリーダイヤルで行います。', words.ja)).toHaveLength(1);
    expect(absolutesIn('The town office cannot suspend the card for you.', words.en)).toHaveLength(1);
    expect(absolutesIn('Central gratuita: {{freeDial}}. Atende {{suspensionHoursPerDay}} horas por dia.', words.pt)).toHaveLength(1);
    expect(absolutesIn('편의점 발급은 매일 {{konbiniOpen}}부터 {{konbiniClose}}까지예요.', words.ko)).toHaveLength(1);
    // With their conditions they are true.
    expect(absolutesIn('Suspending a lost card: {{suspensionHoursPerDay}} hours a day.', words.en)).toEqual([]);
    expect(absolutesIn('毎日{{konbiniOpen}}～{{konbiniClose}}（年末年始を除く）。', words.ja)).toEqual([]);
  });

  it('does not take a parameter\'s name for a word the text says', () => {
    // "suspension" inside {{suspensionHoursPerDay}} is not the word "suspension".
    expect(absolutesIn('The free dial answers {{suspensionHoursPerDay}} hours a day.', words.en)).toHaveLength(1);
  });
});

describe("the guidebook's date on answers that change", () => {
  const dated = INTENTS.filter((i) => i.dated);

  it('marks fees, schemes and the stores and phones taking part as dated, and not the rest', () => {
    expect(dated.map((i) => i.id)).toEqual(expect.arrayContaining(['reissue', 'konbini_fee', 'smartphone_ecert', 'health_insurance', 'face_auth_card']));
    expect(INTENTS.find((i) => i.id === 'lost_stolen')!.dated).toBe(false);
  });

  it.each(LANGS)('follows each dated answer with the date, in chat and voice (%s)', (lang) => {
    const now = new Date('2026-12-02T01:00:00Z');
    for (const intent of INTENTS) {
      const keys = answer(lang, intent.id, now).messages.map((m) => m.key);
      expect(keys.includes('common:asOf'), intent.id).toBe(intent.dated);
    }
    for (const form of ['chat', 'voice'] as const) {
      expect(render(lang, form, { key: 'common:asOf' })).toContain(factParams(lang, form)['guidebookAsOf']);
    }
  });
});
