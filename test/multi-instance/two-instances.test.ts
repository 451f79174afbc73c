/**
 * Two real server processes sharing one Redis and one planning file: a conversation alternating
 * between them, with concurrent and repeated deliveries, books once with a complete transcript;
 * and one instance killed in the middle of a turn leaves the conversation to the other.
 * No timing assertions: every wait is bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDealer } from '../../src/dealer/load';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { TranscriptEntry } from '../../src/sessions/session-store';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { awaiting, booking, joins, message, postActivity, startInstance, text, whenReady, type Instance, type Reply } from '../support/bot-client';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { testStore, type TestStore } from '../support/redis-store';

const SERVER = path.join(__dirname, 'server-child.ts');

describe('two instances sharing one Redis', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let dir: string;
  let a: Instance;
  let b: Instance;
  let reader: TestStore;
  let env: Record<string, string>;
  const prefix = uniquePrefix('multi');

  before(async function () {
    redis = await startTestRedis(this);
    dir = mkdtempSync(path.join(tmpdir(), 'multi-instance-'));
    env = {
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, PORT: '0', HOST: '127.0.0.1',
      PLANNING_URL: 'sqlite', DATA_DIR: dir, DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      TURN_LOCK_MS: '6000', TURN_TIMEOUT_MS: '5000',
    };
    [a, b] = await Promise.all([startInstance(SERVER, [JSON.stringify(env)]), startInstance(SERVER, [JSON.stringify(env)])]);
    await Promise.all([whenReady(a.base), whenReady(b.base)]);
    reader = await testStore(redis.url, { prefix });
  });
  after(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await reader?.store.close();
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const confirmedBookingsOf = async (customerName: string) => {
    const planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: path.join(dir, 'planning.sqlite'), clock: () => MONDAY_9AM });
    try {
      return (await planning.list({ status: ['confirmed'] })).filter((r) => r.customerName === customerName);
    } finally {
      await planning.close();
    }
  };
  /**
   * Of several deliveries of one message, the turn runs once: every delivery gets its reply, the
   * same (#14: a retried delivery gets the first one's reply, not an empty answer).
   */
  const answeredOnce = (replies: Reply[]): Reply => {
    for (const r of replies) assert.equal(r.status, 200);
    const answers = replies.map((r) => JSON.stringify(r.activities.map((x) => [x.text, x.channelData, x.suggestedActions])));
    assert.ok(replies[0].activities.length > 0);
    assert.equal(new Set(answers).size, 1, JSON.stringify(replies.map((r) => r.activities.map((x) => x.text))));
    return replies[0];
  };

  it('books once, with a complete transcript, when messages alternate, overlap and repeat', async () => {
    const c = 'alternating';
    const to = (i: Instance, activity: Record<string, unknown>) => postActivity(i.base, c, activity);

    let r = await to(a, joins('j1'));
    assert.equal(awaiting(r), 'service', text(r));

    // Two different messages at once on different instances, each also delivered twice.
    const name = message('n1', 'mi chiamo Marco Rossi');
    const car = message('n2', 'la mia Ghibli FX456AB');
    const [nameA, carB, nameB, carA] = await Promise.all([to(a, name), to(b, car), to(b, name), to(a, car)]);
    answeredOnce([nameA, nameB]);
    answeredOnce([carA, carB]);

    r = await to(b, message('n3', 'tagliando'));
    assert.equal(awaiting(r), 'mobility', text(r));

    r = answeredOnce(await Promise.all([to(a, message('n4', 'prendo un taxi')), to(b, message('n4', 'prendo un taxi'))]));
    assert.equal(awaiting(r), 'date', text(r));

    r = await to(b, message('n5', 'giovedì alle 9'));
    assert.equal(awaiting(r), 'confirm', text(r));
    // Neither of the overlapping messages was lost.
    assert.match(text(r), /Marco Rossi/);
    assert.match(text(r), /FX456AB/);

    const yes = message('n6', r.activities.at(-1)!.suggestedActions!.actions[0].value);
    r = answeredOnce(await Promise.all([to(a, yes), to(b, yes), to(a, yes)]));
    const booked = booking(r);
    assert.ok(booked, text(r));
    assert.equal(booked.solution, 'taxi');
    assert.equal(booked.customerName, 'Marco Rossi');

    const bookings = await confirmedBookingsOf('Marco Rossi');
    assert.equal(bookings.length, 1);
    assert.equal(bookings[0].reference, booked.reference);

    const transcript = await reader.store.transcript(`bf:test:${c}`);
    const said = transcript.filter((e) => e.from === 'customer').map((e) => e.text);
    assert.equal(said.length, 6, JSON.stringify(said));
    assert.deepEqual([...said.slice(0, 2)].sort(), ['la mia Ghibli FX456AB', 'mi chiamo Marco Rossi']);
    assert.deepEqual(said.slice(2, 5), ['tagliando', 'prendo un taxi', 'giovedì alle 9']);
    assertTurnsDoNotInterleave(transcript);
    assert.ok(transcript.some((e) => e.from === 'bot' && e.text.includes(booked.reference)));
  });

  it('continues on the other instance when one is killed in the middle of a turn', async () => {
    const c = 'killed';
    const to = (i: Instance, activity: Record<string, unknown>) => postActivity(i.base, c, activity);
    let r = await to(a, message('k1', 'Sono Giulia Bianchi, Levante GH123KL, tagliando, vado con i mezzi pubblici'));
    assert.equal(awaiting(r), 'date', text(r));

    // A hangs inside the next turn, holding the conversation, and is killed there.
    a.process.send({ stallNext: true });
    const date = message('k2', 'venerdì alle 10');
    const inFlight = to(a, date).then(() => 'answered', () => 'connection lost');
    await a.next((m) => m.stalled === true);
    await a.kill();
    assert.equal(await inFlight, 'connection lost');

    // The channel retries the same message on B: handled once A's lock has lapsed.
    r = await to(b, date);
    assert.equal(awaiting(r), 'confirm', text(r));
    r = await to(b, message('k3', r.activities.at(-1)!.suggestedActions!.actions[0].value));
    const booked = booking(r);
    assert.ok(booked, text(r));
    assert.equal(booked.solution, 'public-transport');
    assert.equal((await confirmedBookingsOf('Giulia Bianchi')).length, 1);

    const said = (await reader.store.transcript(`bf:test:${c}`)).filter((e) => e.from === 'customer').map((e) => e.text);
    assert.equal(said.filter((s) => s === 'venerdì alle 10').length, 1, JSON.stringify(said));

    // A comes back (as Kubernetes would restart it) and takes its share again.
    a = await startInstance(SERVER, [JSON.stringify(env)]);
    await whenReady(a.base);
    r = await to(a, message('k4', 'grazie'));
    assert.equal(r.status, 200);
    assert.ok(r.activities.length > 0);
  });
});

/** Every customer message is followed by the bot's replies to it before the next message. */
function assertTurnsDoNotInterleave(transcript: TranscriptEntry[]): void {
  for (let i = 1; i < transcript.length; i++) {
    if (transcript[i].from === 'customer') assert.equal(transcript[i - 1].from, 'bot', `entry ${i}: ${transcript[i].text}`);
  }
}
