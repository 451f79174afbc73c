/**
 * End to end in a real headless Chromium: a customer on the web chat (/) asks for a person; an
 * advisor signed in to the console (/advisor) sees the conversation appear without reloading,
 * takes it and replies; the reply reaches the customer's page over its event stream, and the
 * customer's answer appears live in the console. Screenshots: test-artifacts/handoff-*.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, requireChromium } from '../support/chromium';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';


describe('handoff end to end: web chat customer and console advisor in headless Chromium', function () {
  this.timeout(90_000);
  let app: App;
  let base: string;
  let browser: Browser;

  before(async function () {
    if (!requireChromium(this, 'handoff end-to-end test')) return;
    const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
    app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
    }), { clock: () => MONDAY_9AM });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function page(url: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'it-IT', viewport });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (err) => errors.push(err.message));
    p.on('request', (r) => {
      if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) errors.push(`request to ${r.url()}`);
    });
    await p.goto(url);
    return { page: p, errors };
  }

  const botBubbles = (p: Page) => p.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');

  it('exchanges messages both ways', async () => {
    const customer = await page(`${base}/`, { width: 1100, height: 860 });
    const c = customer.page;
    await botBubbles(c).filter({ hasText: /benvenuto/i }).first().waitFor();
    const box = c.getByPlaceholder(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/it/webchat.json'), 'utf8')).chat.placeholder);
    await box.fill('Buongiorno, la mia Ghibli FX456AB deve fare il tagliando');
    await box.press('Enter');
    await botBubbles(c).filter({ hasText: /nome/i }).first().waitFor();

    // The advisor signs in before the handoff: the conversation must appear without reloading.
    const advisor = await page(`${base}/advisor`, { width: 1440, height: 900 });
    const a = advisor.page;
    await a.locator('#advisor-id').fill('giulia');
    await a.locator('#password').fill('wrong');
    await a.getByRole('button', { name: 'Accedi' }).click();
    await a.locator('#login-error').waitFor({ state: 'visible' });
    await a.locator('#password').fill('giulia-password');
    await a.getByRole('button', { name: 'Accedi' }).click();
    await a.locator('#queue-empty').waitFor({ state: 'visible' });

    await box.fill('voglio parlare con una persona');
    await box.press('Enter');
    await botBubbles(c).filter({ hasText: /La metto in contatto con un consulente/ }).waitFor();

    const item = a.locator('#waiting .item');
    await item.waitFor();
    assert.match(await item.innerText(), /FX456AB[\s\S]*Web chat[\s\S]*IT[\s\S]*Ha chiesto un consulente[\s\S]*Tagliando/i);
    await item.click();
    await a.locator('#summary .plate', { hasText: 'FX456AB' }).waitFor();
    assert.match(await a.locator('#transcript').innerText(), /la mia Ghibli FX456AB deve fare il tagliando/);

    await a.getByRole('button', { name: 'Prendi in carico' }).click();
    await botBubbles(c).filter({ hasText: /Giulia Bianchi, consulente, è ora in conversazione/ }).waitFor();
    await a.locator('#reply').fill('Buongiorno, sono Giulia. Mi dice il Suo nome e quando preferisce portare la vettura?');
    await a.locator('#reply').press('Enter');
    await botBubbles(c).filter({ hasText: /sono Giulia/ }).waitFor();

    await box.fill('Marco Rossi, giovedì mattina se possibile');
    await box.press('Enter');
    await a.locator('#transcript .msg.customer', { hasText: 'Marco Rossi, giovedì mattina' }).waitFor();
    // The bot said nothing to that message: the advisor holds the conversation.
    await c.waitForTimeout(500);
    assert.equal(await botBubbles(c).filter({ hasText: /Marco Rossi/ }).count(), 0);

    await a.locator('#reply').fill('Perfetto, giovedì alle 9 con auto di cortesia: Le confermo tra poco.');
    await a.locator('#reply').press('Enter');
    await botBubbles(c).filter({ hasText: /giovedì alle 9 con auto di cortesia/ }).waitFor();
    await a.locator('#transcript .msg.advisor', { hasText: 'giovedì alle 9' }).waitFor();

    await c.waitForTimeout(300);
    await c.screenshot({ path: path.join(ARTIFACTS, 'handoff-customer.png') });
    await a.screenshot({ path: path.join(ARTIFACTS, 'handoff-advisor.png') });
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(advisor.errors, []);
  });
});
