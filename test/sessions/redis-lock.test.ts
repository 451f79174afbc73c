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
import { eventually, testStore, type TestStore } from '../support/redis-store';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n } });

/** A promise and its resolver, to hold a turn open for as long as a test wants. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

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
    const turn = (s: TestStore, id: string) => s.store.withTurnLock(id, async () => {
      inside += id === 'exclusive' ? 1 : 0;
      most = Math.max(most, inside);
      await new Promise((r) => setImmediate(r));
      inside -= id === 'exclusive' ? 1 : 0;
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => turn(instances[i % 3], 'exclusive')));
    assert.equal(most, 1);

    // A held conversation does not block another one.
    const g = gate();
    const held = instances[0].store.withTurnLock('busy', () => g.wait);
    assert.equal(await instances[1].store.withTurnLock('free', async () => 'ran'), 'ran');
    g.open();
    await held;
  });

  it('grants the lock in arrival order to many waiters on different instances', async () => {
    const id = 'order';
    const instances = await Promise.all([instance(), instance(), instance()]);
    const g = gate();
    const holder = instances[0].store.withTurnLock(id, () => g.wait);
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    const order: number[] = [];
    const waiters: Promise<void>[] = [];
    for (let i = 0; i < 24; i++) {
      // Arrival order is the order of joining Redis's queue: wait until waiter i has joined.
      waiters.push(instances[(i * 7) % 3].store.withTurnLock(id, async () => void order.push(i)));
      await eventually(async () => (await queueLength(id)) === i + 1);
    }
    g.open();
    await Promise.all([holder, ...waiters]);
    assert.deepEqual(order, Array.from({ length: 24 }, (_, i) => i));
    assert.equal(await queueLength(id), 0);
  });

  it('hands out increasing fencing tokens', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const fences: number[] = [];
    for (let i = 0; i < 6; i++) fences.push(await (i % 2 ? a : b).store.withTurnLock('fence', async (f) => f));
    assert.deepEqual(fences, [1, 2, 3, 4, 5, 6]);
  });

  it('releases the lock when the task throws, and passes the error on', async () => {
    const s = await instance();
    await assert.rejects(s.store.withTurnLock('throws', async () => {
      throw new Error('boom');
    }), /boom/);
    assert.equal(await s.store.withTurnLock('throws', async () => 'next'), 'next');
  });

  it('lets the conversation go on when the holder process is killed mid-turn', async () => {
    const id = 'crash';
    const holder = child('hold', id, 60_000);
    const held = await holder.next();
    const s = await instance({ lockMs: 60_000 });
    const next = s.store.withTurnLock(id, async (fence) => fence);
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
    const holder = s.store.withTurnLock(id, () => g.wait);
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    const waiter = child('wait', id, 10_000);
    await waiter.next();
    await eventually(async () => (await queueLength(id)) === 1);
    const alive = s.store.withTurnLock(id, async () => 'alive waiter ran');
    await eventually(async () => (await queueLength(id)) === 2);
    await killed(waiter.process);
    g.open();
    await holder;
    assert.equal(await alive, 'alive waiter ran');
  });

  it('takes the lock from a stuck holder after lockMs, and refuses the stuck writer (fence and CAS)', async () => {
    const id = 'stuck';
    const [a, b] = await Promise.all([instance({ lockMs: 600, leaseMs: 200 }), instance({ lockMs: 600, leaseMs: 200 })]);
    const stuck = gate();
    const late = gate();
    let lateSave: Promise<boolean> | undefined;
    // A: reads revision 0, then stalls while still alive (it keeps renewing, up to lockMs).
    const aTurn = a.store.withTurnLock(id, async (fence) => {
      const read = await a.store.load(id);
      await stuck.wait;
      lateSave = a.store.save(id, envelope(fence), read?.revision ?? 0);
      await late.wait;
    });
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    // B gets the conversation once A's lock lapses, although A never finishes on its own.
    await b.store.withTurnLock(id, async () => {
      const read = await b.store.load(id);
      // A wakes up and writes while B holds the lock, before B has written: refused by the fence.
      stuck.open();
      await eventually(() => lateSave !== undefined);
      assert.equal(await lateSave, false);
      assert.equal(await b.store.save(id, envelope(100), read?.revision ?? 0), true);
    });
    late.open();
    await aTurn;
    // Outside any turn (no fence), the stale revision alone refuses it too.
    assert.equal(await a.store.save(id, envelope(1), 0), false);
    assert.deepEqual((await a.store.load(id))?.envelope, envelope(100));
  });

  it('lets a lapsed writer fail its CAS after the new holder has written', async () => {
    const id = 'late-writer';
    const [a, b] = await Promise.all([instance({ lockMs: 400, leaseMs: 200 }), instance({ lockMs: 400, leaseMs: 200 })]);
    const resume = gate();
    let aResult: boolean | undefined;
    const aTurn = a.store.withTurnLock(id, async () => {
      const read = await a.store.load(id);
      await resume.wait;
      aResult = await a.store.save(id, envelope(1), read?.revision ?? 0);
    });
    await eventually(async () => (await raw.exists(conversationKeys(prefix, id).lock)) === 1);
    await b.store.withTurnLock(id, async () => {
      const read = await b.store.load(id);
      assert.equal(await b.store.save(id, envelope(2), read?.revision ?? 0), true);
    });
    resume.open();
    await aTurn;
    assert.equal(aResult, false);
    assert.deepEqual((await b.store.load(id))?.envelope, envelope(2));
  });
});
