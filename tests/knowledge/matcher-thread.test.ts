import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/knowledge/languages.js';
import { ThreadedMatcher } from '../../src/knowledge/matcher-thread.js';
import { testMatcher } from '../helpers/app.js';

// Eight questions of each language's evaluation set (each language that has one).
const evalSet = (lang: string) => new URL(`../eval/${lang}.json`, import.meta.url);
const questions = LANGS.filter((lang) => existsSync(evalSet(lang))).flatMap((lang) =>
  (JSON.parse(readFileSync(evalSet(lang), 'utf8')) as { q: string }[]).slice(0, 8).map((x) => x.q),
);

describe('the matcher in a worker thread', () => {
  let threaded: ThreadedMatcher;
  const restarts: string[] = [];
  beforeAll(async () => {
    threaded = await ThreadedMatcher.start({ onRestart: (reason) => restarts.push(reason) });
  });
  afterAll(() => threaded.close());

  it('gives exactly what the matcher gives in this thread, for questions in every language', async () => {
    const local = testMatcher();
    const remote = await Promise.all(questions.map((q) => threaded.match(q, { sessionLang: 'en' })));
    expect(remote).toEqual(questions.map((q) => local.match(q, { sessionLang: 'en' })));
    expect(await threaded.detectLanguage('quanto custa o juminhyo?', 'ja')).toEqual(local.detectLanguage('quanto custa o juminhyo?', 'ja'));
    expect(await threaded.open('quanto custa o juminhyo?', 'ja')).toEqual(local.open('quanto custa o juminhyo?', 'ja'));
  });

  it('when its worker dies, another takes over and the questions in hand are still answered', async () => {
    const first = threaded.thread;
    const inHand = questions.map((q) => threaded.match(q));
    await first.terminate();
    const answers = await Promise.all(inHand);
    expect(answers.every((a) => a.candidates.length === 3)).toBe(true);
    expect(threaded.thread).not.toBe(first);
    expect(threaded.restarts).toBe(1);
    expect(restarts).toEqual(['worker exited with 1']);
    expect((await threaded.match('マイナンバーカードをなくしました')).intent).toBe('lost_stolen');
  });

  it('refuses questions once closed', async () => {
    const other = await ThreadedMatcher.start();
    await other.close();
    await expect(other.match('hello')).rejects.toThrow('closed');
  });
});
