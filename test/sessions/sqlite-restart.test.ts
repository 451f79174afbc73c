/**
 * The embedded default keeps conversations across a restart (#15): a real server process on the
 * default settings (no REDIS_URL: the planning and the conversations in DATA_DIR's SQLite files)
 * is killed halfway through a booking; a new process on the same DATA_DIR continues the
 * conversation to the booking, and still knows the messages handled before. No timing
 * assertions: every wait is bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import { createApp } from '../../src/main';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { createSqliteSessionStore } from '../../src/sessions/sqlite';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { awaiting, booking, message, postActivity, startInstance, text, whenReady, type Instance } from '../support/bot-client';

const SERVER = path.join(__dirname, '../multi-instance/server-child.ts');

describe('SQLite sessions across a restart of the bot', function () {
  this.timeout(120_000);
  let dir: string;
  let bot: Instance | undefined;
  const start = async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', TURN_TIMEOUT_MS: '5000' };
    bot = await startInstance(SERVER, [JSON.stringify(env)]);
    await whenReady(bot.base);
    return bot;
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sessions-restart-'));
  });
  after(async () => {
    await bot?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues a conversation begun before the process was killed, to a booking', async () => {
    const c = 'restarted';
    const first = await start();
    const opening = message('r1', 'Sono Giulia Bianchi, Levante GH123KL, tagliando, vado con i mezzi pubblici');
    let r = await postActivity(first.base, c, opening);
    assert.equal(awaiting(r), 'date', text(r));
    assert.ok(existsSync(path.join(dir, 'sessions.sqlite')), 'the default keeps conversations in DATA_DIR/sessions.sqlite');
    // Killed, not stopped: nothing is flushed on the way out.
    await first.kill();

    const second = await start();
    r = await postActivity(second.base, c, message('r2', 'venerdì alle 10'));
    assert.equal(awaiting(r), 'confirm', `the new process knows the name, the car, the work and the mobility: ${text(r)}`);
    assert.match(text(r), /Giulia Bianchi/);
    assert.match(text(r), /GH123KL/);
    const yes = r.activities.at(-1)!.suggestedActions!.actions[0].value;
    // The channel delivers the first message again: handled before the restart, it is not handled again.
    assert.equal((await postActivity(second.base, c, opening)).status, 200);
    r = await postActivity(second.base, c, message('r3', yes));
    const booked = booking(r);
    assert.ok(booked, text(r));
    assert.equal(booked.solution, 'public-transport');
    assert.equal(booked.customerName, 'Giulia Bianchi');
    await second.kill();

    const planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: path.join(dir, 'planning.sqlite'), clock: () => MONDAY_9AM });
    const sessions = createSqliteSessionStore({ file: path.join(dir, 'sessions.sqlite'), ttlSeconds: 3600, clock: () => MONDAY_9AM.getTime() });
    try {
      const confirmed = (await planning.list({ status: ['confirmed'] })).filter((b) => b.customerName === 'Giulia Bianchi');
      assert.deepEqual(confirmed.map((b) => b.reference), [booked.reference]);
      const said = (await sessions.transcript(`bf:test:${c}`)).filter((e) => e.from === 'customer').map((e) => e.text);
      // One transcript across both processes, the first message in it once; the last is the confirmation.
      assert.deepEqual(said.slice(0, 2), [opening.text, 'venerdì alle 10'], JSON.stringify(said));
      assert.equal(said.length, 3, JSON.stringify(said));
    } finally {
      await planning.close();
      await sessions.close();
    }
  });

  it('closes the file when the app stops, and a new app on the same DATA_DIR goes on from it', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent' });
    assert.equal(config.SESSION_STORE, 'sqlite');
    const overrides = { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) };
    const first = await createApp(config, overrides);
    const said = await first.engine.handle({ conversationId: 'in-process', kind: 'message', locale: 'en', text: "I'm Julia White, Ghibli FX456AB, service on Thursday, public transport" });
    assert.ok(said.messages.some((m) => m.awaiting === 'confirm' || m.awaiting === 'slot'), JSON.stringify(said.messages.map((m) => m.awaiting)));
    const stored = await first.sessions.load('in-process');
    assert.ok(stored);
    await first.close();
    // A clean close checkpoints the write-ahead log into the file and removes it.
    assert.equal(existsSync(path.join(dir, 'sessions.sqlite-wal')), false);

    const second = await createApp(config, overrides);
    try {
      assert.deepEqual(await second.sessions.load('in-process'), stored);
    } finally {
      await second.close();
    }
  });
});
