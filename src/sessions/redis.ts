/**
 * The Redis `SessionStore`, for several identical instances behind a load balancer (issue #4):
 * snapshots by compare-and-set (Lua), transcripts as capped lists, de-duplication by SET NX, and a
 * fair, fenced turn lock (redis-lock.ts). Key layout and failure behaviour: docs/sessions.md.
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Cluster, Redis } from 'ioredis';
import type { Envelope, SessionStore, StoredSession, TranscriptEntry } from './session-store';
import { checkPrefix, conversationKeys } from './redis-keys';
import { RedisTurnLock } from './redis-lock';
import { APPEND, CLAIM, SAVE } from './redis-scripts';

export { connectRedis } from './redis-connect';

export interface RedisStoreOptions {
  redis: Redis | Cluster;
  /** Prefix of every key (REDIS_KEY_PREFIX); must not contain braces. */
  prefix: string;
  /** Snapshot and transcript TTL, refreshed on every write (SESSION_TTL_SECONDS). */
  ttlSeconds: number;
  /** The longest a turn holds the conversation (TURN_LOCK_MS), even when stuck. */
  lockMs: number;
  clock?: () => number;
  /** Lease of the lock, renewed while the turn runs: how soon a crashed holder's lock lapses. */
  leaseMs?: number;
  /** How long a message id is remembered; Meta retries webhooks for up to 7 days. */
  seenTtlSeconds?: number;
  /** Transcript entries kept per conversation. */
  maxTranscript?: number;
  /** A waiter gives up after this long (default 2 × lockMs). */
  maxWaitMs?: number;
  pollMs?: number;
  /** Errors that must not fail a turn (a lost release or renewal). */
  onError?: (err: unknown) => void;
}

export function createRedisSessionStore(options: RedisStoreOptions): SessionStore {
  const { redis, ttlSeconds, lockMs } = options;
  const prefix = checkPrefix(options.prefix);
  const keys = (id: string) => conversationKeys(prefix, id);
  const seenTtl = options.seenTtlSeconds ?? 7 * 24 * 3600;
  const maxTranscript = options.maxTranscript ?? 500;
  const leaseMs = Math.min(lockMs, options.leaseMs ?? 5000);
  // The turn running in this async context. `save` sends its fence, so that a writer whose lock
  // lapsed and was taken over is refused even before the new holder has written; and marks the
  // message id it claimed as handled, in the same script.
  const turn = new AsyncLocalStorage<{ id: string; fence: number; seen?: string }>();
  const current = (id: string) => {
    const t = turn.getStore();
    return t?.id === id ? t : undefined;
  };
  const lock = new RedisTurnLock({
    redis, keys, lockMs, leaseMs,
    waiterMs: Math.max(1000, Math.min(lockMs, 5000)),
    pollMs: options.pollMs ?? 20,
    maxWaitMs: options.maxWaitMs ?? 2 * lockMs,
    fenceTtlSeconds: ttlSeconds,
    now: options.clock ?? Date.now,
    onError: options.onError ?? (() => undefined),
  });

  return {
    async load(id) {
      const [rev, env] = await redis.hmget(keys(id).snapshot, 'rev', 'env');
      if (env === null || rev === null) return undefined;
      return { envelope: JSON.parse(env) as Envelope, revision: Number(rev) } satisfies StoredSession;
    },
    async save(id, envelope, expected) {
      const k = keys(id);
      const t = current(id);
      const rev = await SAVE.run(redis, [k.snapshot, k.fence, ...(t?.seen ? [t.seen] : [])],
        [expected, JSON.stringify(envelope), ttlSeconds, t ? String(t.fence) : '', seenTtl]);
      if (Number(rev) > 0 && t) t.seen = undefined;
      return Number(rev) > 0;
    },
    async appendTranscript(id, entries) {
      if (!entries.length) return;
      await APPEND.run(redis, [keys(id).transcript], [maxTranscript, ttlSeconds, ...entries.map((e) => JSON.stringify(e))]);
    },
    async transcript(id) {
      const items = await redis.lrange(keys(id).transcript, 0, -1);
      return items.map((s) => JSON.parse(s) as TranscriptEntry);
    },
    async firstDelivery(id, messageId) {
      const key = keys(id).seen(messageId);
      const t = current(id);
      // Outside a turn there is nothing to commit with: the id counts as handled at once.
      if (!t) return (await redis.set(key, 'done', 'EX', seenTtl, 'NX')) === 'OK';
      // Inside a turn it is only claimed: a retry after a crash or a failed turn is handled again.
      const first = Number(await CLAIM.run(redis, [key], [t.fence, 2 * lockMs])) === 1;
      if (first) t.seen = key;
      return first;
    },
    withTurnLock(id, task) {
      return lock.run(id, (fence) => turn.run({ id, fence }, () => task(fence)));
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      // QUIT lets pending replies arrive; a Redis that is down cannot answer it. Then disconnect()
      // anyway: with Sentinel, QUIT leaves the failover detector's subscriptions to the sentinels
      // open, reconnecting forever (ioredis#1362), and the process would never exit.
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** The size of a conversation's stored envelope, in bytes (for the benchmark and operations). */
export async function snapshotBytes(redis: Redis | Cluster, prefix: string, conversationId: string): Promise<number> {
  return redis.hstrlen(conversationKeys(prefix, conversationId).snapshot, 'env');
}
