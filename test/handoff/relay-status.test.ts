/**
 * A dealer's contact centre answering the standard `handoff.initiate` with `handoff.status`
 * events, POSTed over HTTP to /api/messages of the real app by a channel that passed the JWT check
 * (only such a channel speaks for a contact centre; test/security/bot-framework.test.ts shows an
 * anonymous one is ignored). Microsoft's signing keys and the bot's token are the stubs
 * (test/support/bot-framework-jwt.ts):
 * `accepted` → the handoff is active with the contact centre as holder, and the bot stays silent;
 * `failed` → closed, and the customer is told and offered to carry on with the bot (who then
 * answers again); `completed` → closed, and the next message starts a new request.
 * Without `expectReplies` the bot's answer goes to the conversation's serviceUrl: a Connector
 * stand-in that records it. A conversation an advisor of the console took first stays theirs.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { fixture, guardNetwork, postActivity, type Json } from '../channels/fixtures/teams/teams-fixtures';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { APP_ID, stubBotToken, stubChannelKeys, type ChannelKeys } from '../support/bot-framework-jwt';
import { ConnectorStandIn } from '../support/connector-stand-in';

describe('handoff relay: handoff.status from a contact centre over /api/messages', function () {
  this.timeout(30_000);
  let app: App;
  let base: string;
  let connector: ConnectorStandIn;
  let network: ReturnType<typeof guardNetwork>;
  let keys: ChannelKeys;
  let botToken: ReturnType<typeof stubBotToken>;
  let seq = 0;

  before(async () => {
    network = guardNetwork();
    keys = stubChannelKeys(['msteams']);
    botToken = stubBotToken();
    connector = await new ConnectorStandIn().start();
    const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
    app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret',
    }), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app?.close();
    await connector?.stop();
    keys.restore();
    botToken.restore();
    network.restore();
    assert.deepEqual(network.lookups, [], 'no call beyond loopback');
  });
  beforeEach(() => connector.reset());

  /** A Teams activity in `conversation`, whose serviceUrl is the stand-in. */
  const inTeams = (conversation: string, changes: Json): Json => {
    const m = fixture('message');
    const { text: _text, attachments: _attachments, textFormat: _format, ...rest } = m;
    return { ...rest, id: `s${++seq}`, serviceUrl: connector.url, conversation: { ...(m.conversation as Json), id: `a:${conversation}` }, ...changes };
  };
  const say = (conversation: string, text: string) =>
    postActivity(base, inTeams(conversation, { type: 'message', text, deliveryMode: 'expectReplies' }), keys.headers(connector.url));
  const status = (conversation: string, state: string, expectReplies = true) =>
    postActivity(base, inTeams(conversation, {
      type: 'event', name: 'handoff.status', value: { state, message: `contact centre: ${state}` },
      ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
    }), keys.headers(connector.url));
  const texts = (activities: Json[] | undefined) => (activities ?? []).map((a) => String(a.text ?? '')).join('\n');
  const handedOver = async (conversation: string) => {
    const r = await say(conversation, 'voglio parlare con una persona');
    assert.equal(r.status, 200);
    assert.ok(r.body.activities?.some((a) => a.name === 'handoff.initiate'), 'handoff.initiate sent to the channel');
    assert.equal((await app.handoffStore.get(`bf:msteams:a:${conversation}`))?.status, 'waiting');
    return `bf:msteams:a:${conversation}`;
  };

  it('accepted: the contact centre holds the conversation and the bot stays silent', async () => {
    const id = await handedOver('status-accepted');
    const r = await status('status-accepted', 'accepted');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.activities ?? [], []);
    const h = await app.handoffStore.get(id);
    assert.equal(h?.status, 'active');
    assert.deepEqual(h?.advisor, { kind: 'external', name: 'contact centre' });
    assert.ok(!(await app.handoffStore.list(h!.siteId)).some((x) => x.conversationId === id && x.status === 'waiting'), 'no longer waiting in the console queue');
    const later = await say('status-accepted', 'pronto?');
    assert.equal(later.status, 200);
    assert.deepEqual(later.body.activities ?? [], [], 'the bot does not answer while the contact centre holds it');
    assert.equal(connector.requests.length, 0);
  });

  it('failed: the customer is told (through the conversation\'s serviceUrl) and offered the bot, who answers again', async () => {
    const id = await handedOver('status-failed');
    const r = await status('status-failed', 'failed', false);
    assert.equal(r.status, 200);
    await connector.waitFor(1);
    const told = connector.activities;
    assert.ok(told.every((a) => a.conversationId === 'a:status-failed' && a.body.type === 'message'));
    assert.match(texts(told.map((a) => a.body)), /nessun consulente può prendere la conversazione/);
    assert.match(texts(told.map((a) => a.body)), /proseguiamo insieme/);
    const h = await app.handoffStore.get(id);
    assert.equal(h?.status, 'closed');
    assert.equal(h?.outcome, 'failed');
    // The bot carries on: the customer's next message is answered by the bot again.
    const next = await say('status-failed', 'va bene, la Ghibli FX456AB deve fare il tagliando');
    assert.ok((next.body.activities ?? []).some((a) => a.type === 'message' && String(a.text ?? '').length > 0), 'the bot answers again');
    assert.equal((await app.handoffStore.get(id))?.status, 'closed');
  });

  it('completed: closed, the customer hears it, and the next message starts a new request', async () => {
    const id = await handedOver('status-completed');
    assert.equal((await status('status-completed', 'accepted')).status, 200);
    const r = await status('status-completed', 'completed');
    assert.equal(r.status, 200);
    assert.match(texts(r.body.activities), /ha chiuso la conversazione/);
    const h = await app.handoffStore.get(id);
    assert.equal(h?.status, 'closed');
    assert.equal(h?.outcome, 'completed');
    const next = await say('status-completed', 'buongiorno');
    assert.ok((next.body.activities ?? []).some((a) => a.type === 'message'), 'the bot answers again');
  });

  it('an unknown state, or a status for a conversation nobody handed over, changes nothing', async () => {
    const id = await handedOver('status-unknown');
    assert.equal((await status('status-unknown', 'transferred')).status, 200);
    assert.equal((await app.handoffStore.get(id))?.status, 'waiting');
    const stray = await status('status-never-handed-over', 'completed');
    assert.equal(stray.status, 200);
    assert.deepEqual(stray.body.activities ?? [], []);
    assert.equal(await app.handoffStore.get('bf:msteams:a:status-never-handed-over'), undefined);
    assert.equal(connector.requests.length, 0);
  });

  it("a conversation a console advisor took first stays theirs: the contact centre's statuses change nothing", async () => {
    const id = await handedOver('status-console');
    const login = await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrf } = (await login.json()) as { csrf: string };
    const taken = await fetch(`${base}/advisor/api/conversations/${encodeURIComponent(id)}/take`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    assert.equal(taken.status, 200);
    await connector.waitFor(1); // the joined notice, proactively
    connector.reset();
    for (const state of ['accepted', 'failed', 'completed']) {
      const r = await status('status-console', state);
      assert.equal(r.status, 200, state);
      assert.deepEqual(r.body.activities ?? [], [], `${state}: nothing said to the customer`);
      const h = await app.handoffStore.get(id);
      assert.equal(h?.status, 'active', state);
      assert.deepEqual(h?.advisor, { kind: 'advisor', id: 'giulia', name: 'Giulia Bianchi' }, state);
    }
    assert.deepEqual(await say('status-console', 'ci siete?').then((r) => r.body.activities ?? []), [], 'the bot stays silent');
    assert.equal(connector.requests.length, 0);
  });
});
