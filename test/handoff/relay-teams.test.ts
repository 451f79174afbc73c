/**
 * The Teams / Bot Framework relay through the real app on loopback: an advisor's reply (and the
 * bot's words after a hand-back) reach the customer as proactive messages —
 * `continueConversationAsync` with the conversation reference kept when the handoff opened —
 * posted to the conversation's `serviceUrl`, here a Connector stand-in that records them.
 *
 * The customer's turns come from a channel that passed the JWT check: only such a request leaves
 * a reference (anonymous ones keep none: test/security/bot-framework.test.ts). Microsoft's signing
 * keys and botbuilder's token acquisition from login.microsoftonline.com (MSAL's) are the stubs,
 * both outside our walls (test/support/bot-framework-jwt.ts); the stand-in must see the bot's
 * token in the Authorization header. Nothing leaves loopback (guardNetwork).
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import type { MsalAppCredentials } from 'botframework-connector';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { fixture, guardNetwork, postActivity, type Json } from '../channels/fixtures/teams/teams-fixtures';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { APP_ID, BOT_TOKEN as TOKEN, stubBotToken, stubChannelKeys, type ChannelKeys } from '../support/bot-framework-jwt';
import { ConnectorStandIn, type ConnectorRequest } from '../support/connector-stand-in';

/** The recorded Teams message, in a conversation of its own, whose serviceUrl is the stand-in. */
function teamsMessage(serviceUrl: string, conversation: string, id: string, text: string): Json {
  const m = fixture('message');
  return {
    ...m, id, text, attachments: [], serviceUrl, deliveryMode: 'expectReplies',
    conversation: { ...(m.conversation as Json), id: `a:${conversation}` },
  };
}

interface Setup {
  app: App;
  base: string;
  connector: ConnectorStandIn;
  advisor: { cookie: string; csrf: string };
}

async function setUp(extra: Record<string, string>): Promise<Setup> {
  const connector = await new ConnectorStandIn().start();
  const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
  const app = await createApp(loadConfig({
    PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
    ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
    ...extra,
  }), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
  const base = `http://127.0.0.1:${(await app.listen()).port}`;
  const r = await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }) });
  assert.equal(r.status, 200);
  const advisor = { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await r.json()) as { csrf: string }).csrf };
  return { app, base, connector, advisor };
}

async function act(s: Setup, id: string, action: 'take' | 'reply' | 'hand-back' | 'close', body?: unknown) {
  const r = await fetch(`${s.base}/advisor/api/conversations/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    headers: { cookie: s.advisor.cookie, 'x-csrf-token': s.advisor.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json()) as { delivered?: string; conversation?: { status: string; channel: string } } };
}

/** What every proactive activity must look like: from the bot to the customer, in their conversation. */
function assertToCustomer(r: ConnectorRequest, conversation: string): void {
  const m = fixture('message') as { from: { id: string }; recipient: { id: string } };
  assert.equal(r.method, 'POST');
  assert.equal(r.conversationId, `a:${conversation}`);
  assert.equal(r.body.type, 'message');
  assert.equal(r.body.conversation?.id, `a:${conversation}`);
  assert.equal(r.body.from?.id, m.recipient.id, 'from the bot');
  assert.equal(r.body.recipient?.id, m.from.id, 'to the customer');
  assert.equal(r.body.channelId, 'msteams');
}

describe('handoff relay: Teams proactive messages (real app, Connector stand-in)', function () {
  this.timeout(30_000);
  let network: ReturnType<typeof guardNetwork>;
  let keys: ChannelKeys;
  let botToken: ReturnType<typeof stubBotToken>;
  let s: Setup;
  const conversation = 'relay-teams-app-id';
  const id = `bf:msteams:a:${conversation}`;
  const say = (messageId: string, text: string) => postActivity(s.base, teamsMessage(s.connector.url, conversation, messageId, text), keys.headers(s.connector.url));

  before(async () => {
    network = guardNetwork();
    keys = stubChannelKeys(['msteams']);
    botToken = stubBotToken();
    s = await setUp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
  });
  after(async () => {
    await s?.app.close();
    await s?.connector.stop();
    keys.restore();
    botToken.restore();
    network.restore();
    assert.deepEqual(network.lookups, [], 'no call beyond loopback');
  });

  it('the customer asks for a person over /api/messages: the handoff keeps the conversation reference', async () => {
    const { status, body } = await say('m1', 'voglio parlare con una persona');
    assert.equal(status, 200);
    assert.ok(body.activities?.some((a) => a.type === 'event' && a.name === 'handoff.initiate'), 'the standard handoff.initiate is still sent');
    const h = await s.app.handoffStore.get(id);
    assert.equal(h?.status, 'waiting');
    assert.equal(h?.channel, 'botframework');
    assert.equal(h?.conversationRef.channel, 'botframework');
    const ref = h!.conversationRef as unknown as { channelId: string; reference: { serviceUrl: string; conversation: { id: string } } };
    assert.equal(ref.channelId, 'msteams');
    assert.equal(ref.reference.serviceUrl, s.connector.url);
    assert.equal(ref.reference.conversation.id, `a:${conversation}`);
    assert.equal(s.connector.requests.length, 0, 'the turn itself answered in the HTTP response (expectReplies)');
  });

  it("an advisor's reply is posted with the bot's token", async () => {
    const r = await act(s, id, 'reply', { text: 'Buongiorno Marco, sono Giulia.' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    assert.equal(r.body.conversation?.channel, 'teams');
    await s.connector.waitFor(2);
    const [joined, reply] = s.connector.requests;
    for (const a of [joined, reply]) {
      assertToCustomer(a, conversation);
      assert.equal(a.headers.authorization, `Bearer ${TOKEN}`);
    }
    assert.match(joined.body.text, /Giulia Bianchi, consulente, è ora in conversazione/);
    assert.equal(reply.body.text, '*Giulia Bianchi* (consulente)\n\nBuongiorno Marco, sono Giulia.');
    assert.deepEqual(reply.body.channelData, { handoff: { from: 'advisor', name: 'Giulia Bianchi' } });
    assert.ok(botToken.acquire.called, 'the token came from the (stubbed) acquisition');
    const credentials = botToken.acquire.firstCall.thisValue as MsalAppCredentials;
    assert.equal(credentials.appId, APP_ID, "the bot's own app id");
  });

  it('the customer answers: the bot stays silent, the advisor sees it', async () => {
    const { status, body } = await say('m2', 'grazie, aspetto');
    assert.equal(status, 200);
    assert.deepEqual(body.activities ?? [], []);
    const messages = await s.app.handoffStore.messages(id);
    assert.ok(messages.some((m) => m.from === 'customer' && m.text === 'grazie, aspetto'));
  });

  it('the Connector refusing the message (403: the customer removed the bot): the console hears it did not reach them', async () => {
    s.connector.reset();
    s.connector.failNext(1, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const r = await act(s, id, 'reply', { text: 'Mi sente?' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'unreachable', 'not "sent": botbuilder hides the error in onTurnError');
    assert.equal(s.connector.requests.length, 1);
    assert.equal(s.connector.requests[0].body.text, '*Giulia Bianchi* (consulente)\n\nMi sente?');
    // The message stays in the conversation for the advisor.
    assert.ok((await s.app.handoffStore.messages(id)).some((m) => m.from === 'advisor' && m.text === 'Mi sente?'));
  });

  it("hand-back: the bot's words reach the customer the same way", async () => {
    s.connector.reset();
    const r = await act(s, id, 'hand-back');
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    await s.connector.waitFor(1);
    for (const a of s.connector.requests) {
      assertToCustomer(a, conversation);
      assert.equal(a.headers.authorization, `Bearer ${TOKEN}`);
    }
    assert.match(s.connector.requests.map((a) => a.body.text ?? '').join('\n'), /riprendiamo da dove eravamo rimasti/);
  });
});
