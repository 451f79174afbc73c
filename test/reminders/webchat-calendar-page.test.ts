/**
 * Issue #13 in a real headless Chromium against the real app: a customer books in the web chat
 * page, the receipt card's "Aggiungi al calendario" button downloads the booking's .ics (Web Chat
 * opens only absolute links: the page makes the bot's relative link absolute), and the reminder
 * question is answered with its button. Skipped locally without Chromium, a failure on CI.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { launchChromium, requireChromium } from '../support/chromium';
import { icsInstant, parseIcs } from './words';

const words = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/it/webchat.json'), 'utf8'));

describe('web chat page: the calendar file and the reminder question (issue #13, Chromium)', function () {
  this.timeout(90_000);
  let app: App;
  let base: string;
  let browser: Browser;

  before(async function () {
    if (!requireChromium(this, 'web chat calendar page test')) return;
    app = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, CALENDAR_LINK_SECRET: 'p'.repeat(40) }),
      { clock: () => MONDAY_9AM },
    );
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('books, downloads the .ics from the receipt card, says yes to the reminder', async () => {
    const context = await browser.newContext({ locale: 'it-IT', acceptDownloads: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/`);
    const bot = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
    await bot.filter({ hasText: /benvenuto/i }).first().waitFor();
    const box = page.getByPlaceholder(words.chat.placeholder);
    await box.fill('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
    await box.press('Enter');
    await page.locator('.webchat__suggested-actions button', { hasText: /^\s*Confermo\s*$/ }).click();

    const card = page.locator('.ac-adaptiveCard').filter({ hasText: words.receipt.heading });
    await card.waitFor();
    // the reminder question comes with the receipt, as buttons
    await bot.filter({ hasText: /promemoria il giorno prima/ }).waitFor();

    // the card's button: the file comes from the bot, as an attachment, for this booking
    const downloaded = context.waitForEvent('response', (r) => r.url().startsWith(`${base}/api/calendar/`));
    await card.locator('button', { hasText: words.receipt.calendar }).click();
    const response = await downloaded;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^text\/calendar/);
    const [reservation] = await app.planning.list({ status: ['confirmed'] });
    // (Chromium closes the popup once the attachment is handed to the download manager: the same link, read here)
    assert.match(response.headers()['content-disposition'] ?? '', /^attachment; filename="appuntamento-MC-[A-Z0-9]+\.ics"$/);
    const { events } = parseIcs(await (await fetch(response.url())).text());
    assert.equal(icsInstant(events[0].DTSTART), Date.parse(reservation.appointmentAt));

    await page.locator('.webchat__suggested-actions button', { hasText: /^\s*Sì, grazie\s*$/ }).click();
    await bot.filter({ hasText: /Le mando un promemoria/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
