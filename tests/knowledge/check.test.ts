import { describe, expect, it } from 'vitest';
import { loadResources } from '../../src/i18n.js';
import { checkKnowledge, numbersIn } from '../../src/knowledge/check.js';

describe('knowledge check', () => {
  it('passes on the shipped knowledge: six complete languages with the same numbers', () => {
    expect(checkKnowledge()).toEqual([]);
  });

  it('reads numbers the way residents write them', () => {
    expect(numbersIn('1,000 yen (800 yen), 8:30–17:15')).toEqual(['1000', '15', '17', '30', '8', '800'].sort());
    expect(numbersIn('1.000 ienes')).toEqual(['1000']);
    expect(numbersIn('１２３')).toEqual(['123']);
  });

  it('fails on a typed number, a missing translation, a long label and an unknown parameter', () => {
    const resources = loadResources();
    const faq = resources.pt.faq as Record<string, Record<string, string>>;
    faq['reissue']!['chat'] = 'O novo cartão custa 1.000 ienes.';
    delete (resources.ko.faq as Record<string, unknown>)['konbini_fee'];
    (resources.es.faq as Record<string, Record<string, string>>)['konbini_hours']!['label'] = 'Horario de la tienda de conveniencia';
    (resources.zh.faq as Record<string, Record<string, string>>)['free_dial']!['voice'] = '请拨打{{freeDail}}';
    const problems = checkKnowledge(resources);
    expect(problems).toContain('pt/faq.json: reissue.chat types a number; use a fact parameter');
    expect(problems).toContain('ko/faq.json: missing konbini_fee.chat');
    expect(problems.some((p) => p.startsWith('es/faq.json: label konbini_hours.label'))).toBe(true);
    expect(problems).toContain('zh/faq.json: free_dial.voice uses unknown parameter freeDail');
  });

  it('fails when a language drops a number the Japanese answer gives', () => {
    const resources = loadResources();
    const faq = resources.en.faq as Record<string, Record<string, string>>;
    faq['reissue']!['chat'] = faq['reissue']!['chat']!.replace('{{reissueFeeNoCert}}', 'less');
    const problems = checkKnowledge(resources);
    expect(problems.some((p) => p.startsWith('en faq:reissue.chat: numbers'))).toBe(true);
  });
});
