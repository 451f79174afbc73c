/**
 * The advisor console's API over real HTTP: nobody without a login sees anything; the session
 * cookie is HttpOnly, SameSite=Strict and expires; POSTs need the CSRF token; an advisor sees and
 * acts on their own site only. Sessions expire in memory and on a real redis-server.
 */
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import { createMemoryAdvisorSessions, createRedisAdvisorSessions } from '../../src/handoff/advisor-sessions';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { connectRedis } from '../../src/sessions/redis';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { startTestRedis } from '../support/redis-server';
import { whenReady } from '../support/redis-store';

describe('advisor console API', function () {
  this.timeout(20_000);
  let app: App;
  let base: string;

  before(async () => {
    const fast = { N: 1024, r: 8, p: 1 };
    app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      ADVISORS: JSON.stringify([
        { id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash: await hashPassword('giulia-password', fast) },
        { id: 'anna', name: 'Anna Neri', siteId: 'bologna', passwordHash: await hashPassword('anna-password', fast) },
      ]),
    }), { clock: () => MONDAY_9AM });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    await app.engine.handle({ conversationId: 'webchat:api-1', kind: 'message', text: 'voglio parlare con una persona', locale: 'it-IT' });
  });
  after(async () => app?.close());

  const login = async (id: string, password: string) => {
    const r = await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, password }) });
    const body = (await r.json()) as { csrf?: string; timeZone?: string };
    return { status: r.status, cookie: r.headers.get('set-cookie') ?? '', csrf: body.csrf ?? '', timeZone: body.timeZone };
  };
  const get = (path: string, cookie = '') => fetch(`${base}/advisor/api${path}`, { headers: { cookie } });

  it('shows nothing without a login', async () => {
    for (const path of ['/me', '/queue', '/conversations/webchat%3Aapi-1', '/events']) assert.equal((await get(path)).status, 401, path);
    assert.equal((await login('giulia', 'wrong')).status, 401);
    assert.equal((await login('nobody', 'giulia-password')).status, 401);
  });

  it('signs in with an HttpOnly, SameSite=Strict, expiring cookie; POSTs need the CSRF token', async () => {
    const g = await login('giulia', 'giulia-password');
    assert.equal(g.status, 200);
    assert.equal(g.timeZone, 'Europe/Rome', 'the console shows times in the dealer\'s zone');
    assert.match(g.cookie, /^mc_advisor=[\w-]+; Path=\/advisor; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const cookie = g.cookie.split(';')[0];
    const queue = (await (await get('/queue', cookie)).json()) as { conversations: { conversationId: string; channel: string }[] };
    assert.deepEqual(queue.conversations.map((c) => [c.conversationId, c.channel]), [['webchat:api-1', 'webchat']]);
    const take = (headers: Record<string, string>) => fetch(`${base}/advisor/api/conversations/webchat%3Aapi-1/take`, { method: 'POST', headers: { cookie, ...headers } });
    assert.equal((await take({})).status, 403);
    assert.equal((await take({ 'x-csrf-token': 'forged' })).status, 403);
    assert.equal((await take({ 'x-csrf-token': g.csrf })).status, 200);
    const cross = await fetch(`${base}/advisor/api/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }),
    });
    assert.equal(cross.status, 403);
  });

  it('an advisor of another site sees none of this site\'s conversations', async () => {
    const a = await login('anna', 'anna-password');
    const cookie = a.cookie.split(';')[0];
    assert.deepEqual(((await (await get('/queue', cookie)).json()) as { conversations: unknown[] }).conversations, []);
    assert.equal((await get('/conversations/webchat%3Aapi-1', cookie)).status, 404);
    const r = await fetch(`${base}/advisor/api/conversations/webchat%3Aapi-1/close`, { method: 'POST', headers: { cookie, 'x-csrf-token': a.csrf } });
    assert.equal(r.status, 404);
  });

  it('signs out', async () => {
    const g = await login('giulia', 'giulia-password');
    const cookie = g.cookie.split(';')[0];
    assert.equal((await fetch(`${base}/advisor/api/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': g.csrf } })).status, 204);
    assert.equal((await get('/me', cookie)).status, 401);
  });
});

describe('advisor sessions expire', () => {
  it('in memory', async () => {
    let now = 1_000;
    const store = createMemoryAdvisorSessions(() => now);
    const { token } = await store.create('giulia', 60_000);
    assert.equal((await store.get(token))?.advisorId, 'giulia');
    now += 60_001;
    assert.equal(await store.get(token), undefined);
  });

  it('on a real redis-server, shared by two connections', async function () {
    const redis = await startTestRedis(this);
    const [x, y] = [connectRedis(redis.url), connectRedis(redis.url)];
    await Promise.all([whenReady(x), whenReady(y)]);
    const a = createRedisAdvisorSessions(x, 'test:advisor:');
    const b = createRedisAdvisorSessions(y, 'test:advisor:');
    const { token } = await a.create('giulia', 150);
    assert.equal((await b.get(token))?.advisorId, 'giulia');
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(await b.get(token), undefined);
    x.disconnect();
    y.disconnect();
    await redis.dispose();
  });
});
