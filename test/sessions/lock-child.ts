/**
 * Another instance, for the crash tests: connects to the Redis and prefix it is given, then
 * either takes a conversation's turn lock and hangs inside the turn (`hold`), or queues for it
 * (`wait`); it reports over IPC and waits to be killed.
 */
import { connectRedis, createRedisSessionStore } from '../../src/sessions/redis';

const [url, prefix, conversationId, mode, lockMs] = process.argv.slice(2);
const store = createRedisSessionStore({ redis: connectRedis(url), prefix, ttlSeconds: 3600, lockMs: Number(lockMs) });
const never = new Promise<never>(() => undefined);

async function main(): Promise<void> {
  await waitReady();
  if (mode === 'hold') {
    await store.turn(conversationId, undefined, async (turn) => {
      process.send?.({ held: turn.fence });
      return never;
    });
  } else {
    process.send?.({ waiting: true });
    await store.turn(conversationId, undefined, async (turn) => {
      process.send?.({ held: turn.fence });
      return never;
    });
  }
}

async function waitReady(): Promise<void> {
  for (;;) {
    try {
      return await store.ping();
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

main().catch((err) => process.send?.({ error: String(err) }));
