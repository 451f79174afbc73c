/**
 * Profiling helper (not part of `npm run bench`): one bot instance on a private redis-server,
 * forked with `--cpu-prof` into PROFILE_DIR, K customers at saturation, then a normal exit.
 * `npx tsx scripts/bench/profile-http.ts` (K=200 PROFILE_DIR=/tmp/prof).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { startTestRedis } from '../../test/support/redis-server';
import { customer } from './customers';
import { runLoad } from './load';

async function main(): Promise<void> {
  const K = Number(process.env.K ?? 200);
  const redis = await startTestRedis();
  const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'prof:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PLANNING_URL: 'memory' };
  const child = fork(path.join(__dirname, 'profile-bot-server.ts'), [JSON.stringify(env)], {
    execArgv: ['-r', 'tsx/cjs', '--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR ?? '/tmp/prof'}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => child.on('message', (m: { port?: number; error?: string }) => (m.port ? resolve(m.port) : m.error && reject(new Error(m.error)))));
  const base = `http://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 500));
  await runLoad([base], Array.from({ length: 2 * K }, (_, i) => customer(2 * K + i, `warm-${i}`)), { min: 0, max: 0 });
  const cpu0 = process.hrtime.bigint();
  const result = await runLoad([base], Array.from({ length: K }, (_, i) => customer(i, `sat-${i}`)), { min: 0, max: 0 });
  console.log(`${result.turns} turns, ${result.turnsPerSecond.toFixed(0)} turns/s, ${result.notBooked} not booked, ${result.errors} errors, ${(Number(process.hrtime.bigint() - cpu0) / 1e6).toFixed(0)} ms`);
  child.send({ exit: true });
  await new Promise((r) => child.on('exit', r));
  await redis.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
