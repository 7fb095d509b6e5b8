import { describe, expect, it } from 'vitest';
import { looksLikeLostCard } from '../../src/knowledge/lost-guard.js';
import { looksLikeRomajiJapanese, romajiToJapanese, romajiWordToKana, spacedKanaToKanji } from '../../src/knowledge/romaji.js';
import { testMatcher } from '../helpers/app.js';

describe('romaji words', () => {
  it.each([
    ['konbini', 'こんびに'],
    ['tte', 'って'],
    ['hakko', 'はっこ'],
    ['shinbun', 'しんぶん'],
    ['konnichiwa', 'こんにちわ'],
    ["kin'en", 'きんえん'],
    ['juminhyo', 'じゅみんひょ'],
    ['tsukaeru', 'つかえる'],
    ['matcha', 'まっちゃ'],
  ])('%s reads %s', (romaji, kana) => {
    expect(romajiWordToKana(romaji)).toBe(kana);
  });

  it('refuses words Japanese cannot spell', () => {
    for (const word of ['the', 'tarjeta', 'cartao', 'trem', 'lost']) expect(romajiWordToKana(word)).toBeUndefined();
  });
});

describe('Japanese typed in romaji', () => {
  it.each([
    'konbini de juminhyo toreru tte hontou?',
    'kousin tte yakuba ni ikanai to dame desuka',
    'anshou bangou wasureta kara dou sureba ii',
    // The card's name in English inside romaji Japanese; one verb ending beside two particles.
    'my number card ga mitsukarimasen. ie mo kaisha mo sagashita',
    'famima no kikai de juminhyo dasu toki, dono botan osu? hajimete desu',
  ])('is recognised: %s', (text) => {
    expect(looksLikeRomajiJapanese(text)).toBe(true);
  });

  it.each([
    'Deixei a carteira com a mai namba kado no trem',
    'se me perdio la tarjeta, ya no la tengo',
    'I want to know where the yakuba is',
    'no puedo ir al yakuba de tomi',
    'tenho que ir no yakuba de novo?',
    'como faço pra tirar o juminhyo na konbini',
    'ok',
  ])('is not claimed for other languages: %s', (text) => {
    expect(looksLikeRomajiJapanese(text)).toBe(false);
    expect(romajiToJapanese(text)).toBe(text);
  });

  it('is written in kana, with the guidebook words in kanji and without spaces', () => {
    expect(romajiToJapanese('saihakko no tesuryo wa ikura desu ka')).toBe('再発行の手数料はいくらですか');
    expect(romajiToJapanese('kodomo no kado no yukokigen wa itsu made desuka')).toBe('子どものカードの有効期限はいつまでですか');
  });

  it('is detected as Japanese whatever the conversation language was', () => {
    const detector = testMatcher().detector;
    expect(detector.detect('konbini de juminhyo toreru tte hontou?', 'en')).toEqual({ lang: 'ja', confident: true });
    expect(detector.detect('kousin tte yakuba ni ikanai to dame desuka', 'pt')).toEqual({ lang: 'ja', confident: true });
  });

  it('is answered like the same question in Japanese script', () => {
    const matcher = testMatcher();
    expect(matcher.match('konbini de juminhyo no tesuryo wa ikura desuka')).toMatchObject({ lang: 'ja', intent: 'konbini_fee' });
    expect(matcher.match('anshou bangou wo wasurete rokku sareta, dou sureba ii desuka')).toMatchObject({ lang: 'ja', intent: 'pin_locked' });
  });

  it('is read by the lost-card guard', () => {
    expect(looksLikeLostCard('mainanba kado wo densha de otoshita kamo, dou shitara ii desuka', 'ja')).toBe(true);
    expect(looksLikeLostCard('saifu wo nusumareta, kado mo haitte ta', 'ja')).toBe(true);
  });
});

describe('Japanese typed by a learner in spaced kana', () => {
  it('is read with the guidebook words in kanji and the spaces closed up', () => {
    expect(spacedKanaToKanji('わたし の でんししょうめいしょ の きげん は いつ ですか')).toBe('わたしの電子証明書の期限はいつですか');
    expect(spacedKanaToKanji('なくした カード は もう とめました')).toBe('なくしたカードはもう止めました');
  });

  it('leaves running Japanese as it is, where a word\'s edges are not known', () => {
    expect(spacedKanaToKanji('できるかどうか教えてください')).toBe('できるかどうか教えてください');
    expect(spacedKanaToKanji('更新 いつから')).toBe('更新 いつから');
  });

  it('is answered like the same question in kanji', () => {
    const matcher = testMatcher();
    expect(matcher.match('わたし の でんししょうめいしょ の きげん は いつ まで ですか', { lang: 'ja-easy' })).toMatchObject({ lang: 'ja-easy', intent: 'ecert_validity' });
    expect(matcher.match('なくした カード は もう とめました。 あたらしい カード つくる には いくら かかりますか', { lang: 'ja-easy' })).toMatchObject({ intent: 'reissue', lostGuard: false });
  });
});
