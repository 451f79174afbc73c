/**
 * Issue #14, "nothing acknowledged is lost": a WhatsApp message that arrives while Redis is down
 * is answered 503 (Meta delivers it again later), never 200 with an apology; once Redis is back
 * the same delivery is answered 200 and the message is processed: the customer gets the real
 * answer, once. Real Redis on a free port, real app on loopback, the Graph API stand-in.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { capturingLogger } from '../support/capturing-logger';
import { GraphStandIn } from '../support/graph-stand-in';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually } from '../support/redis-store';

const SECRET = 'app-secret-for-fault-tests';
const PHONE_NUMBER_ID = '106540352242922';
const sign = (raw: string) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

function textFrom(phone: string, id: string, body: string) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ profile: { name: 'Gianni' }, wa_id: phone }],
          messages: [{ from: phone, id, timestamp: String(Math.floor(MONDAY_9AM.getTime() / 1000)), type: 'text', text: { body } }],
        },
      }],
    }],
  };
}

describe('WhatsApp webhook while Redis is down (#14)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let graph: GraphStandIn;
  let app: App;
  let base: string;
  const lines: Record<string, any>[] = [];

  before(async function () {
    redis = await startTestRedis(this);
    if (!redis.controllable) this.skip();
    graph = await new GraphStandIn().start();
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('wa-down'),
      WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url,
    });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: capturingLogger(lines, 'info') });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app?.close();
    await graph?.stop();
    await redis?.dispose();
  });

  const post = (payload: unknown) => {
    const raw = JSON.stringify(payload);
    return fetch(`${base}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
  };
  const bodies = () => graph.messages.map((m) => (m.type === 'text' ? m.text.body : m.interactive?.body?.text ?? '')).join('\n');

  it('answers 503 while Redis is down and sends nothing; Meta\'s retry after recovery gets 200 and the real answer, once', async () => {
    const delivery = textFrom('393471119901', 'wamid.HBgLMzkzNDcRedisDown01AA==', 'buongiorno, vorrei fare il tagliando alla levante GH123KL');
    await redis.stop();
    const refused = await post(delivery);
    assert.equal(refused.status, 503);
    assert.ok(refused.headers.get('retry-after'));
    // A second try by Meta while still down: still refused, still nothing sent.
    assert.equal((await post(delivery)).status, 503);
    await graph.settled(200);
    assert.equal(graph.messages.length, 0, 'no apology sent: the message was not acknowledged');
    assert.ok(lines.some((l) => /not ready/.test(l.msg) && l.level === 40), 'the refusal is logged');
    assert.ok(!JSON.stringify(lines).includes('tagliando'), 'no message text in the log');

    await redis.start();
    await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 50);
    assert.equal((await post(delivery)).status, 200);
    await graph.settled();
    const answer = bodies();
    assert.ok(graph.messages.length > 0);
    assert.doesNotMatch(answer, /qualcosa non ha funzionato/);
    assert.match(answer, /Levante|GH123KL|quando|giorno/i, answer);

    // Meta delivers the same message once more (it does): nothing is answered twice.
    const sent = graph.messages.length;
    assert.equal((await post(delivery)).status, 200);
    await graph.settled(200);
    assert.equal(graph.messages.length, sent);
  });
});
