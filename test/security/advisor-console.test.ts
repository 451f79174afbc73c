/**
 * The advisor console's edges over real HTTP on loopback: sign-in failures counted per account
 * and per client address (shared by two instances through a real redis-server), password checks
 * capped, unparseable origins and a stopped Redis answered with short generic bodies, and the
 * live streams capped per session and in all.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { whenReady } from '../support/bot-client';
import { capturingLogger } from '../support/capturing-logger';
import pino from 'pino';
import sinon from 'sinon';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { LoginThrottle } from '../../src/http/advisor-login-throttle';
import { createRateLimits } from '../../src/limits/rate-limits';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { launchChromium, requireChromium } from '../support/chromium';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

// A cheap scrypt for the accounts; an unknown id still costs the full decoy check.
const FAST = { N: 1024, r: 8, p: 1 };
const INTERNALS = /redis|ECONN|stream|writeable|Invalid URL|TypeError|Error:|\bat \S+:\d+/i;

interface Answer { status: number; retryAfter: string | null; body: string; cookie: string }

describe('security: advisor console', function () {
  this.timeout(60_000);
  let advisors: string;
  const apps: App[] = [];

  before(async () => {
    advisors = JSON.stringify([
      { id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash: await hashPassword('giulia-password', FAST) },
      { id: 'marco', name: 'Marco Rossi', siteId: 'modena', passwordHash: await hashPassword('marco-password', FAST) },
    ]);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  async function start(env: Record<string, string> = {}, logger?: pino.Logger): Promise<string> {
    const app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, ADVISORS: advisors, ...env,
    }), { clock: () => MONDAY_9AM, ...(logger ? { logger } : {}) });
    apps.push(app);
    const base = `http://127.0.0.1:${(await app.listen()).port}`;
    // Until its Redis connection is ready an instance counts in memory (the limits' insurance).
    if (env.REDIS_URL) await whenReady(base);
    return base;
  }

  async function answer(r: Response): Promise<Answer> {
    return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text(), cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] };
  }

  const login = async (base: string, id: string, password: string, headers: Record<string, string> = {}) =>
    answer(await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ id, password }) }));

  const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();

  describe('sign-in', () => {
    it('refuses an account past its failed sign-ins with 429 and Retry-After, before any password check, even in parallel', async () => {
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '3', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100', PASSWORD_CHECKS_MAX_CONCURRENT: '50' });
      const tries = await Promise.all(Array.from({ length: 10 }, () => login(base, 'giulia', 'wrong')));
      assert.deepEqual(statuses(tries), [...Array(3).fill(401), ...Array(7).fill(429)], 'three guesses are checked, the other seven are not');
      for (const t of tries.filter((a) => a.status === 429)) {
        assert.ok(Number(t.retryAfter) >= 1, 'a 429 says when to come back');
        assert.ok(t.body.length < 80 && !INTERNALS.test(t.body), t.body);
      }
      const right = await login(base, 'giulia', 'giulia-password');
      assert.equal(right.status, 429, 'even the right password waits: the check never ran');
      assert.equal((await login(base, 'marco', 'marco-password')).status, 200, 'another account is not affected');
    });

    it('answers an unknown account exactly as a known one, and throttles it the same way', async () => {
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '2', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100' });
      const known: Answer[] = [];
      const unknown: Answer[] = [];
      for (let i = 0; i < 3; i++) {
        known.push(await login(base, 'giulia', 'wrong'));
        unknown.push(await login(base, 'nobody', 'wrong'));
      }
      assert.deepEqual(known.map((a) => a.status), [401, 401, 429]);
      assert.deepEqual(unknown.map((a) => [a.status, a.body, a.retryAfter !== null]), known.map((a) => [a.status, a.body, a.retryAfter !== null]));
    });

    it('a successful sign-in resets the account\'s count', async () => {
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '3', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100' });
      for (let i = 0; i < 2; i++) assert.equal((await login(base, 'giulia', 'wrong')).status, 401);
      assert.equal((await login(base, 'giulia', 'giulia-password')).status, 200);
      const after = [];
      for (let i = 0; i < 4; i++) after.push((await login(base, 'giulia', 'wrong')).status);
      assert.deepEqual(after, [401, 401, 401, 429], 'three fresh guesses after the success, not one');
    });

    it('counts failures per client address across accounts (the address the trusted proxy saw)', async () => {
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '100', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (const id of ['anna', 'luca', 'sara']) assert.equal((await login(base, id, 'wrong', from('203.0.113.7'))).status, 401);
      const refused = await login(base, 'paolo', 'wrong', from('203.0.113.7'));
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.retryAfter) >= 1);
      assert.equal((await login(base, 'giulia', 'giulia-password', from('203.0.113.7'))).status, 429, 'the right password waits too');
      assert.equal((await login(base, 'giulia', 'giulia-password', from('198.51.100.2'))).status, 200, 'another address is not affected');
      assert.equal((await login(base, 'nobody', 'wrong', { 'x-forwarded-for': '203.0.113.7, 198.51.100.9' })).status, 401,
        'an address the client wrote itself (left of the proxy\'s) is not believed');
    });

    it('failures from elsewhere do not lock an advisor out of an address they signed in from before (no lockout as a denial of service)', async () => {
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '3', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100', TRUST_PROXY_HOPS: '1' });
      const office = { 'x-forwarded-for': '198.51.100.2' };
      const attacker = { 'x-forwarded-for': '203.0.113.66' };
      assert.equal((await login(base, 'giulia', 'giulia-password', office)).status, 200, 'Giulia signs in at the dealership');
      const guesses = [];
      for (let i = 0; i < 6; i++) guesses.push((await login(base, 'giulia', `guess-${i}`, attacker)).status);
      assert.deepEqual(guesses, [401, 401, 401, 429, 429, 429], 'the guesses are stopped');
      assert.equal((await login(base, 'giulia', 'giulia-password', attacker)).status, 429, 'even the right password, from there');

      assert.equal((await login(base, 'giulia', 'giulia-password', office)).status, 200, 'Giulia still signs in where she did before');
      assert.equal((await login(base, 'giulia', 'giulia-password', { 'x-forwarded-for': '192.0.2.44' })).status, 429,
        'an address the account never signed in from waits out the block');
      const fromOffice = [];
      for (let i = 0; i < 4; i++) fromOffice.push((await login(base, 'giulia', 'wrong', office)).status);
      assert.deepEqual(fromOffice, [401, 401, 401, 429], 'guesses from a known address have their own limit');
    });

    it('refuses a sign-in with 503 and Retry-After when every password check is busy', async () => {
      const base = await start({ PASSWORD_CHECKS_MAX_CONCURRENT: '1', ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '100', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100' });
      // Unknown ids: each costs the full (32 MB) decoy check, and only one may run at a time.
      const tries = await Promise.all(Array.from({ length: 6 }, (_, i) => login(base, `nobody-${i}`, 'wrong')));
      const busy = tries.filter((a) => a.status === 503);
      assert.ok(busy.length >= 1, JSON.stringify(statuses(tries)));
      assert.ok(tries.every((a) => a.status === 401 || a.status === 503), JSON.stringify(statuses(tries)));
      for (const b of busy) {
        assert.ok(Number(b.retryAfter) >= 1);
        assert.ok(b.body.length < 80 && !INTERNALS.test(b.body), b.body);
      }
      assert.equal((await login(base, 'giulia', 'giulia-password')).status, 200, 'a place is free again once the checks are done');
    });

    it('a malformed sign-in body is refused (400) without a password check', async () => {
      const base = await start();
      for (const body of [{ id: 'giulia' }, { id: 42, password: 'x' }, { id: 'giulia', password: 'x'.repeat(5000) }]) {
        const r = await answer(await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 60));
        assert.ok(r.body.length < 80 && !INTERNALS.test(r.body), r.body);
      }
    });

    it('blocks for a minute at the limit, doubles with each further failure up to an hour, and a success forgets it', async () => {
      // The limits' own clock (rate-limiter-flexible reads Date and sets timers): faked, not waited for.
      const clock = sinon.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      try {
        const throttle = new LoginThrottle(createRateLimits({ prefix: 'test:' }), { perAccount: 3, perAddress: 1000 });
        const fail = async () => {
          const attempt = await throttle.attempt('giulia', '203.0.113.7');
          assert.ok(attempt.allowed);
          await attempt.failed();
        };
        for (let i = 0; i < 3; i++) {
          assert.equal(await throttle.wait('giulia', '203.0.113.7'), 0);
          await fail();
        }
        const blocks: number[] = [];
        for (let i = 0; i < 8; i++) {
          const wait = await throttle.wait('giulia', '203.0.113.7');
          blocks.push(wait);
          clock.tick(wait * 1000);
          assert.equal(await throttle.wait('giulia', '203.0.113.7'), 0, 'the block has lapsed');
          await fail();
        }
        assert.deepEqual(blocks, [60, 120, 240, 480, 960, 1920, 3600, 3600]);
        clock.tick(3600 * 1000);
        const right = await throttle.attempt('giulia', '203.0.113.7');
        assert.ok(right.allowed);
        await right.succeeded();
        for (let i = 0; i < 2; i++) await fail();
        assert.equal(await throttle.wait('giulia', '203.0.113.7'), 0, 'after a success: a fresh count, no doubling left');
      } finally {
        clock.restore();
      }
    });

    describe('with Redis', () => {
      let redis: TestRedis;
      before(async function () {
        redis = await startTestRedis(this);
      });
      after(async () => redis?.dispose());

      it('two instances on one redis-server share the count of failures', async () => {
        const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('advisor-login'), ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '3', ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '100' };
        const [a, b] = [await start(env), await start(env)];
        assert.equal((await login(a, 'giulia', 'wrong')).status, 401);
        assert.equal((await login(b, 'giulia', 'wrong')).status, 401);
        assert.equal((await login(a, 'giulia', 'wrong')).status, 401);
        assert.equal((await login(b, 'giulia', 'giulia-password')).status, 429, 'the other instance knows of the three failures');
      });
    });
  });

  describe('errors say nothing internal', () => {
    it('an unparseable Origin (null) is cross-site: 403 with a short body', async () => {
      const base = await start();
      for (const origin of ['null', 'not a url', 'http://']) {
        const r = await login(base, 'giulia', 'giulia-password', { origin });
        assert.equal(r.status, 403, origin);
        assert.ok(r.body.length < 80 && !INTERNALS.test(r.body), r.body);
      }
      assert.equal((await login(base, 'giulia', 'giulia-password', { origin: base })).status, 200, 'the console\'s own origin signs in');
    });

    it('while Redis is down, a sign-in and a signed-in request answer a short generic 503, each logged once', async function () {
      const redis = await startTestRedis(this);
      const lines: { msg?: string; err?: { message?: string } }[] = [];
      try {
        const base = await start({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('advisor-down') }, capturingLogger(lines, 'info'));
        const signedIn = await login(base, 'giulia', 'giulia-password');
        assert.equal(signedIn.status, 200);
        await redis.stop();
        const refused = await login(base, 'giulia', 'giulia-password');
        const me = await answer(await fetch(`${base}/advisor/api/me`, { headers: { cookie: signedIn.cookie } }));
        for (const r of [refused, me]) {
          assert.ok(r.status === 503 || r.status === 500, String(r.status));
          assert.ok(r.body.length < 80 && !INTERNALS.test(r.body), r.body);
        }
        const failures = lines.filter((l) => l.msg === 'advisor console request failed');
        assert.equal(failures.length, 2, 'each failed request is logged once, with its error');
        assert.ok(failures.every((l) => l.err?.message), 'the detail is in the log');
      } finally {
        await redis.dispose();
      }
    });
  });

  describe('the console page', () => {
    const words = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${lang}/advisor.json`), 'utf8'));

    it('shows its own words for a refused sign-in (429), in the page\'s language', async function () {
      if (!requireChromium(this, 'advisor console page test')) return;
      const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '1' });
      const browser = await launchChromium();
      try {
        const page = await (await browser.newContext({ locale: 'it-IT' })).newPage();
        await page.goto(`${base}/advisor`);
        const it = words('it');
        const error = page.locator('#login-error');
        const submit = async (password: string) => {
          await page.locator('#advisor-id').fill('giulia');
          await page.locator('#password').fill(password);
          await page.getByRole('button', { name: it.login.submit }).click();
        };
        await submit('wrong');
        await error.filter({ hasText: it.login.refused }).waitFor();
        await submit('giulia-password');
        await error.filter({ hasText: it.errors.throttled }).waitFor();
        await page.locator('[data-lang="en"]').click();
        await error.filter({ hasText: words('en').errors.throttled }).waitFor();
      } finally {
        await browser.close();
      }
    });
  });

  describe('live streams', () => {
    const open: AbortController[] = [];
    afterEach(() => open.splice(0).forEach((c) => c.abort()));

    async function stream(base: string, cookie: string) {
      const ctl = new AbortController();
      const r = await fetch(`${base}/advisor/api/events`, { headers: { cookie }, signal: ctl.signal });
      if (r.status === 200) open.push(ctl);
      else await r.text();
      return { status: r.status, retryAfter: r.headers.get('retry-after'), close: () => ctl.abort() };
    }

    it('caps streams per session (429) and in all (503), with Retry-After; a closed stream frees its place', async () => {
      const base = await start({ STREAMS_PER_CONVERSATION: '2', STREAMS_MAX: '3', ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '100' });
      const a = (await login(base, 'giulia', 'giulia-password')).cookie;
      const b = (await login(base, 'marco', 'marco-password')).cookie;
      const a1 = await stream(base, a);
      const a2 = await stream(base, a);
      assert.deepEqual([a1.status, a2.status], [200, 200]);
      const a3 = await stream(base, a);
      assert.equal(a3.status, 429, 'a third stream for one session');
      assert.ok(Number(a3.retryAfter) >= 1);
      assert.equal((await stream(base, b)).status, 200);
      const b2 = await stream(base, b);
      assert.equal(b2.status, 503, 'the instance has no stream left');
      assert.ok(Number(b2.retryAfter) >= 1);

      a1.close();
      // The server learns of the close asynchronously: ask again until the place is back.
      let again = await stream(base, a);
      for (let i = 0; again.status !== 200 && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 50));
        again = await stream(base, a);
      }
      assert.equal(again.status, 200, 'the closed stream\'s place is free');
    });

    it('HEAD on the event stream answers its headers and ends: it holds no place', async () => {
      const base = await start({ STREAMS_PER_CONVERSATION: '1', ADVISOR_LOGIN_FAILURES_PER_ACCOUNT: '100' });
      const cookie = (await login(base, 'giulia', 'giulia-password')).cookie;
      const { hostname, port } = new URL(base);
      // A client that keeps its connection after the answer, as keep-alive clients do.
      const head = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.request({ hostname, port, method: 'HEAD', path: '/advisor/api/events', headers: { cookie }, agent: false }, resolve).on('error', reject).end();
      });
      try {
        assert.equal(head.statusCode, 200);
        assert.match(String(head.headers['content-type']), /text\/event-stream/);
        assert.equal((await stream(base, cookie)).status, 200, 'the HEAD took no place');
      } finally {
        head.socket?.destroy();
      }
    });
  });
});
