import { readFileSync } from 'node:fs';
import { IntentClassifier } from '../../src/knowledge/classifier.js';
import { ANALYZERS } from '../../src/knowledge/analyzers/index.js';
import { describe, expect, it } from 'vitest';
import { LanguageDetector } from '../../src/knowledge/detect.js';
import { loadAllExamples, loadExamples } from '../../src/knowledge/examples.js';
import { looksLikeLostCard } from '../../src/knowledge/lost-guard.js';
import { LOST_INTENT } from '../../src/knowledge/matcher.js';
import { testMatcher } from '../helpers/app.js';

const matcher = testMatcher();

describe('language detection', () => {
  const detector = new LanguageDetector(Object.fromEntries(Object.entries(loadAllExamples()).map(([l, ex]) => [l, Object.values(ex).flat()])));
  it.each([
    ['コンビニで住民票を取りたいです', 'ja'],
    ['住民票の写しの手数料', 'ja'],
    ['便利店可以打印住民票吗', 'zh'],
    ['マイナ卡丢了怎么办', 'zh'],
    ['편의점에서 주민표를 뗄 수 있나요', 'ko'],
    ['How much is a residence certificate at the konbini?', 'en'],
    ['¿Cuánto cuesta el certificado de residencia en la tienda?', 'es'],
    ['Quanto custa o atestado de residência na loja de conveniência?', 'pt'],
    ['perdi meu cartao ontem no trem', 'pt'],
    ['perdi mi tarjeta ayer en el tren', 'es'],
    // Vietnamese by its own letters, and typed without any of its marks.
    ['Tôi bị mất thẻ my number ở trên xe buýt', 'vi'],
    ['the my number cua toi bi mat roi, phai lam sao', 'vi'],
    ['lay juminhyo o konbini het bao nhieu tien', 'vi'],
  ])('%s → %s', (text, lang) => {
    expect(detector.detect(text, 'ja').lang).toBe(lang);
  });

  it('keeps the session language for a short, ambiguous message', () => {
    expect(detector.detect('ok', 'pt')).toEqual({ lang: 'pt', confident: false });
    expect(detector.detect('住民票', 'zh')).toEqual({ lang: 'zh', confident: false });
  });
});

describe('lost/stolen guard', () => {
  it.each([
    ['ja', '財布ごと盗まれました'],
    ['ja', 'マイナカードが見当たりません'],
    ['en', 'someone took my bag with my card in it'],
    ['en', "I can't find my my number card anywhere"],
    ['zh', '钱包被偷了，卡在里面'],
    ['ko', '지갑을 잃어버렸어요 카드가 들어 있었어요'],
    ['es', 'me robaron la cartera con la tarjeta'],
    ['pt', 'roubaram minha bolsa com o cartão'],
    // The card named in Japanese script: the guard itself reads it (also when the matcher is down).
    ['es', 'se me perdió la マイナンバーカード en el bus'],
    // Left behind, the card named in several words.
    ['pt', 'acho que esqueci o cartão da my number na copiadora do mercado'],
    ['es', 'olvidé mi tarjeta de my number en la copiadora del konbini'],
    ['en', 'I think I left my my number card in the copy machine at the store'],
    // Left in a machine or a car, and gone when the resident went back.
    ['ja', '銀行のATMにカードを入れたまま出てきてしまいました'],
    ['ko', '택시에 지갑 두고 내렸는데 기사님이 없대요'],
    ['es', 'se me quedó la mica con la tarjeta en el autobús'],
    ['en', "I forgot my wallet at the gym and it wasn't there when I went back"],
    ['en', "I haven't been able to find my card for days"],
    ['en', 'my purse was snatched on the street'],
    ['ko', '집이랑 차를 아무리 찾아도 카드가 없어요'],
    ['ja', '役所の窓口にマイナカードを出したまま帰ってしまった'],
    ['ja', '電車にカードケースごと置き忘れました。マイナンバーカードが入っています'],
    ['ko', '편의점에서 카드 꽂아둔 채로 나왔는데 다시 가 보니 없어요'],
  ] as const)('%s: %s', (lang, text) => {
    expect(looksLikeLostCard(text, lang)).toBe(true);
    expect(matcher.match(text, { lang }).intent).toBe(LOST_INTENT);
  });

  it.each([
    ['ja', 'カードが見つかりました。停止を解除したい'],
    ['ja', '暗証番号を忘れました'],
    ['en', 'I found my card after I called'],
    ['en', 'I lost my PIN'],
    ['es', 'perdón, ¿cuánto cuesta el juminhyo?'],
    ['pt', 'perdão, qual o horário da prefeitura?'],
    // Another sense of "lose": the card's validity when moving.
    ['en', 'Does my card lose its validity when I move to another city?'],
    ['es', '¿Mi tarjeta pierde su validez si me mudo a otra ciudad?'],
    ['pt', 'O cartão perde a validade se eu mudar de cidade?'],
    ['ko', '다른 현으로 이사 가면 마이넘버카드가 효력을 잃나요?'],
    // A lost paper that is not the card.
    ['ja', '国民健康保険税の納付書をなくしたので、もう一度送ってほしい'],
    ['zh', '水费的缴费单找不到了怎么办'],
    ['en', 'I lost the tax bill the town sent me, can I get another one?'],
    ['ja', '追記欄にもう書けるところがないって言われました'],
    ['ko', '추기란에 더 쓸 자리가 없다고 하던데요'],
    ['pt', 'meu cartão caiu no chão e rachou, o que faço?'],
    ['ja', 'カードケースをなくしました。新しいのはもらえますか'],
    // Found again after the suspension.
    ['zh', '停用以后在抽屉里翻出来了，还能用吗'],
    // Another identity document.
    ['en', 'I lost my passport on the train, who do I call?'],
    ['ja', '運転免許証を落としたみたいです'],
    ['ko', '재류카드를 잃어버렸어요 어디로 가야 돼요'],
    ['pt', 'perdi minha carteira de motorista japonesa'],
    // Another document lost, the My Number card said to be safe.
    ['en', 'I lost my residence card but still have my My Number card'],
    ['ko', '재류카드를 분실했어요. 마이넘버카드는 집에 있어요'],
    ['ja', '在留カードを落としました。マイナンバーカードは手元にあります'],
    // "I can't find the menu", not the card.
    ['es', 'no encuentro el botón de certificados en la pantalla'],
    ['pt', 'nao acho o menu certo na maquina'],
  ] as const)('does not fire on %s: %s', (lang, text) => {
    expect(looksLikeLostCard(text, lang)).toBe(false);
  });

  it('still fires when the wallet is lost with a paper in it', () => {
    expect(looksLikeLostCard('財布をなくしました。納付書も入っていました', 'ja')).toBe(true);
    expect(looksLikeLostCard('I lost my wallet with the receipt and my card', 'en')).toBe(true);
    expect(looksLikeLostCard('I lost my wallet with my passport and my number card', 'en')).toBe(true);
    expect(looksLikeLostCard('perdi a carteira com o zairyu e os cartões dentro', 'pt')).toBe(true);
  });

  it('fires on a card left in a machine or a vehicle, however many words name it', () => {
    expect(looksLikeLostCard('コンビニのコピー機にカード差しっぱなしで帰ってきてしもうた', 'ja')).toBe(true);
    expect(looksLikeLostCard('タクシーにカードケースごと忘れた。マイナも入ってた', 'ja')).toBe(true);
    expect(looksLikeLostCard('Deixei a carteira com a mai namba kado no trem voltando de Okayama', 'pt')).toBe(true);
  });

  it('does not fire on a card kept in one place, a forgotten PIN, or a card that may lapse', () => {
    expect(looksLikeLostCard('夏場に車のダッシュボードにカード置きっぱなしにしても平気ですか', 'ja')).toBe(false);
    expect(looksLikeLostCard('se me olvidó por completo la contraseña de la tarjeta, qué hago', 'es')).toBe(false);
    expect(looksLikeLostCard('O cartão continua valendo lá ou perde?', 'pt')).toBe(false);
    expect(looksLikeLostCard('perdi o cartão e esqueci a senha', 'pt')).toBe(true);
  });

  it('still fires when a real loss comes with the validity question', () => {
    expect(looksLikeLostCard('I lost my card yesterday, does it lose its validity?', 'en')).toBe(true);
    expect(looksLikeLostCard('perdí mi tarjeta, ¿pierde su validez?', 'es')).toBe(true);
  });
});

describe('a new card asked for after a loss', () => {
  it.each([
    ['ja', 'なくしたカードを作り直したいです。上齋原振興センターでも再発行できますか'],
    ['en', 'How much does it cost to get a new card after losing it?'],
    ['zh', '卡丢了，想补办一张，要多少钱'],
    ['ko', '잃어버린 카드 다시 만드는데 수수료 얼마예요?'],
    ['es', 'perdí mi tarjeta, ¿cuánto cuesta sacar una nueva?'],
    ['pt', 'perdi meu cartão, quanto custa a segunda via?'],
  ] as const)('%s: the reissue, marked as a loss so the suspension line goes first: %s', (lang, text) => {
    expect(matcher.match(text, { lang })).toMatchObject({ kind: 'answer', intent: 'reissue', lostGuard: true });
  });

  it('is the reissue alone once the card was suspended', () => {
    expect(matcher.match('I already called the hotline and my lost card is suspended. How do I get a new one made?', { lang: 'en' })).toMatchObject({ kind: 'answer', intent: 'reissue', lostGuard: false });
    expect(matcher.match('已经挂失了，想补办一张新卡', { lang: 'zh' })).toMatchObject({ kind: 'answer', intent: 'reissue', lostGuard: false });
  });

  it('is still the lost card when no new card is asked for', () => {
    expect(matcher.match('I lost my card, what do I do?', { lang: 'en' })).toMatchObject({ intent: LOST_INTENT, lostGuard: true });
    expect(matcher.match('カードをなくしました', { lang: 'ja' })).toMatchObject({ intent: LOST_INTENT, lostGuard: true });
  });
});

describe('another document than the card', () => {
  it.each([
    ['en', 'How do I renew my zairyu card? It expires next month.'],
    ['zh', '在留卡快到期了，更新要去哪里办'],
    ['pt', 'como eu faço pra renovar minha zairyu kado? vence mês que vem'],
    ['es', 'Me mudé y necesito cambiar la dirección de mi licencia de conducir, ¿dónde se hace eso?'],
    ['en', 'I need to apply for a new passport for my child, what documents do I need?'],
  ] as const)('%s: outside the guidebook when the card is not named: %s', (lang, text) => {
    expect(matcher.match(text, { lang }).kind).toBe('fallback');
  });

  it('still answers the card when it is named beside the other document', () => {
    expect(matcher.match('I just got my visa extended. Can the expiry date of my My Number card be extended too?', { lang: 'en' }).intent).toBe('foreign_extension');
    expect(matcher.match('在留カードもマイナンバーカードも有効期限が近いです。マイナンバーカードの更新はいつからできますか', { lang: 'ja' }).intent).toBe('renewal');
    expect(matcher.match('renovei o visto, dá pra estender a validade do cartão também?', { lang: 'pt' }).intent).toBe('foreign_extension');
  });
});

describe('the card and places named in Japanese inside another language', () => {
  it.each([
    ['es', 'Perdí mi マイナンバーカード ayer en el bus, ¿qué hago?'],
    ['pt', 'Roubaram minha bolsa com a マイナンバーカード na festa'],
    ['en', 'I left my マイナンバーカード on the train yesterday'],
  ] as const)('%s: detected in its own language and taken for a lost card: %s', (lang, text) => {
    const result = matcher.match(text, { sessionLang: 'ja' });
    expect(result.lang).toBe(lang);
    expect(result.intent).toBe(LOST_INTENT);
  });

  it('reads a Japanese place name inside Korean or Chinese as the branch centre it is', () => {
    expect(matcher.match('奥津振興センター 전화번호 알려 주세요', { lang: 'ko' }).intent).toBe('town_office');
    expect(matcher.match('上齋原振興センター的电话是多少', { lang: 'zh' }).intent).toBe('town_office');
  });
});

describe('matcher', () => {
  it('answers a clear question with its intent', () => {
    const result = matcher.match('コンビニで住民票を取ると手数料はいくらですか');
    expect(result).toMatchObject({ lang: 'ja', kind: 'answer', intent: 'konbini_fee' });
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('normalises full-width letters and half-width kana', () => {
    expect(matcher.match('ｺﾝﾋﾞﾆの手数料はいくら').intent).toBe('konbini_fee');
    expect(matcher.match('ＰＩＮ locked, what do I do?', { lang: 'en' }).intent).toBe('pin_locked');
  });

  it('falls back on a question the guidebook does not answer', () => {
    expect(matcher.match('What day is burnable garbage collected?', { lang: 'en' }).kind).toBe('fallback');
    expect(matcher.match('明日の天気は？', { lang: 'ja' }).kind).toBe('fallback');
  });

  it('offers three candidates, best first, with probabilities that sum to at most one', () => {
    const result = matcher.match('card', { lang: 'en' });
    expect(result.candidates).toHaveLength(3);
    const [a, b, c] = result.candidates.map((x) => x.confidence);
    expect(a!).toBeGreaterThanOrEqual(b!);
    expect(b!).toBeGreaterThanOrEqual(c!);
    expect(a! + b! + c!).toBeLessThanOrEqual(1.000001);
  });
});

describe('the best candidates of a classifier', () => {
  it('are the first of the full ranking, with the highest closeness of all intents', () => {
    for (const lang of ['en', 'ja'] as const) {
      const classifier = new IntentClassifier(ANALYZERS[lang], loadExamples(lang));
      const questions = (JSON.parse(readFileSync(new URL(`../eval/${lang}.json`, import.meta.url), 'utf8')) as { q: string }[]).map((x) => x.q);
      for (const q of questions) {
        const ranked = classifier.classify(q);
        expect(classifier.best(q, 3)).toEqual({ candidates: ranked.slice(0, 3), closeness: Math.max(...ranked.map((s) => s.score)) });
      }
    }
  });
});
