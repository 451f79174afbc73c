/**
 * The Lua scripts of the Redis session store. Each runs atomically on the node owning the
 * conversation's slot; they are sent by SHA (EVALSHA) and re-sent in full when the server does not
 * know them yet (NOSCRIPT: first use, restart, failover to a replica that never saw them).
 * @module
 */
import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

export class LuaScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(redis: Redis | Cluster, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error)?.message).includes('NOSCRIPT')) throw err;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Compare-and-set of the snapshot. KEYS: snapshot, fence[, seen]. ARGV: expected revision,
 * envelope JSON, TTL (s), fence of the caller's turn ('' outside a turn), seen TTL (s).
 * Returns the new revision, 0 on conflict. The fence check refuses a writer whose lock lapsed and
 * was taken over, even before the new holder has written. The turn's message id (claimed by
 * CLAIM) is marked handled in the same step, so a message counts as handled only once its turn
 * is saved.
 */
export const SAVE = new LuaScript(`
local rev = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if rev ~= tonumber(ARGV[1]) then return 0 end
if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 0 end
redis.call('HSET', KEYS[1], 'rev', rev + 1, 'env', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if KEYS[3] then redis.call('SET', KEYS[3], 'done', 'EX', ARGV[5]) end
return rev + 1
`);

/**
 * A message id seen inside a turn. KEYS: seen. ARGV: fence, pending TTL (ms). Returns 1 when the
 * message is to be handled: never seen, or claimed by an earlier turn that ended without saving
 * (its instance died, or it failed). Returns 0 when it was handled, or is being handled by a newer
 * turn (this one's lock lapsed).
 */
export const CLAIM = new LuaScript(`
local v = redis.call('GET', KEYS[1])
if v then
  if v == 'done' then return 0 end
  local by = tonumber(string.match(v, '^pending:(%d+)$') or '0')
  if by >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], 'pending:' .. ARGV[1], 'PX', ARGV[2])
return 1
`);

/**
 * One attempt at the turn lock, joining the queue on the first call. KEYS: lock, queue, waiters,
 * fence. ARGV: token, lease (ms), waiter deadline (ms), fence TTL (s), queue TTL (ms).
 * Returns the fence (> 0) when acquired, else 0. Time is Redis's, so instances' clocks don't matter.
 */
export const ACQUIRE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local token = ARGV[1]
if redis.call('HSET', KEYS[3], token, now + tonumber(ARGV[3])) == 1 then
  redis.call('RPUSH', KEYS[2], token)
end
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
local head = redis.call('LINDEX', KEYS[2], 0)
while head and head ~= token do
  if tonumber(redis.call('HGET', KEYS[3], head) or '0') >= now then break end
  redis.call('LPOP', KEYS[2])
  redis.call('HDEL', KEYS[3], head)
  head = redis.call('LINDEX', KEYS[2], 0)
end
if head ~= token or redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('LPOP', KEYS[2])
redis.call('HDEL', KEYS[3], token)
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
local fence = redis.call('INCR', KEYS[4])
redis.call('EXPIRE', KEYS[4], ARGV[4])
return fence
`);

/** Appends transcript entries, caps the list and refreshes its TTL in one call. KEYS: transcript. ARGV: cap, TTL (s), entries… */
export const APPEND = new LuaScript(`
for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
return redis.call('EXPIRE', KEYS[1], ARGV[2])
`);

/** Leaves the queue (a waiter giving up). KEYS: queue, waiters. ARGV: token. */
export const LEAVE = new LuaScript(`
redis.call('LREM', KEYS[1], 0, ARGV[1])
return redis.call('HDEL', KEYS[2], ARGV[1])
`);

/** Extends the lease if still the holder. KEYS: lock. ARGV: token, ms. */
export const RENEW = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/** Compare-and-delete: releases only a lock still held by this token. KEYS: lock. ARGV: token. */
export const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
