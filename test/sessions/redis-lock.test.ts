/**
 * The turn lock across instances (separate connections, and separate processes for crashes):
 * one turn at a time, in arrival order, fenced, and never held forever by a dead or stuck holder.
 * No timing assertions: waits are bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Envelope } from '../../src/sessions/session-store';
import { conversationKeys } from '../../src/sessions/redis-keys';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { eventually, gate, testStore, type TestStore } from '../support/redis-store';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n } });

describe('Redis turn lock', function () {
  this.timeout(60_000);
  let server: TestRedis;
  let raw: Redis;
  const stores: TestStore[] = [];
  const children: ChildProcess[] = [];
  const prefix = uniquePrefix('lock');
  const queueLength = (id: string) => raw.llen(conversationKeys(prefix, id).queue);

  /** A store on its own connection: another instance. */
  async function instance(options: { lockMs?: number; leaseMs?: number } = {}): Promise<TestStore> {
    const s = await testStore(server.url, { prefix, ...options });
    stores.push(s);
    return s;
  }

  function child(mode: 'hold' | 'wait', id: string, lockMs: number): { process: ChildProcess; next: () => Promise<Record<string, unknown>> } {
    const c = fork(path.join(__dirname, 'lock-child.ts'), [server.url, prefix, id, mode, String(lockMs)], { execArgv: ['-r', 'tsx/cjs'] });
    children.push(c);
    const next = () => new Promise<Record<string, unknown>>((resolve, reject) => {
      c.once('message', (m) => ((m as { error?: string }).error ? reject(new Error((m as { error: string }).error)) : resolve(m as Record<string, unknown>)));
      c.once('exit', (code) => reject(new Error(`child exited (${code})`)));
    });
    return { process: c, next };
  }
  const killed = (c: ChildProcess) => new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });

  before(async function () {
    server = await startTestRedis(this);
    raw = new Redis(server.url);
  });
  after(async () => {
    await Promise.all(children.map(killed));
    await Promise.all(stores.map((s) => s.store.close()));
    raw?.disconnect();
    await server?.dispose();
  });

  it('runs one turn at a time per conversation across instances, and others in parallel', async () => {
    const instances = await Promise.all([instance(), instance(), instance()]);
    let inside = 0;
    let most = 0;
    const turn = (s: TestStore, id: string) => s.store.turn(id, undefined, async () => {
      inside += id === 'exclusive' ? 1 : 0;
      most = Math.max(most, inside);
      await new Promise((r) => setImmediate(r));
      inside -= id === 'exclusive' ? 1 : 0;
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => turn(instances[i % 3], 'exclusive')));
    assert.equal(most, 1);

    // A held conversation does not block another one.
    const g = gate();
    const held = instances[0].store.turn('busy', undefined, () => g.wait);
    assert.equal(await instances[1].store.turn('free', undefined, async () => 'ran'), 'ran');
    g.open();
    await held;
  });

  it('grants the lock in arrival order to many waiters on different instances', async () => {
    const id = 'order';
    const instances = await Promise.all([instance(), instance(), instance()]);
    const g = gate();
    const holder = instances[0].store.turn(id, undefined, () => g.wait);
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    const order: number[] = [];
    const waiters: Promise<void>[] = [];
    for (let i = 0; i < 24; i++) {
      // Arrival order is the order of joining Redis's queue: wait until waiter i has joined.
      // Half of them let the next one in with their commit, before their task returns.
      waiters.push(instances[(i * 7) % 3].store.turn(id, undefined, async (t) => {
        order.push(i);
        await t.commit({ transcript: [{ at: `${i}`, from: 'customer', text: `w${i}` }], release: i % 2 === 0 });
      }));
      await eventually(async () => (await queueLength(id)) === i + 1);
    }
    g.open();
    await Promise.all([holder, ...waiters]);
    assert.deepEqual(order, Array.from({ length: 24 }, (_, i) => i));
    assert.deepEqual((await instances[1].store.transcript(id)).map((e) => e.text), order.map((i) => `w${i}`));
    assert.equal(await queueLength(id), 0);
  });

  it('hands out increasing fencing tokens', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const fences: number[] = [];
    for (let i = 0; i < 6; i++) fences.push(await (i % 2 ? a : b).store.turn('fence', undefined, async (t) => t.fence));
    assert.deepEqual(fences, [1, 2, 3, 4, 5, 6]);
  });

  it('releases the lock when the task throws, and passes the error on', async () => {
    const s = await instance();
    await assert.rejects(s.store.turn('throws', undefined, async () => {
      throw new Error('boom');
    }), /boom/);
    assert.equal(await raw.exists(conversationKeys(prefix, 'throws').lock), 0);
    assert.equal(await s.store.turn('throws', undefined, async () => 'next'), 'next');
  });

  it('lets the conversation go on when the holder process is killed mid-turn', async () => {
    const id = 'crash';
    const holder = child('hold', id, 60_000);
    const held = await holder.next();
    const s = await instance({ lockMs: 60_000 });
    const next = s.store.turn(id, undefined, async (t) => t.fence);
    await eventually(async () => (await queueLength(id)) === 1);
    await killed(holder.process);
    // The dead holder's lease (5 s by default, not the 60 s hold limit) runs out.
    const fence = await next;
    assert.ok(fence > (held.held as number), `${fence} after ${held.held}`);
  });

  it('skips a queued waiter whose process died', async () => {
    const id = 'dead-waiter';
    const s = await instance();
    const g = gate();
    const holder = s.store.turn(id, undefined, () => g.wait);
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    const waiter = child('wait', id, 10_000);
    await waiter.next();
    await eventually(async () => (await queueLength(id)) === 1);
    const alive = s.store.turn(id, undefined, async () => 'alive waiter ran');
    await eventually(async () => (await queueLength(id)) === 2);
    await killed(waiter.process);
    g.open();
    await holder;
    assert.equal(await alive, 'alive waiter ran');
  });

  it('takes the lock from a stuck holder after lockMs, and refuses the stuck writer (fence)', async () => {
    const id = 'stuck';
    const [a, b] = await Promise.all([instance({ lockMs: 600, leaseMs: 200 }), instance({ lockMs: 600, leaseMs: 200 })]);
    const stuck = gate();
    const late = gate();
    let lateCommit: Promise<boolean> | undefined;
    // A: reads the conversation (new), then stalls while still alive (it keeps renewing, up to lockMs).
    const aTurn = a.store.turn(id, undefined, async (t) => {
      assert.equal(t.stored, undefined);
      await stuck.wait;
      lateCommit = t.commit({ envelope: envelope(t.fence), transcript: [] });
      await late.wait;
    });
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    // B gets the conversation once A's lock lapses, although A never finishes on its own.
    await b.store.turn(id, undefined, async (t) => {
      assert.equal(t.stored, undefined, 'A wrote nothing');
      // A wakes up and writes while B holds the lock, before B has written: refused by the fence.
      stuck.open();
      await eventually(() => lateCommit !== undefined);
      assert.equal(await lateCommit, false);
      assert.equal(await b.store.load(id), undefined);
      assert.equal(await t.commit({ envelope: envelope(100), transcript: [] }), true);
    });
    late.open();
    await aTurn;
    assert.deepEqual(await a.store.load(id), { envelope: envelope(100), revision: 1 });
  });

  it('lets a lapsed writer fail its commit after the new holder has written', async () => {
    const id = 'late-writer';
    const [a, b] = await Promise.all([instance({ lockMs: 400, leaseMs: 200 }), instance({ lockMs: 400, leaseMs: 200 })]);
    const resume = gate();
    let aResult: boolean | undefined;
    const aTurn = a.store.turn(id, undefined, async (t) => {
      await resume.wait;
      aResult = await t.commit({ envelope: envelope(1), transcript: [] });
    });
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    await b.store.turn(id, undefined, async (t) => {
      assert.equal(await t.commit({ envelope: envelope(2), transcript: [] }), true);
    });
    resume.open();
    await aTurn;
    assert.equal(aResult, false);
    assert.deepEqual(await b.store.load(id), { envelope: envelope(2), revision: 1 });
  });
});
