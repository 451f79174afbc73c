// Profiling driver (not a bench): the bench's customers through engine.handle in process, with the
// in-memory planning and sessions (no HTTP; Redis with REDIS=url), on the bench's fixed clock.
// `N=600 [REDIS=redis://…] [LIVE_CONVERSATIONS=0] npx tsx scripts/bench/profile-engine.ts`, or under `node --cpu-prof -r tsx/cjs`.
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { BENCH_NOW, driveCustomers } from './engine-driver';

async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent', ...(process.env.LIVE_CONVERSATIONS ? { LIVE_CONVERSATIONS: process.env.LIVE_CONVERSATIONS } : {}), ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `prof${process.pid}:` } : {}) });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => BENCH_NOW, logger: pino({ level: 'silent' }) });
  // The Redis client fails fast until connected: wait as a load balancer would.
  while (await sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  const N = Number(process.env.N ?? 600);
  await driveCustomers(engine, 10_000, 10_100, 'warm');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { turns, booked } = await driveCustomers(engine, 0, N, 'prof');
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  console.log(`${turns} turns, ${booked}/${N} booked, ${(ms / turns).toFixed(3)} ms/turn wall, ${((cpu.user + cpu.system) / 1000 / turns).toFixed(3)} ms/turn CPU`);
  process.exit(0);
}
main();
