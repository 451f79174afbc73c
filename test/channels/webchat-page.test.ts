/**
 * The web chat page in a real headless Chromium (Debian's, driven by playwright-core), against
 * the real app: a customer books by typing and clicking the suggested actions, in Italian and in
 * English (from the browser's language), and sees the receipt card. Screenshots go to
 * test-artifacts/. On CI a missing Chromium fails; locally the suite is skipped with a message.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, requireChromium } from '../support/chromium';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const words = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${lang}/webchat.json`), 'utf8'));

describe('web chat page (/) in headless Chromium', function () {
  this.timeout(90_000);
  let app: App;
  let base: string;
  let browser: Browser;

  before(async function () {
    if (!requireChromium(this, 'web chat page tests')) return;
    app = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE }),
      { clock: () => MONDAY_9AM },
    );
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(locale: string, viewport = { width: 1366, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // Nothing may come from anywhere but the bot: no CDN.
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) errors.push(`request to ${r.url()}`);
    });
    await page.goto(`${base}/`);
    return { page, errors };
  }

  const bubbles = (page: Page, from: 'bot' | 'user') =>
    page.locator(from === 'user' ? '.webchat__bubble--from-user .webchat__bubble__content' : '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  const action = (page: Page, title: string) => page.locator('.webchat__suggested-actions button', { hasText: new RegExp(`^\\s*${title}\\s*$`) });

  async function send(page: Page, placeholder: string, text: string): Promise<void> {
    const box = page.getByPlaceholder(placeholder);
    await box.fill(text);
    await box.press('Enter');
  }

  const script = {
    it: { say: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì', mobility: 'Taxi', confirm: 'Confermo', welcome: /benvenuto/i, dealer: 'Maserati Modena' },
    // another car than the Italian run's: one car has one appointment at a time (#13)
    en: { say: "I'm Marco Rossi, Ghibli GB678RT, service on Thursday", mobility: 'Taxi', confirm: 'Confirm', welcome: /welcome/i, dealer: 'Maserati Modena' },
  } as const;

  for (const [lang, locale] of [['it', 'it-IT'], ['en', 'en-GB']] as const) {
    it(`books a service with a taxi by typing and clicking (${locale})`, async () => {
      const w = words(lang);
      const s = script[lang];
      const { page, errors } = await open(locale);

      // The page speaks the browser's language, words from locales/<lang>/webchat.json.
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await page.getByRole('heading', { level: 1, name: w.hero.heading }).waitFor();
      assert.match(await page.locator('#dealer-name').innerText(), new RegExp(s.dealer));
      assert.equal(await page.title(), w.title.replace('{{dealer}}', app.dealer.site.name));

      // The welcome, and the first question's choices as buttons.
      await bubbles(page, 'bot').filter({ hasText: s.welcome }).first().waitFor();
      assert.ok((await page.locator('.webchat__suggested-actions button').count()) >= 3);

      await send(page, w.chat.placeholder, s.say);
      await bubbles(page, 'user').filter({ hasText: /FX456AB|GB678RT/ }).waitFor();
      await action(page, s.mobility).click();
      // The clicked choice shows as the customer's message (messageBack with displayText).
      await bubbles(page, 'user').filter({ hasText: new RegExp(`^\\s*${s.mobility}\\s*$`) }).waitFor();
      await action(page, s.confirm).click();

      // The receipt card, with the reference the confirmation names.
      const card = page.locator('.ac-adaptiveCard').filter({ hasText: w.receipt.heading });
      await card.waitFor();
      const confirmation = await bubbles(page, 'bot').filter({ hasText: /MC-[A-Z0-9]+/ }).last().innerText();
      const reference = /MC-[A-Z0-9]+/.exec(confirmation)![0];
      const cardText = await card.innerText();
      assert.ok(cardText.includes(reference), cardText);
      for (const label of [w.receipt.customer, w.receipt.service, w.receipt.appointment, w.receipt.solution]) assert.ok(cardText.includes(label), `${label} in ${cardText}`);
      assert.ok(cardText.includes('Marco Rossi') && cardText.includes('Taxi'), cardText);

      // Every message was delivered (echoed with its clientActivityID): no "Send failed".
      assert.equal(await page.locator('text=/Send failed|Invio non riuscito|non riuscit/i').count(), 0);
      assert.equal((await bubbles(page, 'user').allInnerTexts()).length, 3);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(ARTIFACTS, `webchat-${lang}.png`) });
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }

  it('fits a phone screen, chat first', async () => {
    const { page, errors } = await open('it-IT', { width: 390, height: 844 });
    await bubbles(page, 'bot').filter({ hasText: /benvenuto/i }).first().waitFor();
    // Web Chat's "connecting" note fades once the conversation is online.
    await page.locator('.webchat__connectivityStatus').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    const box = await page.locator('#webchat').boundingBox();
    assert.ok(box && box.width >= 380 && box.height > 500, JSON.stringify(box));
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-mobile.png') });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('embeds on a dealer site: embed.js adds a button that opens the chat in a panel', async () => {
    const w = words('en');
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // The dealer's own site, served from another origin on loopback (Chromium refuses a page it
    // thinks public loading from loopback), with the snippet pasted in.
    const dealerSite = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body><h1>Dealer site</h1><script src="${base}/webchat/embed.js" data-lang="en" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => dealerSite.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(dealerSite.address() as AddressInfo).port}/`);
      const button = page.locator('.mc-embed-button');
      await button.waitFor();
      // The label arrives with the words, fetched from the bot.
      await page.locator(`.mc-embed-button[aria-label="${w.embed.open}"]`).waitFor();
      await button.click();
      const frame = page.frameLocator('.mc-embed-panel iframe');
      await frame.locator('.webchat__bubble__content', { hasText: /welcome/i }).first().waitFor();
      assert.equal(await button.getAttribute('aria-label'), w.embed.close);
      await frame.locator('.webchat__connectivityStatus').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-embed.png') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await new Promise<void>((resolve) => dealerSite.close(() => resolve()));
    }
  });
});
