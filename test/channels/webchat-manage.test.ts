/**
 * Issue #13 in a real headless Chromium (Debian's, driven by playwright-core), against the real
 * app: a customer books in the web chat; later, in a NEW web chat conversation, cancels the
 * booking by its reference and the car's plate, with one confirmation; and the staff planning
 * board shows the booking as cancelled. Screenshots go to test-artifacts/. On CI a missing
 * Chromium fails; locally the suite is skipped with a message.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, requireChromium } from '../support/chromium';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const TOKEN = 'manage-board-token';
const words = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/it/webchat.json'), 'utf8'));

describe('web chat: book, then cancel in a new conversation; the board shows it (#13)', function () {
  this.timeout(120_000);
  let app: App;
  let base: string;
  let browser: Browser;

  before(async function () {
    if (!requireChromium(this, 'web chat management tests')) return;
    app = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', PLANNING_API_TOKEN: TOKEN, LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE }),
      { clock: () => MONDAY_9AM },
    );
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser context: its own storage, so a new web chat conversation. */
  async function chat(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/`);
    await bot(page).filter({ hasText: /benvenuto/i }).first().waitFor();
    return { page, errors };
  }

  const bot = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  const action = (page: Page, title: string | RegExp) =>
    page.locator('.webchat__suggested-actions button', { hasText: typeof title === 'string' ? new RegExp(`^\\s*${title}\\s*$`) : title });

  async function send(page: Page, text: string): Promise<void> {
    const box = page.getByPlaceholder(words.chat.placeholder);
    await box.fill(text);
    await box.press('Enter');
  }

  it('books, cancels by reference and plate in a new conversation, and the board shows the cancellation', async () => {
    // 1. The booking, in the first conversation.
    const first = await chat();
    await send(first.page, 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì');
    await action(first.page, 'Taxi').click();
    await action(first.page, 'Confermo').click();
    await first.page.locator('.ac-adaptiveCard').filter({ hasText: words.receipt.heading }).waitFor();
    const confirmation = await bot(first.page).filter({ hasText: /MC-[A-Z0-9]{6}/ }).last().innerText();
    const reference = /MC-[A-Z0-9]{6}/.exec(confirmation)![0];
    assert.equal((await app.planning.get(reference))?.status, 'confirmed');
    assert.deepEqual(first.errors, []);
    await first.page.context().close();

    // 2. A new conversation: the reference alone shows nothing; with the plate, one confirmation.
    const second = await chat();
    await send(second.page, `buongiorno, vorrei annullare la prenotazione ${reference}`);
    await bot(second.page).filter({ hasText: /targa/ }).last().waitFor();
    assert.equal(await bot(second.page).filter({ hasText: /Taxi|10:00|09:00|08:30/ }).count(), 0, 'nothing about the booking before the plate');
    await send(second.page, 'FX456AB');
    await bot(second.page).filter({ hasText: `Vuole annullare la prenotazione ${reference}` }).waitFor();
    assert.equal((await app.planning.get(reference))?.status, 'confirmed', 'not cancelled before the yes');
    await action(second.page, 'Sì, annulla').click();
    await bot(second.page).filter({ hasText: `Ho annullato la prenotazione ${reference}` }).waitFor();
    assert.equal((await app.planning.get(reference))?.status, 'cancelled');
    assert.equal(await second.page.locator('text=/Send failed|Invio non riuscito|non riuscit/i').count(), 0);
    await second.page.screenshot({ path: path.join(ARTIFACTS, 'webchat-cancel-it.png') });
    assert.deepEqual(second.errors, []);
    await second.page.context().close();

    // 3. The staff planning board: the bar is there, marked cancelled.
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1480, height: 860 } });
    const board = await context.newPage();
    const errors: string[] = [];
    board.on('pageerror', (e) => errors.push(e.message));
    await board.goto(`${base}/planning`);
    await board.locator('#token').fill(TOKEN);
    await board.locator('#login-form button[type=submit]').click();
    const bar = board.locator(`.bar[data-reference="${reference}"]`);
    await bar.waitFor();
    assert.equal(await bar.getAttribute('data-status'), 'cancelled');
    assert.match((await bar.getAttribute('aria-label')) ?? '', /Annullata/);
    await bar.hover();
    await board.locator('#tip').waitFor();
    assert.match((await board.locator('#tip').textContent()) ?? '', /Annullata/);
    await board.screenshot({ path: path.join(ARTIFACTS, 'planning-board-cancelled.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
