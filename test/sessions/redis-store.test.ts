/**
 * The Redis session store against a real redis-server: compare-and-set, TTLs, de-duplication,
 * transcripts, and the key layout (one hash tag per conversation).
 */
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { Envelope } from '../../src/sessions/session-store';
import { conversationKeys, checkPrefix } from '../../src/sessions/redis-keys';
import { snapshotBytes } from '../../src/sessions/redis';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually, testStore, type TestStore } from '../support/redis-store';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { value: 'x', n } });

describe('Redis session store', function () {
  this.timeout(30_000);
  let server: TestRedis;
  let t: TestStore;
  let raw: Redis;
  const prefix = uniquePrefix('store');

  before(async function () {
    server = await startTestRedis(this);
    t = await testStore(server.url, { prefix, ttlSeconds: 3600 });
    raw = new Redis(server.url);
  });
  after(async () => {
    await t?.store.close();
    raw?.disconnect();
    await server?.dispose();
  });

  it('saves by compare-and-set against the revision read', async () => {
    const { store } = t;
    assert.equal(await store.load('cas'), undefined);
    assert.equal(await store.save('cas', envelope(1), 0), true);
    assert.equal(await store.save('cas', envelope(2), 0), false, 'a second writer from revision 0 loses');
    assert.deepEqual(await store.load('cas'), { envelope: envelope(1), revision: 1 });
    assert.equal(await store.save('cas', envelope(3), 1), true);
    assert.equal(await store.save('cas', envelope(4), 1), false);
    assert.deepEqual(await store.load('cas'), { envelope: envelope(3), revision: 2 });
  });

  it('lets exactly one of many concurrent writers of the same revision win', async () => {
    const { store } = t;
    await store.save('race', envelope(0), 0);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.save('race', envelope(i), 1)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await store.load('race'))!.revision, 2);
  });

  it('keeps snapshot and transcript for the TTL, refreshed on every write', async () => {
    const { store } = t;
    const k = conversationKeys(prefix, 'ttl');
    await store.save('ttl', envelope(1), 0);
    await store.appendTranscript('ttl', [{ at: '2026-11-30T09:00:00+01:00', from: 'customer', text: 'ciao' }]);
    for (const key of [k.snapshot, k.transcript]) {
      const ttl = await raw.ttl(key);
      assert.ok(ttl > 3000 && ttl <= 3600, `${key}: ${ttl}`);
    }
    await raw.expire(k.snapshot, 100);
    await store.save('ttl', envelope(2), 1);
    assert.ok((await raw.ttl(k.snapshot)) > 3000, 'refreshed by the write');
  });

  it('forgets a conversation once its TTL has passed', async () => {
    const short = await testStore(server.url, { prefix, ttlSeconds: 1 });
    await short.store.save('short', envelope(1), 0);
    await short.store.appendTranscript('short', [{ at: 'now', from: 'bot', text: 'hi' }]);
    await eventually(async () => (await short.store.load('short')) === undefined, 100);
    assert.deepEqual(await short.store.transcript('short'), []);
    assert.equal(await short.store.save('short', envelope(2), 0), true, 'starts again from revision 0');
    await short.store.close();
  });

  it('records each message id once per conversation, for 7 days', async () => {
    const { store } = t;
    assert.equal(await store.firstDelivery('dedup', 'wamid.1'), true);
    assert.equal(await store.firstDelivery('dedup', 'wamid.1'), false);
    assert.equal(await store.firstDelivery('dedup', 'wamid.2'), true);
    assert.equal(await store.firstDelivery('other', 'wamid.1'), true, 'ids are per conversation');
    const ttl = await raw.ttl(conversationKeys(prefix, 'dedup').seen('wamid.1'));
    assert.ok(ttl > 6 * 24 * 3600 && ttl <= 7 * 24 * 3600, String(ttl));
  });

  it('answers concurrent deliveries of one message id exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.store.firstDelivery('dedup-race', 'm')));
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('counts a message as handled inside a turn only once the turn is saved', async () => {
    const { store } = t;
    const turn = (body: (first: boolean) => Promise<void>) =>
      store.withTurnLock('claim', async () => body(await store.firstDelivery('claim', 'msg-1')));
    // A turn that fails before saving: a retry of the same message is handled again.
    await assert.rejects(turn(async (first) => {
      assert.equal(first, true);
      throw new Error('turn failed');
    }));
    await turn(async (first) => {
      assert.equal(first, true, 'the retry is handled');
      const read = await store.load('claim');
      assert.equal(await store.save('claim', envelope(1), read?.revision ?? 0), true);
    });
    await turn(async (first) => assert.equal(first, false, 'handled and saved: a duplicate'));
    const ttl = await raw.ttl(conversationKeys(prefix, 'claim').seen('msg-1'));
    assert.ok(ttl > 6 * 24 * 3600, String(ttl));
  });

  it('appends the transcript in order and caps its length', async () => {
    const capped = await testStore(server.url, { prefix, maxTranscript: 5 });
    const entry = (i: number) => ({ at: `t${i}`, from: i % 2 ? ('bot' as const) : ('customer' as const), text: `m${i}` });
    await capped.store.appendTranscript('tr', [entry(0), entry(1)]);
    await capped.store.appendTranscript('tr', []);
    assert.deepEqual(await capped.store.transcript('tr'), [entry(0), entry(1)]);
    await capped.store.appendTranscript('tr', [2, 3, 4, 5, 6].map(entry));
    assert.deepEqual(await capped.store.transcript('tr'), [2, 3, 4, 5, 6].map(entry), 'the oldest go first');
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
    await t.store.save('size', envelope(1), 0);
    assert.equal(await snapshotBytes(t.redis, prefix, 'size'), JSON.stringify(envelope(1)).length);
  });
});
