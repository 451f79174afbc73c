/**
 * The Redis `HandoffStore`, on the session store's connection and prefix. A handoff lives next
 * to its conversation (same hash tag, same Cluster slot); each site's queue is an index of
 * sorted sets (by the handoff's start), kept in step after each write and cleaned when read, since
 * it spans slots. Events go over pub/sub on a duplicate connection (a subscriber can do nothing
 * else). Keys: docs/handoff.md.
 * @module
 */
import type { Cluster, Redis } from 'ioredis';
import { conversationKeys } from '../sessions/redis-keys';
import { LuaScript } from '../sessions/redis-scripts';
import type { Handoff, HandoffEvent, HandoffMessage } from './handoff';
import { queueOrder, type HandoffStore } from './handoff-store';

export interface RedisHandoffOptions {
  redis: Redis | Cluster;
  prefix: string;
  /** Handoffs and their messages live as long as the conversation (SESSION_TTL_SECONDS). */
  ttlSeconds: number;
  maxMessages?: number;
  onError?: (err: unknown) => void;
}

/** Compare-and-set. KEYS: handoff hash. ARGV: expected revision, JSON, TTL (s). Returns the new revision, 0 on conflict. */
const CAS = new LuaScript(`
local rev = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if rev ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'rev', rev + 1, 'json', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return rev + 1
`);

/** Appends (or replaces) messages, caps and refreshes the TTL. KEYS: list. ARGV: replace (0|1), cap, TTL, messages… */
const APPEND = new LuaScript(`
if ARGV[1] == '1' then redis.call('DEL', KEYS[1]) end
for i = 4, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return redis.call('EXPIRE', KEYS[1], ARGV[3])
`);

export function handoffKeys(prefix: string, conversationId: string) {
  // The conversation's own key base, hash tag included: `{prefix}{id}:`.
  const base = conversationKeys(prefix, conversationId).snapshot.slice(0, -'snapshot'.length);
  return { handoff: `${base}handoff`, messages: `${base}handoff:messages` };
}

export function siteKeys(prefix: string, siteId: string) {
  const site = encodeURIComponent(siteId);
  return { waiting: `${prefix}handoff:site:${site}:waiting`, active: `${prefix}handoff:site:${site}:active` };
}

export function createRedisHandoffStore(options: RedisHandoffOptions): HandoffStore {
  const { redis, prefix, ttlSeconds } = options;
  const channel = `${prefix}handoff:events`;
  const max = options.maxMessages ?? 1000;
  const listeners = new Set<(event: HandoffEvent) => void>();
  let subscriber: Redis | Cluster | undefined;

  const read = async (id: string): Promise<{ rev: number; handoff?: Handoff }> => {
    const [rev, json] = await redis.hmget(handoffKeys(prefix, id).handoff, 'rev', 'json');
    return { rev: Number(rev ?? 0), handoff: json ? (JSON.parse(json) as Handoff) : undefined };
  };

  const index = async (h: Handoff) => {
    const s = siteKeys(prefix, h.siteId);
    const score = Date.parse(h.since);
    if (h.status === 'waiting') await Promise.all([redis.zadd(s.waiting, score, h.conversationId), redis.zrem(s.active, h.conversationId)]);
    else if (h.status === 'active') await Promise.all([redis.zrem(s.waiting, h.conversationId), redis.zadd(s.active, score, h.conversationId)]);
    else await Promise.all([redis.zrem(s.waiting, h.conversationId), redis.zrem(s.active, h.conversationId)]);
  };

  const listen = () => {
    if (subscriber) return;
    // Queue commands until connected: the main connection fails fast instead, on purpose.
    subscriber = redis.isCluster
      ? (redis as Cluster).duplicate(undefined, { enableOfflineQueue: true })
      : (redis as Redis).duplicate({ enableOfflineQueue: true });
    subscriber.on('error', (err) => options.onError?.(err));
    subscriber.on('message', (ch: string, text: string) => {
      if (ch !== channel) return;
      const event = JSON.parse(text) as HandoffEvent;
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          options.onError?.(err);
        }
      }
    });
    void subscriber.subscribe(channel).catch((err) => options.onError?.(err));
  };

  return {
    async get(id) {
      return (await read(id)).handoff;
    },
    async update(id, change) {
      for (;;) {
        const { rev, handoff } = await read(id);
        const next = change(handoff && structuredClone(handoff));
        if (!next) return undefined;
        const written = Number(await CAS.run(redis, [handoffKeys(prefix, id).handoff], [rev, JSON.stringify(next), ttlSeconds]));
        if (written > 0) {
          await index(next);
          return next;
        }
      }
    },
    async list(siteId) {
      const s = siteKeys(prefix, siteId);
      const [waiting, active] = await Promise.all([redis.zrange(s.waiting, '0', '-1'), redis.zrange(s.active, '0', '-1')]);
      const ids = [...new Set([...waiting, ...active])];
      const found = await Promise.all(ids.map(async (id) => (await read(id)).handoff));
      const open: Handoff[] = [];
      for (const [i, h] of found.entries()) {
        // An index entry whose handoff expired or closed is dropped on the way.
        if (h && h.status !== 'closed' && h.siteId === siteId) open.push(h);
        else await Promise.all([redis.zrem(s.waiting, ids[i]), redis.zrem(s.active, ids[i])]);
      }
      return open.sort(queueOrder);
    },
    async append(id, list, replace) {
      if (!list.length && !replace) return;
      await APPEND.run(redis, [handoffKeys(prefix, id).messages], [replace ? '1' : '0', max, ttlSeconds, ...list.map((m) => JSON.stringify(m))]);
    },
    async messages(id) {
      return (await redis.lrange(handoffKeys(prefix, id).messages, 0, -1)).map((s) => JSON.parse(s) as HandoffMessage);
    },
    async publish(event) {
      await redis.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      listen();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      // The main connection belongs to the session store, which closes it.
      subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}
