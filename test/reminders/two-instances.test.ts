/**
 * Issue #13: the reminder is sent exactly once by two bot instances sharing one real Redis (and
 * one planning), with the clock moved by sinon's fake timers — and still once after an instance
 * restarts. Both apps are the real composition (src/main.ts), WhatsApp goes to the Graph API
 * stand-in on loopback, which receives the template request as Meta documents it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import { createApp, type App } from '../../src/main';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const PHONE_NUMBER_ID = '106540352242922';

describe('Reminders across two instances sharing Redis (issue #13)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let graph: GraphStandIn;
  let dir: string;
  let clock: sinon.SinonFakeTimers;
  const apps: App[] = [];

  before(async function () {
    redis = await startTestRedis(this);
    graph = await new GraphStandIn().start();
    dir = mkdtempSync(path.join(tmpdir(), 'reminders-'));
  });
  after(async () => {
    await graph?.stop();
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    clock?.restore();
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  });

  const prefix = uniquePrefix('reminders');
  async function instance(): Promise<App> {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix,
      WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: 'secret', WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url, REMINDER_SCAN_SECONDS: '60', CALENDAR_LINK_SECRET: 'x'.repeat(32),
    });
    // one planning file, opened by each instance (as two pods share a database)
    const planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: path.join(dir, 'planning.sqlite') });
    const app = await createApp(config, { planning, logger: pino({ level: 'silent' }) });
    await app.listen();
    apps.push(app);
    // ready once its Redis connection answers (connecting is asynchronous)
    for (let i = 0; ; i++) {
      try {
        await app.sessions.ping();
        break;
      } catch (err) {
        if (i > 100) throw err;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return app;
  }

  const templates = () => graph.messages.filter((m) => m.type === 'template');
  /** Moves the clock one scan period: every instance's timer fires; then waits for their scans. */
  async function minutePasses(...running: App[]) {
    await clock.tickAsync(60_000);
    await Promise.all(running.map((a) => a.reminders.idle()));
  }

  it('booked on one instance with consent; the day before at 18:00 both scan; one template goes out, once, also after a restart', async () => {
    clock = sinon.useFakeTimers({ now: MONDAY_9AM, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const a = await instance();
    const b = await instance();
    // the customer books on WhatsApp, served by instance A (the webhook passes the number as `reach`)
    const conversationId = 'wa:393331234567';
    const reach = { channel: 'whatsapp' as const, address: { phone: '393331234567' } };
    const turn = (text: string) => a.engine.handle({ conversationId, kind: 'message', text, locale: 'it', reach });
    await turn('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
    const booked = await turn('sì');
    const reference = booked.messages.find((m) => m.booking)?.booking?.reference;
    assert.ok(reference, booked.messages.map((m) => m.text).join("\n"));
    const consent = await turn('sì grazie');
    assert.deepEqual(consent.reminders, { reference, consent: true });

    // Wednesday 17:59 in Modena: not yet
    clock.setSystemTime(new Date('2026-12-02T15:59:30Z'));
    await minutePasses(a, b);
    assert.equal(templates().length, 0);

    // 18:00: both instances' timers fire in the same minute
    clock.setSystemTime(new Date('2026-12-02T16:59:30Z'));
    await minutePasses(a, b);
    assert.equal(templates().length, 1, 'exactly one reminder');
    // and the next minutes, and both scanning at once, change nothing
    await minutePasses(a, b);
    await minutePasses(a, b);
    await Promise.all([a.reminders.scan(), b.reminders.scan()]);
    assert.equal(templates().length, 1);

    // instance B restarts (a new process: nothing in memory), and scans again
    await b.close();
    apps.splice(apps.indexOf(b), 1);
    const c = await instance();
    await minutePasses(a, c);
    assert.equal(templates().length, 1, 'a restart does not send it again');

    // what Meta received: the approved template, its language, the body parameters in the dealer file's order
    const [sent] = templates();
    assert.equal(sent.messaging_product, 'whatsapp');
    assert.equal(sent.to, '393331234567');
    assert.equal(sent.template.name, 'appointment_reminder');
    assert.deepEqual(sent.template.language, { code: 'it' });
    const [body] = sent.template.components;
    assert.equal(body.type, 'body');
    assert.deepEqual(body.parameters.map((p: { type: string }) => p.type), Array(7).fill('text'));
    assert.equal(body.parameters[0].text, 'Marco Rossi');
    assert.equal(body.parameters[2].text, '10:00');
    assert.equal(body.parameters[6].text, reference);
    const request = graph.requests.find((r) => r.body === sent)!;
    assert.equal(request.url, `/v21.0/${PHONE_NUMBER_ID}/messages`);
    assert.equal(request.headers.authorization, 'Bearer graph-token');
    assert.deepEqual(graph.violations, []);
  });
});
