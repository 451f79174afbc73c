/**
 * Live actors (#15, src/engine/live-actors.ts): a conversation's next turn on the same instance
 * goes on with the actor its last turn left, checked against the stored snapshot's tag, so that a
 * turn taken by another instance on the same Redis is never missed; past LIVE_CONVERSATIONS the
 * least recently used goes, and a new instance (a restart) restores from the store. Where each
 * turn's statechart came from is read off the `mc_turn_machines_total` counter. Real Redis, real
 * engine; no timing assertions.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { TurnOutput } from '../../src/engine/turn-engine';
import { createMetrics } from '../../src/observe/observer';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { PlanningSystem } from '../../src/planning/planning';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const OPENING = 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando';
const textOf = (r: TurnOutput) => r.messages.map((m) => m.text).join('\n');
const awaitingOf = (r: TurnOutput) => r.messages.findLast((m) => m.awaiting)?.awaiting;
const bookingOf = (r: TurnOutput) => r.messages.find((m) => m.booking)?.booking;

type Sources = Record<'live' | 'snapshot' | 'new', number>;
/** Message ids unique across the instances (a repeated id would be a duplicate delivery). */
let messages = 0;

/** One bot instance's engine on the shared Redis and planning, with its own metrics. */
async function instance(redis: TestRedis, prefix: string, planning: PlanningSystem, liveConversations = 1000) {
  const config = loadConfig({
    REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', LIVE_CONVERSATIONS: String(liveConversations),
  });
  const logger = pino({ level: 'silent' });
  const metrics = createMetrics(logger, { defaultMetrics: false });
  const built = await createEngine(config, loadDealer(DEALER_FILE), { planning, clock: () => MONDAY_9AM, logger, metrics });
  // The client has no offline queue: wait until it is connected before the first turn.
  while (await built.sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  return {
    engine: built.engine,
    say: (conversationId: string, text: string) => built.engine.handle({ conversationId, kind: 'message', text, locale: 'it-IT', messageId: `m${++messages}` }),
    /** Turns so far by where their statechart came from. */
    async sources(): Promise<Sources> {
      const counted = { live: 0, snapshot: 0, new: 0 };
      for (const v of (await metrics.registry.getSingleMetric('mc_turn_machines_total')!.get()).values) {
        counted[v.labels.source as keyof Sources] = v.value;
      }
      return counted;
    },
    async close() {
      built.engine.live?.clear();
      await built.handoffs.close();
      await built.sessions.close();
    },
  };
}

describe('live actors, checked against the session store (#15)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let planning: PlanningSystem;
  const open: { close(): Promise<void> }[] = [];
  const started = async (...args: Parameters<typeof instance> extends [TestRedis, ...infer R] ? R : never) => {
    const i = await instance(redis, ...args);
    open.push(i);
    return i;
  };

  before(async function () {
    redis = await startTestRedis(this);
  });
  beforeEach(() => {
    planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: ':memory:', clock: () => MONDAY_9AM });
  });
  afterEach(async () => {
    for (const i of open.splice(0)) await i.close();
    await planning.close();
  });
  after(async () => {
    await redis?.dispose();
  });

  it('goes on from its own live actor, and sees a turn another instance took in between', async () => {
    const prefix = uniquePrefix('live');
    const [a, b] = [await started(prefix, planning), await started(prefix, planning)];
    const id = 'live:alternating';
    assert.equal(awaitingOf(await a.say(id, OPENING)), 'mobility');
    // The mobility is given on the other instance...
    assert.equal(awaitingOf(await b.say(id, 'prendo un taxi')), 'date');
    // ...and the first instance, which still holds its actor from before, must know it.
    const summary = await a.say(id, 'giovedì alle 10');
    assert.equal(awaitingOf(summary), 'confirm');
    assert.match(textOf(summary), /Mobilità: Taxi/);
    assert.deepEqual(await a.sources(), { new: 1, snapshot: 1, live: 0 }, 'restored from the store, not its stale actor');
    assert.deepEqual(await b.sources(), { new: 0, snapshot: 1, live: 0 });
    // Its own last write: the live actor goes on.
    const booked = await a.say(id, 'sì, confermo');
    assert.equal(bookingOf(booked)?.solution, 'taxi');
    assert.deepEqual(await a.sources(), { new: 1, snapshot: 1, live: 1 });
  });

  it('drops the least recently used conversation beyond its bound, which then goes on from the store', async () => {
    const a = await started(uniquePrefix('live-lru'), planning, 1);
    const [x, y] = ['live:x', 'live:y'];
    assert.equal(awaitingOf(await a.say(x, OPENING)), 'mobility');
    assert.equal(awaitingOf(await a.say(y, 'Buongiorno, sono Marco Rossi, la Ghibli FX456AB deve cambiare le gomme')), 'mobility');
    assert.equal(a.engine.live?.size, 1);
    assert.equal(awaitingOf(await a.say(x, 'prendo un taxi')), 'date');
    assert.equal(awaitingOf(await a.say(x, 'giovedì alle 10')), 'confirm');
    assert.equal(awaitingOf(await a.say(y, 'vado coi mezzi pubblici')), 'date');
    assert.equal(a.engine.live?.size, 1);
    // x came back after y pushed it out (from the store), then went on live; y likewise.
    assert.deepEqual(await a.sources(), { new: 2, snapshot: 2, live: 1 });
    assert.equal(bookingOf(await a.say(x, 'sì'))?.solution, 'taxi');
  });

  it('restores from the store after a restart (a new instance), and books', async () => {
    const prefix = uniquePrefix('live-restart');
    const before = await started(prefix, planning);
    const id = 'live:restart';
    await before.say(id, OPENING);
    await before.say(id, 'prendo un taxi');
    await before.close();
    open.splice(open.indexOf(before), 1);
    const after = await started(prefix, planning);
    assert.equal(awaitingOf(await after.say(id, 'giovedì alle 10')), 'confirm');
    assert.equal(bookingOf(await after.say(id, 'sì'))?.solution, 'taxi');
    assert.deepEqual(await after.sources(), { new: 0, snapshot: 1, live: 1 });
  });

  it('with LIVE_CONVERSATIONS=0, restores every turn from the store', async () => {
    const a = await started(uniquePrefix('live-off'), planning, 0);
    const id = 'live:off';
    await a.say(id, OPENING);
    await a.say(id, 'prendo un taxi');
    await a.say(id, 'giovedì alle 10');
    assert.equal(a.engine.live, undefined);
    assert.deepEqual(await a.sources(), { new: 1, snapshot: 2, live: 0 });
  });
});
