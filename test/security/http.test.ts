/**
 * The HTTP server as a whole, through the real app on loopback: HEAD wherever GET is served,
 * nosniff on every answer, HSTS only over https (a trusted proxy's X-Forwarded-Proto), and
 * restify's own refusals (bad JSON, too large, wrong type, unknown route, wrong method) as a
 * short generic JSON body with the detail logged once.
 */
import assert from 'node:assert/strict';
import { capturingLogger } from '../support/capturing-logger';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const VERIFY = 'verify-me';
const PLANNING_TOKEN = 'planning-token-for-tests';
const HSTS = 'max-age=31536000; includeSubDomains';

async function startApp(extra: Record<string, string>, lines: Record<string, any>[] = []): Promise<{ app: App; base: string }> {
  const app = await createApp(loadConfig({
    PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
    PLANNING_API_TOKEN: PLANNING_TOKEN,
    ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash: await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 }) }]),
    WHATSAPP_VERIFY_TOKEN: VERIFY, WHATSAPP_APP_SECRET: 'app-secret', WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_GRAPH_URL: 'http://127.0.0.1:1/v21.0',
    ...extra,
  }), { clock: () => MONDAY_9AM, logger: capturingLogger(lines) });
  return { app, base: `http://127.0.0.1:${(await app.listen()).port}` };
}

/** What a generic refusal may say: a few words, nothing of restify, JSON, classes or stacks. */
function assertGeneric(body: string, status: number, what: string): void {
  let json: unknown;
  assert.doesNotThrow(() => (json = JSON.parse(body)), `${what}: a JSON body (${body})`);
  assert.deepEqual(Object.keys(json as object), ['error'], `${what}: only { error } (${body})`);
  const error = (json as { error: unknown }).error;
  assert.equal(typeof error, 'string', what);
  assert.ok((error as string).length <= 40, `${what}: short (${body})`);
  assert.doesNotMatch(body, /JSON|position|token|Unexpected|exceeds|\d{3,}|Error|restify|does not exist|is not allowed|\bat\b|\//, `${what}: generic (${body}, ${status})`);
}

describe('security: the HTTP server', function () {
  this.timeout(20_000);
  const lines: Record<string, any>[] = [];
  let app: App;
  let base: string;

  before(async () => {
    ({ app, base } = await startApp({ TRUST_PROXY_HOPS: '1' }, lines));
  });
  after(async () => app?.close());

  describe('HEAD wherever GET is served', () => {
    const routes = [
      '/healthz', '/readyz', '/', '/advisor', '/planning',
      `/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=4242`,
    ];
    for (const route of routes) {
      it(`HEAD ${route.split('?')[0]}: the GET's status and headers, no body`, async () => {
        const get = await fetch(`${base}${route}`);
        const getBody = await get.text();
        assert.equal(get.status, 200, `GET ${route}`);
        const head = await fetch(`${base}${route}`, { method: 'HEAD' });
        assert.equal(head.status, get.status, `HEAD ${route}`);
        assert.equal(head.headers.get('content-type'), get.headers.get('content-type'));
        assert.equal(await head.text(), '');
        assert.ok(getBody.length > 0, 'the GET has a body');
      });
    }
  });

  describe('security headers', () => {
    it('X-Content-Type-Options: nosniff on JSON answers, refusals included', async () => {
      const answers = [
        await fetch(`${base}/healthz`),
        await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":"it-IT"}' }),
        await fetch(`${base}/advisor/api/me`),
        await fetch(`${base}/api/planning/resources`),
        await fetch(`${base}/no/such/route`),
      ];
      for (const res of answers) {
        await res.arrayBuffer();
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${res.url} ${res.status}`);
      }
    });

    it('HSTS when a trusted proxy says the request came over https, not over plain http', async () => {
      const secure = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(secure.headers.get('strict-transport-security'), HSTS);
      const refused = await fetch(`${base}/no/such/route`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(refused.headers.get('strict-transport-security'), HSTS, 'refusals too');
      for (const headers of [{}, { 'x-forwarded-proto': 'http' }] as Record<string, string>[]) {
        const plain = await fetch(`${base}/healthz`, { headers });
        assert.equal(plain.headers.get('strict-transport-security'), null, JSON.stringify(headers));
      }
    });

    it('no HSTS from X-Forwarded-Proto when no proxy is trusted (TRUST_PROXY_HOPS=0)', async () => {
      const other = await startApp({ TRUST_PROXY_HOPS: '0' });
      try {
        const res = await fetch(`${other.base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
        assert.equal(res.headers.get('strict-transport-security'), null);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      } finally {
        await other.app.close();
      }
    });
  });

  describe('refusals say nothing internal', () => {
    const logged = (from: number, path: string) => lines.slice(from).filter((l) => l.path === path && typeof l.detail === 'string');

    for (const path of ['/api/messages', '/api/webchat/conversations', '/advisor/api/login']) {
      it(`malformed JSON to ${path}: 400 { error }, the parser's words only in the log, once`, async () => {
        const from = lines.length;
        for (const accept of ['application/json', 'text/plain']) {
          const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: '{"type": "message", "text": ' });
          assert.equal(res.status, 400);
          assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
          assertGeneric(await res.text(), 400, `${path} (accept ${accept})`);
        }
        const details = logged(from, path);
        assert.equal(details.length, 2, JSON.stringify(lines.slice(from)));
        assert.match(details[0].detail, /JSON/);
      });
    }

    it('a flood of refused bodies (bad JSON, wrong type, too large): one info line a minute per status, the rest at debug', async () => {
      const from = lines.length;
      for (let i = 0; i < 20; i++) {
        for (const [type, body] of [['application/json', '{"x": '], ['application/x-www-form-urlencoded', 'a=1'], ['application/json', 'x'.repeat(300 * 1024)]]) {
          const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': type }, body });
          assert.ok([400, 413, 415].includes(res.status), String(res.status));
          await res.arrayBuffer();
        }
      }
      const loud = lines.slice(from).filter((l) => l.level >= 30);
      assert.ok(loud.length <= 3, JSON.stringify(loud.map((l) => [l.status, l.msg])));
      assert.equal(lines.slice(from).filter((l) => typeof l.detail === 'string').length, 60, 'each still logged, at debug');
    });

    it('a 300 KB body: 413 { error }', async () => {
      const from = lines.length;
      const body = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
      const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(res.status, 413);
      assertGeneric(await res.text(), 413, '413');
      assert.equal(logged(from, '/api/webchat/conversations').length, 1);
    });

    it('a multipart upload: 415 { error }, nothing written to disk', async () => {
      const form = new FormData();
      form.append('file', new Blob(['x'.repeat(1024)]), 'a.bin');
      const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', body: form });
      assert.equal(res.status, 415);
      assertGeneric(await res.text(), 415, '415');
    });

    it('a gzip-encoded body: 415 { error } (a small body could inflate to hundreds of MB)', async () => {
      const { gzipSync } = await import('node:zlib');
      const res = await fetch(`${base}/api/webchat/conversations`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{"locale":"it-IT"}'),
      });
      assert.equal(res.status, 415);
      assertGeneric(await res.text(), 415, 'gzip');
    });

    it('an unknown route: 404 { error } without echoing the path', async () => {
      const from = lines.length;
      const res = await fetch(`${base}/wp-admin/%3Cscript%3E`, { headers: { accept: 'text/html' } });
      assert.equal(res.status, 404);
      assertGeneric(await res.text(), 404, '404');
      assert.equal(logged(from, '/wp-admin/%3Cscript%3E').length, 1);
    });

    it('a wrong method: 405 { error } with Allow', async () => {
      const res = await fetch(`${base}/healthz`, { method: 'DELETE' });
      assert.equal(res.status, 405);
      assert.match(res.headers.get('allow') ?? '', /GET/);
      assertGeneric(await res.text(), 405, '405');
    });
  });
});
