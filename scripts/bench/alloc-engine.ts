// Allocation profile of the engine (not a bench): what the turns of 300 customers allocate, garbage
// included, as a sampling heap profile in OUT (default /tmp/alloc.heapprofile; open it in DevTools).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { BENCH_NOW as NOW, driveCustomers } from './engine-driver';
async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent', ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `alloc${process.pid}:` } : {}) });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => NOW, logger: pino({ level: 'silent' }) });
  while (await sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  await driveCustomers(engine, 10_000, 10_100, 'warm');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  await driveCustomers(engine, 0, 300, 'alloc');
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: unknown };
  writeFileSync(process.env.OUT ?? '/tmp/alloc.heapprofile', JSON.stringify(profile));
  process.exit(0);
}
main();
