/**
 * The Redis session store on real Sentinel and Cluster topologies (test/support/redis-topologies.ts),
 * through the same REDIS_URL forms production uses: the contract basics and the shared store
 * contract (session-store-contract.ts) on both; mid-booking, a planned Sentinel failover, the
 * Sentinel master killed, and the Cluster master of the conversation's slot killed (#14); one
 * Cluster slot per conversation, conversations spread over every master, and a full booking
 * through the engine. No timing assertions: waits are bounded (`until`, mocha's timeout).
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Cluster, Redis } from 'ioredis';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { TurnOutput } from '../../src/engine/turn-engine';
import { conversationKeys } from '../../src/sessions/redis-keys';
import type { Envelope } from '../../src/sessions/session-store';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { uniquePrefix } from '../support/redis-server';
import { eventually, gate, testStore, type TestStore } from '../support/redis-store';
import {
  command, fields, requireRedisBinary, startCluster, startSentinel, until, type ClusterTopology, type SentinelTopology,
} from '../support/redis-topologies';
import { sessionStoreContract } from './session-store-contract';

const envelope = (handled: string[]): Envelope => ({ machine: 'booking', version: 1, snapshot: { handled } });
const POLITE = /qualcosa non ha funzionato.*consulente/s;
const FIRST = 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, prendo un taxi';

const allKeys = (prefix: string, id: string, messageId = 'm') => {
  const k = conversationKeys(prefix, id);
  return [k.snapshot, k.transcript, k.lock, k.fence, k.queue, k.waiters, k.seen(messageId)];
};

/**
 * One customer message the way the engine handles it: a turn (lock, de-duplicate, read), then one
 * commit (snapshot by CAS, message handled, transcript), releasing the lock itself unless
 * `release` is false (then it is released after the task). The snapshot lists the messages
 * handled, so lost or doubled turns show.
 */
async function turn(s: TestStore, id: string, messageId: string, release = true): Promise<'done' | 'duplicate'> {
  return s.store.turn(id, messageId, async (t) => {
    if (t.duplicate) return 'duplicate';
    const handled = (t.stored?.envelope.snapshot as { handled: string[] } | undefined)?.handled ?? [];
    const committed = await t.commit({ envelope: envelope([...handled, messageId]), transcript: [{ at: messageId, from: 'customer', text: messageId }], release });
    assert.equal(committed, true, `commit of ${messageId}`);
    return 'done';
  });
}
const handledOf = async (s: TestStore, id: string) =>
  ((await s.store.load(id))?.envelope.snapshot as { handled: string[] } | undefined)?.handled ?? [];

type Instance = TestStore & { prefix: string };

/** The store's contract through any topology: `a` and `b` are two instances (own connections). */
function contractBasics(get: () => { a: Instance; b: Instance }): void {
  it('loses no update among concurrent turns from both instances: one revision per turn', async () => {
    const { a, b } = get();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => turn(i % 2 ? a : b, 'cas', `w${i}`, i % 3 !== 0)));
    assert.deepEqual(outcomes, outcomes.map(() => 'done'));
    const handled = await handledOf(b, 'cas');
    assert.deepEqual([...handled].sort(), Array.from({ length: 10 }, (_, i) => `w${i}`).sort(), handled.join(' '));
    assert.equal((await b.store.load('cas'))?.revision, 10);
    assert.deepEqual((await a.store.transcript('cas')).map((e) => e.text), handled, 'the transcript in the order of the turns');
  });

  it('handles each message once, alternating instances, with a transcript in order', async () => {
    const { a, b } = get();
    const outcomes: string[] = [];
    for (const [i, id] of ['m1', 'm2', 'm1', 'm3', 'm2'].entries()) outcomes.push(await turn(i % 2 ? a : b, 'dedup', id));
    assert.deepEqual(outcomes, ['done', 'done', 'duplicate', 'done', 'duplicate']);
    assert.deepEqual(await handledOf(a, 'dedup'), ['m1', 'm2', 'm3']);
    assert.deepEqual((await b.store.transcript('dedup')).map((e) => e.text), ['m1', 'm2', 'm3']);
  });

  it('grants the turn lock in arrival order across instances, with increasing fences', async () => {
    const { a, b } = get();
    const id = 'order';
    const queue = conversationKeys(a.prefix, id).queue;
    const g = gate();
    const holder = a.store.turn(id, undefined, async (t) => {
      await g.wait;
      return t.fence;
    });
    await eventually(async () => (await a.redis.exists(conversationKeys(a.prefix, id).lock)) === 1);
    const order: number[] = [];
    const waiters: Promise<number>[] = [];
    for (let i = 0; i < 8; i++) {
      waiters.push((i % 2 ? a : b).store.turn(id, undefined, async (t) => (order.push(i), t.fence)));
      await eventually(async () => (await b.redis.llen(queue)) === i + 1);
    }
    g.open();
    const fences = await Promise.all([holder, ...waiters]);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(fences, fences.map((_, i) => fences[0] + i));
  });
}

/** Two store instances on `url`, each on its own connection, with the prefix they share. */
async function twoInstances(url: string, prefix: string): Promise<{ a: Instance; b: Instance }> {
  const [a, b] = await Promise.all([testStore(url, { prefix }), testStore(url, { prefix })]);
  return { a: { ...a, prefix }, b: { ...b, prefix } };
}

/** The real engine (createEngine) on a Redis URL, with the embedded planning in memory, on the test clock. */
async function engineOn(url: string, prefix: string) {
  const config = loadConfig({
    REDIS_URL: url, REDIS_KEY_PREFIX: prefix, PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
    TURN_LOCK_MS: '6000', TURN_TIMEOUT_MS: '5000',
  });
  const built = await createEngine(config, loadDealer(DEALER_FILE), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
  // The client has no offline queue: wait until it is connected before the first turn.
  await until('the engine to reach Redis', () => built.sessions.ping().then(() => true));
  let n = 0;
  const say = (conversationId: string, text: string, messageId = `msg-${++n}`) =>
    built.engine.handle({ conversationId, kind: 'message', text, locale: 'it', messageId });
  const close = async () => {
    await built.handoffs.close();
    await built.sessions.close();
    await built.planning.close();
  };
  return { ...built, say, close };
}

const textOf = (r: TurnOutput) => r.messages.map((m) => m.text).join('\n');
const awaitingOf = (r: TurnOutput) => r.messages.findLast((m) => m.awaiting)?.awaiting;
const bookingOf = (r: TurnOutput) => r.messages.find((m) => m.booking)?.booking;
const yesOf = (r: TurnOutput) => r.messages.flatMap((m) => m.choices ?? [])[0].value;

/** How a test moves the conversations' master: the master now, the switch, and when a store instance has followed it. */
interface Failover {
  /** The master serving the conversations now (its port). */
  master(): Promise<number>;
  /** Starts the switch and returns at once, with a wait for the new master (its port, taking writes). */
  begin(): Promise<() => Promise<number>>;
  /** True once the store instance talks to the new master. */
  reaches(s: Instance, to: number): Promise<boolean>;
  /** A crash, not a planned switch: some turns must fail meanwhile (else the test missed the outage). */
  crash?: boolean;
}

/**
 * The failover scenario, whatever the topology: an engine customer waiting to confirm a booking
 * and a store conversation of 3 turns (replicated); then the switch, with turns coming on both
 * instances and the customer confirming (the channel retrying the same message) while it happens;
 * then: the next turns work and land on the new master, turns during the switch may be missing
 * (docs/sessions.md, "Failover") but never doubled or reordered, only polite answers meanwhile,
 * and the booking made once.
 */
async function bookingThroughFailover(
  url: string, prefix: string, { a, b }: { a: Instance; b: Instance }, ids: { chat: string; booking: string }, failover: Failover,
): Promise<void> {
  const bot = await engineOn(url, prefix);
  try {
    // Before: an engine conversation waiting for confirmation, and a store conversation of 3 turns.
    const r = await bot.say(ids.booking, FIRST);
    assert.equal(awaitingOf(r), 'confirm', textOf(r));
    const yes = yesOf(r);
    for (const m of ['p1', 'p2', 'p3']) assert.equal(await turn(a, ids.chat, m), 'done');
    // Acknowledged by the replica, so the promoted replica must have them (replication is asynchronous).
    assert.equal(await command(await failover.master(), 'WAIT', 1, 1500), 1);

    // During: as soon as the switch begins, turns keep coming on both instances and the engine's
    // customer confirms (the channel retrying the same message); any may fail meanwhile.
    const switched = await failover.begin();
    let stop = false;
    const replies: TurnOutput[] = [];
    const confirm = async () => {
      const reply = await bot.say(ids.booking, yes, 'confirm-1');
      replies.push(reply);
      return reply;
    };
    let failed = 0;
    const traffic = (async () => {
      for (let i = 0; !stop; i++) {
        await turn(i % 2 ? a : b, ids.chat, `d${i}`).catch(() => failed++);
        await confirm();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    let to: number;
    try {
      to = await switched();
      for (const s of [a, b]) await until('the store to talk to the new master', () => failover.reaches(s, to));
    } finally {
      stop = true;
      await traffic;
    }

    if (failover.crash) assert.ok(failed > 0, 'turns failed while the master was gone');

    // After: the next turns work, on either instance, and land on the new master.
    for (const [i, m] of ['n1', 'n2', 'n3', 'n4'].entries()) assert.equal(await turn(i % 2 ? a : b, ids.chat, m), 'done');
    assert.equal(await turn(b, ids.chat, 'p2'), 'duplicate', 'de-duplication survived the failover');
    const handled = await handledOf(a, ids.chat);
    assert.deepEqual(handled.slice(0, 3), ['p1', 'p2', 'p3'], handled.join(' '));
    assert.deepEqual(handled.slice(-4), ['n1', 'n2', 'n3', 'n4'], handled.join(' '));
    assert.equal(new Set(handled).size, handled.length, `nothing doubled: ${handled.join(' ')}`);
    const during = handled.slice(3, -4).map((m) => Number(m.slice(1)));
    assert.deepEqual(during, [...during].sort((x, y) => x - y), `in order: ${handled.join(' ')}`);
    const onNewMaster = fields(await command(to, 'HGETALL', conversationKeys(prefix, ids.chat).snapshot));
    assert.equal(Number(onNewMaster.rev), handled.length, 'one revision per handled message, on the new master');

    // The engine's customer: the channel retries until the new master has the confirmation handled.
    await until('the confirmation to be handled on the new master', async () => (await confirm()).duplicate, 20_000);
    for (const reply of replies) {
      assert.ok(bookingOf(reply) || reply.duplicate || POLITE.test(textOf(reply)), `only the polite error, else the booking: ${textOf(reply)}`);
    }
    const bookings = replies.map(bookingOf).filter((x) => x !== undefined);
    assert.ok(bookings.length >= 1);
    assert.deepEqual(new Set(bookings.map((x) => x.reference)).size, 1, 'a repeated confirmation finds the same booking');
    assert.equal(bookings[0].customerName, 'Luisa Ferri');
    const confirmed = (await bot.planning.list({ status: ['confirmed'] })).filter((x) => x.customerName === 'Luisa Ferri');
    assert.deepEqual(confirmed.map((x) => x.reference), [bookings[0].reference], 'booked once');
  } finally {
    await bot.close();
  }
}

/** A switch of the Sentinel master, started by `begin`. */
const sentinelFailover = (topo: SentinelTopology, begin: () => Promise<() => Promise<number>>, crash = false): Failover => ({
  master: () => topo.master(),
  crash,
  begin,
  // The store's own connections follow the new master (no restart, no new client).
  reaches: async (s, to) =>
    Number(fields(await (s.redis as Redis).info('server').catch(() => '')).tcp_port) === to && (await s.redis.ping()) === 'PONG',
});

describe('Redis Sentinel (real master, replica and 3 sentinels)', function () {
  this.timeout(45_000);
  let topo: SentinelTopology;
  let stores: Awaited<ReturnType<typeof twoInstances>>;
  const prefix = uniquePrefix('sentinel');

  before(async function () {
    requireRedisBinary(this);
    topo = await startSentinel({ sentinels: 3 });
    stores = await twoInstances(topo.url, prefix);
  });
  after(async () => {
    await Promise.all([stores?.a.store.close(), stores?.b.store.close()]);
    await topo?.dispose();
  });

  it('connects to the master the sentinels name', async () => {
    const port = fields(await (stores.a.redis as Redis).info('server')).tcp_port;
    assert.equal(Number(port), await topo.master());
  });

  contractBasics(() => stores);

  describe('the session store contract', () => sessionStoreContract(() => ({ instances: [stores.a.store, stores.b.store] })));

  it('closes its subscriptions to the sentinels when closed, so the process can exit', async () => {
    // The failover detector subscribes to +switch-master on every sentinel; QUIT alone left those open.
    const subscribed = async () => (await Promise.all(topo.sentinels.map(async (p) =>
      String(await command(p, 'CLIENT', 'LIST')).split('\n').filter((l) => / sub=[1-9]/.test(l)).length))).reduce((x, y) => x + y, 0);
    const before = await subscribed();
    const s = await testStore(topo.url, { prefix });
    await until('the new client to subscribe on every sentinel', async () => (await subscribed()) === before + topo.sentinels.length);
    await s.store.close();
    await until('its subscriptions to close', async () => (await subscribed()) === before);
  });

  it('follows a failover in the middle of conversations: polite answers meanwhile, nothing doubled, booked once', async () => {
    await bookingThroughFailover(topo.url, prefix, stores, { chat: 'chat', booking: 'booking' }, sentinelFailover(topo, async () => {
      const from = await topo.requestFailover();
      return async () => (await topo.switched(from)).to;
    }));
  });
});

describe('Redis Sentinel, the master killed (real master, replica and 3 sentinels)', function () {
  this.timeout(45_000);
  let topo: SentinelTopology;
  let stores: Awaited<ReturnType<typeof twoInstances>>;
  const prefix = uniquePrefix('sentinel-kill');

  // A topology of its own: after the planned failover above, the sentinels take ~20 s to see the
  // old master as a healthy replica again; a fresh topology is ready in a few seconds.
  before(async function () {
    requireRedisBinary(this);
    topo = await startSentinel({ sentinels: 3 });
    stores = await twoInstances(topo.url, prefix);
  });
  after(async () => {
    await Promise.all([stores?.a.store.close(), stores?.b.store.close()]);
    await topo?.dispose();
  });

  it('survives the master killed in the middle of conversations (no failover asked): the sentinels promote the replica, nothing doubled, booked once', async () => {
    await bookingThroughFailover(topo.url, prefix, stores, { chat: 'chat', booking: 'booking' }, sentinelFailover(topo, async () => {
      const from = await topo.master();
      await topo.kill(from); // SIGKILL: the sentinels find it down (after 1 s here), agree, and promote the replica
      return async () => (await topo.switched(from)).to;
    }, true));
  });
});

describe('Redis Cluster (real, 3 masters)', function () {
  this.timeout(30_000);
  let topo: ClusterTopology;
  let stores: Awaited<ReturnType<typeof twoInstances>>;
  const prefix = uniquePrefix('cluster');

  before(async function () {
    requireRedisBinary(this);
    topo = await startCluster({ masters: 3 });
    stores = await twoInstances(topo.url, prefix);
  });
  after(async () => {
    await Promise.all([stores?.a.store.close(), stores?.b.store.close()]);
    await topo?.dispose();
  });

  it('sees the 3 masters', () => {
    assert.deepEqual((stores.a.redis as Cluster).nodes('master').map((n) => n.options.port).sort(), [...topo.masters].sort());
  });

  contractBasics(() => stores);

  describe('the session store contract', () => sessionStoreContract(() => ({ instances: [stores.a.store, stores.b.store] })));

  it('keeps all keys of a conversation in one slot (the scripts touch them together) and spreads conversations over every master', async () => {
    const { a, b } = stores;
    const ids = Array.from({ length: 60 }, (_, i) => `msteams:19:conv-${i}@thread.v2`);
    // Every script of a turn, on many conversations at once: BEGIN, COMMIT (releasing the lock or not), RELEASE.
    await Promise.all(ids.map((id, i) => turn(i % 2 ? a : b, id, `wamid.${i}`, i % 3 !== 0)));
    // And a duplicate of each (BEGIN releasing the lock at once).
    assert.deepEqual(await Promise.all(ids.map((id, i) => turn(i % 2 ? b : a, id, `wamid.${i}`))), ids.map(() => 'duplicate'));
    const perMaster = new Map<number, number>();
    for (const [i, id] of ids.entries()) {
      const slots = await Promise.all(allKeys(prefix, id, `wamid.${i}`).map((k) => command(topo.masters[0], 'CLUSTER', 'KEYSLOT', k)));
      assert.equal(new Set(slots).size, 1, `${id}: slots ${slots.join(' ')}`);
      const owner = await topo.ownerOf(Number(slots[0]));
      // The data is really on that master (asked directly, not through the cluster client).
      const k = conversationKeys(prefix, id);
      assert.deepEqual(await Promise.all([k.snapshot, k.transcript, k.fence, k.seen(`wamid.${i}`)].map((key) => command(owner, 'EXISTS', key))), [1, 1, 1, 1]);
      perMaster.set(owner, (perMaster.get(owner) ?? 0) + 1);
      assert.deepEqual(await handledOf(a, id), [`wamid.${i}`]);
    }
    assert.deepEqual([...perMaster.keys()].sort(), [...topo.masters].sort(), `per master: ${[...perMaster].join(' ')}`);
  });

  it('books through the engine, on the cluster', async () => {
    const bot = await engineOn(topo.url, prefix);
    try {
      let r = await bot.say('cluster-booking', FIRST);
      assert.equal(awaitingOf(r), 'confirm', textOf(r));
      const yes = yesOf(r);
      r = await bot.say('cluster-booking', yes, 'yes-1');
      assert.equal(bookingOf(r)?.customerName, 'Luisa Ferri', textOf(r));
      assert.equal((await bot.say('cluster-booking', yes, 'yes-1')).duplicate, true);
      const transcript = await bot.sessions.transcript('cluster-booking');
      assert.ok(transcript.some((e) => e.from === 'customer' && e.text === FIRST), JSON.stringify(transcript));
      assert.equal((await bot.planning.list({ status: ['confirmed'] })).filter((x) => x.customerName === 'Luisa Ferri').length, 1);
    } finally {
      await bot.close();
    }
  });
});

describe('Redis Cluster failover (real, 3 masters with a replica each)', function () {
  this.timeout(60_000);
  let topo: ClusterTopology;
  let stores: Awaited<ReturnType<typeof twoInstances>>;
  const prefix = uniquePrefix('cluster-failover');

  before(async function () {
    requireRedisBinary(this);
    topo = await startCluster({ masters: 3, replicas: 1 });
    stores = await twoInstances(topo.url, prefix);
  });
  after(async () => {
    await Promise.all([stores?.a.store.close(), stores?.b.store.close()]);
    await topo?.dispose();
  });

  it('survives the master of a conversation\'s slot killed mid-booking: its replica is promoted, nothing doubled, booked once', async () => {
    const booking = 'cluster-failover-booking';
    const slot = await topo.slotOf(conversationKeys(prefix, booking).snapshot);
    const owner = await topo.ownerOf(slot);
    // A store conversation on the same master, so that the kill hits both.
    let chat = '';
    for (let i = 0; !chat; i++) if ((await topo.ownerOf(await topo.slotOf(conversationKeys(prefix, `chat-${i}`).snapshot))) === owner) chat = `chat-${i}`;
    await bookingThroughFailover(topo.url, prefix, stores, { chat, booking }, {
      master: async () => owner,
      crash: true,
      begin: async () => {
        // The booking's conversation is really on that master (asked directly).
        assert.equal(await command(owner, 'EXISTS', conversationKeys(prefix, booking).snapshot), 1);
        await topo.kill(owner); // SIGKILL: the other masters mark it failed (node timeout 2 s), its replica takes over
        return () => topo.failedOver(owner, slot);
      },
      // The cluster client follows the new slot map: the conversation's keys answer again, from the new master.
      reaches: async (s, to) =>
        (await topo.ownerOf(slot)) === to && (await s.redis.exists(conversationKeys(prefix, chat).snapshot)) === 1,
    });
  });
});
