/**
 * Issue #14, "nothing acknowledged is lost": a duplicate delivery of a message (the same activity
 * id: a client that retried after a timeout, maybe through another instance) gets the reply of
 * the first delivery byte for byte, and the conversation advances once. Bot Framework
 * `expectReplies` over real HTTP on loopback; two instances sharing a real Redis, and one
 * instance with the in-memory store.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const env = (extra: Record<string, string>) => loadConfig({
  PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, ...extra,
});

/** POSTs an activity as a channel with expectReplies does; returns the raw body. */
async function deliver(base: string, conversation: string, id: string, text: string): Promise<{ status: number; raw: string }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id, text, channelId: 'test', serviceUrl: 'http://127.0.0.1:1', conversation: { id: conversation },
      from: { id: `user-${conversation}`, name: 'Customer' }, recipient: { id: 'bot', name: 'Bot' }, deliveryMode: 'expectReplies', locale: 'it-IT',
    }),
  });
  return { status: res.status, raw: await res.text() };
}
const texts = (raw: string) => ((JSON.parse(raw) as { activities: { text?: string }[] }).activities ?? []).map((a) => a.text ?? '').join('\n');

function duplicates(instances: () => { a: App; b: App; baseA: string; baseB: string }) {
  it('answers a retried delivery with the first reply, byte for byte, and advances the conversation once', async () => {
    const { a, baseA, baseB } = instances();
    const c = `dup-${Math.random().toString(36).slice(2, 8)}`;
    const first = await deliver(baseA, c, 'm1', 'ciao devo fare il tagliando alla levante GH123KL');
    assert.equal(first.status, 200);
    assert.ok(texts(first.raw).length > 0, first.raw);
    const revision = (await a.sessions.load(`bf:test:${c}`))?.revision;
    assert.ok(revision);
    const transcript = (await a.sessions.transcript(`bf:test:${c}`)).length;

    // The client timed out and retries the same activity, here and on the other instance.
    for (const base of [baseA, baseB, baseA]) {
      const again = await deliver(base, c, 'm1', 'ciao devo fare il tagliando alla levante GH123KL');
      assert.equal(again.status, 200);
      assert.equal(again.raw, first.raw, 'the same reply, byte for byte');
    }
    assert.equal((await a.sessions.load(`bf:test:${c}`))?.revision, revision, 'the machine advanced once');
    assert.equal((await a.sessions.transcript(`bf:test:${c}`)).length, transcript, 'nothing written twice');

    // The next message goes on from where the first left it.
    const next = await deliver(baseB, c, 'm2', 'venerdi mattina');
    assert.equal(next.status, 200);
    assert.notEqual(next.raw, first.raw);
    assert.equal((await a.sessions.load(`bf:test:${c}`))?.revision, revision + 1);
  });
}

describe('Duplicate deliveries get the first reply (#14)', function () {
  this.timeout(60_000);

  describe('two instances sharing Redis', () => {
    let redis: TestRedis;
    let a: App;
    let b: App;
    let baseA: string;
    let baseB: string;
    before(async function () {
      redis = await startTestRedis(this);
      const shared = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('dup') };
      a = await createApp(env(shared), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
      b = await createApp(env(shared), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
      baseA = `http://127.0.0.1:${(await a.listen()).port}`;
      baseB = `http://127.0.0.1:${(await b.listen()).port}`;
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await redis?.dispose();
    });
    duplicates(() => ({ a, b, baseA, baseB }));
  });

  describe('one instance, in memory', () => {
    let a: App;
    let base: string;
    before(async () => {
      a = await createApp(env({}), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
      base = `http://127.0.0.1:${(await a.listen()).port}`;
    });
    after(async () => a?.close());
    duplicates(() => ({ a, b: a, baseA: base, baseB: base }));
  });
});
