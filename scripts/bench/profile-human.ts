/**
 * Profiling helper (not part of `npm run bench`, #15): the human load of run.ts — the built bot and
 * its redis-server on the server core, 200 customers pausing 1–3 s on the load core — with what a
 * diagnosis needs around it:
 * - node flags for the bot (`NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`, `--trace-gc`, `-r x.cjs`)
 *   and environment (`BOT_ENV='{"LIVE_CONVERSATIONS":"0"}'`); its output kept in BOT_LOG with the
 *   window's byte offsets;
 * - every turn in TRACE (JSON lines: sent at (epoch ms), latency ms, customer, turn, in the window),
 *   sent with an `x-bench-turn` header naming it, for a server-side preload to match;
 * - per process (bot, planning child, redis-server) user and system CPU and context switches per
 *   turn, and how busy the server core was, ours and others' (a neighbour on the core shows there);
 * - PREWARM_S seconds of the closed loop first (the bench's other runs are warm; 0: a fresh bot).
 * `npx tsx scripts/bench/profile-human.ts` (USERS=200 THINK_MS=1000 WARMUP_S=10 DURATION_S=20; THINK_MS=0: closed loop).
 */
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { runLoadGenerator } from './load-process';
import type { LoadOptions } from './loadgen';
import { sampleAll } from './procstat';
import { benchDealerFile, LOAD_CORE, SERVER_CORE, pinSelf, startBot, tempDir } from './servers';
import { fmt } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Busy and steal ms of a core so far, from /proc/stat (busy: user, nice, system, irq, softirq). */
function core(n: string): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${n} `));
  const f = (line ?? '').trim().split(/\s+/).slice(1).map(Number);
  return { busy: (f[0] + f[1] + f[2] + f[5] + f[6]) * 10, steal: f[7] * 10 };
}

/** User and system ms, voluntary and involuntary context switches of a process so far (zeros once gone). */
function detail(pid: number): number[] {
  try {
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const n = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return [Number(rest[11]) * 10, Number(rest[12]) * 10, n('voluntary_ctxt_switches'), n('nonvoluntary_ctxt_switches')];
  } catch {
    return [0, 0, 0, 0];
  }
}

async function main(): Promise<void> {
  pinSelf(LOAD_CORE);
  const work = tempDir();
  const dealerFile = benchDealerFile(work, JSON.parse(readFileSync(path.join(ROOT, 'config/dealers/modena.json'), 'utf8')));
  const nodeArgs = (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = await startBot('redis', dealerFile, work, undefined, { nodeArgs, env: JSON.parse(process.env.BOT_ENV ?? '{}') });
  const think = env('THINK_MS', 1000);
  const users = env('USERS', think ? 200 : 50);
  let first = 0;
  if (env('PREWARM_S', 0) > 0) {
    const w = await runLoadGenerator({ url: server.url, mode: 'mc', scenario: 'booking', users: 50, warmupS: env('PREWARM_S', 0), durationS: 0, first });
    first += w.warmupTurns + w.windowTurns + 1000;
  }
  const options: LoadOptions = {
    url: server.url, mode: 'mc', scenario: 'booking', users, warmupS: env('WARMUP_S', 10), durationS: env('DURATION_S', 20), first,
    ...(think ? { thinkMs: { min: think, max: 3 * think } } : {}), traceFile: process.env.TRACE ?? path.join(work, 'trace.jsonl'),
  };
  const pids = () => [...server.serverPids(), ...(server.redisPid ? [server.redisPid] : [])];
  const logFile = () => readdirSync(work).filter((f) => f.startsWith('bot-')).map((f) => path.join(work, f))[0];
  const at: Record<string, { server: number; redis: number; detail: number[][]; core: { busy: number; steal: number }; logBytes: number }> = {};
  const result = await runLoadGenerator(options, (mark) => {
    at[mark] = {
      server: sampleAll(server.serverPids()).cpuMs, redis: sampleAll(server.redisPid ? [server.redisPid] : []).cpuMs,
      detail: pids().map(detail), core: core(SERVER_CORE), logBytes: statSync(logFile()).size,
    };
  });
  const { start, end } = at;
  const turns = Math.max(1, result.windowTurns);
  const perTurn = (x: number) => fmt(x / turns, 3);
  for (const [i, pid] of pids().entries()) {
    const [u, sy, v, nv] = end.detail[i].map((x, j) => x - start.detail[i][j]);
    const name = pid === server.redisPid ? 'redis-server' : i === 0 ? 'bot' : i === 1 ? 'planning child' : `pid ${pid}`;
    console.log(`${name.padEnd(15)} user ${perTurn(u)} sys ${perTurn(sy)} ms/turn, context switches ${perTurn(v)} voluntary ${perTurn(nv)} involuntary a turn`);
  }
  const window = options.durationS * 1000;
  const ours = end.server - start.server + end.redis - start.redis;
  const busy = end.core.busy - start.core.busy;
  console.log(`server core ${SERVER_CORE}: busy ${fmt(busy / window, 2)} of the window, ours ${fmt(ours / window, 2)}, others ${fmt((busy - ours) / window, 2)}, steal ${fmt((end.core.steal - start.core.steal) / window, 2)}`);
  await server.stop();
  if (process.env.BOT_LOG) {
    copyFileSync(logFile(), process.env.BOT_LOG);
    console.log(`bot output in ${process.env.BOT_LOG}, the window's bytes ${start.logBytes}–${end.logBytes}`);
  }
  rmSync(work, { recursive: true, force: true });
  const l = result.latencyMs;
  console.log(`turns in window ${result.windowTurns} (${fmt(result.windowTurns / options.durationS)}/s)  p50/p95/p99/max ${fmt(l.p50)}/${fmt(l.p95)}/${fmt(l.p99)}/${fmt(l.max)} ms` +
    `  server ${fmt((end.server - start.server) / turns, 2)} ms/turn + redis ${fmt((end.redis - start.redis) / turns, 2)}  util ${fmt(ours / window, 2)}` +
    `  client ${fmt(result.clientCpuMs / window, 2)}  booked ${result.conversations.booked} failed ${result.conversations.failed} errored ${result.conversations.errored}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
