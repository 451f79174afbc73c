/**
 * The web chat page in headless Chromium when its conversation has expired on the bot. One
 * opened and never used (only the welcome) is forgotten after UNUSED_CONVERSATION_TTL_SECONDS:
 * a customer who read the welcome, left, and types later has lost nothing, so the page opens a
 * new conversation behind the scenes and their message is answered there. One the customer had
 * used (and that has expired) keeps the page's "expired" note. Time moves with the app's clock.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../support/chromium';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const words = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/en/webchat.json'), 'utf8'));
// The browser reports each refused fetch (the stale conversation's 401) on its console.
const REFUSED_FETCH = /Failed to load resource: the server responded with a status of 401/;

describe('web chat page (/) when its conversation expired, in headless Chromium', function () {
  this.timeout(90_000);
  let app: App;
  let base: string;
  let browser: Browser;
  let now = MONDAY_9AM.getTime();

  before(async function () {
    if (!requireChromium(this, 'web chat page tests')) return;
    app = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, UNUSED_CONVERSATION_TTL_SECONDS: '900' }),
      { clock: () => new Date(now) },
    );
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    browser = await launchChromium();
  });
  beforeEach(() => {
    now = MONDAY_9AM.getTime();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[]; opens: () => number; opened: Promise<string> }> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    let opened = 0;
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !REFUSED_FETCH.test(m.text())) errors.push(m.text());
    });
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/webchat/conversations') opened++;
    });
    const first = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/webchat/conversations');
    await page.goto(`${base}/`);
    await bubbles(page, 'bot').filter({ hasText: /welcome/i }).first().waitFor();
    return { page, errors, opens: () => opened, opened: first.then(async (r) => ((await r.json()) as { conversationId: string }).conversationId) };
  }

  const bubbles = (page: Page, from: 'bot' | 'user') =>
    page.locator(from === 'user' ? '.webchat__bubble--from-user .webchat__bubble__content' : '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  const action = (page: Page, title: string) => page.locator('.webchat__suggested-actions button', { hasText: new RegExp(`^\\s*${title}\\s*$`) });
  const sendFailed = (page: Page) => page.locator('text=/Send failed/i');

  async function send(page: Page, text: string): Promise<void> {
    const box = page.getByPlaceholder(words.chat.placeholder);
    await box.fill(text);
    await box.press('Enter');
  }

  it('a conversation only opened, then forgotten: the first message opens a new one and is answered, with no note', async () => {
    const { page, errors, opens } = await open();
    assert.equal(opens(), 1);
    // The customer reads the welcome and comes back 16 minutes later.
    now += 16 * 60_000;

    await send(page, "I'm Marco Rossi, Ghibli FX456AB, service on Thursday");
    await bubbles(page, 'user').filter({ hasText: 'FX456AB' }).waitFor();
    // Answered: the next question's choices, on a conversation the page opened by itself.
    await action(page, 'Taxi').waitFor();
    assert.equal(opens(), 2, 'a new conversation was opened');
    await action(page, 'Taxi').click();
    await action(page, 'Confirm').click();
    await page.locator('.ac-adaptiveCard').filter({ hasText: words.receipt.heading }).waitFor();

    assert.equal(await page.locator('#problem').isVisible(), false, 'no note');
    assert.equal(await sendFailed(page).count(), 0, 'every message delivered');
    assert.equal(await bubbles(page, 'bot').filter({ hasText: /welcome/i }).count(), 1, 'the welcome is not said twice');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('the same when the page\'s event stream finds out first: no note, the next message is answered', async () => {
    const { page, errors, opens, opened } = await open();
    const id = await opened;
    now += 16 * 60_000;
    // The bot meets the conversation (an advisor's push, say), forgets it and ends its stream; the page reconnects and is refused.
    const refused = page.waitForResponse((r) => r.url().endsWith('/stream') && r.status() === 401);
    assert.equal(await app.webChat!.push(id, { text: 'late' }), false);
    await refused;

    await send(page, "I'm Marco Rossi, Ghibli FX456AB, service on Thursday");
    await action(page, 'Taxi').waitFor();
    assert.equal(opens(), 2);
    assert.equal(await page.locator('#problem').isVisible(), false, 'no note');
    assert.equal(await sendFailed(page).count(), 0);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a conversation the customer used, expired: the page still says so', async () => {
    const { page, errors, opens } = await open();
    await send(page, "I'm Marco Rossi, Ghibli FX456AB, service on Thursday");
    await action(page, 'Taxi').waitFor();
    // A used conversation is forgotten after a day without a message.
    now += 25 * 3600_000;

    await send(page, 'hello again');
    await page.locator('#problem', { hasText: words.chat.expired }).waitFor();
    assert.equal(opens(), 1, 'no new conversation behind the customer\'s back: what they said there is gone');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
