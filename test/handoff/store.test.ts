/**
 * The handoff store's contract, on memory and on a real redis-server: compare-and-set updates,
 * each site's queue (waiting oldest first, then active; closed ones leave), messages, and events
 * heard across instances (two Redis connections).
 */
import assert from 'node:assert/strict';
import type { Handoff } from '../../src/handoff/handoff';
import type { HandoffStore } from '../../src/handoff/handoff-store';
import { createMemoryHandoffStore } from '../../src/handoff/memory';
import { createRedisHandoffStore, handoffKeys } from '../../src/handoff/redis';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { testStore, whenReady } from '../support/redis-store';
import { connectRedis } from '../../src/sessions/redis';

const handoff = (id: string, since: string, over: Partial<Handoff> = {}): Handoff => ({
  conversationId: id, status: 'waiting', siteId: 'modena', channel: 'webchat', lang: 'it', reason: 'requested', since, updatedAt: since,
  summary: { entitlements: [], freeSolutions: [] }, conversationRef: { channel: 'webchat', conversationId: id }, ...over,
});

function contract(name: string, make: () => Promise<{ a: HandoffStore; b: HandoffStore; done: () => Promise<void> }>) {
  describe(`handoff store (${name})`, () => {
    let a: HandoffStore;
    let b: HandoffStore;
    let done: () => Promise<void>;
    beforeEach(async () => ({ a, b, done } = await make()));
    afterEach(async () => done());

    it('queues a site\'s waiting conversations oldest first, then the active ones, without other sites or closed ones', async () => {
      await a.update('webchat:2', () => handoff('webchat:2', '2026-11-30T09:05:00+01:00'));
      await a.update('webchat:1', () => handoff('webchat:1', '2026-11-30T09:01:00+01:00'));
      await a.update('webchat:3', () => handoff('webchat:3', '2026-11-30T08:59:00+01:00', { status: 'active' }));
      await a.update('webchat:x', () => handoff('webchat:x', '2026-11-30T08:00:00+01:00', { siteId: 'bologna' }));
      await a.update('webchat:c', () => handoff('webchat:c', '2026-11-30T08:00:00+01:00', { status: 'closed' }));
      assert.deepEqual((await b.list('modena')).map((h) => h.conversationId), ['webchat:1', 'webchat:2', 'webchat:3']);
      await b.update('webchat:1', (h) => h && { ...h, status: 'closed' });
      assert.deepEqual((await a.list('modena')).map((h) => h.conversationId), ['webchat:2', 'webchat:3']);
      assert.deepEqual((await a.list('bologna')).map((h) => h.conversationId), ['webchat:x']);
    });

    it('writes by compare-and-set: of two advisors taking the same conversation, one wins', async () => {
      await a.update('webchat:1', () => handoff('webchat:1', '2026-11-30T09:01:00+01:00'));
      const take = (s: HandoffStore, who: string) =>
        s.update('webchat:1', (h) => (h?.status === 'waiting' ? { ...h, status: 'active', advisor: { kind: 'advisor', id: who, name: who } } : undefined));
      const results = await Promise.all([take(a, 'giulia'), take(b, 'pietro'), take(a, 'anna'), take(b, 'marco')]);
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal((await b.get('webchat:1'))?.status, 'active');
    });

    it('keeps the messages exchanged, in order, and starts them again for a new handoff', async () => {
      await a.append('webchat:1', [{ at: 't1', from: 'customer', text: 'uno' }], true);
      await b.append('webchat:1', [{ at: 't2', from: 'advisor', text: 'due', name: 'Giulia' }]);
      assert.deepEqual((await a.messages('webchat:1')).map((m) => m.text), ['uno', 'due']);
      await a.append('webchat:1', [{ at: 't3', from: 'customer', text: 'tre' }], true);
      assert.deepEqual((await b.messages('webchat:1')).map((m) => m.text), ['tre']);
    });

    it('tells every instance what changed', async () => {
      const heard = new Promise((resolve) => b.subscribe((e) => e.type === 'changed' && resolve(e)));
      await new Promise((r) => setTimeout(r, 100)); // the subscriber connects
      await a.publish({ type: 'changed', siteId: 'modena', conversationId: 'webchat:1', status: 'waiting' });
      assert.deepEqual(await heard, { type: 'changed', siteId: 'modena', conversationId: 'webchat:1', status: 'waiting' });
    });
  });
}

contract('memory', async () => {
  const store = createMemoryHandoffStore();
  return { a: store, b: store, done: () => store.close() };
});

describe('handoff store in memory', () => {
  it('forgets a handoff and its messages a TTL after their last write, as Redis does: not every handoff ever', async () => {
    let t = Date.parse('2026-11-30T08:00:00Z');
    const store = createMemoryHandoffStore({ ttlSeconds: 24 * 3600, clock: () => t });
    // a handoff with a message every hour for 1,000 hours
    for (let i = 0; i < 1_000; i++) {
      await store.update(`webchat:${i}`, () => handoff(`webchat:${i}`, new Date(t).toISOString(), { status: i % 2 ? 'closed' : 'waiting' }));
      await store.append(`webchat:${i}`, [{ at: 't', from: 'customer', text: 'aiuto' }], true);
      t += 3600_000;
    }
    assert.ok(store.size <= 2 * 25, String(store.size));
    assert.equal(await store.get('webchat:0'), undefined);
    assert.deepEqual(await store.messages('webchat:0'), []);
    assert.equal((await store.get('webchat:998'))?.status, 'waiting');
    assert.deepEqual((await store.list('modena')).map((h) => h.conversationId), ['webchat:978', 'webchat:980', 'webchat:982', 'webchat:984', 'webchat:986', 'webchat:988', 'webchat:990', 'webchat:992', 'webchat:994', 'webchat:996', 'webchat:998']);
    // written again, a handoff is kept from then
    t += 20 * 3600_000;
    await store.update('webchat:998', (h) => h && { ...h, status: 'active' });
    t += 10 * 3600_000;
    assert.equal((await store.get('webchat:998'))?.status, 'active');
    assert.equal(await store.get('webchat:996'), undefined);
  });
});

describe('handoff store on a real redis-server', function () {
  let redis: TestRedis;
  before(async function () {
    redis = await startTestRedis(this);
  });
  after(async () => redis?.dispose());

  contract('redis, two connections', async () => {
    const prefix = uniquePrefix('handoff');
    const [x, y] = await Promise.all([testStore(redis.url, { prefix }), testStore(redis.url, { prefix })]);
    const a = createRedisHandoffStore({ redis: x.redis, prefix, ttlSeconds: 60 });
    const b = createRedisHandoffStore({ redis: y.redis, prefix, ttlSeconds: 60 });
    return { a, b, done: async () => {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([x.store.close(), y.store.close()]);
    } };
  });

  it('keeps a handoff beside its conversation (same prefix and hash tag) with a TTL', async () => {
    const prefix = uniquePrefix('handoff-keys');
    const client = connectRedis(redis.url);
    await whenReady(client);
    const store = createRedisHandoffStore({ redis: client, prefix, ttlSeconds: 60 });
    await store.update('webchat:{a}', () => handoff('webchat:{a}', '2026-11-30T09:01:00+01:00'));
    const keys = handoffKeys(prefix, 'webchat:{a}');
    assert.equal(keys.handoff, `${prefix}{webchat:%7Ba%7D}:handoff`);
    const ttl = await client.ttl(keys.handoff);
    assert.ok(ttl > 0 && ttl <= 60, String(ttl));
    await store.close();
    client.disconnect();
  });
});
