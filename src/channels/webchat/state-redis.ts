/**
 * The web chat's state in Redis (REDIS_URL), shared by every instance: a conversation is a hash
 * beside the engine's keys of `webchat:<id>` (src/sessions/redis-keys.ts) holding the token's
 * SHA-256 (never the token), its times and its activity counter, with a TTL; the bounded table is
 * one sorted set of ids by expiry; the backlog a capped list per conversation; live activities
 * and forgotten conversations go over pub/sub to every instance's streams. Keys: docs/sessions.md.
 *
 * The rules are those of the memory table (conversations.ts): a full table refuses newcomers and
 * evicts nobody, an unused conversation expires after `unusedMs`, a used one after `idleMs`
 * idle; the table's bound is now one for all instances together.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { conversationKeys, webChatKeys } from '../../sessions/redis-keys';
import { LuaScript } from '../../sessions/redis-scripts';
import { expiresAt, hashToken, newIdentity, presentedToken, type Stamp, type WebChatConversation } from './conversations';
import { streamEvent, type StateEvent, type StreamEvent, type WebChatState, type WebChatStateOptions } from './state';

export interface RedisWebChatOptions extends WebChatStateOptions {
  redis: Redis | Cluster;
  prefix: string;
  onError?: (err: unknown) => void;
  /** How long the answer to a post is kept for a re-post, ms. */
  answerTtlMs?: number;
}

/**
 * Drops the expired ids from the table, then takes a place if one is free. KEYS: table.
 * ARGV: now, max, id (empty: only sweep), its expiry. Returns { taken (1|0), earliest expiry or '', expired ids… }.
 */
const TAKE_PLACE = new LuaScript(`
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1]) end
local taken = 0
if ARGV[3] ~= '' and redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  taken = 1
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local reply = { taken, first[2] or '' }
for i = 1, #gone do reply[#reply + 1] = gone[i] end
return reply
`);

/** The stamps' part of a script: `count` stamps after the conversation's last. KEYS[1]: conversation. ARGV[1]: wall clock (ms), ARGV[2]: count. */
const NEXT_STAMPS = `
local count = tonumber(ARGV[2])
local ts = math.max(tonumber(ARGV[1]), tonumber(redis.call('HGET', KEYS[1], 'ts') or '0') + 1)
local seq = redis.call('HINCRBY', KEYS[1], 'seq', count) - count + 1
redis.call('HSET', KEYS[1], 'ts', ts + count - 1)
`;

/** Reserves stamps. KEYS: conversation. ARGV: wall clock, count. Returns { first seq, first timestamp }, or nil when gone. */
const STAMPS = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
${NEXT_STAMPS}
return { seq, string.format('%d', ts) }
`);

/**
 * Stamps an activity, appends it to the backlog and publishes it, in one step so that every
 * instance hears the activities in the order of their numbers. KEYS: conversation, backlog.
 * ARGV: wall clock, 1, activity JSON, backlog cap, backlog TTL (ms), channel, conversation id.
 * Returns the backlog entry (`seq \t timestamp \t json`), or nil when the conversation is gone.
 */
const PUSH = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
${NEXT_STAMPS}
local entry = seq .. '\\t' .. string.format('%d', ts) .. '\\t' .. ARGV[3]
redis.call('RPUSH', KEYS[2], entry)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[6], 'a\\n' .. ARGV[7] .. '\\n' .. entry)
return entry
`);

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A conversation's keys outlive its expiry by this much (Redis cleans up; the expiry itself is checked by the app's clock). */
const SLACK_MS = 60_000;

function parseEntry(conversationId: string, entry: string): StreamEvent {
  const [seq, timestamp] = entry.split('\t', 2);
  const json = entry.slice(seq.length + timestamp.length + 2);
  return streamEvent(conversationId, { seq: Number(seq), timestamp: Number(timestamp) }, json);
}

export function createRedisWebChatState(options: RedisWebChatOptions): WebChatState {
  const { redis, prefix, now } = options;
  const limits = options.conversations;
  const { table, events } = webChatKeys(prefix);
  const keys = (id: string) => conversationKeys(prefix, `webchat:${id}`).channel;
  const answerTtlMs = options.answerTtlMs ?? 3600_000;
  const listeners = new Set<(event: StateEvent) => void>();
  const tell = (event: StateEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        options.onError?.(err);
      }
    }
  };

  // A subscriber can do nothing else: its own connection, queueing commands until connected.
  const subscriber = redis.isCluster
    ? (redis as Cluster).duplicate(undefined, { enableOfflineQueue: true })
    : (redis as Redis).duplicate({ enableOfflineQueue: true });
  subscriber.on('error', (err) => options.onError?.(err));
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== events) return;
    const [kind, conversationId] = text.split('\n', 2);
    if (kind === 'f') tell({ kind: 'forget', conversationId });
    else if (kind === 'a') tell({ kind: 'activity', conversationId, event: parseEntry(conversationId, text.slice(conversationId.length + 3)) });
  });
  const subscribed = subscriber.subscribe(events).catch((err) => options.onError?.(err));

  const ttl = (c: WebChatConversation) => Math.max(1, expiresAt(c, limits) - now()) + SLACK_MS;

  const read = async (id: string): Promise<{ conversation: WebChatConversation; tokenHash: string } | undefined> => {
    if (!ID.test(id)) return undefined;
    const h = await redis.hgetall(keys(id).webChat);
    if (!h.token) return undefined;
    const conversation: WebChatConversation = {
      id, engineId: `webchat:${id}`, openedAt: Number(h.openedAt), lastSeen: Number(h.lastSeen), used: h.used === '1',
      ...(h.locale ? { locale: h.locale } : {}),
    };
    if (now() > expiresAt(conversation, limits)) {
      await forget([id]);
      return undefined;
    }
    return { conversation, tokenHash: h.token };
  };

  const forget = async (ids: string[]) => {
    for (const id of ids) {
      const k = keys(id);
      await Promise.all([redis.zrem(table, id), redis.del(k.webChat), redis.del(k.webChatBacklog)]);
      await redis.publish(events, `f\n${id}`);
    }
  };

  /** The conversation's expiry moved (seen, used): its keys' TTL and its place in the table follow. */
  const touch = async (c: WebChatConversation, fields: Record<string, string | number>) => {
    const k = keys(c.id);
    await redis.hset(k.webChat, fields);
    await Promise.all([redis.pexpire(k.webChat, ttl(c)), redis.zadd(table, 'XX', expiresAt(c, limits), c.id)]);
  };

  const takePlace = async (id: string, expiry: number) => {
    const [taken, earliest, ...gone] = (await TAKE_PLACE.run(redis, [table], [now(), limits.max, id, expiry])) as [number, string, ...string[]];
    if (gone.length) await forget(gone);
    return { taken: Number(taken) === 1, earliest: earliest === '' ? Infinity : Number(earliest) };
  };

  return {
    shared: true,
    async create(locale) {
      const { id, token } = newIdentity();
      const at = now();
      const conversation: WebChatConversation = { id, engineId: `webchat:${id}`, openedAt: at, lastSeen: at, used: false, ...(locale ? { locale } : {}) };
      const place = await takePlace(id, expiresAt(conversation, limits));
      if (!place.taken) {
        const wait = Math.min(place.earliest - at, limits.unusedMs);
        return { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
      }
      const k = keys(id);
      await redis.hset(k.webChat, {
        token: hashToken(token).toString('hex'), openedAt: at, lastSeen: at, used: '0', seq: 0, ts: 0, ...(locale ? { locale } : {}),
      });
      await redis.pexpire(k.webChat, ttl(conversation));
      return { conversation, token };
    },

    async authorize(id, authorization) {
      const presented = presentedToken(authorization);
      if (!presented) return undefined;
      const found = await read(id);
      if (!found) return undefined;
      if (!timingSafeEqual(hashToken(presented), Buffer.from(found.tokenHash, 'hex'))) return undefined;
      const conversation = { ...found.conversation, lastSeen: now() };
      await touch(conversation, { lastSeen: conversation.lastSeen });
      return conversation;
    },

    async get(id) {
      return (await read(id.startsWith('webchat:') ? id.slice('webchat:'.length) : id))?.conversation;
    },

    async markUsed(c) {
      c.used = true;
      await touch(c, { used: '1' });
    },

    async stamps(c, count) {
      const reply = (await STAMPS.run(redis, [keys(c.id).webChat], [Date.now(), count])) as [number, string] | null;
      // Gone meanwhile (expired mid-turn): the stamps still number this answer, nobody will see another.
      const [seq, ts] = reply ? [Number(reply[0]), Number(reply[1])] : [1, Date.now()];
      return Array.from({ length: count }, (_, i): Stamp => ({ seq: seq + i, timestamp: ts + i }));
    },

    async push(c, activity) {
      const k = keys(c.id);
      const entry = (await PUSH.run(redis, [k.webChat, k.webChatBacklog], [
        Date.now(), 1, JSON.stringify(activity), options.backlog, ttl(c), events, c.id,
      ])) as string | null;
      return entry ? parseEntry(c.id, entry) : undefined;
    },

    async backlog(id, after) {
      if (!ID.test(id)) return [];
      const entries = await redis.lrange(keys(id).webChatBacklog, 0, -1);
      return entries.map((e) => parseEntry(id, e)).filter((e) => e.seq > after);
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async answer(c, clientActivityId) {
      const json = await redis.get(keys(c.id).webChatAnswer(clientActivityId));
      return json ? JSON.parse(json) : undefined;
    },

    async keepAnswer(c, clientActivityId, answer) {
      await redis.set(keys(c.id).webChatAnswer(clientActivityId), JSON.stringify(answer), 'PX', answerTtlMs);
    },

    async sweep() {
      await takePlace('', 0);
    },

    size: () => redis.zcard(table),

    async close() {
      listeners.clear();
      await subscribed;
      // The main connection belongs to the session store, which closes it.
      subscriber.disconnect();
    },
  };
}
