/**
 * /api/messages with MicrosoftAppId configured, over real HTTP on loopback: the channel's JWT is
 * required. Unsigned, garbage or wrongly signed requests get 401 and never reach the engine. The
 * only stub is Microsoft's OpenID metadata (the signing keys, outside our walls): a token signed
 * with a key the test made is then valid, and the real validation accepts it. Nothing leaves
 * loopback (guardNetwork fails the suite otherwise).
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import pino from 'pino';
import sinon from 'sinon';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { fixture, guardNetwork, inConversation, postActivity } from './fixtures/teams/teams-fixtures';

const APP_ID = '6a0f4c1e-2b7d-4e8a-9c3f-5d1b2a7e9f10';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function jwt(privateKey: Parameters<typeof sign>[2], claims: Record<string, unknown>, kid = 'test-key'): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, iat: now - 60, exp: now + 600, ...claims })}`;
  return `${body}.${sign('sha256', Buffer.from(body), privateKey).toString('base64url')}`;
}

describe('/api/messages with an app id (JWT)', () => {
  let app: App;
  let base: string;
  let handle: sinon.SinonSpy;
  let network: ReturnType<typeof guardNetwork>;
  const microsoft = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let seq = 0;

  before(async () => {
    network = guardNetwork();
    // botbuilder prints every refused request with console.error; the statuses are asserted.
    sinon.stub(console, 'error');
    // Microsoft's published signing key, as the metadata fetch would return it (endorsed for Teams).
    sinon.stub(OpenIdMetadata.prototype, 'getKey').resolves({ key: microsoft.publicKey.export({ type: 'spki', format: 'pem' }) as string, endorsements: ['msteams'] });
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret',
    });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    handle = sinon.spy(app.engine, 'handle');
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app.close();
    sinon.restore();
    network.restore();
    assert.deepEqual(network.lookups, [], 'no call beyond loopback');
  });
  beforeEach(() => handle.resetHistory());

  const message = () => inConversation(fixture('message'), `jwt-${++seq}`, `j${seq}`);

  it('refuses an unsigned request with 401, before the engine', async () => {
    const { status } = await postActivity(base, message());
    assert.equal(status, 401);
    assert.equal(handle.callCount, 0);
  });

  it('refuses a garbage bearer token with 401', async () => {
    for (const authorization of ['Bearer garbage', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const { status } = await postActivity(base, message(), { authorization });
      assert.equal(status, 401, authorization);
    }
    assert.equal(handle.callCount, 0);
  });

  it('refuses a token signed with another key, for another bot, or for another service URL', async () => {
    const cases = [
      jwt(forger.privateKey, {}),
      jwt(microsoft.privateKey, { aud: 'some-other-bot' }),
      jwt(microsoft.privateKey, { serviceurl: 'https://evil.example/' }),
      jwt(microsoft.privateKey, { exp: Math.floor(Date.now() / 1000) - 3600 }),
    ];
    for (const token of cases) {
      const { status } = await postActivity(base, message(), { authorization: `Bearer ${token}` });
      assert.equal(status, 401, token);
    }
    assert.equal(handle.callCount, 0);
  });

  it('answers a validly signed Teams activity (expectReplies)', async () => {
    const { status, body } = await postActivity(base, message(), { authorization: `Bearer ${jwt(microsoft.privateKey, {})}` });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(handle.callCount, 1);
    assert.ok(body.activities?.some((a) => (a.channelData as { awaiting?: string } | undefined)?.awaiting === 'confirm'));
  });
});
