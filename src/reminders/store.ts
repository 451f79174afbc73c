/**
 * What the reminders keep between the booking and the day before (#13): the customer's consent
 * with how to reach them, a "sent" mark per booking and appointment (SET NX: the reminder goes
 * once across instances and restarts), and a short lock so that one instance at a time scans the
 * planning. In Redis when there is one (REDIS_URL), in this process's memory otherwise (then a
 * restart forgets the consents, as it forgets the conversations).
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
}

const sentKey = (reference: string, appointmentAt: string) => `${reference}|${appointmentAt}`;

export function createMemoryReminderStore(now: () => number = Date.now): ReminderStore {
  const records = new Map<string, { record: ReminderRecord; until: number }>();
  const sent = new Map<string, number>();
  let leader: string | undefined;
  const alive = (until: number | undefined) => until !== undefined && until > now();
  return {
    async keep(record, ttlSeconds) {
      records.set(record.reference, { record, until: now() + ttlSeconds * 1000 });
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
      sent.set(key, now() + ttlSeconds * 1000);
      return true;
    },
    async unclaim(reference, appointmentAt) {
      sent.delete(sentKey(reference, appointmentAt));
    },
    async lead() {
      if (leader) return undefined;
      const me = randomUUID();
      leader = me;
      return async () => {
        if (leader === me) leader = undefined;
      };
    },
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
  };
}
