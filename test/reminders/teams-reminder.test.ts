/**
 * Issue #13 on Teams, through the real app: a customer books over /api/messages from a channel
 * that passed the JWT check (only such a request leaves a conversation reference), says yes to
 * the reminder; the day before, the reminder is a proactive message posted to the conversation's
 * serviceUrl — here a Connector stand-in — with the bot's token. Microsoft's signing keys and
 * token acquisition are the stubs (test/support/bot-framework-jwt.ts); nothing leaves loopback.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { fixture, guardNetwork, postActivity, type Json } from '../channels/fixtures/teams/teams-fixtures';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { APP_ID, BOT_TOKEN, stubBotToken, stubChannelKeys, type ChannelKeys } from '../support/bot-framework-jwt';
import { ConnectorStandIn } from '../support/connector-stand-in';

describe('Teams: the reminder as a proactive message (issue #13)', function () {
  this.timeout(30_000);
  let network: ReturnType<typeof guardNetwork>;
  let keys: ChannelKeys;
  let botToken: ReturnType<typeof stubBotToken>;
  let connector: ConnectorStandIn;
  let app: App;
  let base: string;
  let now = MONDAY_9AM;
  const conversation = 'reminder-teams';

  before(async () => {
    network = guardNetwork();
    keys = stubChannelKeys(['msteams']);
    botToken = stubBotToken();
    connector = await new ConnectorStandIn().start();
    app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret',
    }), { clock: () => now, logger: pino({ level: 'silent' }) });
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

  let n = 0;
  async function say(text: string) {
    const m = fixture('message');
    const activity: Json = {
      ...m, id: `r${++n}`, text, attachments: [], serviceUrl: connector.url, deliveryMode: 'expectReplies', locale: 'en-GB',
      conversation: { ...(m.conversation as Json), id: `a:${conversation}` },
    };
    const { status, body } = await postActivity(base, activity, keys.headers(connector.url));
    assert.equal(status, 200);
    return (body.activities ?? []) as { text?: string; channelData?: { booking?: { reference: string } } }[];
  }

  it('booked and said yes on Teams → the day before at 18:00 one proactive reminder, with the bot\'s token', async () => {
    await say('Tom Baker here, Ghibli FX456AB, service on Thursday at 10, taxi please');
    const booked = await say('yes');
    const reference = booked.find((a) => a.channelData?.booking)?.channelData?.booking?.reference;
    assert.ok(reference, booked.map((a) => a.text).join('\n'));
    const consent = await say('yes please');
    assert.match(consent.map((a) => a.text).join('\n'), /I'll send you a reminder/);
    assert.equal(connector.requests.length, 0);

    now = new Date('2026-12-02T17:00:30Z');
    assert.equal(await app.reminders.scan(), 1);
    await connector.waitFor(1);
    const [sent] = connector.requests;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.conversationId, `a:${conversation}`);
    assert.equal(sent.headers.authorization, `Bearer ${BOT_TOKEN}`);
    assert.equal(sent.body.type, 'message');
    assert.match(sent.body.text, /Dear Tom Baker, a reminder of your appointment tomorrow/);
    assert.match(sent.body.text, new RegExp(reference));
    assert.deepEqual(sent.body.channelData, { reminder: { reference } });
    assert.equal(await app.reminders.scan(), 0);
    assert.equal(connector.requests.length, 1);
  });
});
