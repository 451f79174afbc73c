/**
 * The per-conversation turn lock across instances: a fair queue in Redis. A waiter joins the
 * conversation's queue (RPUSH, atomic, so arrival order is Redis's order) and polls until it is at
 * the head and the lock is free; it then takes the lock with a lease and a fencing token (INCR).
 *
 * - A crashed holder: its lease (PX) runs out and nobody renews it.
 * - A stuck holder that is still alive: renewals stop at `lockMs` after it asked for the lock, so
 *   the lock lapses then even if the task never ends (the engine's own turn timeout is shorter).
 * - A crashed waiter: it stops refreshing its deadline and is skipped when it reaches the head.
 * Waiters in this process are woken as soon as a local turn ends, instead of at the next poll.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { ConversationKeys } from './redis-keys';
import { LEAVE, RELEASE, RENEW } from './redis-scripts';

export interface TurnLockOptions {
  redis: Redis | Cluster;
  keys: (conversationId: string) => ConversationKeys;
  /** The longest a turn may hold the lock, renewals included. */
  lockMs: number;
  /** The lease, renewed while the task runs: how soon a crashed holder's lock lapses. */
  leaseMs: number;
  /** How long a waiter stays queued without polling (its instance died) before it is skipped. */
  waiterMs: number;
  /** Longest pause between two polls. */
  pollMs: number;
  /** A waiter gives up after this long (the customer is asked to retry). */
  maxWaitMs: number;
  /** TTL of the fencing counter, s (as long as the conversation lives). */
  fenceTtlSeconds: number;
  now: () => number;
  onError: (err: unknown) => void;
}

/** What one attempt at the lock returned: the fence (> 0 when taken), and the script's own result. */
export interface Attempt<P> {
  fence: number;
  payload?: P;
  /** The script took the lock and let it go at once (nothing left to do). */
  released?: boolean;
}

/** The lock as held by a task. */
export interface Lease<P> {
  fence: number;
  token: string;
  payload: P;
  /** Tells the lock that the task released it itself (a script with `token`): no release at the end. */
  released(): void;
}

export class TurnLockTimeoutError extends Error {
  constructor(conversationId: string, ms: number) {
    super(`turn lock of ${conversationId} not obtained within ${ms} ms`);
    this.name = 'TurnLockTimeoutError';
  }
}

export class RedisTurnLock {
  private readonly instance = randomUUID();
  private seq = 0;
  private readonly sleepers = new Map<string, Set<() => void>>();

  constructor(private readonly o: TurnLockOptions) {}

  /**
   * Runs `task` holding the conversation's lock. Each attempt is the caller's script, which starts
   * with the lock's own keys and arguments (TAKE_LOCK in redis-scripts.ts) and may do more in the
   * same round trip once the lock is taken. The task may release the lock itself, in a script of
   * its own with the token, and says so; else the lock is released when the task ends.
   */
  async run<P, T>(conversationId: string, attempt: (lockKeys: string[], lockArgs: (string | number)[]) => Promise<Attempt<P>>,
    task: (lease: Lease<P>) => Promise<T>): Promise<T> {
    const token = `${this.instance}:${++this.seq}`;
    const keys = this.o.keys(conversationId);
    const { fence, askedAt, payload, released } = await this.acquire(conversationId, keys, token, attempt);
    let held = !released;
    // Taken and let go in the same script: the waiters here may go now.
    if (released) this.wake(conversationId);
    const stopRenewing = held ? this.renewUntil(keys, token, askedAt + this.o.lockMs) : () => undefined;
    try {
      return await task({
        fence, token, payload: payload as P,
        released: () => {
          held = false;
          stopRenewing();
          this.wake(conversationId);
        },
      });
    } finally {
      stopRenewing();
      // A failed release is harmless: the lease runs out by itself.
      if (held) await RELEASE.run(this.o.redis, [keys.lock], [token]).catch(this.o.onError);
      this.wake(conversationId);
    }
  }

  private async acquire<P>(id: string, keys: ConversationKeys, token: string,
    attempt: (lockKeys: string[], lockArgs: (string | number)[]) => Promise<Attempt<P>>): Promise<Attempt<P> & { askedAt: number }> {
    const { now } = this.o;
    const started = now();
    const queueTtl = this.o.waiterMs + this.o.lockMs;
    const lockKeys = [keys.lock, keys.queue, keys.waiters, keys.fence];
    const lockArgs = [token, this.o.leaseMs, this.o.waiterMs, this.o.fenceTtlSeconds, queueTtl];
    for (let pause = 1; ; pause = Math.min(pause * 2, this.o.pollMs)) {
      const askedAt = now();
      let result: Attempt<P>;
      try {
        result = await attempt(lockKeys, lockArgs);
      } catch (err) {
        await this.leave(keys, token);
        throw err;
      }
      if (result.fence > 0) return { ...result, askedAt };
      if (askedAt - started >= this.o.maxWaitMs) {
        await this.leave(keys, token);
        throw new TurnLockTimeoutError(id, this.o.maxWaitMs);
      }
      await this.sleep(id, pause);
    }
  }

  /**
   * Best effort: a waiter that cannot leave is skipped anyway once its deadline passes. A timed-out
   * attempt may still run later on a Redis that was only slow and take the lock: release it too
   * (sent after it on the same connection, so it runs after it).
   */
  private async leave(keys: ConversationKeys, token: string): Promise<void> {
    await Promise.all([
      LEAVE.run(this.o.redis, [keys.queue, keys.waiters], [token]),
      RELEASE.run(this.o.redis, [keys.lock], [token]),
    ]).catch(() => undefined);
  }

  /** Renews the lease every third of it, never past `deadline`; returns the stop function. */
  private renewUntil(keys: ConversationKeys, token: string, deadline: number): () => void {
    const every = Math.max(10, Math.floor(this.o.leaseMs / 3));
    const timer = setInterval(() => {
      const ms = Math.min(this.o.leaseMs, deadline - this.o.now());
      if (ms <= 0) return clearInterval(timer);
      RENEW.run(this.o.redis, [keys.lock], [token, ms]).catch(this.o.onError);
    }, every);
    timer.unref();
    return () => clearInterval(timer);
  }

  private sleep(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.sleepers.get(id) ?? new Set<() => void>();
      this.sleepers.set(id, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (!set.size && this.sleepers.get(id) === set) this.sleepers.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  private wake(id: string): void {
    for (const done of [...(this.sleepers.get(id) ?? [])]) done();
  }
}
