/**
 * The web chat page in headless Chromium behind a load balancer without session affinity
 * (issue #14): two real apps share one real redis-server, and a round-robin proxy on loopback
 * sends each of the page's requests to the next instance — the opening, the posts and the event
 * stream land on different instances. The customer books by typing and clicking, and messages
 * pushed later by either instance reach the page's stream. On CI a missing Chromium fails; locally
 * the suite is skipped with a message.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { whenReady } from '../support/bot-client';
import { launchChromium, requireChromium } from '../support/chromium';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const words = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/it/webchat.json'), 'utf8'));

/** A load balancer without affinity: request i goes to target i mod n, streamed both ways. */
async function roundRobin(targets: string[]): Promise<{ base: string; served: { target: number; path: string }[]; close: () => Promise<void> }> {
  const served: { target: number; path: string }[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = next++ % targets.length;
    served.push({ target, path: req.url ?? '' });
    const url = new URL(req.url ?? '/', targets[target]);
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('web chat page (/) in headless Chromium, its requests alternating between two instances', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let apps: App[] = [];
  let balancer: Awaited<ReturnType<typeof roundRobin>>;
  let browser: Browser;

  before(async function () {
    if (!requireChromium(this, 'web chat page across instances')) return;
    redis = await startTestRedis(this);
    const settings = {
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('page-instances'),
    };
    apps = [await createApp(loadConfig(settings), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) })];
    apps.push(await createApp(loadConfig(settings), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) }));
    const bases: string[] = [];
    for (const app of apps) bases.push(`http://127.0.0.1:${(await app.listen()).port}`);
    await Promise.all(bases.map(whenReady));
    balancer = await roundRobin(bases);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await balancer?.close();
    await Promise.all(apps.map((a) => a.close()));
    await redis?.dispose();
  });

  const bubbles = (page: Page, from: 'bot' | 'user') =>
    page.locator(from === 'user' ? '.webchat__bubble--from-user .webchat__bubble__content' : '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  const action = (page: Page, title: string) => page.locator('.webchat__suggested-actions button', { hasText: new RegExp(`^\\s*${title}\\s*$`) });

  it('books by typing and clicking, and shows what either instance pushes later', async () => {
    const context = await browser.newContext({ locale: 'it-IT' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let conversationId = '';
    page.on('response', async (r) => {
      if (r.url().endsWith('/api/webchat/conversations') && r.status() === 201) conversationId = ((await r.json()) as { conversationId: string }).conversationId;
    });
    await page.goto(`${balancer.base}/`);
    await bubbles(page, 'bot').filter({ hasText: /benvenuto/i }).first().waitFor();

    const box = page.getByPlaceholder(words.chat.placeholder);
    await box.fill('buongiorno sono marco rossi, ghibli FX456AB, tagliando giovedi');
    await box.press('Enter');
    await bubbles(page, 'user').filter({ hasText: /FX456AB/ }).waitFor();
    await action(page, 'Taxi').click();
    await bubbles(page, 'user').filter({ hasText: /^\s*Taxi\s*$/ }).waitFor();
    await action(page, 'Confermo').click();
    await bubbles(page, 'bot').filter({ hasText: /MC-[A-Z0-9]+/ }).last().waitFor();
    assert.equal(await page.locator('text=/Send failed|Invio non riuscito|non riuscit/i').count(), 0);

    // The page's calls went to both instances: no affinity.
    const api = balancer.served.filter((s) => s.path.startsWith('/api/webchat/'));
    assert.ok(api.some((s) => s.target === 0) && api.some((s) => s.target === 1), JSON.stringify(api));
    assert.ok(api.some((s) => s.path.endsWith('/stream')), 'the page opened its event stream');

    // Later messages, pushed by one instance then the other, reach the page's one stream.
    assert.ok(conversationId);
    assert.equal(await apps[0].webChat!.push(conversationId, { text: 'Promemoria da A: a giovedì!' }), true);
    await bubbles(page, 'bot').filter({ hasText: 'Promemoria da A' }).waitFor();
    assert.equal(await apps[1].webChat!.push(conversationId, { text: 'Promemoria da B: porti il libretto.' }), true);
    await bubbles(page, 'bot').filter({ hasText: 'Promemoria da B' }).waitFor();
    assert.equal(await bubbles(page, 'bot').filter({ hasText: 'Promemoria da A' }).count(), 1, 'shown once');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
