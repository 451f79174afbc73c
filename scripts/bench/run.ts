/**
 * `npm run bench [-- --customers 200 --instances 1]`: K simulated customers each complete a full
 * booking over HTTP (expectReplies) against Mobility Concierge instance(s) on a private
 * redis-server, then the same against a bare botbuilder echo bot on the same stack, in this run on
 * this machine. Two loads: saturation (no pause between turns) and paced (each customer pauses
 * 1–3 s between messages, as people do). Prints turns/s, p50/p95/p99 turn latency, server CPU ms
 * per turn (Redis's own CPU separately), snapshot sizes, and the ratios.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { snapshotBytes } from '../../src/sessions/redis';
import { startTestRedis } from '../../test/support/redis-server';
import { customer, echoCustomer, type Customer } from './customers';
import { startServers, type Servers } from './servers';
import { runLoad, type LoadResult } from './load';
import { percentile, printTable } from './stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const K = arg('customers', 200);
const INSTANCES = arg('instances', 1);
const PAUSE = { min: arg('pause-min', 1000), max: arg('pause-max', 3000) };
const PREFIX = 'bench:';
const WARM = Math.min(K, 50);

interface Measured extends LoadResult {
  cpuMsPerTurn: number;
  redisCpuMsPerTurn?: number;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (num('used_cpu_user') + num('used_cpu_sys')) * 1000;
}

async function measure(servers: Servers, make: (i: number, c: string) => Customer, phase: string, offset: number,
  pause: { min: number; max: number }, redis?: Redis, count = K): Promise<Measured> {
  const customers = Array.from({ length: count }, (_, i) => make(offset + i, `${phase}-${i}`));
  const cpu0 = await servers.cpuMs();
  const r0 = redis ? await redisCpuMs(redis) : 0;
  const result = await runLoad(servers.bases, customers, pause);
  const cpu = (await servers.cpuMs()) - cpu0;
  const redisCpu = redis ? (await redisCpuMs(redis)) - r0 : undefined;
  return { ...result, cpuMsPerTurn: cpu / result.turns, ...(redisCpu !== undefined ? { redisCpuMsPerTurn: redisCpu / result.turns } : {}) };
}

async function main(): Promise<void> {
  console.log(`bench: ${K} customers, ${INSTANCES} instance(s), ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  const redisServer = await startTestRedis();
  const redis = new Redis(redisServer.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const results: Record<string, Measured> = {};
  try {
    // The echo bot first, then the bot: each gets a warm-up (not measured) to let the JIT settle.
    const echo = await startServers('echo', INSTANCES, {});
    try {
      await measure(echo, echoCustomer, 'echo-warm', 0, { min: 0, max: 0 }, undefined, WARM);
      results['echo saturation'] = await measure(echo, echoCustomer, 'echo-sat', 0, { min: 0, max: 0 });
      results['echo paced'] = await measure(echo, echoCustomer, 'echo-paced', 0, PAUSE);
    } finally {
      await echo.stop();
    }
    const bot = await startServers('bot', INSTANCES, {
      REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: PREFIX, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      // One instance: embedded planning in memory; several: one SQLite file they share.
      PLANNING_URL: INSTANCES > 1 ? 'sqlite' : 'memory', DATA_DIR: dir,
    });
    try {
      await measure(bot, customer, 'bot-warm', 2 * K, { min: 0, max: 0 }, undefined, WARM);
      results['bot saturation'] = await measure(bot, customer, 'bot-sat', 0, { min: 0, max: 0 }, redis);
      results['bot paced'] = await measure(bot, customer, 'bot-paced', K, PAUSE, redis);
    } finally {
      await bot.stop();
    }
    const sizes = await Promise.all(Array.from({ length: K }, (_, i) => snapshotBytes(redis, PREFIX, `bench:bot-paced-${i}`)));
    const sat = results['bot saturation'];
    const echoSat = results['echo saturation'];
    printTable(results);
    console.log(`\nsnapshot (envelope JSON in Redis, after booking): p50 ${percentile(sizes, 50)} B, max ${Math.max(...sizes)} B`);
    console.log(`throughput ratio bot/echo at saturation: ${(sat.turnsPerSecond / echoSat.turnsPerSecond).toFixed(2)}`);
    console.log(`paced load: ${K} customers pausing ${PAUSE.min}–${PAUSE.max} ms between messages ` +
      `(≈ ${results['bot paced'].turnsPerSecond.toFixed(0)} turns/s offered)`);
    const notBooked = ['bot saturation', 'bot paced'].map((k) => results[k].notBooked).reduce((a, b) => a + b, 0);
    const errors = Object.values(results).reduce((a, r) => a + r.errors, 0);
    console.log(`customers without a booking: ${notBooked}; HTTP errors: ${errors}`);
    console.log('\ntargets: throughput ≥ 0.5 × echo; p99 < 50 ms at 200 concurrent customers (paced); snapshots < 4096 B');
  } finally {
    redis.disconnect();
    await redisServer.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
