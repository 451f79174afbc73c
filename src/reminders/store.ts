/**
 * What the reminders keep between the booking and the day before (#13): the customer's consent
 * with how to reach them, a "sent" mark per booking and appointment (SET NX: the reminder goes
 * once across instances and restarts), and a short lock so that one instance at a time scans the
 * planning. In Redis when there is one (REDIS_URL); without it beside the conversations: in
 * DATA_DIR's SQLite (sqlite.ts, kept across a restart, #15) or in this process's memory with
 * memory sessions (tests).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Lang } from '../../dialogs/model';
import type { ConversationRef } from '../handoff/handoff';

export interface ReminderRecord {
  reference: string;
  /** The engine's conversation id (`webchat:…`, `wa:…`, `bf:…`). */
  conversationId: string;
  /** How to reach the customer later: only ever what the channel gave (authenticated for Bot Framework). */
  reach: ConversationRef;
  lang: Lang;
  /** When the customer said yes (ISO). */
  consentAt: string;
}

export interface ReminderStore {
  keep(record: ReminderRecord, ttlSeconds: number): Promise<void>;
  forget(reference: string): Promise<void>;
  get(reference: string): Promise<ReminderRecord | undefined>;
  /** True once for a reference and appointment, whoever asks: the right to send its reminder. */
  claim(reference: string, appointmentAt: string, ttlSeconds: number): Promise<boolean>;
  /** The send failed: the next scan may try again. */
  unclaim(reference: string, appointmentAt: string): Promise<void>;
  /** The scan's lock: a release function, or undefined when another instance scans now. */
  lead(ms: number): Promise<(() => Promise<void>) | undefined>;
  /** Ends what the store holds open (SQLite's file). Redis's connection is the sessions', ended by them. */
  close(): Promise<void>;
}

const sentKey = (reference: string, appointmentAt: string) => `${reference}|${appointmentAt}`;

/**
 * Bounded by the TTLs (#15), as Redis is: both maps in the order written (a key written again
 * goes last), so with one TTL per kind the first to expire come first, and every write drops
 * those that expired; a consent whose reminder went, or a booking never looked up again, does
 * not stay for the life of the process.
 */
export function createMemoryReminderStore(now: () => number = Date.now): ReminderStore & { readonly size: number } {
  const records = new Map<string, { record: ReminderRecord; until: number }>();
  const sent = new Map<string, number>();
  /** The scan's lock: the holder's own object until it is released or lapses. */
  let leader: { until: number } | undefined;
  const alive = (until: number | undefined) => until !== undefined && until > now();
  const dropExpired = () => {
    const t = now();
    for (const [key, entry] of records) {
      if (entry.until > t) break;
      records.delete(key);
    }
    for (const [key, until] of sent) {
      if (until > t) break;
      sent.delete(key);
    }
  };
  return {
    async keep(record, ttlSeconds) {
      records.delete(record.reference);
      records.set(record.reference, { record, until: now() + ttlSeconds * 1000 });
      dropExpired();
    },
    async forget(reference) {
      records.delete(reference);
    },
    async get(reference) {
      const entry = records.get(reference);
      if (entry && !alive(entry.until)) records.delete(reference);
      return entry && alive(entry.until) ? entry.record : undefined;
    },
    async claim(reference, appointmentAt, ttlSeconds) {
      const key = sentKey(reference, appointmentAt);
      if (alive(sent.get(key))) return false;
      sent.delete(key);
      sent.set(key, now() + ttlSeconds * 1000);
      dropExpired();
      return true;
    },
    async unclaim(reference, appointmentAt) {
      sent.delete(sentKey(reference, appointmentAt));
    },
    async lead(ms) {
      if (alive(leader?.until)) return undefined;
      const me = { until: now() + ms };
      leader = me;
      return async () => {
        if (leader === me) leader = undefined;
      };
    },
    get size() {
      return records.size + sent.size;
    },
    async close() {},
  };
}

/** Deletes the lock only if it is still ours. KEYS: lock. ARGV: token. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createRedisReminderStore(redis: Redis | Cluster, prefix: string): ReminderStore {
  const record = (reference: string) => `${prefix}reminder:consent:${reference}`;
  const mark = (reference: string, appointmentAt: string) => `${prefix}reminder:sent:${reference}:${appointmentAt}`;
  const lock = `${prefix}reminder:scan`;
  return {
    async keep(r, ttlSeconds) {
      await redis.set(record(r.reference), JSON.stringify(r), 'EX', ttlSeconds);
    },
    async forget(reference) {
      await redis.del(record(reference));
    },
    async get(reference) {
      const json = await redis.get(record(reference));
      return json ? (JSON.parse(json) as ReminderRecord) : undefined;
    },
    async claim(reference, appointmentAt, ttlSeconds) {
      return (await redis.set(mark(reference, appointmentAt), new Date().toISOString(), 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    async unclaim(reference, appointmentAt) {
      await redis.del(mark(reference, appointmentAt));
    },
    async lead(ms) {
      const token = randomUUID();
      if ((await redis.set(lock, token, 'PX', ms, 'NX')) !== 'OK') return undefined;
      return async () => {
        await redis.eval(RELEASE, 1, lock, token);
      };
    },
    async close() {},
  };
}
