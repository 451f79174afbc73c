/**
 * What a conversation may leave in the shared store: a refused over-long message is not kept
 * whole, a transcript is capped in bytes as well as in entries, and a conversation that was only
 * opened (the welcome, never a customer message) lasts minutes, not the 30 days of a real one.
 * Real app in memory, and the Redis store on a real redis-server.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { Redis } from 'ioredis';
import { MAX_MESSAGE_LENGTH } from '../../dialogs/events';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { createMemorySessionStore } from '../../src/sessions/memory';
import { conversationKeys } from '../../src/sessions/redis-keys';
import type { SessionStore, TranscriptEntry } from '../../src/sessions/session-store';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { testStore } from '../support/redis-store';

const bytesOf = (entries: TranscriptEntry[]) => entries.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e)), 0);
const big = (i: number): TranscriptEntry => ({ at: `t${i}`, from: 'advisor', text: `${i}:${'x'.repeat(3000)}` });

async function fillAndCheck(store: SessionStore, id: string, maxBytes: number): Promise<void> {
  for (let i = 0; i < 400; i++) await store.appendTranscript(id, [big(i)]);
  const kept = await store.transcript(id);
  assert.ok(bytesOf(kept) <= maxBytes, `transcript holds ${bytesOf(kept)} bytes, cap ${maxBytes}`);
  assert.equal(kept.at(-1)!.text.split(':')[0], '399', 'the newest entry is kept');
  assert.ok(kept.length > 10, 'the cap drops the oldest, not everything');
}

describe('security: what the session store keeps', function () {
  this.timeout(30_000);

  describe('in the app (memory stores)', () => {
    let app: App;
    let now = MONDAY_9AM.getTime();
    before(async () => {
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', UNUSED_CONVERSATION_TTL_SECONDS: '600' });
      app = await createApp(config, { clock: () => new Date(now), logger: pino({ level: 'silent' }) });
    });
    after(async () => app.close());

    it('answers a 250 KB message politely and keeps only its beginning in the transcript', async () => {
      const id = 'sec-long';
      const turn = await app.engine.handle({ conversationId: id, kind: 'message', text: `Buongiorno ${'a'.repeat(250_000)}`, locale: 'it-IT', messageId: 'long-1' });
      assert.ok(turn.messages.length > 0, 'the customer gets an answer');
      const customer = (await app.sessions.transcript(id)).filter((e) => e.from === 'customer');
      assert.equal(customer.length, 1);
      assert.ok(customer[0].text.length <= MAX_MESSAGE_LENGTH + 1, `kept ${customer[0].text.length} characters`);
      assert.ok(customer[0].text.startsWith('Buongiorno '));
    });

    it('forgets a conversation that was only opened, after minutes; keeps one the customer used', async () => {
      await app.engine.handle({ conversationId: 'sec-opened', kind: 'start', locale: 'it-IT' });
      await app.engine.handle({ conversationId: 'sec-used', kind: 'start', locale: 'it-IT' });
      await app.engine.handle({ conversationId: 'sec-used', kind: 'message', text: 'Buongiorno, vorrei fare il tagliando', locale: 'it-IT', messageId: 'u1' });
      now += 601_000;
      assert.equal(await app.sessions.load('sec-opened'), undefined, 'the opened-only conversation is gone');
      assert.ok(await app.sessions.load('sec-used'), 'the used conversation stays');
    });

    it('a second opening of an unused conversation does not make it last longer', async () => {
      await app.engine.handle({ conversationId: 'sec-reopened', kind: 'start', locale: 'it-IT' });
      await app.engine.handle({ conversationId: 'sec-reopened', kind: 'start', locale: 'it-IT' });
      now += 601_000;
      assert.equal(await app.sessions.load('sec-reopened'), undefined);
    });

    it('a flood of opened-only conversations does not stay in memory past their TTL, met again or not', async () => {
      const store = app.sessions as { size?: number };
      const before = store.size ?? NaN;
      for (let i = 0; i < 200; i++) await app.engine.handle({ conversationId: `sec-flood-${i}`, kind: 'start', locale: 'it-IT' });
      assert.equal(store.size, before + 200);
      now += 601_000;
      // Any later write (another customer's turn) lets the store drop what has expired.
      await app.engine.handle({ conversationId: 'sec-flood-later', kind: 'start', locale: 'it-IT' });
      assert.ok((store.size ?? Infinity) <= before + 1, `${store.size} conversations held`);
    });

    it('caps the memory transcript in bytes', async () => {
      const store = createMemorySessionStore({ ttlSeconds: 3600, maxTranscriptBytes: 64 * 1024 });
      await fillAndCheck(store, 'bytes', 64 * 1024);
    });
  });

  describe('on Redis', () => {
    let server: TestRedis;
    let raw: Redis;
    before(async function () {
      server = await startTestRedis(this);
      raw = new Redis(server.url);
    });
    after(async () => {
      raw?.disconnect();
      await server?.dispose();
    });

    it('caps the transcript in bytes (with its entry cap), dropping the oldest', async () => {
      const { store } = await testStore(server.url, { prefix: uniquePrefix('bytes'), maxTranscriptBytes: 64 * 1024 });
      try {
        await fillAndCheck(store, 'bytes', 64 * 1024);
      } finally {
        await store.close();
      }
    });

    it('stores an opened-only conversation for minutes, a used one for the session TTL', async () => {
      const prefix = uniquePrefix('unused');
      const config = loadConfig({
        PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
        REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix, UNUSED_CONVERSATION_TTL_SECONDS: '600',
      });
      const app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
      try {
        await app.listen();
        await new Promise((r) => setTimeout(r, 100));
        await app.engine.handle({ conversationId: 'opened', kind: 'start', locale: 'it-IT' });
        await app.engine.handle({ conversationId: 'used', kind: 'start', locale: 'it-IT' });
        await app.engine.handle({ conversationId: 'used', kind: 'message', text: 'Buongiorno, vorrei fare il tagliando', locale: 'it-IT', messageId: 'u1' });
        const ttl = async (id: string, key: 'snapshot' | 'transcript') => raw.ttl(conversationKeys(prefix, id)[key]);
        assert.ok((await ttl('opened', 'snapshot')) > 0 && (await ttl('opened', 'snapshot')) <= 600);
        assert.ok((await ttl('opened', 'transcript')) <= 600);
        assert.ok((await ttl('used', 'snapshot')) > 600 * 10, 'a used conversation keeps the session TTL');
      } finally {
        await app.close();
      }
    });
  });
});
