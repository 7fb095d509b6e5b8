import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { factParams } from '../../src/knowledge/params.js';
import { LANGS, type Lang } from '../../src/knowledge/languages.js';
import { Matcher, type IntentMatcher } from '../../src/knowledge/matcher.js';
import { MemoryStore } from '../../src/store/memory.js';
import { testMatcher } from '../helpers/app.js';
import { fixedClock, WEEKDAY_10AM } from '../helpers/clock.js';
import { allText, conversation, makeEngine } from '../helpers/converse.js';

const KONBINI_FEE_QUESTION: Record<Lang, string> = {
  ja: 'コンビニで住民票とるといくら？',
  en: 'how much does a juminhyo cost at the konbini?',
  zh: '在便利店打印住民票要多少钱？',
  ko: '편의점에서 주민표 떼면 얼마예요?',
  es: '¿cuánto cuesta sacar el juminhyo en el konbini?',
  pt: 'quanto custa tirar o juminhyo na konbini?',
  vi: 'lấy juminhyo ở konbini hết bao nhiêu tiền?',
  'ja-easy': 'コンビニで じゅうみんひょうを とると いくらですか',
};
const SWITCH_TO: Record<Lang, [string, Lang]> = {
  ja: ['English please', 'en'],
  en: ['日本語でお願いします', 'ja'],
  zh: ['한국어로 해주세요', 'ko'],
  ko: ['中文', 'zh'],
  es: ['português, por favor', 'pt'],
  pt: ['español por favor', 'es'],
  vi: ['English please', 'en'],
  'ja-easy': ['Tiếng Việt', 'vi'],
};
const RESTART: Record<Lang, string> = { ja: '最初から', en: 'start over', zh: '菜单', ko: '처음으로', es: 'menú', pt: 'voltar', vi: 'quay lại', 'ja-easy': 'はじめから' };

describe.each(LANGS)('a whole conversation in %s', (lang) => {
  it('menu → FAQ → follow-up → language switch → restart', async () => {
    const { engine, clock } = makeEngine();
    const chat = conversation(engine, clock);

    const welcome = await chat.choose(`lang:${lang}`);
    expect(welcome.lang).toBe(lang);
    expect(welcome.quickReplies.map((q) => q.postback)).toContain('area:konbini');

    const area = await chat.choose('area:konbini');
    expect(area.quickReplies.map((q) => q.postback)).toContain('intent:konbini_fee');

    const answer = await chat.say(KONBINI_FEE_QUESTION[lang]);
    expect(answer).toMatchObject({ lang, intent: 'konbini_fee' });
    // The fee can change: the answer is followed by the guidebook's date.
    expect(answer.messages.map((m) => m.text)).toEqual([
      render(lang, 'chat', { key: 'faq:konbini_fee.chat' }),
      render(lang, 'chat', { key: 'common:asOf' }),
    ]);
    expect(answer.messages[1]!.text).toContain(factParams(lang, 'chat')['guidebookAsOf']);
    expect(allText(answer)).toContain('150');
    const related = answer.quickReplies.find((q) => q.postback.startsWith('intent:'))!;
    expect(related.label).toBe(render(lang, 'chat', { key: `faq:${related.postback.slice(7)}.label` }));

    const followUp = await chat.choose(related.postback);
    expect(followUp.intent).toBe(related.postback.slice(7));
    expect(followUp.lang).toBe(lang);

    const [request, target] = SWITCH_TO[lang];
    const switched = await chat.say(request);
    expect(switched.lang).toBe(target);
    expect(allText(switched)).toContain(render(target, 'chat', { key: 'common:language.switched' }));

    const menu = await chat.say(RESTART[target]);
    expect(menu.lang).toBe(target);
    expect(allText(menu)).toContain(render(target, 'chat', { key: 'common:menu.prompt' }));
  });

  it('answers "not in the guidebook" with the town office contact', async () => {
    const { engine, clock, store } = makeEngine();
    const chat = conversation(engine, clock, { langHint: lang });
    const questions: Record<Lang, string> = {
      ja: '燃えるゴミは何曜日に出せますか',
      en: 'which day is burnable garbage collected',
      zh: '可燃垃圾星期几扔',
      ko: '타는 쓰레기는 무슨 요일에 버려요',
      es: '¿qué día pasa el camión de la basura quemable?',
      pt: 'que dia passa o caminhão do lixo queimável?',
      vi: 'rác cháy được thì vứt vào thứ mấy?',
      'ja-easy': 'もえる ごみは なんようびに だしますか',
    };
    const reply = await chat.say(questions[lang]);
    expect(reply.intent).toBeUndefined();
    expect(allText(reply)).toContain('0868-54-2985');
    expect(reply.calls.map((c) => c.tel)).toContain('tel:+81868542985');
    expect(await store.topTallies('unanswered', 10)).toEqual([[`${lang}\t${questions[lang]}`, 1]]);
  });
});

describe('clarification', () => {
  // A matcher trained so that two intents share the same wording: the engine must ask.
  const ambiguous = Object.fromEntries(
    LANGS.map((lang) => [lang, {
      // Exactly the same wording for four intents: truly tied, so the engine asks rather than answers.
      konbini_fee: ['certificate at the store', 'store certificate'],
      konbini_hours: ['certificate at the store', 'store certificate'],
      konbini_stores: ['certificate at the store', 'store certificate'],
      konbini_steps: ['certificate at the store', 'store certificate'],
      town_office: ['town office phone', 'office number'],
    }]),
  ) as unknown as Record<Lang, Record<string, string[]>>;

  it('offers the top candidates as choices when unsure, and answers the one chosen', async () => {
    const { engine, clock } = makeEngine({ matcher: new Matcher(ambiguous) });
    const chat = conversation(engine, clock, { langHint: 'en' });
    const reply = await chat.say('certificate at the store');
    expect(reply.intent).toBeUndefined();
    expect(allText(reply)).toBe(render('en', 'chat', { key: 'common:clarify.prompt' }));
    const candidates = reply.quickReplies.filter((q) => q.postback.startsWith('intent:')).map((q) => q.postback).sort();
    expect(candidates).toHaveLength(3);
    expect(candidates.every((c) => ['intent:konbini_fee', 'intent:konbini_hours', 'intent:konbini_stores', 'intent:konbini_steps'].includes(c))).toBe(true);
    expect(reply.quickReplies.at(-1)!.postback).toBe('none');
    const chosen = await chat.choose('intent:konbini_hours');
    expect(chosen.intent).toBe('konbini_hours');
    expect(allText(chosen)).toContain('6:30');
  });

  it('answers a likely intent at once and offers the runner-up first ("or did you mean…")', async () => {
    const likely = Object.fromEntries(LANGS.map((lang) => [lang, {
      konbini_fee: ['how much is a certificate at the store', 'store certificate price', 'certificate fee'],
      konbini_hours: ['store certificate hours', 'what time can i get a certificate', 'certificate opening time'],
      town_office: ['town office phone', 'office number'],
    }])) as unknown as Record<Lang, Record<string, string[]>>;
    const { engine, clock } = makeEngine({ matcher: new Matcher(likely) });
    const chat = conversation(engine, clock, { langHint: 'en' });
    // Mostly about the fee, a little about the hours: answered, with the hours offered.
    const reply = await chat.say('store certificate price and time');
    expect(reply.intent).toBe('konbini_fee');
    expect(reply.messages[0]!.text).toBe(render('en', 'chat', { key: 'faq:konbini_fee.chat' }));
    expect(reply.messages.at(-1)!.text).toBe(render('en', 'chat', { key: 'common:clarify.orMeant' }));
    expect(reply.quickReplies[0]).toEqual({ label: render('en', 'chat', { key: 'faq:konbini_hours.label' }), postback: 'intent:konbini_hours' });
    // A sure answer offers nothing extra.
    const sure = await chat.say('certificate price at the store');
    expect(sure.intent).toBe('konbini_fee');
    expect(allText(sure)).not.toContain(render('en', 'chat', { key: 'common:clarify.orMeant' }));
  });

  it('falls back with the office contact when none of the choices fits', async () => {
    const { engine, clock } = makeEngine({ matcher: new Matcher(ambiguous) });
    const chat = conversation(engine, clock, { langHint: 'en' });
    await chat.say('certificate at the store');
    const reply = await chat.choose('none');
    expect(allText(reply)).toContain('0868-54-2985');
  });
});

describe('Easy Japanese, a register the resident chooses', () => {
  it('is kept when the resident writes Japanese, and left only when asked', async () => {
    const { engine, clock } = makeEngine();
    const chat = conversation(engine, clock);
    const chosen = await chat.choose('lang:ja-easy');
    expect(chosen.lang).toBe('ja-easy');
    const answer = await chat.say('コンビニで住民票をとるといくらですか');
    expect(answer).toMatchObject({ lang: 'ja-easy', intent: 'konbini_fee' });
    expect(answer.messages[0]!.ruby!.some((s) => s.ruby)).toBe(true);
    expect((await chat.say('日本語でお願いします')).lang).toBe('ja');
    expect((await chat.say('やさしい日本語')).lang).toBe('ja-easy');
  });
});

describe('Easy Japanese offered to a learner', () => {
  it('is offered once, as the first choice, when a Japanese message reads like a learner\'s, and taken only if chosen', async () => {
    const { engine, clock } = makeEngine();
    const chat = conversation(engine, clock, { langHint: 'ja' });
    const first = await chat.say('コンビニ で じゅうみんひょう の おかね は いくら ですか');
    expect(first).toMatchObject({ lang: 'ja', intent: 'konbini_fee' });
    expect(first.quickReplies[0]).toEqual({ label: render('ja', 'chat', { key: 'common:easyOffer.label' }), postback: 'lang:ja-easy' });
    expect(first.messages.at(-1)!.text).toBe(render('ja', 'chat', { key: 'common:easyOffer' }));
    // Not again in the same conversation, and the register did not change by itself.
    const second = await chat.say('あんしょうばんごう を わすれました');
    expect(second.lang).toBe('ja');
    expect(second.quickReplies.map((q) => q.postback)).not.toContain('lang:ja-easy');
    expect((await chat.choose('lang:ja-easy')).lang).toBe('ja-easy');
  });

  it('is not offered for Japanese as natives write it, nor inside the lost-card flow', async () => {
    const { engine, clock } = makeEngine();
    const native = await conversation(engine, clock, { langHint: 'ja' }).say('コンビニで住民票を取ると手数料はいくらですか');
    expect(native.quickReplies.map((q) => q.postback)).not.toContain('lang:ja-easy');
    const lost = await conversation(engine, clock, { langHint: 'ja' }).say('マイナンバーカード を なくしました どう します か');
    expect(lost.intent).toBe('lost_stolen');
    expect(lost.quickReplies.map((q) => q.postback)).not.toContain('lang:ja-easy');
  });
});

describe('a new card asked for after a loss', () => {
  const QUESTION: Record<Lang, string> = {
    ja: 'なくしたカードの再発行はいくらですか',
    en: 'I lost my card, how much is a new one?',
    zh: '卡丢了，补办要多少钱',
    ko: '카드를 잃어버렸는데 재발급 수수료 얼마예요?',
    es: 'perdí mi tarjeta, ¿cuánto cuesta la reposición?',
    pt: 'perdi meu cartão, quanto custa a segunda via?',
    vi: 'tôi bị mất thẻ my number, làm thẻ mới hết bao nhiêu tiền?',
    'ja-easy': 'カードを なくしました。再発行は いくらですか',
  };

  it.each(LANGS)('%s: answers the reissue behind the 24/365 line, with the lost-card flow first', async (lang) => {
    const { engine, clock } = makeEngine();
    const reply = await conversation(engine, clock, { langHint: lang }).say(QUESTION[lang]);
    expect(reply.intent).toBe('reissue');
    expect(reply.messages[0]!.text).toBe(render(lang, 'chat', { key: 'suspension:notStoppedYet' }));
    expect(reply.messages[0]!.text).toContain('0120-95-0178');
    expect(reply.messages[1]!.text).toBe(render(lang, 'chat', { key: 'faq:reissue.chat' }));
    expect(reply.calls[0]!.tel).toBe('tel:+81120950178');
    expect(reply.quickReplies[0]!.postback).toBe('intent:lost_stolen');
    // The lost-card flow, and its report, start only when the resident takes it.
    expect(reply.reportId).toBeUndefined();
  });

  it('on the phone, offers the lost-card flow on key 2', async () => {
    const { engine, clock } = makeEngine();
    const { reply } = await engine.handle({ channel: 'phone', conversationId: 'CA-reissue', receivedAt: clock(), langHint: 'en', kind: 'speech', text: QUESTION.en, confidence: 0.9 });
    expect(reply!.choices[0]).toMatchObject({ id: 'intent:lost_stolen', dtmf: '2' });
  });
});

describe('when the matcher fails', () => {
  const broken = {
    match: () => Promise.reject(new Error('matcher worker exited')),
    detectLanguage: () => Promise.reject(new Error('matcher worker exited')),
    open: () => Promise.reject(new Error('matcher worker exited')),
  };

  it('still recognises a lost card and gives the 24/365 line first', async () => {
    const { engine, clock } = makeEngine({ matcher: broken });
    const reply = await conversation(engine, clock, { langHint: 'ja' }).say('マイナンバーカードを落としてしまいました');
    expect(reply.calls[0]!.tel).toBe('tel:+81120950178');
    expect(reply.reportId).toBeDefined();
  });

  it('answers any other question with the fallback, which gives the office and the 24/365 line', async () => {
    const { engine, clock } = makeEngine({ matcher: broken });
    const reply = await conversation(engine, clock).say('how much is a juminhyo at the konbini?');
    expect(reply.intent).toBeUndefined();
    expect(reply.calls.map((c) => c.tel)).toEqual(['tel:+81868542985', 'tel:+81120950178']);
    expect(allText(reply)).toContain('0120-95-0178');
  });
});

describe('matching started before the session is read', () => {
  /** The test matcher, counting the questions it is asked and in which session language. */
  const counting = () => {
    const inner = testMatcher();
    const asked: (string | undefined)[] = [];
    const matcher: IntentMatcher = {
      match: (text, options) => {
        asked.push(options?.sessionLang);
        return inner.match(text, options);
      },
      detectLanguage: (text, fallback) => {
        asked.push('detect');
        return inner.detectLanguage(text, fallback);
      },
      // A first message: its language and its match, in one question.
      open: (text, fallback) => {
        const opening = inner.open(text, fallback);
        asked.push(opening.lang);
        return opening;
      },
    };
    return { matcher, asked };
  };

  it('asks the matcher once per message when the conversation keeps its language', async () => {
    const { matcher, asked } = counting();
    const { engine, clock } = makeEngine({ matcher });
    const chat = conversation(engine, clock);
    await chat.say('コンビニで住民票をとるといくらですか');
    const answer = await chat.say('暗証番号がロックされました');
    expect(answer.intent).toBe('pin_locked');
    expect(asked).toEqual(['ja', 'ja']);
  });

  it('matches again when another process changed the conversation’s language meanwhile', async () => {
    const { matcher, asked } = counting();
    const store = new MemoryStore();
    const clock = fixedClock(WEEKDAY_10AM);
    const here = makeEngine({ matcher, store, clock }).engine;
    const there = makeEngine({ store, clock }).engine;
    const id = 'shared-conversation';
    await conversation(here, clock, { id }).say('コンビニで住民票をとるといくらですか');
    await conversation(there, clock, { id }).choose('lang:en');
    const answer = await conversation(here, clock, { id }).say('PIN locked, what do I do?');
    expect(answer).toMatchObject({ lang: 'en', intent: 'pin_locked' });
    // The early guess (Japanese) was set aside; the message was matched in English.
    expect(asked).toEqual(['ja', 'ja', 'en']);
  });

  it('detects and matches a new conversation’s first message while its session is being read', async () => {
    const { matcher, asked } = counting();
    // A store whose session read waits until the test lets it go (a slow Redis).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = new MemoryStore();
    const withLock = store.withLock.bind(store);
    store.withLock = async (key, fn) => {
      await gate;
      return withLock(key, fn);
    };
    const { engine, clock } = makeEngine({ matcher, store });
    const turn = conversation(engine, clock).say('Quanto custa o juminhyo na loja de conveniência?');
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['pt']);
    release();
    expect(await turn).toMatchObject({ lang: 'pt', intent: 'konbini_fee' });
    expect(asked).toEqual(['pt']);
  });
});
