/**
 * Redis hung, then stopped, in the middle of a conversation: the customer gets the polite
 * error with the offer of an advisor, /readyz says 503, the process stays up; once Redis answers
 * again (restarted on the same port with its data), /readyz says 200 and the booking completes,
 * once. No timing assertions: every wait is bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDealer } from '../../src/dealer/load';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { awaiting, booking, message, postActivity, startInstance, text, whenReady, type Instance } from '../support/bot-client';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually } from '../support/redis-store';

const POLITE = /qualcosa non ha funzionato.*consulente/s;

describe('Redis failing under a running instance', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let dir: string;
  let bot: Instance;

  before(async function () {
    redis = await startTestRedis(this);
    if (!redis.controllable) this.skip(); // an external REDIS_URL cannot be stopped
    dir = mkdtempSync(path.join(tmpdir(), 'redis-fault-'));
    const env = {
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('fault'), PORT: '0', HOST: '127.0.0.1',
      PLANNING_URL: 'sqlite', DATA_DIR: dir, DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      TURN_LOCK_MS: '6000', TURN_TIMEOUT_MS: '5000',
    };
    bot = await startInstance(path.join(__dirname, 'server-child.ts'), [JSON.stringify(env)]);
  });
  after(async () => {
    await bot?.kill();
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const status = async (p: string) => (await fetch(`${bot.base}${p}`)).status;

  it('answers politely and reports not ready while Redis is hung or down, and books once it is back', async () => {
    const c = 'fault';
    const say = (id: string, t: string) => postActivity(bot.base, c, message(id, t));
    await whenReady(bot.base);
    let r = await say('f1', 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, prendo un taxi');
    assert.equal(awaiting(r), 'confirm', text(r));
    const yes = r.activities.at(-1)!.suggestedActions!.actions[0].value;

    // Hung: commands time out.
    redis.freeze();
    try {
      r = await say('f2', 'che tempo fa?');
      assert.equal(r.status, 200);
      assert.match(text(r), POLITE);
      assert.equal(await status('/readyz'), 503);
      assert.equal(await status('/healthz'), 200);
    } finally {
      redis.thaw();
    }
    await eventually(async () => (await status('/readyz')) === 200, 50);

    // Down: connections refused.
    await redis.stop();
    r = await say('f3', yes);
    assert.equal(r.status, 200);
    assert.match(text(r), POLITE);
    assert.equal(booking(r), undefined);
    await eventually(async () => (await status('/readyz')) === 503, 50);
    assert.equal(await status('/healthz'), 200, 'the process stays up');

    await redis.start();
    await eventually(async () => (await status('/readyz')) === 200, 50);
    // The channel retries the same message: it was never handled, so it is now.
    r = await say('f3', yes);
    const booked = booking(r);
    assert.ok(booked, text(r));
    assert.equal(booked.customerName, 'Luisa Ferri');

    const planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: path.join(dir, 'planning.sqlite'), clock: () => MONDAY_9AM });
    try {
      const mine = (await planning.list({ status: ['confirmed'] })).filter((x) => x.customerName === 'Luisa Ferri');
      assert.deepEqual(mine.map((x) => x.reference), [booked.reference]);
    } finally {
      await planning.close();
    }
  });
});
