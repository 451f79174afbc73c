/**
 * Redis session stores for tests, each on its own connection (like separate instances), ready
 * to use (the client has no offline queue: commands before the connection is up would fail).
 */
import type { Cluster, Redis } from 'ioredis';
import { connectRedis, createRedisSessionStore, type RedisStoreOptions } from '../../src/sessions/redis';
import type { SessionStore } from '../../src/sessions/session-store';

export interface TestStore {
  store: SessionStore;
  redis: Redis | Cluster;
}

export async function whenReady(redis: Redis | Cluster): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
}

export async function testStore(url: string, options: Partial<RedisStoreOptions> & { prefix: string }, commandTimeoutMs?: number): Promise<TestStore> {
  const redis = connectRedis(url, { commandTimeoutMs });
  await whenReady(redis);
  const store = createRedisSessionStore({ redis, ttlSeconds: 3600, lockMs: 10_000, ...options });
  return { store, redis };
}

/** Polls `check` until it holds (a bounded wait: mocha's timeout is the bound). */
export async function eventually(check: () => Promise<boolean> | boolean, pauseMs = 10): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, pauseMs));
}

/** A promise and its opener, to hold a turn open for as long as a test wants. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

/**
 * How many Lua script calls the server has run (`INFO commandstats`, every client): EVALSHA and
 * EVAL (the full script, sent after NOSCRIPT) counted apart.
 */
export async function scriptCalls(raw: Redis | Cluster): Promise<{ evalsha: number; eval: number }> {
  const info = await (raw as Redis).info('commandstats');
  const calls = (cmd: string) => Number(new RegExp(`^cmdstat_${cmd}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { evalsha: calls('evalsha'), eval: calls('eval') };
}
