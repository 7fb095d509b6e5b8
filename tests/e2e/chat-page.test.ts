/**
 * The chat page in a real browser (Debian's Chromium driven by playwright-core): a resident
 * asks in two languages, taps a quick reply, and sees the answers, the banner and call links.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n.js';
import { startTestServer, type TestServer } from '../helpers/app.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(lang: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) external.push(request.url());
  });
  await page.goto(`${server.url}/`);
  await page.locator('#choices button').first().waitFor();
  expect(external).toEqual([]);
  return page;
}

const botMessages = (page: Page) => page.locator('#log .msg.bot');

describe('web chat page', () => {
  it('asks in Japanese, taps a quick reply, then switches to Portuguese by asking in it', async () => {
    const page = await openPage('ja-JP');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('#banner a').getAttribute('href')).toBe('tel:+81120950178');

    await page.fill('#q', 'コンビニで住民票を取ると手数料はいくら？');
    await page.press('#q', 'Enter');
    // The fee, then the guidebook's date (fees change).
    await expect.poll(() => botMessages(page).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('150'), expect.stringContaining('2024年3月1日')]));

    const before = await botMessages(page).count();
    const quick = page.locator('#choices button').first();
    const label = await quick.textContent();
    await quick.click();
    await expect.poll(() => botMessages(page).count()).toBeGreaterThan(before);
    expect(await page.locator('#log .msg.user').last().textContent()).toContain(label!);

    await page.fill('#q', 'Quanto tempo vale o cartão My Number para um adulto?');
    await page.click('#send');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pt');
    // The validity answer, in Portuguese: its first line as the locale writes it.
    const validity = render('pt', 'chat', { key: 'faq:validity_by_age.chat' }).split('\n')[0]!;
    await expect.poll(() => botMessages(page).last().textContent()).toContain(validity);
    expect(await page.locator('#send').textContent()).toBe('Enviar');
  });

  it('lets a resident who lost the card tap to call, in the language chosen from the selector', async () => {
    const page = await openPage('en-US');
    await page.selectOption('#lang', 'ko');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    await page.fill('#q', '카드를 잃어버렸어요');
    await page.press('#q', 'Enter');
    await expect.poll(() => botMessages(page).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('0120-0178-27')]));
    const calls = await page.locator('#choices a.call').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(calls).toEqual(['tel:+81120950178', 'tel:+81120017827']);
    expect(await page.locator('#log').getAttribute('aria-live')).toBe('polite');
  });

  it('shows Easy Japanese with the readings of its kanji as ruby, and Vietnamese from the selector', async () => {
    const page = await openPage('ja-JP');
    await page.selectOption('#lang', 'ja-easy');
    await expect.poll(() => page.locator('#lang').inputValue()).toBe('ja-easy');
    await page.fill('#q', 'コンビニ で じゅうみんひょう は いくら ですか');
    await page.press('#q', 'Enter');
    const answer = botMessages(page).filter({ hasText: '150' }).last();
    await answer.waitFor();
    // Real <ruby> elements with their readings, and the kanji read as text without the brackets.
    expect(await answer.locator('ruby').count()).toBeGreaterThan(3);
    expect(await answer.locator('ruby rt').first().textContent()).toMatch(/^[ぁ-ん]+$/);
    expect(await answer.textContent()).not.toContain('|');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');

    await page.selectOption('#lang', 'vi');
    await page.fill('#q', 'tôi bị mất thẻ my number');
    await page.press('#q', 'Enter');
    await expect.poll(() => botMessages(page).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('マイナンバーカードをなくしたので')]));
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('is usable with the keyboard alone', async () => {
    const page = await openPage('es-MX');
    await page.focus('#q');
    await page.keyboard.type('¿Dónde puedo renovar mi tarjeta?');
    await page.keyboard.press('Enter');
    await expect.poll(() => botMessages(page).last().textContent()).toContain('3');
    await page.keyboard.press('Shift+Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    expect(['BUTTON', 'A']).toContain(focused);
  });
});

describe('staff page', () => {
  it('shows nothing until the token is given, then the reports and unanswered questions', async () => {
    const staff = await startTestServer({ env: { ADMIN_TOKEN: 'staff-token-0123456789' } });
    try {
      const lost = await staff.chat({ text: 'I lost my card on the bus' });
      await staff.chat({ text: 'what is the weather tomorrow' });
      const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
      await page.goto(`${staff.url}/admin`);
      expect(await page.locator('#data').isHidden()).toBe(true);
      await page.fill('#token', 'wrong-token-0000000000');
      await page.click('#login button');
      await expect.poll(() => page.locator('#status').textContent()).toContain('トークンが正しくありません');
      await page.fill('#token', 'staff-token-0123456789');
      await page.click('#login button');
      await page.locator('#reports tbody tr').first().waitFor();
      expect(await page.locator('#reports tbody tr td').first().textContent()).toBe(lost.body.reportId);
      expect(await page.locator('#unanswered tbody').textContent()).toContain('what is the weather tomorrow');
      expect(await page.locator('#chart .day').count()).toBe(30);
    } finally {
      await staff.close();
    }
  });
});
