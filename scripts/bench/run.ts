/**
 * `npm run bench [-- --customers 200 --instances 1 --rounds 7 --paced-rounds 2]`: K simulated customers each
 * complete a full booking over HTTP (expectReplies) against Mobility Concierge instance(s) on a
 * private redis-server; in the same run, on the same machine, the same messages go to a bare
 * botbuilder echo bot on the same stack (the floor), and to that echo bot keeping its connector
 * clients as the bot does (the stricter floor). Two loads: saturation (no pause between turns)
 * and paced (each customer pauses 1–3 s between messages, as people do). The servers run side by
 * side and the runs alternate, round after round, so that a noisy neighbour hits both; the
 * table gives each run's median turns/s over the rounds, latency percentiles over all its turns,
 * server CPU ms per turn (Redis's own CPU apart), snapshot sizes, and the ratios per round.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { snapshotBytes } from '../../src/sessions/redis';
import { startTestRedis } from '../../test/support/redis-server';
import { customer, echoCustomer, type Customer } from './customers';
import { startServers, type Servers } from './servers';
import { runLoad, type LoadResult } from './load';
import { percentile, printTable, type Row } from './stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const K = arg('customers', 200);
const INSTANCES = arg('instances', 1);
const ROUNDS = arg('rounds', 7);
const PACED_ROUNDS = arg('paced-rounds', 2);
const PAUSE = { min: arg('pause-min', 1000), max: arg('pause-max', 3000) };
const SATURATED = { min: 0, max: 0 };
const PREFIX = 'bench:';
const WARM = Math.min(K, 50);
const DEMO_DEALER = path.resolve(__dirname, '../../config/dealers/modena.json');

/**
 * The bench's own dealer file: the demo dealer, but `workshop.vehicleOverlap: "flag"` — its
 * simulated customers all book the same eight cars (customers.ts), so with the demo's "refuse"
 * every car would soon have an appointment at an overlapping time and later customers could not
 * book. With "flag" the planning books them (the board would flag the overlaps), as a dealer
 * who allows it would; the bench measures the conversation, not that rule.
 */
function benchDealerFile(dir: string): string {
  const dealer = JSON.parse(readFileSync(DEMO_DEALER, 'utf8'));
  dealer.workshop.vehicleOverlap = 'flag';
  const file = path.join(dir, 'dealer.json');
  writeFileSync(file, JSON.stringify(dealer, null, 2));
  return file;
}

interface Measured extends LoadResult {
  cpuMs: number;
  redisCpuMs?: number;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (num('used_cpu_user') + num('used_cpu_sys')) * 1000;
}

async function measure(servers: Servers, customers: Customer[], pause: { min: number; max: number }, redis?: Redis): Promise<Measured> {
  const cpu0 = await servers.cpuMs();
  const r0 = redis ? await redisCpuMs(redis) : 0;
  const result = await runLoad(servers.bases, customers, pause);
  const cpuMs = (await servers.cpuMs()) - cpu0;
  return { ...result, cpuMs, ...(redis ? { redisCpuMs: (await redisCpuMs(redis)) - r0 } : {}) };
}

/** Rounds of one run pooled: median turns/s, every turn's latency, CPU over all turns. */
function pooled(rounds: Measured[]): Row {
  const turns = rounds.reduce((n, r) => n + r.turns, 0);
  const redis = rounds.every((r) => r.redisCpuMs !== undefined) ? rounds.reduce((n, r) => n + r.redisCpuMs!, 0) / turns : undefined;
  return {
    turns,
    turnsPerSecond: percentile(rounds.map((r) => r.turnsPerSecond), 50),
    latenciesMs: rounds.flatMap((r) => r.latenciesMs),
    cpuMsPerTurn: rounds.reduce((n, r) => n + r.cpuMs, 0) / turns,
    ...(redis !== undefined ? { redisCpuMsPerTurn: redis } : {}),
  };
}

async function main(): Promise<void> {
  console.log(`bench: ${K} customers, ${INSTANCES} instance(s), ${ROUNDS} saturation and ${PACED_ROUNDS} paced round(s), ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  const redisServer = await startTestRedis();
  const redis = new Redis(redisServer.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const dealerFile = benchDealerFile(dir);
  const started: Servers[] = [];
  try {
    const echo = await startServers('echo', INSTANCES);
    started.push(echo);
    const strict = await startServers('echo-cached', INSTANCES);
    started.push(strict);
    // The bot's planning fills up as customers book: each load gets a bot with an empty one.
    const startBot = async () => {
      const servers = await startServers('bot', INSTANCES, {
        REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: PREFIX, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEALER_CONFIG: dealerFile,
        // One instance: embedded planning in memory; several: one SQLite file of their own they share.
        PLANNING_URL: INSTANCES > 1 ? 'sqlite' : 'memory', DATA_DIR: mkdtempSync(path.join(dir, 'bot-')),
      });
      started.push(servers);
      return servers;
    };

    // Customer numbers: distinct for every booking customer of a bot, so that each has its own day and time.
    const numbers = { echo: 0, bot: 0 };
    const crowd = (make: (i: number, c: string) => Customer, name: string, count = K) => {
      const kind = make === customer ? 'bot' : 'echo';
      const first = numbers[kind];
      numbers[kind] += count;
      return Array.from({ length: count }, (_, i) => make(first + i, `${name}-${i}`));
    };

    // A warm-up (not measured) for the JIT of each server.
    let bot = await startBot();
    await measure(echo, crowd(echoCustomer, 'echo-warm', WARM), SATURATED);
    await measure(strict, crowd(echoCustomer, 'strict-warm', WARM), SATURATED);
    await measure(bot, crowd(customer, 'bot-warm', WARM), SATURATED);

    const runs: Record<string, Measured[]> = {
      'echo saturation': [], 'echo* saturation': [], 'bot saturation': [], 'echo paced': [], 'bot paced': [],
    };
    // Each round starts with the next server, so that none always runs right after another one.
    const saturation = [
      async (r: number) => runs['echo saturation'].push(await measure(echo, crowd(echoCustomer, `echo-sat-${r}`), SATURATED)),
      async (r: number) => runs['echo* saturation'].push(await measure(strict, crowd(echoCustomer, `strict-sat-${r}`), SATURATED)),
      async (r: number) => runs['bot saturation'].push(await measure(bot, crowd(customer, `bot-sat-${r}`), SATURATED, redis)),
    ];
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < saturation.length; k++) await saturation[(r + k) % saturation.length](r);
    }
    started.splice(started.indexOf(bot), 1);
    await bot.stop();
    bot = await startBot();
    numbers.bot = 0;
    await measure(bot, crowd(customer, 'bot-warm-again', WARM), SATURATED);
    const paced: string[] = [];
    for (let r = 0; r < PACED_ROUNDS; r++) {
      runs['echo paced'].push(await measure(echo, crowd(echoCustomer, `echo-paced-${r}`), PAUSE));
      paced.push(`bot-paced-${r}`);
      runs['bot paced'].push(await measure(bot, crowd(customer, `bot-paced-${r}`), PAUSE, redis));
    }
    for (const s of started.splice(0)) await s.stop();

    const sizes = await Promise.all(paced.flatMap((name) =>
      Array.from({ length: K }, (_, i) => snapshotBytes(redis, PREFIX, `bf:bench:${name}-${i}`))));
    printTable(Object.fromEntries(Object.entries(runs).map(([name, rounds]) => [name, pooled(rounds)])));
    console.log('(turns/s: median of the rounds; latencies: every turn of every round; echo*: echo keeping connector clients, as the bot)');

    const ratios = (floor: string) => runs['bot saturation'].map((b, r) => b.turnsPerSecond / runs[floor][r].turnsPerSecond);
    const show = (xs: number[]) => `median ${percentile(xs, 50).toFixed(2)} (rounds: ${xs.map((x) => x.toFixed(2)).join(', ')})`;
    console.log(`\nsnapshot (envelope JSON in Redis, after booking): p50 ${percentile(sizes, 50)} B, max ${Math.max(...sizes)} B`);
    console.log(`throughput ratio bot/echo at saturation: ${show(ratios('echo saturation'))}`);
    console.log(`throughput ratio bot/echo* at saturation: ${show(ratios('echo* saturation'))}`);
    console.log(`paced load: ${K} customers pausing ${PAUSE.min}–${PAUSE.max} ms between messages ` +
      `(≈ ${pooled(runs['bot paced']).turnsPerSecond.toFixed(0)} turns/s offered)`);
    const all = Object.values(runs).flat();
    const notBooked = [...runs['bot saturation'], ...runs['bot paced']].reduce((a, r) => a + r.notBooked, 0);
    console.log(`customers without a booking: ${notBooked}; HTTP errors: ${all.reduce((a, r) => a + r.errors, 0)}`);
    console.log('\ntargets: throughput ≥ 0.5 × echo; p99 < 50 ms at 200 concurrent customers (paced); snapshots < 4096 B');
  } finally {
    for (const s of started) await s.stop();
    redis.disconnect();
    await redisServer.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
