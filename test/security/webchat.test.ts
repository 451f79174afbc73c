/**
 * The web chat's limits over real HTTP on loopback (issue #10): who may open conversations and how
 * many, how fast a conversation may post, how many event streams a token may hold, and what shape
 * the browser's posts must have. Client addresses come from X-Forwarded-For behind one trusted
 * proxy hop (TRUST_PROXY_HOPS=1), as in production behind a load balancer. Time moves with the
 * app's injectable clock; no timing assertions.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { whenReady } from '../support/bot-client';
import { capturingLogger } from '../support/capturing-logger';
import { launchChromium, requireChromium } from '../support/chromium';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

interface Opened {
  id: string;
  token: string;
}

/** A real app on loopback with the given settings; `clock` moves time for the app (conversations' expiry). */
async function start(settings: Record<string, string>, clock: () => Date = () => MONDAY_9AM, logger = pino({ level: 'silent' })): Promise<{ app: App; base: string }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', ...settings });
  const app = await createApp(config, { clock, logger });
  return { app, base: `http://127.0.0.1:${(await app.listen()).port}` };
}

/** POST /api/webchat/conversations, as seen from `from` behind the trusted proxy (when given). */
async function opening(base: string, from?: string, body: string = JSON.stringify({ locale: 'it-IT' })): Promise<Response> {
  return fetch(`${base}/api/webchat/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body,
  });
}

async function open(base: string, from?: string): Promise<Opened> {
  const res = await opening(base, from);
  assert.equal(res.status, 201);
  const body = (await res.json()) as { conversationId: string; token: string };
  return { id: body.conversationId, token: body.token };
}

let seq = 0;
async function post(base: string, c: Opened, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ type: 'message', locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID: `sec-${++seq}` }, ...activity }),
  });
}

async function postRaw(base: string, c: Opened, body: string): Promise<Response> {
  return fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body,
  });
}

/** An open event stream: its status, and (when 200) a way to read it or to hang up. */
async function stream(base: string, c: Opened): Promise<{ status: number; retryAfter: string | null; close: () => void; ended: () => Promise<void> }> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/webchat/conversations/${c.id}/stream`, { headers: { authorization: `Bearer ${c.token}` }, signal: controller.signal });
  if (res.status !== 200) await res.arrayBuffer();
  const reader = res.status === 200 ? res.body!.getReader() : undefined;
  // The first frame (`retry:`) proves the server attached the stream before we go on.
  if (reader) await reader.read();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    close: () => controller.abort(),
    ended: async () => {
      for (;;) if ((await reader!.read()).done) return;
    },
  };
}

function assertRetryAfter(res: { headers: Headers } | { retryAfter: string | null }, max: number): void {
  const value = 'headers' in res ? res.headers.get('retry-after') : res.retryAfter;
  assert.match(value ?? '', /^\d+$/, 'Retry-After in seconds');
  assert.ok(Number(value) >= 1 && Number(value) <= max, `Retry-After ${value} within 1..${max}`);
}

// Every limit holds alike with the web chat's state in memory (one instance) and in Redis (shared by instances, #14).
for (const store of ['memory', 'redis'] as const) describe(`security: the web chat edge (/api/webchat), state in ${store}`, function () {
  this.timeout(30_000);
  const apps: App[] = [];
  let shared: TestRedis | undefined;
  before(async function () {
    if (store === 'redis') shared = await startTestRedis(this);
  });
  after(async () => shared?.dispose());
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  const running = async (settings: Record<string, string>, clock?: () => Date, logger?: pino.Logger) => {
    const onRedis: Record<string, string> = shared ? { REDIS_URL: shared.url, REDIS_KEY_PREFIX: uniquePrefix('webchat-security') } : {};
    const started = await start({ ...onRedis, ...settings }, clock, logger);
    apps.push(started.app);
    // Until its connection is ready an instance counts in memory (the fallback): wait, as a load balancer would.
    if (shared) await whenReady(started.base);
    return started;
  };

  it('one address opening conversations in a loop gets 429 with Retry-After; a customer already chatting is untouched', async () => {
    const { base } = await running({ TRUST_PROXY_HOPS: '1', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '3', WEBCHAT_MAX_CONVERSATIONS: '50' });
    const customer = await open(base, '203.0.113.7');
    assert.equal((await post(base, customer, { text: 'tagliando' })).status, 200);

    const flood: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await opening(base, '198.51.100.66');
      flood.push(res.status);
      if (res.status === 429) assertRetryAfter(res, 3600);
      await res.arrayBuffer();
    }
    assert.deepEqual(flood, [201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    // An address the client writes itself (left of what our proxy appended) is not believed.
    assert.equal((await opening(base, '192.0.2.1, 198.51.100.66')).status, 429);
    assert.equal((await opening(base, '198.51.100.67')).status, 201, 'another address has its own count');
    assert.equal((await post(base, customer, { text: 'per la Ghibli' })).status, 200);
  });

  it('the addresses of one IPv6 /64 (one customer\'s line) share one count of opens, and a proxy\'s ip:port is the ip', async () => {
    const { base } = await running({ TRUST_PROXY_HOPS: '1', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '3' });
    const statuses: number[] = [];
    // One subscriber's prefix, a fresh interface id each time (as privacy addresses, or a script, would).
    for (let i = 1; i <= 6; i++) {
      const res = await opening(base, `2001:db8:a:b::${i.toString(16)}:${(i * 7919).toString(16)}`);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
    assert.equal((await opening(base, '2001:db8:a:c::1')).status, 201, 'another /64 has its own count');
    assert.equal((await opening(base, '::ffff:198.51.100.70')).status, 201, 'an IPv4 address, mapped or not, is its own');
    // Proxies that write the client's port (Azure Application Gateway): the address, not the port, is counted.
    const ported: number[] = [];
    for (const entry of ['198.51.100.80:51000', '198.51.100.80:51001', '198.51.100.80', '198.51.100.80:51002', '[2001:db8:a:d::1]:443']) {
      const res = await opening(base, entry);
      ported.push(res.status);
      await res.arrayBuffer();
    }
    assert.deepEqual(ported, [201, 201, 201, 429, 201]);
  });

  it('HEAD on an event stream answers its headers and ends: it holds no stream place', async () => {
    const { base } = await running({ STREAMS_PER_CONVERSATION: '1' });
    const c = await open(base);
    const { hostname, port } = new URL(base);
    // A client that keeps its connection open after the HEAD's answer (as keep-alive clients do).
    const head = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.request({ hostname, port, method: 'HEAD', path: `/api/webchat/conversations/${c.id}/stream`, headers: { authorization: `Bearer ${c.token}` }, agent: false }, resolve)
        .on('error', reject).end();
    });
    try {
      assert.equal(head.statusCode, 200);
      assert.match(String(head.headers['content-type']), /text\/event-stream/);
      const s = await stream(base, c);
      assert.equal(s.status, 200, 'the HEAD took no place');
      s.close();
    } finally {
      head.socket?.destroy();
    }
  });

  it('a flood of refused streams, opens and messages logs one line a minute per kind', async () => {
    const lines: Record<string, any>[] = [];
    const { base } = await running(
      { STREAMS_PER_CONVERSATION: '1', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '2', MESSAGES_PER_CONVERSATION_PER_MINUTE: '1' },
      undefined, capturingLogger(lines),
    );
    const c = await open(base);
    const held = await stream(base, c);
    assert.equal((await post(base, c, { text: 'tagliando' })).status, 200);
    for (let i = 0; i < 20; i++) {
      assert.equal((await stream(base, c)).status, 429);
      assert.equal((await post(base, c, { text: `again ${i}` })).status, 429);
      const res = await opening(base);
      await res.arrayBuffer();
    }
    held.close();
    const loud = lines.filter((l) => l.level >= 30 && /refused/i.test(String(l.msg)));
    assert.ok(loud.length <= 3, JSON.stringify(loud));
  });

  it('a full table refuses newcomers with 503 and Retry-After, and evicts nobody', async () => {
    const { base } = await running({ WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '1000', WEBCHAT_MAX_CONVERSATIONS: '5' });
    const customer = await open(base);
    assert.equal((await post(base, customer, { text: 'tagliando' })).status, 200);
    const flooders: Opened[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await opening(base);
      statuses.push(res.status);
      if (res.status === 201) {
        const body = (await res.json()) as { conversationId: string; token: string };
        flooders.push({ id: body.conversationId, token: body.token });
      } else {
        assertRetryAfter(res, 3600);
        await res.arrayBuffer();
      }
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 503, 503, 503, 503, 503, 503, 503, 503]);
    assert.equal((await post(base, customer, { text: 'per la Ghibli' })).status, 200, 'the customer who was chatting still is');
    assert.equal((await post(base, flooders[0], { text: 'tagliando' })).status, 200, 'the oldest newcomer was not evicted either');
  });

  it('opened-but-unused conversations expire after UNUSED_CONVERSATION_TTL_SECONDS and make room; a used one stays', async () => {
    let now = MONDAY_9AM.getTime();
    const { base } = await running(
      { WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '1000', WEBCHAT_MAX_CONVERSATIONS: '3', UNUSED_CONVERSATION_TTL_SECONDS: '900' },
      () => new Date(now),
    );
    const customer = await open(base);
    assert.equal((await post(base, customer, { text: 'tagliando' })).status, 200);
    const idle = [await open(base), await open(base)];
    const idleStream = await stream(base, idle[0]);
    assert.equal(idleStream.status, 200);
    assert.equal((await opening(base)).status, 503, 'the table is full');

    now += 899_000;
    assert.equal((await opening(base)).status, 503, 'not yet: 899 s');
    now += 2_000;
    assert.equal((await opening(base)).status, 201, 'the unused ones expired after 900 s and made room');
    await idleStream.ended();
    for (const c of idle) assert.equal((await post(base, c, { text: 'tagliando' })).status, 401);

    now += 3600_000;
    assert.equal((await post(base, customer, { text: 'per la Ghibli' })).status, 200, 'a conversation in use lasts the idle window (24 h)');
  });

  it('a conversation posting faster than MESSAGES_PER_CONVERSATION_PER_MINUTE gets 429; no turn runs; a retry is answered and not counted', async () => {
    const { app, base } = await running({ MESSAGES_PER_CONVERSATION_PER_MINUTE: '3' });
    const c = await open(base);
    const texts = ['tagliando', 'per la Ghibli'];
    let last: unknown;
    for (const [i, text] of texts.entries()) {
      const res = await post(base, c, { text, channelData: { clientActivityID: `rate-${i}` } });
      assert.equal(res.status, 200);
      last = await res.json();
    }
    const retry = await post(base, c, { text: 'per la Ghibli', channelData: { clientActivityID: 'rate-1' } });
    assert.equal(retry.status, 200, 'a re-post of the same activity gets its first answer');
    assert.deepEqual(await retry.json(), last);
    assert.equal((await post(base, c, { text: 'giovedì', channelData: { clientActivityID: 'rate-2' } })).status, 200, 'the re-post was not counted');

    const refused = await post(base, c, { text: 'un quarto messaggio di troppo', channelData: { clientActivityID: 'rate-3' } });
    assert.equal(refused.status, 429);
    assertRetryAfter(refused, 60);
    assert.equal(((await refused.json()) as { error: string }).error, 'too many requests');
    const transcript = await app.sessions.transcript(`webchat:${c.id}`);
    assert.ok(!transcript.some((e) => e.text?.includes('di troppo')), JSON.stringify(transcript));
    assert.equal(transcript.filter((e) => e.from === 'customer').length, 3);

    const other = await open(base);
    assert.equal((await post(base, other, { text: 'tagliando' })).status, 200, 'another conversation has its own count');
  });

  it('event streams: STREAMS_PER_CONVERSATION per token (429), STREAMS_MAX in all (503); a closed stream frees its place', async () => {
    const { base } = await running({ STREAMS_PER_CONVERSATION: '2', STREAMS_MAX: '3' });
    const a = await open(base);
    const b = await open(base);
    const a1 = await stream(base, a);
    const a2 = await stream(base, a);
    assert.deepEqual([a1.status, a2.status], [200, 200]);
    const a3 = await stream(base, a);
    assert.equal(a3.status, 429, 'a third stream on the same token');
    assertRetryAfter(a3, 60);
    const b1 = await stream(base, b);
    assert.equal(b1.status, 200);
    const b2 = await stream(base, b);
    assert.equal(b2.status, 503, 'the instance has no place left');
    assertRetryAfter(b2, 60);

    a1.close();
    // The server learns of the hang-up asynchronously: ask until the place is free (bounded by mocha's timeout).
    let again = await stream(base, b);
    while (again.status !== 200) {
      await new Promise((r) => setTimeout(r, 20));
      again = await stream(base, b);
    }
    again.close();
    a2.close();
    b1.close();
  });

  it('one schema for what the browser posts: a wrong shape is 400 with a short reason, an oversize text never reaches the transcript', async () => {
    const { app, base } = await running({});
    const c = await open(base);
    const refusals: [string, RegExp][] = [
      ['[]', /activity/],
      ['"tagliando"', /activity/],
      [JSON.stringify({ type: 'typing' }), /message/],
      [JSON.stringify({ type: 'message', text: '   ' }), /no text/],
      [JSON.stringify({ type: 'message', text: 42 }), /no text/],
      [JSON.stringify({ type: 'message', text: 'ciao', channelData: { clientActivityID: 'not an id!' } }), /clientActivityID/],
      [JSON.stringify({ type: 'message', text: 'ciao', channelData: { clientActivityID: 7 } }), /clientActivityID/],
      [JSON.stringify({ type: 'message', text: `troppo lungo ${'x'.repeat(2000)}` }), /longer than 2000/],
    ];
    for (const [body, reason] of refusals) {
      const res = await postRaw(base, c, body);
      assert.equal(res.status, 400, body.slice(0, 80));
      const { error } = (await res.json()) as { error: string };
      assert.match(error, reason);
      assert.ok(error.length <= 80, error);
    }
    const transcript = await app.sessions.transcript(`webchat:${c.id}`);
    assert.ok(!transcript.some((e) => e.from === 'customer'), JSON.stringify(transcript));

    // What Web Chat really sends still passes, with a clicked choice's token in value and a bad locale ignored.
    const ok = await post(base, c, { text: 'Tagliando', value: { token: 'maintenance' }, locale: 'not a locale', channelData: { clientActivityID: 'shape-ok', postBack: true } });
    assert.equal(ok.status, 200);

    // The open body too: an object with an optional locale; anything else is 400.
    assert.equal((await opening(base, undefined, '[1,2]')).status, 400);
    assert.equal((await opening(base, undefined, '"it-IT"')).status, 400);
    assert.equal((await opening(base, undefined, JSON.stringify({ locale: 42 }))).status, 201, 'a bad locale is ignored');
    const en = await opening(base, undefined, JSON.stringify({ locale: 'en-GB' }));
    assert.match(JSON.stringify(await en.json()), /welcome/i);
  });

  if (store === 'memory') describe('with a shared redis-server', () => {
    let redis: TestRedis;
    before(async function () {
      redis = await startTestRedis(this);
    });
    after(async () => redis?.dispose());

    it('two instances share one count of opens per address', async () => {
      const shared = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('webchat-opens'), TRUST_PROXY_HOPS: '1', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '3' };
      const [one, two] = [await running(shared), await running(shared)];
      // Until its connection is ready an instance counts in memory (the fallback): wait for both, as a load balancer would.
      await Promise.all([whenReady(one.base), whenReady(two.base)]);
      const statuses: number[] = [];
      for (const base of [one.base, two.base, one.base, two.base, one.base]) {
        const res = await opening(base, '198.51.100.66');
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    });
  });

  if (store === 'memory') describe('the page in headless Chromium', function () {
    this.timeout(60_000);
    let browser: Browser;
    const words = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales/it/webchat.json'), 'utf8'));
    const phone = (text: string, site: { phone: string }) => text.replace('{{phone}}', site.phone);
    before(async function () {
      if (!requireChromium(this, 'web chat page limits')) return;
      browser = await launchChromium();
    });
    after(async () => browser?.close());

    it('a refused message (429) shows the page\'s own words for a failure', async () => {
      const { app, base } = await running({ MESSAGES_PER_CONVERSATION_PER_MINUTE: '1', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '1' });
      const context = await browser.newContext({ locale: 'it-IT' });
      const page = await context.newPage();
      const posts: number[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('/activities')) posts.push(r.status());
      });
      await page.goto(`${base}/`);
      await page.locator('.webchat__bubble__content').filter({ hasText: /benvenuto/i }).first().waitFor();
      const box = page.getByPlaceholder(words.chat.placeholder);
      for (const text of ['tagliando', 'per la Ghibli']) {
        await box.fill(text);
        await box.press('Enter');
      }
      const problem = page.locator('#problem');
      await problem.filter({ hasText: phone(words.chat.unavailable, app.dealer.site) }).waitFor();
      assert.deepEqual(posts, [200, 429]);

      // A second page from the same address: the opening is refused (429), the same words, nothing else breaks.
      const second = await context.newPage();
      const errors: string[] = [];
      second.on('pageerror', (err) => errors.push(err.message));
      await second.goto(`${base}/`);
      await second.locator('#problem').filter({ hasText: phone(words.chat.unavailable, app.dealer.site) }).waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});
