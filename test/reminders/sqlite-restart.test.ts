/**
 * Issue #15: the embedded default (no REDIS_URL; the planning, the conversations and the reminders
 * in DATA_DIR's SQLite files) keeps a customer's yes to the reminder across a restart. Through the
 * real app: signed WhatsApp webhooks in, the Graph API stand-in out (the only thing faked, at the
 * outer wall). The customer books and says yes; the app is closed; a new app on the same DATA_DIR
 * sends the reminder the day before — once, also after a further restart. With memory sessions
 * (tests) the reminders stay in memory and nothing is written to DATA_DIR.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';
import { eventually } from '../support/redis-store';
import { postWhatsAppText } from '../support/whatsapp-webhook';

const SECRET = 'app-secret-for-tests';
const PHONE_NUMBER_ID = '106540352242922';
const PHONE = '393471234599';

describe('Reminders across a restart of the embedded default (issue #15)', function () {
  this.timeout(60_000);
  let graph: GraphStandIn;
  let dir: string;
  let now: Date;
  const apps: App[] = [];

  before(async () => {
    graph = await new GraphStandIn().start();
  });
  after(async () => graph?.stop());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'reminders-restart-'));
    now = MONDAY_9AM;
    graph.reset();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<{ app: App; base: string }> {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, DATA_DIR: dir,
      WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url, CALENDAR_LINK_SECRET: 'x'.repeat(32), ...env,
    });
    const app = await createApp(config, { clock: () => now, logger: pino({ level: 'silent' }) });
    apps.push(app);
    return { app, base: `http://127.0.0.1:${(await app.listen()).port}` };
  }
  async function stop(app: App) {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  }

  let n = 0;
  const bodies = () => graph.messages.map((m) => JSON.stringify(m));
  /** The customer writes; resolves once a message the bot sent afterwards matches `reply`. */
  async function says(base: string, body: string, reply: RegExp) {
    const before = graph.messages.length;
    const res = await postWhatsAppText(base, { phoneNumberId: PHONE_NUMBER_ID, secret: SECRET, from: PHONE, id: `wamid.restart${++n}`, body, timestamp: Math.floor(now.getTime() / 1000) });
    assert.equal(res.status, 200);
    await eventually(() => bodies().slice(before).some((b) => reply.test(b)));
  }
  const templates = () => graph.messages.filter((m) => m.type === 'template');

  it('a yes to the reminder, the app closed, a new app on the same DATA_DIR sends the reminder the day before, once', async () => {
    const first = await start();
    await says(first.base, 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', /Confermo la prenotazione\?/);
    await says(first.base, 'sì', /promemoria il giorno prima/);
    const reference = /MC-[A-HJ-NP-Z2-9]{6}/.exec(bodies().find((b) => /confermata/.test(b)) ?? '')?.[0];
    assert.ok(reference, bodies().join('\n'));
    await says(first.base, 'sì grazie', /il giorno prima Le mando un promemoria qui in chat/);
    await stop(first.app);
    assert.ok(existsSync(path.join(dir, 'reminders.sqlite')), 'the consent is in DATA_DIR/reminders.sqlite');
    assert.equal(existsSync(path.join(dir, 'reminders.sqlite-wal')), false, 'closed cleanly');

    // A new process on the same DATA_DIR; Wednesday, the day before, 18:00:30 in Modena.
    const second = await start();
    now = new Date('2026-12-02T17:00:30Z');
    assert.equal(await second.app.reminders.scan(), 1, 'the reminder of a consent given before the restart');
    assert.equal(await second.app.reminders.scan(), 0, 'never twice');
    const [sent] = templates();
    assert.equal(templates().length, 1);
    assert.equal(sent.to, PHONE);
    assert.equal(sent.template.name, 'appointment_reminder');
    const parameters = sent.template.components[0].parameters.map((p: { text: string }) => p.text);
    assert.equal(parameters[0], 'Marco Rossi');
    assert.equal(parameters[2], '10:00');
    assert.equal(parameters[6], reference);
    await stop(second.app);

    // and after a further restart, the "sent" mark is still there
    const third = await start();
    now = new Date('2026-12-02T17:10:00Z');
    assert.equal(await third.app.reminders.scan(), 0, 'a restart does not send it again');
    assert.equal(templates().length, 1);
    assert.deepEqual(graph.violations, []);
  });

  it('with memory sessions (a memory planning) the reminders stay in memory: DATA_DIR gets no file', async () => {
    const { app, base } = await start({ PLANNING_URL: 'memory' });
    assert.equal(app.config.SESSION_STORE, 'memory');
    await says(base, 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', /Confermo la prenotazione\?/);
    await says(base, 'sì', /promemoria il giorno prima/);
    await says(base, 'sì grazie', /il giorno prima Le mando un promemoria qui in chat/);
    now = new Date('2026-12-02T17:00:30Z');
    assert.equal(await app.reminders.scan(), 1);
    assert.equal(existsSync(path.join(dir, 'reminders.sqlite')), false);
  });
});
