/**
 * A turn on the Redis store against a real redis-server: two Lua scripts in the common case
 * (BEGIN, COMMIT), the lock let go by the commit or by a duplicate at once, a failed turn leaving
 * its message to be handled, a commit without an envelope, and a lapsed turn's commit refused
 * whole. Then the shared contract (session-store-contract.ts) across three instances.
 * No timing assertions: waits are bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { Envelope, TranscriptEntry } from '../../src/sessions/session-store';
import { conversationKeys } from '../../src/sessions/redis-keys';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually, gate, scriptCalls, testStore, type TestStore } from '../support/redis-store';
import { sessionStoreContract } from './session-store-contract';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n } });
const entry = (text: string): TranscriptEntry => ({ at: `at-${text}`, from: 'customer', text });

describe('Redis turn', function () {
  this.timeout(30_000);
  let server: TestRedis;
  let raw: Redis;
  const stores: TestStore[] = [];
  const prefix = uniquePrefix('turn');
  const keys = (id: string) => conversationKeys(prefix, id);
  const locked = async (id: string) => (await raw.exists(keys(id).lock)) === 1;

  /** A store on its own connection: another instance. */
  async function instance(options: { lockMs?: number; leaseMs?: number } = {}): Promise<TestStore> {
    const s = await testStore(server.url, { prefix, ...options });
    stores.push(s);
    return s;
  }

  before(async function () {
    server = await startTestRedis(this);
    raw = new Redis(server.url);
  });
  after(async () => {
    await Promise.all(stores.map((s) => s.store.close()));
    raw?.disconnect();
    await server?.dispose();
  });

  it('is two script calls when the commit releases the lock, three when the lock is released after the task', async () => {
    const { store } = await instance();
    const id = 'round-trips';
    // Once, so that the server knows every script (the first call of each is NOSCRIPT, then EVAL).
    await store.turn(id, 'warm-1', (t) => t.commit({ envelope: envelope(0), transcript: [entry('warm')] }));
    await store.turn(id, 'warm-2', (t) => t.commit({ envelope: envelope(0), transcript: [entry('warm')], release: true }));
    await store.turn(id, 'warm-1', async (t) => assert.equal(t.duplicate, true));

    const measure = async (task: () => Promise<unknown>) => {
      const before = await scriptCalls(raw);
      await task();
      const after = await scriptCalls(raw);
      assert.equal(after.eval - before.eval, 0, 'no script sent in full');
      return after.evalsha - before.evalsha;
    };
    assert.equal(await measure(() => store.turn(id, 'm1', async (t) => {
      assert.equal(t.duplicate, false);
      assert.equal(await t.commit({ envelope: envelope(1), transcript: [entry('m1')], release: true }), true);
    })), 2, 'BEGIN and COMMIT');
    assert.equal(await measure(() => store.turn(id, 'm2', async (t) => {
      assert.equal(await t.commit({ envelope: envelope(2), transcript: [entry('m2')] }), true);
    })), 3, 'BEGIN, COMMIT and RELEASE');
    assert.equal(await measure(() => store.turn(id, undefined, (t) => t.commit({ transcript: [], release: true }))), 2,
      'without a message id or an envelope: still BEGIN and COMMIT');
    assert.equal(await measure(() => store.turn(id, 'm1', async (t) => assert.equal(t.duplicate, true))), 1,
      'a duplicate is BEGIN alone');
    assert.equal(await measure(() => store.turn(id, undefined, async () => 'read only')), 2, 'a turn without commit: BEGIN and RELEASE');
    assert.equal((await store.load(id))?.revision, 4);
    assert.equal(await locked(id), false);
  });

  it('lets the next turn of the conversation start as soon as the commit releases the lock', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const id = 'early-release';
    const rest = gate();
    const committed = gate();
    let firstReturned = false;
    const first = a.store.turn(id, 'm1', async (t) => {
      assert.equal(await t.commit({ envelope: envelope(1), transcript: [entry('m1')], release: true }), true);
      committed.open();
      await rest.wait; // the rest of the task (sending the reply, say) goes on without the lock
      firstReturned = true;
      return 'first';
    });
    await committed.wait;
    assert.equal(await locked(id), false, 'the commit let go of the lock');
    // Another instance, and the same one, each run a whole turn while the first task is still pending.
    for (const s of [b, a]) {
      const seen = await s.store.turn(id, undefined, async (t) => t.stored);
      assert.equal(firstReturned, false);
      assert.deepEqual(seen, { envelope: envelope(1), revision: 1 }, 'and sees what the first one committed');
    }
    rest.open();
    assert.equal(await first, 'first');
    assert.equal(await locked(id), false);
  });

  it('reports a duplicate message and lets the conversation go at once', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const id = 'duplicate';
    await a.store.turn(id, 'm1', (t) => t.commit({ envelope: envelope(1), transcript: [entry('m1')] }));
    const pending = gate();
    const began = gate();
    let duplicateReturned = false;
    const duplicate = a.store.turn(id, 'm1', async (t) => {
      began.open();
      await pending.wait;
      duplicateReturned = true;
      return { duplicate: t.duplicate, stored: t.stored };
    });
    await began.wait;
    assert.equal(await locked(id), false, 'the lock was released by BEGIN itself');
    for (const [s, m] of [[b, 'm2'], [a, 'm3']] as const) {
      assert.equal(await s.store.turn(id, m, async (t) => {
        assert.equal(t.duplicate, false);
        return t.commit({ envelope: envelope(t.stored!.revision + 1), transcript: [entry(m)], release: true });
      }), true);
      assert.equal(duplicateReturned, false, 'while the duplicate\'s task is still pending');
    }
    pending.open();
    assert.equal((await duplicate).duplicate, true);
    assert.equal(await raw.get(keys(id).seen('m1')), 'done', 'the duplicate claimed nothing');
    assert.deepEqual((await a.store.transcript(id)).map((e) => e.text), ['m1', 'm2', 'm3']);
    assert.equal((await a.store.load(id))?.revision, 3);
  });

  it('leaves the message to be handled after a failed turn, and handled for 7 days after a committed one', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const id = 'failed';
    await assert.rejects(a.store.turn(id, 'm', async (t) => {
      assert.equal(t.duplicate, false);
      throw new Error('the task threw');
    }), /the task threw/);
    assert.equal(await locked(id), false, 'the lock was released');
    assert.equal(await b.store.turn(id, 'm', async (t) => t.duplicate), false, 'a retry runs; this one ends without commit');
    assert.equal(await a.store.turn(id, 'm', async (t) => {
      assert.equal(t.duplicate, false, 'so the next retry runs too');
      return t.commit({ envelope: envelope(1), transcript: [entry('m')] });
    }), true);
    assert.equal(await b.store.turn(id, 'm', async (t) => t.duplicate), true);
    const ttl = await raw.ttl(keys(id).seen('m'));
    assert.ok(ttl > 7 * 24 * 3600 - 60 && ttl <= 7 * 24 * 3600, String(ttl));
  });

  it('keeps the snapshot and its revision on a commit without an envelope, refreshing its TTL and appending the transcript', async () => {
    const s = await instance();
    const id = 'no-envelope';
    const k = keys(id);
    await s.store.turn(id, undefined, (t) => t.commit({ envelope: envelope(1), transcript: [entry('one')] }));
    await raw.expire(k.snapshot, 100);
    await raw.expire(k.transcript, 100);
    assert.equal(await s.store.turn(id, 'm', async (t) => {
      assert.deepEqual(t.stored, { envelope: envelope(1), revision: 1 });
      return t.commit({ transcript: [entry('two')], release: true });
    }), true);
    assert.deepEqual(await s.store.load(id), { envelope: envelope(1), revision: 1 });
    assert.ok((await raw.ttl(k.snapshot)) > 3000, 'the snapshot\'s TTL refreshed');
    assert.ok((await raw.ttl(k.transcript)) > 3000, 'the transcript\'s TTL refreshed');
    assert.deepEqual((await s.store.transcript(id)).map((e) => e.text), ['one', 'two']);
    assert.equal(await raw.get(k.seen('m')), 'done');
  });

  it('refuses a second commit in the same turn', async () => {
    const s = await instance();
    const id = 'twice';
    const calls = await scriptCalls(raw);
    await assert.rejects(s.store.turn(id, 'm', async (t) => {
      assert.equal(await t.commit({ envelope: envelope(1), transcript: [entry('once')], release: true }), true);
      await t.commit({ envelope: envelope(2), transcript: [entry('twice')] });
    }), /already committed/);
    assert.deepEqual(await s.store.load(id), { envelope: envelope(1), revision: 1 });
    assert.deepEqual((await s.store.transcript(id)).map((e) => e.text), ['once']);
    assert.ok((await scriptCalls(raw)).evalsha - calls.evalsha <= 2, 'the second commit never reached Redis');
  });

  it('refuses whole the commit of a turn whose lock lapsed and was taken over: no snapshot, transcript or handled message', async () => {
    const [a, b] = await Promise.all([instance({ lockMs: 400, leaseMs: 200 }), instance({ lockMs: 400, leaseMs: 200 })]);
    const id = 'lapsed';
    const k = keys(id);
    await a.store.turn(id, 'm0', (t) => t.commit({ envelope: envelope(0), transcript: [entry('m0')] }));
    const resume = gate();
    const late = gate();
    let lateFence = 0;
    let lateCommit: Promise<boolean> | undefined;
    // A: begins the turn for m1, then stalls past lockMs while alive (it stops renewing at lockMs).
    const aTurn = a.store.turn(id, 'm1', async (t) => {
      lateFence = t.fence;
      await resume.wait;
      lateCommit = t.commit({ envelope: envelope(1), transcript: [entry('m1 by a')], release: true });
      await late.wait;
    });
    await eventually(() => lateFence > 0);
    // B gets the conversation once A's lock has lapsed, and holds it while A commits.
    await b.store.turn(id, 'm2', async (t) => {
      assert.ok(t.fence > lateFence);
      resume.open();
      await eventually(() => lateCommit !== undefined);
      assert.equal(await lateCommit, false, 'A is refused by the fence');
      assert.deepEqual(await b.store.load(id), { envelope: envelope(0), revision: 1 }, 'no snapshot written');
      assert.deepEqual((await b.store.transcript(id)).map((e) => e.text), ['m0'], 'no transcript written');
      assert.equal(await raw.get(k.seen('m1')), `pending:${lateFence}`, 'm1 not marked handled');
      assert.equal(await locked(id), true, 'A\'s release did not free B\'s lock');
      return t.commit({ envelope: envelope(2), transcript: [entry('m2 by b')] });
    });
    late.open();
    await aTurn;
    // The channel's retry of m1 is handled.
    assert.equal(await b.store.turn(id, 'm1', async (t) => {
      assert.equal(t.duplicate, false);
      return t.commit({ envelope: envelope(3), transcript: [entry('m1 retried')], release: true });
    }), true);
    assert.deepEqual(await a.store.load(id), { envelope: envelope(3), revision: 3 });
    assert.deepEqual((await a.store.transcript(id)).map((e) => e.text), ['m0', 'm2 by b', 'm1 retried']);
  });

  it('refuses the commit without an envelope of a turn whose lock lapsed and was taken over', async () => {
    const [a, b] = await Promise.all([instance({ lockMs: 400, leaseMs: 200 }), instance({ lockMs: 400, leaseMs: 200 })]);
    const id = 'lapsed-no-envelope';
    const resume = gate();
    let result: boolean | undefined;
    let began = false;
    const aTurn = a.store.turn(id, 'm1', async (t) => {
      began = true;
      await resume.wait;
      result = await t.commit({ transcript: [entry('late')] });
    });
    await eventually(() => began);
    await b.store.turn(id, undefined, async (t) => t.commit({ envelope: envelope(1), transcript: [entry('b')] }));
    resume.open();
    await aTurn;
    assert.equal(result, false);
    assert.deepEqual((await a.store.transcript(id)).map((e) => e.text), ['b']);
    assert.equal(await a.store.turn(id, 'm1', async (t) => t.duplicate), false);
  });

  describe('contract, across three instances', () => {
    let instances: TestStore[] = [];
    before(async () => {
      instances = await Promise.all([instance(), instance(), instance()]);
    });
    sessionStoreContract(() => ({ instances: instances.map((s) => s.store) }));
  });
});
