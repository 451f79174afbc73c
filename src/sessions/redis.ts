/**
 * The Redis `SessionStore`, for several identical instances behind a load balancer (issue #4): a
 * fair, fenced turn lock (redis-lock.ts), snapshots by compare-and-set, transcripts as capped
 * lists, and message ids claimed at the start of a turn and marked handled at its end. A turn is
 * two round trips: BEGIN (limit, lock, claim, read) and COMMIT (write, mark, append, release), both Lua
 * scripts on the conversation's slot. Key layout and failure behaviour: docs/sessions.md.
 * @module
 */
import type { Cluster, Redis } from 'ioredis';
import { TurnLimitedError, type Envelope, type OpenTurn, type SessionStore, type StoredSession, type TranscriptEntry } from './session-store';
import { checkPrefix, conversationKeys } from './redis-keys';
import { RedisTurnLock, type Attempt } from './redis-lock';
import { APPEND, BEGIN, COMMIT } from './redis-scripts';
import { boundedEntry, MAX_TRANSCRIPT_BYTES } from './transcript-bounds';

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
  /** How long the reply to a message id is kept for its duplicate deliveries (default 600 s). */
  replyTtlSeconds?: number;
  /** Transcript entries kept per conversation, and their bytes (the oldest go first). */
  maxTranscript?: number;
  maxTranscriptBytes?: number;
  /** A waiter gives up after this long (default 2 × lockMs). */
  maxWaitMs?: number;
  pollMs?: number;
  /** Errors that must not fail a turn (a lost release or renewal). */
  onError?: (err: unknown) => void;
}

/** What BEGIN read: a duplicate (with its first reply while kept), or the stored session. */
interface Begun {
  duplicate: boolean;
  stored?: StoredSession;
  unchanged?: { revision: number };
  reply?: string;
}

export function createRedisSessionStore(options: RedisStoreOptions): SessionStore {
  const { redis, ttlSeconds, lockMs } = options;
  const prefix = checkPrefix(options.prefix);
  const keys = (id: string) => conversationKeys(prefix, id);
  const seenTtl = options.seenTtlSeconds ?? 7 * 24 * 3600;
  const replyTtl = options.replyTtlSeconds ?? 600;
  const maxTranscript = options.maxTranscript ?? 500;
  const maxBytes = options.maxTranscriptBytes ?? MAX_TRANSCRIPT_BYTES;
  const entriesJson = (entries: TranscriptEntry[]) => entries.map((e) => JSON.stringify(boundedEntry(e)));
  const leaseMs = Math.min(lockMs, options.leaseMs ?? 5000);
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
    turn(id, messageId, task, options) {
      const k = keys(id);
      const seen = messageId === undefined ? [] : [k.seen(messageId), k.reply(messageId)];
      // The turn counts against its limit once, at the first attempt.
      let limit = options?.limit;
      // BEGIN: the limit, the lock, the message id's claim (pending until the commit) and the snapshot, in one round trip.
      const attempt = async (lockKeys: string[], lockArgs: (string | number)[]): Promise<Attempt<Begun>> => {
        const limitArgs = limit ? [limit.points, limit.windowSeconds * 1000] : ['', ''];
        limit = undefined;
        const [fence, first, rev, env] = (await BEGIN.run(redis, [...lockKeys, k.snapshot, k.turns, ...seen], [...lockArgs, 2 * lockMs, options?.held ?? '', ...limitArgs])) as
          [number, number?, string?, string?];
        if (fence < 0) throw new TurnLimitedError(Math.max(1, Math.ceil(Number(first) / 1000)));
        // A duplicate's third element is the first delivery's reply (while kept).
        if (first === 0) return { fence, payload: { duplicate: true, stored: undefined, reply: rev }, released: true };
        // A revision without its envelope: still the write the caller holds.
        const unchanged = rev !== undefined && env === undefined ? { revision: Number(rev) } : undefined;
        const stored: StoredSession | undefined = env === undefined ? undefined : { envelope: JSON.parse(env) as Envelope, revision: Number(rev) };
        return { fence, payload: { duplicate: false, stored, unchanged }, released: false };
      };
      return lock.run(id, attempt, (lease) => {
        let committed = false;
        const open: OpenTurn = {
          fence: lease.fence,
          duplicate: lease.payload.duplicate,
          stored: lease.payload.stored,
          ...(lease.payload.unchanged ? { unchanged: lease.payload.unchanged } : {}),
          ...(lease.payload.reply !== undefined ? { reply: lease.payload.reply } : {}),
          // COMMIT: snapshot, message id, transcript and (with release) the lock, in one round trip.
          async commit({ envelope, tag, transcript, release, ttlSeconds: ttl, reply }) {
            if (lease.payload.duplicate) throw new Error('a duplicate turn has nothing to commit');
            if (committed) throw new Error('the turn is already committed');
            committed = true;
            const rev = Number(await COMMIT.run(redis, [k.snapshot, k.fence, k.lock, k.transcript, k.transcriptBytes, ...seen], [
              envelope ? (open.stored?.revision ?? open.unchanged?.revision ?? 0) : '', envelope ? JSON.stringify(envelope) : '', ttl ?? ttlSeconds, lease.fence, seenTtl,
              release ? lease.token : '', maxTranscript, maxBytes, reply ?? '', replyTtl, (envelope && tag) || '', ...entriesJson(transcript),
            ]));
            if (release) lease.released();
            return rev > 0;
          },
        };
        return task(open);
      });
    },
    async load(id) {
      const [rev, env] = await redis.hmget(keys(id).snapshot, 'rev', 'env');
      if (env === null || rev === null) return undefined;
      return { envelope: JSON.parse(env) as Envelope, revision: Number(rev) } satisfies StoredSession;
    },
    async appendTranscript(id, entries) {
      if (!entries.length) return;
      const k = keys(id);
      await APPEND.run(redis, [k.transcript, k.transcriptBytes], [maxTranscript, ttlSeconds, maxBytes, ...entriesJson(entries)]);
    },
    async transcript(id) {
      const items = await redis.lrange(keys(id).transcript, 0, -1);
      return items.map((s) => JSON.parse(s) as TranscriptEntry);
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
