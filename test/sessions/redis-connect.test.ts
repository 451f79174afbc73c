/**
 * REDIS_URL parsing (single, Sentinel, Cluster), and the client's behaviour when Redis is down or
 * hung: calls fail instead of waiting, no unhandled 'error' event, and it recovers by itself.
 */
import assert from 'node:assert/strict';
import { parseRedisUrl } from '../../src/sessions/redis-connect';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually, testStore } from '../support/redis-store';

describe('REDIS_URL', () => {
  it('parses a single Redis, with TLS, credentials and a database', () => {
    const p = parseRedisUrl('rediss://bot:s%40cret@redis.example:6380/2');
    assert.equal(p.kind, 'single');
    assert.equal(p.tls, true);
    assert.deepEqual(p.hosts, [{ host: 'redis.example', port: 6380 }]);
    assert.equal(p.username, 'bot');
    assert.equal(p.password, 's@cret');
    assert.equal(p.db, 2);
    assert.deepEqual(parseRedisUrl('redis://localhost').hosts, [{ host: 'localhost', port: 6379 }]);
  });

  it('parses Sentinel: the sentinels, the master name, a database and the sentinel password', () => {
    const p = parseRedisUrl('redis+sentinel://:pw@s1:26379,s2:26380,s3/mymaster/1?sentinelPassword=sp');
    assert.equal(p.kind, 'sentinel');
    assert.deepEqual(p.hosts, [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }, { host: 's3', port: 26379 }]);
    assert.equal(p.name, 'mymaster');
    assert.equal(p.db, 1);
    assert.equal(p.password, 'pw');
    assert.equal(p.params.get('sentinelPassword'), 'sp');
    assert.throws(() => parseRedisUrl('redis+sentinel://s1:26379'), /name the master/);
  });

  it('parses Cluster seed nodes', () => {
    const p = parseRedisUrl('rediss+cluster://user:pw@n1:6379,n2:7000');
    assert.equal(p.kind, 'cluster');
    assert.equal(p.tls, true);
    assert.deepEqual(p.hosts, [{ host: 'n1', port: 6379 }, { host: 'n2', port: 7000 }]);
    assert.equal(p.username, 'user');
  });

  it('refuses other schemes', () => {
    assert.throws(() => parseRedisUrl('http://localhost:6379'), /unsupported scheme/);
  });
});

describe('Redis down, hung, and back', function () {
  this.timeout(60_000);
  let server: TestRedis;

  before(async function () {
    server = await startTestRedis(this);
    if (!server.controllable) this.skip();
  });
  after(async () => server?.dispose());

  it('fails calls while Redis is stopped, and recovers when it is back on the same port', async () => {
    const { store } = await testStore(server.url, { prefix: uniquePrefix('down') });
    assert.equal(await store.turn('c', undefined, (t) => t.commit({ envelope: { machine: 'm', version: 1, snapshot: {} }, transcript: [] })), true);
    await server.stop();
    await assert.rejects(store.ping());
    await assert.rejects(store.load('c'));
    await assert.rejects(store.turn('c', undefined, async () => 'never'));
    await assert.rejects(store.turn('c', 'm1', async () => 'never'));
    await server.start();
    await eventually(() => store.ping().then(() => true, () => false), 50);
    assert.equal((await store.load('c'))?.revision, 1, 'the data came back with the server');
    assert.equal(await store.turn('c', undefined, async (t) => t.fence > 0 && t.stored?.revision === 1), true);
    assert.equal(await store.turn('c', 'm1', async (t) => !t.duplicate && t.commit({ transcript: [], release: true })), true,
      'the message refused while Redis was down is handled');
    await store.close();
  });

  it('fails calls to a hung Redis after the command timeout, and recovers when it answers again', async () => {
    const { store } = await testStore(server.url, { prefix: uniquePrefix('hung') }, 300);
    await store.ping();
    server.freeze();
    try {
      await assert.rejects(store.ping(), /timed out/i);
      await assert.rejects(store.load('c'));
    } finally {
      server.thaw();
    }
    await eventually(() => store.ping().then(() => true, () => false), 50);
    await store.close();
  });
});
