/**
 * The staff planning API's edges over real HTTP on loopback: failed bearer checks counted per
 * client address (a brute force of the token meets 429), every body and query checked by its
 * schema, and refusals with a short reason however much of the request is wrong.
 */
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const TOKEN = 'staff-token';
const INTERNALS = /redis|ECONN|SQLITE|TypeError|Error:|\bat \S+:\d+/i;

interface Problem { type: string; status: number; code: string; title: string; detail?: string; errors?: { path: string; message: string }[] }

describe('security: staff planning API', function () {
  this.timeout(30_000);
  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  async function start(env: Record<string, string> = {}): Promise<string> {
    const app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, PLANNING_API_TOKEN: TOKEN, ...env,
    }), { clock: () => MONDAY_9AM });
    apps.push(app);
    return `http://127.0.0.1:${(await app.listen()).port}`;
  }

  async function problem(res: Response, status: number): Promise<{ body: Problem; length: number }> {
    const text = await res.text();
    assert.equal(res.status, status, text.slice(0, 200));
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.doesNotMatch(text, INTERNALS);
    return { body: JSON.parse(text) as Problem, length: text.length };
  }

  it('refuses an address past its failed bearer checks: 429 problem+json with Retry-After, even for the right token', async () => {
    const base = await start({ ADVISOR_LOGIN_FAILURES_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' });
    const get = (address: string, authorization?: string) =>
      fetch(`${base}/api/planning/resources`, { headers: { 'x-forwarded-for': address, ...(authorization ? { authorization } : {}) } });
    for (let i = 0; i < 3; i++) await problem(await get('203.0.113.7', `Bearer guess-${i}`), 401);
    const refused = await get('203.0.113.7', 'Bearer guess-3');
    assert.equal((await problem(refused, 429)).body.code, 'too-many-requests');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal((await problem(await get('203.0.113.7', `Bearer ${TOKEN}`), 429)).body.code, 'too-many-requests',
      'the right token waits too: a guess past the limit tells nothing');

    const other = await get('198.51.100.2', `Bearer ${TOKEN}`);
    assert.equal(other.status, 200, 'another address is not affected');
    await other.text();
    // No token at all is no guess: it is not counted.
    for (let i = 0; i < 5; i++) await problem(await get('198.51.100.3'), 401);
    const stillIn = await get('198.51.100.3', `Bearer ${TOKEN}`);
    assert.equal(stillIn.status, 200);
    await stillIn.text();
  });

  it('checks every body and query with its schema: a wrong shape is 400 problem+json naming the field', async () => {
    const base = await start();
    const send = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
      fetch(base + path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });
    const cases: [string, string, string | undefined, Record<string, string>?][] = [
      ['POST', '/api/planning/availability', '[1,2]'],
      ['POST', '/api/planning/availability', JSON.stringify({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 'long' })],
      ['POST', '/api/planning/reservations', '"a string"', { 'idempotency-key': 'shape-1' }],
      ['POST', '/api/planning/reservations', JSON.stringify({ customerName: 'X' }), { 'idempotency-key': 'shape-2' }],
      ['POST', '/api/planning/reservations/MC-AAAAAA/move', JSON.stringify({ slot: 'tomorrow' })],
      ['GET', '/api/planning/reservations?from=soon', undefined],
      ['GET', '/api/planning/reservations?colour=red', undefined],
    ];
    for (const [method, path, body, headers] of cases) {
      const { body: p } = await problem(await send(method, path, body, headers), 400);
      assert.equal(p.code, 'invalid-request', `${method} ${path}`);
      assert.ok(p.errors?.length, `${method} ${path} names the field`);
    }
  });

  it('gives a short reason however much is wrong, and never echoes the request back at length', async () => {
    const base = await start();
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`field${i}`, i]));
    const bodies = [
      JSON.stringify({ solution: 'taxi', serviceId: 'maintenance', ...many }),
      JSON.stringify({ solution: 'x'.repeat(5000), serviceId: 'y'.repeat(5000), wish: { date: 'z'.repeat(5000), ...many } }),
      `{"slot":${'x'.repeat(4000)}`,
    ];
    for (const body of bodies) {
      const { body: p, length } = await problem(await fetch(`${base}/api/planning/availability`, { method: 'POST', headers, body }), 400);
      assert.ok(length < 2000, `${length} characters: ${JSON.stringify(p).slice(0, 200)}`);
      assert.ok((p.errors ?? []).length <= 10);
    }
    const { length } = await problem(await fetch(`${base}/api/planning/reservations?${'q'.repeat(3000)}=1`, { headers }), 400);
    assert.ok(length < 2000, `${length} characters for a long unknown query key`);
  });
});
