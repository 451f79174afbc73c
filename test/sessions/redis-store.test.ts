/**
 * The Redis session store against a real redis-server: compare-and-set through turns, TTLs,
 * de-duplication, transcripts, and the key layout (one hash tag per conversation). The turn's own
 * behaviour (two scripts, early release, failed and lapsed turns) and the shared contract are in
 * redis-turn.test.ts.
 */
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { Envelope, SessionStore, TranscriptEntry } from '../../src/sessions/session-store';
import { conversationKeys, checkPrefix } from '../../src/sessions/redis-keys';
import { snapshotBytes } from '../../src/sessions/redis';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually, testStore, type TestStore } from '../support/redis-store';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { value: 'x', n } });
const counterOf = (e: Envelope | undefined) => (e?.snapshot as { n: number } | undefined)?.n ?? 0;

/** One turn that commits `envelope` (and `transcript`), with what it read. */
const commitTurn = (store: SessionStore, id: string, env: Envelope | undefined, transcript: TranscriptEntry[] = [], messageId?: string) =>
  store.turn(id, messageId, async (t) => ({ read: t.stored, committed: await t.commit({ envelope: env, transcript, release: true }) }));

describe('Redis session store', function () {
  this.timeout(30_000);
  let server: TestRedis;
  let t: TestStore;
  let raw: Redis;
  const prefix = uniquePrefix('store');
  const others: TestStore[] = [];
  async function instance(): Promise<TestStore> {
    const s = await testStore(server.url, { prefix, ttlSeconds: 3600 });
    others.push(s);
    return s;
  }

  before(async function () {
    server = await startTestRedis(this);
    t = await testStore(server.url, { prefix, ttlSeconds: 3600 });
    raw = new Redis(server.url);
  });
  after(async () => {
    await Promise.all(others.map((s) => s.store.close()));
    await t?.store.close();
    raw?.disconnect();
    await server?.dispose();
  });

  it('commits by compare-and-set against the revision the turn read', async () => {
    const { store } = t;
    assert.equal(await store.load('cas'), undefined);
    assert.deepEqual(await commitTurn(store, 'cas', envelope(1)), { read: undefined, committed: true });
    assert.deepEqual(await store.load('cas'), { envelope: envelope(1), revision: 1 });
    assert.deepEqual(await commitTurn(store, 'cas', envelope(2)), { read: { envelope: envelope(1), revision: 1 }, committed: true });
    assert.deepEqual(await store.load('cas'), { envelope: envelope(2), revision: 2 });
  });

  it('refuses a commit when the snapshot changed under the turn, even with the current fence', async () => {
    // Another writer than a turn (an operator's restore, say): the compare-and-set alone refuses.
    const { store } = t;
    const k = conversationKeys(prefix, 'cas-alone');
    await commitTurn(store, 'cas-alone', envelope(1));
    const committed = await store.turn('cas-alone', 'm', async (turn) => {
      await raw.hset(k.snapshot, 'rev', 5, 'env', JSON.stringify(envelope(50)));
      return turn.commit({ envelope: envelope(2), transcript: [{ at: 'now', from: 'bot', text: 'lost' }] });
    });
    assert.equal(committed, false);
    assert.deepEqual(await store.load('cas-alone'), { envelope: envelope(50), revision: 5 });
    assert.deepEqual(await store.transcript('cas-alone'), [], 'nothing else written either');
    assert.equal(await store.turn('cas-alone', 'm', async (turn) => turn.duplicate), false, 'the message is still to be handled');
  });

  it('loses no update among many concurrent turns on one conversation from several instances', async () => {
    const instances = [t, await instance(), await instance()];
    const turns = 30;
    const results = await Promise.all(Array.from({ length: turns }, (_, i) => instances[i % 3].store.turn('race', undefined, async (turn) =>
      turn.commit({ envelope: envelope(counterOf(turn.stored?.envelope) + 1), transcript: [], release: i % 2 === 0 }))));
    assert.equal(results.filter(Boolean).length, turns, 'every turn committed');
    const final = await t.store.load('race');
    assert.equal(final?.revision, turns, 'one revision per turn');
    assert.equal(counterOf(final?.envelope), turns, 'each turn incremented what the previous one wrote');
  });

  it('keeps snapshot and transcript for the TTL, refreshed on every write', async () => {
    const { store } = t;
    const k = conversationKeys(prefix, 'ttl');
    await commitTurn(store, 'ttl', envelope(1), [{ at: '2026-11-30T09:00:00+01:00', from: 'customer', text: 'ciao' }]);
    await store.appendTranscript('ttl', [{ at: '2026-11-30T09:00:01+01:00', from: 'bot', text: 'buongiorno' }]);
    for (const key of [k.snapshot, k.transcript]) {
      const ttl = await raw.ttl(key);
      assert.ok(ttl > 3000 && ttl <= 3600, `${key}: ${ttl}`);
    }
    await raw.expire(k.snapshot, 100);
    await raw.expire(k.transcript, 100);
    await commitTurn(store, 'ttl', envelope(2), [{ at: '2026-11-30T09:01:00+01:00', from: 'customer', text: 'grazie' }]);
    assert.ok((await raw.ttl(k.snapshot)) > 3000, 'snapshot refreshed by the commit');
    assert.ok((await raw.ttl(k.transcript)) > 3000, 'transcript refreshed by the commit');
    await raw.expire(k.transcript, 100);
    await store.appendTranscript('ttl', [{ at: '2026-11-30T09:01:01+01:00', from: 'bot', text: 'prego' }]);
    assert.ok((await raw.ttl(k.transcript)) > 3000, 'transcript refreshed by appendTranscript');
  });

  it('forgets a conversation once its TTL has passed', async () => {
    const short = await testStore(server.url, { prefix, ttlSeconds: 1 });
    await commitTurn(short.store, 'short', envelope(1), [{ at: 'now', from: 'customer', text: 'ciao' }]);
    await short.store.appendTranscript('short', [{ at: 'now', from: 'bot', text: 'hi' }]);
    await eventually(async () => (await short.store.load('short')) === undefined, 100);
    assert.deepEqual(await short.store.transcript('short'), []);
    assert.deepEqual(await commitTurn(short.store, 'short', envelope(2)), { read: undefined, committed: true }, 'starts again from revision 0');
    assert.equal((await short.store.load('short'))?.revision, 1);
    await short.store.close();
  });

  it('records each committed message id once per conversation, for 7 days', async () => {
    const { store } = t;
    const handle = (id: string, m: string) => store.turn(id, m, async (turn) => (turn.duplicate ? 'duplicate' : (await turn.commit({ transcript: [] }), 'done')));
    assert.equal(await handle('dedup', 'wamid.1'), 'done');
    assert.equal(await handle('dedup', 'wamid.1'), 'duplicate');
    assert.equal(await handle('dedup', 'wamid.2'), 'done');
    assert.equal(await handle('other', 'wamid.1'), 'done', 'ids are per conversation');
    const key = conversationKeys(prefix, 'dedup').seen('wamid.1');
    assert.equal(await raw.get(key), 'done');
    const ttl = await raw.ttl(key);
    assert.ok(ttl > 6 * 24 * 3600 && ttl <= 7 * 24 * 3600, String(ttl));
  });

  it('handles concurrent deliveries of one message id across instances exactly once', async () => {
    const instances = [t, await instance(), await instance()];
    let handled = 0;
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 3].store.turn('dedup-race', 'm', async (turn) => {
      if (turn.duplicate) return 'duplicate';
      handled++;
      assert.equal(await turn.commit({ envelope: envelope(handled), transcript: [{ at: 'now', from: 'customer', text: 'm' }] }), true);
      return 'done';
    })));
    assert.equal(outcomes.filter((o) => o === 'done').length, 1, outcomes.join(' '));
    assert.equal(handled, 1);
    assert.equal((await t.store.load('dedup-race'))?.revision, 1);
    assert.equal((await t.store.transcript('dedup-race')).length, 1);
  });

  it('counts a message as handled inside a turn only once the turn is committed', async () => {
    const { store } = t;
    const k = conversationKeys(prefix, 'claim');
    // A turn that fails before committing: a retry of the same message is handled again.
    let failedFence = 0;
    await assert.rejects(store.turn('claim', 'msg-1', async (turn) => {
      assert.equal(turn.duplicate, false);
      failedFence = turn.fence;
      throw new Error('turn failed');
    }), /turn failed/);
    assert.equal(await raw.get(k.seen('msg-1')), `pending:${failedFence}`, 'claimed, not handled');
    const pendingMs = await raw.pttl(k.seen('msg-1'));
    assert.ok(pendingMs > 0 && pendingMs <= 2 * 10_000, `a claim lapses by itself: ${pendingMs}`);
    // A turn that ends without committing: the same.
    assert.equal(await store.turn('claim', 'msg-1', async (turn) => turn.duplicate), false, 'the retry is handled');
    assert.equal(await store.turn('claim', 'msg-1', async (turn) => {
      assert.equal(turn.duplicate, false, 'and again, since nothing was committed');
      return turn.commit({ envelope: envelope(1), transcript: [] });
    }), true);
    assert.equal(await store.turn('claim', 'msg-1', async (turn) => turn.duplicate), true, 'committed: a duplicate');
    assert.equal(await raw.get(k.seen('msg-1')), 'done');
    const ttl = await raw.ttl(k.seen('msg-1'));
    assert.ok(ttl > 6 * 24 * 3600 && ttl <= 7 * 24 * 3600, String(ttl));
  });

  it('appends the transcript in order and caps its length, by appendTranscript and by commit', async () => {
    const capped = await testStore(server.url, { prefix, maxTranscript: 5 });
    const entry = (i: number) => ({ at: `t${i}`, from: i % 2 ? ('bot' as const) : ('customer' as const), text: `m${i}` });
    await capped.store.appendTranscript('tr', [entry(0), entry(1)]);
    await capped.store.appendTranscript('tr', []);
    assert.deepEqual(await capped.store.transcript('tr'), [entry(0), entry(1)]);
    await capped.store.appendTranscript('tr', [2, 3, 4, 5, 6].map(entry));
    assert.deepEqual(await capped.store.transcript('tr'), [2, 3, 4, 5, 6].map(entry), 'the oldest go first');
    await commitTurn(capped.store, 'tr', envelope(1), [7, 8, 9].map(entry));
    assert.deepEqual(await capped.store.transcript('tr'), [5, 6, 7, 8, 9].map(entry), 'a commit caps it too');
    await capped.store.close();
  });

  it('gives every key of a conversation the same hash tag, whatever the id', () => {
    for (const id of ['msteams:19:abc@thread.v2', 'x{y}z', '}{', '', '%7B']) {
      const k = conversationKeys('mc:', id);
      const all = [k.snapshot, k.transcript, k.lock, k.fence, k.queue, k.waiters, k.seen('m{1}')];
      const tags = all.map((key) => /\{([^}]*)\}/.exec(key)?.[1]);
      assert.ok(tags[0] !== undefined && tags[0] !== '', `${id}: ${all[0]}`);
      assert.ok(tags.every((tag) => tag === tags[0]), `${id}: ${tags.join(' ')}`);
    }
    assert.notEqual(conversationKeys('mc:', '{a}').snapshot, conversationKeys('mc:', '%7Ba%7D').snapshot);
    assert.throws(() => checkPrefix('mc:{all}:'), /braces/);
  });

  it('reports the stored envelope size', async () => {
    await commitTurn(t.store, 'size', envelope(1));
    assert.equal(await snapshotBytes(t.redis, prefix, 'size'), JSON.stringify(envelope(1)).length);
  });
});
