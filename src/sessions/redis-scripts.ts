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
 * One attempt at the turn lock, joining the queue on the first call (unless the lock is free and
 * nobody queues: then it is taken at once), as a Lua fragment that leaves `fence` > 0 when the
 * lock was taken, else 0. KEYS: lock, queue, waiters, fence.
 * ARGV: token, lease (ms), waiter deadline (ms), fence TTL (s), queue TTL (ms). Time is Redis's,
 * so instances' clocks don't matter. The first part of BEGIN, kept apart to be read on its own.
 */
const TAKE_LOCK = `
local fence = 0
local token = ARGV[1]
if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
  -- Nobody holds the lock and nobody waits (the usual case): taken at once, as through the queue.
  redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
  fence = redis.call('INCR', KEYS[4])
  redis.call('EXPIRE', KEYS[4], ARGV[4])
else
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
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
  if head == token and redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('LPOP', KEYS[2])
    redis.call('HDEL', KEYS[3], token)
    redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
    fence = redis.call('INCR', KEYS[4])
    redis.call('EXPIRE', KEYS[4], ARGV[4])
  end
end
`;

/**
 * The start of a turn in one round trip: one attempt at the turn lock (TAKE_LOCK's keys and
 * arguments first), then, once it is taken, the message id's claim and the snapshot read. The
 * claim is `pending:<fence>` until COMMIT marks it `done`: a message whose turn failed or died
 * (its claim is older than this turn's fence, or lapsed) is handled again; a newer claim means a
 * newer turn handles it (this one's lock lapsed).
 * First of all, when a turn limit is given (the first attempt only), the turn is counted in the
 * conversation's window (INCR, the window's TTL set by its first turn): past the limit nothing else
 * is done (#15: the count used to be a round trip of its own, rate-limiter-flexible's).
 * KEYS: lock, queue, waiters, fence, snapshot, turns[, seen, reply]. ARGV: TAKE_LOCK's, then the claim's
 * pending TTL (ms), then the tag of the write the caller holds ('' for none), then the limit's
 * points and window (ms) ('' and '' for none).
 * Returns {-1, ms left in the window} past the limit; {0} when the lock is not free yet; {fence, 0[, reply]} for a message already handled (the
 * lock is released at once; its first reply while kept); {fence, 1[, rev, envelope]} for a turn to
 * run, {fence, 1, rev} (the envelope left out) when the stored write is still the one the caller holds.
 */
export const BEGIN = new LuaScript(`
if ARGV[8] ~= '' then
  local turns = redis.call('INCR', KEYS[6])
  if turns == 1 then redis.call('PEXPIRE', KEYS[6], ARGV[9]) end
  if turns > tonumber(ARGV[8]) then
    local left = redis.call('PTTL', KEYS[6])
    if left < 0 then
      -- A window without its TTL (never expected): it starts again now.
      redis.call('PEXPIRE', KEYS[6], ARGV[9])
      left = tonumber(ARGV[9])
    end
    return {-1, left}
  end
end
${TAKE_LOCK}
if fence == 0 then return {0} end
if KEYS[7] then
  local v = redis.call('GET', KEYS[7])
  local handled = v == 'done' or (v and tonumber(string.match(v, '^pending:(%d+)$') or '0') >= fence)
  if handled then
    redis.call('DEL', KEYS[1])
    local reply = KEYS[8] and redis.call('GET', KEYS[8])
    if reply then return {fence, 0, reply} end
    return {fence, 0}
  end
  redis.call('SET', KEYS[7], 'pending:' .. fence, 'PX', ARGV[6])
end
local s = redis.call('HMGET', KEYS[5], 'rev', 'env', 'tag')
if s[1] and s[2] then
  if ARGV[7] ~= '' and s[3] == ARGV[7] then return {fence, 1, s[1]} end
  return {fence, 1, s[1], s[2]}
end
return {fence, 1}
`);

/**
 * Appends ARGV[first..] to a transcript list and caps it: at most `cap` entries and `maxBytes`
 * bytes (the oldest go first, the newest always stays), its byte count kept in a counter beside
 * it, both with the TTL refreshed. A Lua fragment shared by COMMIT and APPEND.
 */
const PUSH_CAPPED = `
local function pushCapped(list, counter, first, cap, maxBytes, ttl)
  local bytes = tonumber(redis.call('GET', counter) or '0')
  local len
  if first <= #ARGV then
    -- One RPUSH for all the entries; it answers the list's new length.
    len = redis.call('RPUSH', list, unpack(ARGV, first))
    for i = first, #ARGV do bytes = bytes + #ARGV[i] end
  else
    len = redis.call('LLEN', list)
  end
  while len > 1 and (len > cap or bytes > maxBytes) do
    bytes = bytes - #redis.call('LPOP', list)
    len = len - 1
  end
  if bytes < 0 or len == 0 then bytes = 0 end
  redis.call('SET', counter, bytes, 'EX', ttl)
  redis.call('EXPIRE', list, ttl)
end
`;

/**
 * The end of a turn in one round trip, if the caller still holds the conversation (its fence is
 * the latest): the snapshot by compare-and-set (or, without one, only its TTL refreshed), the
 * message id marked handled, the transcript appended and capped (its TTL refreshed either way); then, when a token is given, the
 * lock released (whatever the outcome). KEYS: snapshot, fence, lock, transcript, transcript bytes[, seen, reply].
 * ARGV: expected revision ('' without a snapshot), envelope JSON, TTL (s), fence, seen TTL (s),
 * lock token ('' to keep the lock), transcript cap, transcript byte cap, reply ('' for none),
 * reply TTL (s), the write's tag ('' for none: any earlier tag is dropped), entries…
 * Returns the new revision (1 without a snapshot), 0 when nothing was written.
 */
export const COMMIT = new LuaScript(`${PUSH_CAPPED}
local result = 0
if redis.call('GET', KEYS[2]) == ARGV[4] then
  if ARGV[1] == '' then
    result = 1
  else
    local rev = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
    if rev == tonumber(ARGV[1]) then
      if ARGV[11] ~= '' then
        redis.call('HSET', KEYS[1], 'rev', rev + 1, 'env', ARGV[2], 'tag', ARGV[11])
      else
        redis.call('HSET', KEYS[1], 'rev', rev + 1, 'env', ARGV[2])
        redis.call('HDEL', KEYS[1], 'tag')
      end
      result = rev + 1
    end
  end
end
if result > 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  if KEYS[6] then redis.call('SET', KEYS[6], 'done', 'EX', ARGV[5]) end
  if KEYS[7] and ARGV[9] ~= '' then redis.call('SET', KEYS[7], ARGV[9], 'EX', ARGV[10]) end
  pushCapped(KEYS[4], KEYS[5], 12, tonumber(ARGV[7]), tonumber(ARGV[8]), ARGV[3])
end
if ARGV[6] ~= '' and redis.call('GET', KEYS[3]) == ARGV[6] then redis.call('DEL', KEYS[3]) end
return result
`);

/** Appends transcript entries, caps the list and refreshes its TTL in one call. KEYS: transcript, transcript bytes. ARGV: cap, TTL (s), byte cap, entries… */
export const APPEND = new LuaScript(`${PUSH_CAPPED}
pushCapped(KEYS[1], KEYS[2], 4, tonumber(ARGV[1]), tonumber(ARGV[3]), ARGV[2])
return 1
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
