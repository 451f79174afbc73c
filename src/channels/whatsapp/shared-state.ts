/**
 * WhatsApp's state that every instance must share: the customers' 24-hour windows and the message
 * ids already taken. In this process's memory without Redis (one instance); in Redis with
 * REDIS_URL, beside the conversation's own keys (src/sessions/redis-keys.ts), each with a TTL, so
 * that an advisor's reply through any instance sees the window a message to another one opened,
 * and a webhook Meta retries to another instance is dropped there.
 *
 * Redis failing is no reason to lose a customer's message: the instance then falls back to its
 * own memory (logged), as the rate limits do, and catches up when Redis answers again.
 * @module
 */
import type { Cluster, Redis } from 'ioredis';
import { conversationKeys } from '../../sessions/redis-keys';
import { LuaScript } from '../../sessions/redis-scripts';
import { createMemoryContactWindow, WINDOW_MS, type ContactWindow } from './contact-window';
import { RecentIds } from './recent-ids';

export interface SeenIds {
  /** True the first time any instance sees the message id (of that conversation). */
  first(conversationId: string, messageId: string): Promise<boolean>;
}

export interface WhatsAppState {
  window: ContactWindow;
  seen: SeenIds;
}

/** Meta retries a webhook for up to 7 days; a message id is remembered that long. */
export const SEEN_TTL_SECONDS = 7 * 24 * 3600;

export function createMemoryWhatsAppState(): WhatsAppState {
  const ids = new RecentIds();
  return { window: createMemoryContactWindow(), seen: { first: async (_conversationId, id) => ids.first(id) } };
}

/** Moves the window forward only (webhooks arrive out of order). KEYS: window. ARGV: at (ms), TTL (ms). */
const RECORD = new LuaScript(`
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > last then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1
`);

export interface RedisWhatsAppOptions {
  redis: Redis | Cluster;
  prefix: string;
  /** A Redis failure, answered from this instance's memory instead. */
  onError?: (err: unknown) => void;
}

export function createRedisWhatsAppState(options: RedisWhatsAppOptions): WhatsAppState {
  const { redis, prefix } = options;
  const local = createMemoryWhatsAppState();
  const keys = (conversationId: string) => conversationKeys(prefix, conversationId).channel;
  const fallback = <T>(err: unknown, value: Promise<T>): Promise<T> => {
    options.onError?.(err);
    return value;
  };
  // The window outlives its 24 hours by a day: the clock of the message may be a little behind.
  const ttlMs = 2 * WINDOW_MS;
  return {
    window: {
      async recordInbound(conversationId, at) {
        // Kept here too: while Redis is away, this instance still knows the windows it saw open.
        await local.window.recordInbound(conversationId, at);
        try {
          await RECORD.run(redis, [keys(conversationId).whatsAppWindow], [at.getTime(), ttlMs]);
        } catch (err) {
          options.onError?.(err);
        }
      },
      async lastInbound(conversationId) {
        try {
          const shared = await redis.get(keys(conversationId).whatsAppWindow);
          const mine = await local.window.lastInbound(conversationId);
          const t = Math.max(Number(shared ?? 0), mine?.getTime() ?? 0);
          return t > 0 ? new Date(t) : undefined;
        } catch (err) {
          return fallback(err, local.window.lastInbound(conversationId));
        }
      },
    },
    seen: {
      async first(conversationId, messageId) {
        try {
          return (await redis.set(keys(conversationId).whatsAppSeen(messageId), '1', 'EX', SEEN_TTL_SECONDS, 'NX')) === 'OK';
        } catch (err) {
          return fallback(err, local.seen.first(conversationId, messageId));
        }
      },
    },
  };
}
