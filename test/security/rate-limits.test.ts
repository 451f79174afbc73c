/**
 * The limits every edge uses (src/limits): shared by two instances through a real redis-server,
 * in memory without one, falling back to memory while Redis is down; and the per-key places.
 */
import assert from 'node:assert/strict';
import { connectRedis } from '../../src/sessions/redis';
import { createRateLimits } from '../../src/limits/rate-limits';
import { Slots } from '../../src/limits/slots';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

describe('security: rate limits and places', function () {
  this.timeout(30_000);
  let server: TestRedis;
  before(async function () {
    server = await startTestRedis(this);
  });
  after(async () => server?.dispose());

  it('in memory: refuses past the points with a Retry-After, and forgets a reset key', async () => {
    const limit = createRateLimits({ prefix: 't:' })('opens', { points: 2, durationSeconds: 60 });
    assert.equal((await limit.take('1.2.3.4')).allowed, true);
    assert.equal((await limit.take('1.2.3.4')).allowed, true);
    const refused = await limit.take('1.2.3.4');
    assert.equal(refused.allowed, false);
    assert.ok(!refused.allowed && refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 60);
    assert.equal((await limit.take('5.6.7.8')).allowed, true, 'another key has its own count');
    await limit.reset('1.2.3.4');
    assert.equal((await limit.take('1.2.3.4')).allowed, true);
  });

  it('through Redis: two instances share one count', async () => {
    const prefix = uniquePrefix('rl');
    const [a, b] = [connectRedis(server.url), connectRedis(server.url)];
    try {
      await Promise.all([a, b].map((c) => (c.status === 'ready' ? undefined : new Promise((r) => c.once('ready', r)))));
      const rule = { points: 3, durationSeconds: 60 };
      const one = createRateLimits({ redis: a, prefix })('messages', rule);
      const two = createRateLimits({ redis: b, prefix })('messages', rule);
      await one.take('c');
      await two.take('c');
      await one.take('c');
      assert.equal((await two.take('c')).allowed, false, 'the fourth take, on the other instance, is refused');
      assert.ok((await a.keys(`${prefix}rl:messages*`)).length > 0, 'the count lives under the key prefix');
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('a block keeps the key out until it lapses, with the time left', async () => {
    const limit = createRateLimits({ prefix: 't:' })('login', { points: 100, durationSeconds: 900 });
    await limit.block('giulia', 120);
    const v = await limit.take('giulia');
    assert.equal(v.allowed, false);
    assert.ok(!v.allowed && v.retryAfterSeconds > 60);
  });

  it('while Redis is down, limits still hold in memory and nothing throws', async () => {
    const prefix = uniquePrefix('rl-down');
    const redis = connectRedis('redis://127.0.0.1:1', { onError: () => undefined });
    const errors: unknown[] = [];
    try {
      const limit = createRateLimits({ redis, prefix, onError: (e) => errors.push(e) })('opens', { points: 1, durationSeconds: 60 });
      assert.equal((await limit.take('x')).allowed, true);
      assert.equal((await limit.take('x')).allowed, false);
    } finally {
      redis.disconnect();
    }
  });

  it('places: per key and in all; a release frees exactly one place, once', () => {
    const slots = new Slots({ perKey: 2, total: 3 });
    const a1 = slots.enter('a');
    const a2 = slots.enter('a');
    assert.ok(a1 && a2);
    assert.equal(slots.enter('a'), undefined, 'a third stream for the same conversation');
    const b1 = slots.enter('b');
    assert.ok(b1);
    assert.equal(slots.enter('c'), undefined, 'the total is reached');
    a1();
    a1();
    assert.equal(slots.size, 2);
    assert.ok(slots.enter('c'));
  });
});
