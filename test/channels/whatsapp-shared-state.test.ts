/**
 * WhatsApp's shared state on a real redis-server (issue #14): two instances' views of one Redis
 * agree on the 24-hour window (which only moves forward, whatever the order webhooks arrive in)
 * and on the message ids already taken; with Redis away each instance answers from its own
 * memory and reports the failure, and nothing throws at the channel.
 */
import assert from 'node:assert/strict';
import { isOpen } from '../../src/channels/whatsapp/contact-window';
import { createRedisWhatsAppState, type WhatsAppState } from '../../src/channels/whatsapp/shared-state';
import { connectRedis } from '../../src/sessions/redis-connect';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const HOUR = 3600_000;
const MONDAY_9AM = new Date('2026-11-30T08:00:00Z');

describe('WhatsApp shared state (windows, seen ids) on Redis', function () {
  this.timeout(30_000);
  let redis: TestRedis;
  const clients: ReturnType<typeof connectRedis>[] = [];
  before(async function () {
    redis = await startTestRedis(this);
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    await redis?.dispose();
  });

  /** One instance's view: its own connection, the shared prefix. */
  async function instance(prefix: string, errors: unknown[] = []): Promise<WhatsAppState> {
    const client = connectRedis(redis.url);
    clients.push(client);
    await new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())));
    return createRedisWhatsAppState({ redis: client, prefix, onError: (err) => errors.push(err) });
  }

  it('a window opened through A is open for B; an older webhook arriving late does not move it back', async () => {
    const prefix = uniquePrefix('wa-window');
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const c = 'whatsapp:393471110099';
    assert.equal(await b.window.lastInbound(c), undefined);
    await a.window.recordInbound(c, MONDAY_9AM);
    await b.window.recordInbound(c, new Date(MONDAY_9AM.getTime() - 2 * HOUR));
    assert.equal((await b.window.lastInbound(c))?.getTime(), MONDAY_9AM.getTime());
    assert.ok(isOpen(await b.window.lastInbound(c), new Date(MONDAY_9AM.getTime() + 23 * HOUR)));
    assert.ok(!isOpen(await a.window.lastInbound(c), new Date(MONDAY_9AM.getTime() + 25 * HOUR)));
    assert.equal(await b.window.lastInbound('whatsapp:393470000000'), undefined, 'another customer has no window');
  });

  it('a message id is taken once across instances, per conversation', async () => {
    const prefix = uniquePrefix('wa-seen');
    const [a, b] = [await instance(prefix), await instance(prefix)];
    assert.equal(await a.seen.first('whatsapp:393471110011', 'wamid.once'), true);
    assert.equal(await b.seen.first('whatsapp:393471110011', 'wamid.once'), false);
    assert.equal(await a.seen.first('whatsapp:393471110011', 'wamid.once'), false);
    assert.equal(await b.seen.first('whatsapp:393471110011', 'wamid.other'), true);
  });

  it('with Redis away, each instance answers from its own memory and reports it; back, Redis answers again', async function () {
    if (!redis.controllable) this.skip();
    const prefix = uniquePrefix('wa-away');
    const errors: unknown[] = [];
    const a = await instance(prefix, errors);
    const c = 'whatsapp:393471110022';
    await redis.stop();
    try {
      await a.window.recordInbound(c, MONDAY_9AM);
      assert.equal((await a.window.lastInbound(c))?.getTime(), MONDAY_9AM.getTime(), 'this instance remembers the window it saw open');
      assert.equal(await a.seen.first(c, 'wamid.away'), true);
      assert.equal(await a.seen.first(c, 'wamid.away'), false, 'and the ids it took');
      assert.ok(errors.length > 0, 'the failures were reported');
    } finally {
      await redis.start();
    }
    const b = await instance(prefix);
    // A reconnects by itself (backoff); until then it keeps answering from memory.
    await Promise.all(clients.map((client) => new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())))));
    await a.window.recordInbound(c, new Date(MONDAY_9AM.getTime() + HOUR));
    assert.equal((await b.window.lastInbound(c))?.getTime(), MONDAY_9AM.getTime() + HOUR, 'shared again');
  });
});
