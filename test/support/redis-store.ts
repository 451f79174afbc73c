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
