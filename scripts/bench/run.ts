/**
 * `npm run bench [-- --quick] [--warmup-s 20 --duration-s 30 --users 50 --reps 3] [--human-users 200 --human-warmup-s 90 | --no-human | --human-only]
 *   [--scenarios embedded,redis,postgres,contention] [--no-build] [--doc] [--yardstick DIR] [--help]` (options.ts)
 *
 * The honest bench (issue #15): the built bot (`node dist/src/main.js`, built first) as a process
 * of its own, with its redis-server when the scenario has one, pinned to core 1 with `taskset`;
 * the load generator (and this orchestrator) on core 0. A closed loop of `users` customers, each
 * booking (booking-script.ts), runs through a warm-up window and then a measured window; the
 * orchestrator reads the server's CPU (the bot and its planning child), Redis's and PostgreSQL's
 * apart, from /proc at the window's edges. In the same run, alternated with the bot's scenarios
 * repetition after repetition (each run on freshly started processes), the strict yardstick's bare
 * echo bot and the echo bot keeping its connector clients take the same load.
 *
 * Then one run of the human load (bot + Redis, 200 customers pausing 1–3 s between messages:
 * latency under a stated load; `--human-users N`, `--no-human`; `--human-only` runs it alone, writes nothing). It warms
 * up 90 s (`--human-warmup-s`), not the closed loop's 20: at half a core V8 is still compiling in the first minute.
 *
 * A full run (not --quick) writes its tables into docs/performance.md; so does --doc.
 * `--yardstick DIR` runs the strict yardstick instead (see yardstick.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadOptions, LoadResult } from './loadgen';
import { benchOptions, USAGE } from './options';
import { machine, writeDocSection } from './report';
import { coreBusyMs, sample, sampleAll } from './procstat';
import { benchDealerFile, hasTaskset, LOAD_CORE, pinSelf, SERVER_CORE, spawnPinned, startBot, startEcho, tempDir, type BotSetup, type Running } from './servers';
import { fmt, markdownTable, median, range } from './stats';
import { runYardstick } from './yardstick';

const ROOT = path.resolve(__dirname, '../..');

export const SCENARIOS = {
  embedded: { setup: 'embedded', script: 'booking', label: 'bot, embedded (SQLite sessions + SQLite planning child)' },
  redis: { setup: 'redis', script: 'booking', label: 'bot + Redis sessions (SQLite planning child)' },
  postgres: { setup: 'postgres', script: 'booking', label: 'bot + Redis sessions + PostgreSQL planning' },
  contention: { setup: 'embedded', script: 'contention', label: 'bot, embedded, contention (same 3 mornings, courtesy cars)' },
} as const;
type ScenarioName = keyof typeof SCENARIOS;
type Kind = 'echo' | 'echo*' | ScenarioName;
const LABELS: Record<Kind, string> = {
  echo: 'bare echo bot (yardstick)',
  'echo*': 'echo bot keeping connector clients',
  ...Object.fromEntries(Object.entries(SCENARIOS).map(([k, s]) => [k, s.label])) as Record<ScenarioName, string>,
};

export interface Measured {
  kind: Kind;
  rep: number;
  load: LoadResult;
  windowS: number;
  /** The server: its main process and its children (the SQLite planning child), CPU ms in the window. */
  serverCpuMs: number;
  childCpuMs: number;
  redisCpuMs?: number;
  postgresCpuMs?: number;
  peakRssMB: number;
  loadAverage: number;
  /** CPU ms that other processes than the server's took on the server core in the window (pinned runs). */
  othersOnCoreMs?: number;
}

const args = benchOptions(process.argv.slice(2));
const { warmupS: WARMUP_S, durationS: DURATION_S, users: USERS, reps: REPS, human: HUMAN } = args;
const scenarioNames = (args.scenarios ?? Object.keys(SCENARIOS)) as ScenarioName[];
for (const s of scenarioNames) if (!(s in SCENARIOS)) throw new Error(`unknown scenario ${s} (${Object.keys(SCENARIOS).join(', ')})`);

/** Runs the load generator on the load core against `server`, sampling the server's side at the window's edges. */
async function measure(kind: Kind, rep: number, server: Running, options: Omit<LoadOptions, 'url'>): Promise<Measured> {
  const redisPids = server.redisPid ? [server.redisPid] : [];
  let pgPids: number[] = [];
  const at: Record<'start' | 'end', { server: number; children: number; redis: number; postgres: number; core: number } | undefined> = { start: undefined, end: undefined };
  let peakRssKB = 0;
  const rss = setInterval(() => {
    peakRssKB = Math.max(peakRssKB, sampleAll(server.serverPids()).rssKB);
  }, 200);
  const loads: number[] = [];
  const child = spawnPinned(LOAD_CORE, process.execPath, ['--import', 'tsx', path.join(__dirname, 'loadgen.ts'), JSON.stringify({ ...options, url: server.url })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: ROOT,
  });
  const result = await new Promise<LoadResult>((resolve, reject) => {
    let got: LoadResult | undefined;
    child.on('message', async (m: { mark?: 'start' | 'end'; result?: LoadResult }) => {
      if (m.result) got = m.result;
      if (!m.mark) return;
      const snapshot = {
        server: sampleAll(server.serverPids()).cpuMs, children: sampleAll(server.serverPids().slice(1)).cpuMs, redis: sampleAll(redisPids).cpuMs, postgres: 0,
        core: coreBusyMs(SERVER_CORE),
      };
      loads.push(os.loadavg()[0]);
      if (server.postgresPids && m.mark === 'start') pgPids = await server.postgresPids();
      snapshot.postgres = sampleAll(pgPids).cpuMs;
      at[m.mark] = snapshot;
    });
    child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`load generator exited with ${code}`))));
  });
  clearInterval(rss);
  const hwmKB = server.serverPids().reduce((sum, pid) => sum + (sample(pid)?.hwmKB ?? 0), 0);
  const { start, end } = at;
  if (!start || !end) throw new Error('the load generator did not mark its window');
  return {
    kind, rep, load: result, windowS: options.durationS,
    serverCpuMs: end.server - start.server,
    childCpuMs: end.children - start.children,
    ...(server.redisPid ? { redisCpuMs: end.redis - start.redis } : {}),
    ...(server.postgresPids ? { postgresCpuMs: end.postgres - start.postgres } : {}),
    peakRssMB: Math.max(peakRssKB, hwmKB) / 1024,
    loadAverage: Math.max(...loads),
    // PostgreSQL is not pinned: what its backends ran on the server core counts as others' here.
    ...(hasTaskset ? { othersOnCoreMs: Math.max(0, end.core - start.core - (end.server - start.server) - (end.redis - start.redis)) } : {}),
  };
}

function line(m: Measured): string {
  const l = m.load;
  const per = (ms?: number) => (ms === undefined ? '' : ` ${fmt(ms / Math.max(1, l.windowTurns), 2)}`);
  return `${m.kind.padEnd(10)} rep ${m.rep + 1}: ${fmt(l.turnsPerS).padStart(7)} turns/s  server ${per(m.serverCpuMs)} ms/turn (child${per(m.childCpuMs)})` +
    `${m.redisCpuMs !== undefined ? ` redis${per(m.redisCpuMs)}` : ''}${m.postgresCpuMs !== undefined ? ` pg${per(m.postgresCpuMs)}` : ''}` +
    `  util server ${fmt(serverUtil(m), 2)} client ${fmt(l.clientCpuMs / (m.windowS * 1000), 2)}  p50/p95/p99 ${fmt(l.latencyMs.p50)}/${fmt(l.latencyMs.p95)}/${fmt(l.latencyMs.p99)} ms` +
    `${m.othersOnCoreMs !== undefined ? `  others on the core ${fmt(m.othersOnCoreMs / (m.windowS * 1000), 2)}` : ''}  RSS ${fmt(m.peakRssMB, 0)} MB  booked ${l.conversations.booked} failed ${l.conversations.failed} errored ${l.conversations.errored}  load ${fmt(m.loadAverage, 2)}` +
    (l.firstFailure ? `\n           first failure: ${l.firstFailure}` : '');
}

/** The server side's share of one core over the window (the bot with its children, plus its Redis / PostgreSQL backends). */
function serverUtil(m: Measured): number {
  return (m.serverCpuMs + (m.redisCpuMs ?? 0) + (m.postgresCpuMs ?? 0)) / (m.windowS * 1000);
}

export function tables(runs: Measured[], kinds: Kind[]): string {
  const of = (k: Kind) => runs.filter((r) => r.kind === k).sort((a, b) => a.rep - b.rep);
  const ratios = (k: Kind, floor: Kind) => of(k).map((r) => r.load.turnsPerS / (of(floor).find((e) => e.rep === r.rep)?.load.turnsPerS ?? NaN));
  const perTurn = (rs: Measured[], pick: (m: Measured) => number | undefined) =>
    rs.some((m) => pick(m) !== undefined) ? range(rs.map((m) => pick(m)! / Math.max(1, m.load.windowTurns))) : '';
  const throughput = markdownTable(
    ['server (pinned, one core)', 'turns/s (per rep)', 'median', 'bot/echo (per rep)', 'median', 'bot/echo*', 'CPU ms/turn server', 'of which planning child', '+ Redis', '+ PostgreSQL', 'peak RSS MB'],
    kinds.map((k) => {
      const rs = of(k);
      const isBot = k !== 'echo' && k !== 'echo*';
      const r1 = ratios(k, 'echo');
      const r2 = ratios(k, 'echo*');
      return [LABELS[k], rs.map((r) => fmt(r.load.turnsPerS, 0)).join(' / '), fmt(median(rs.map((r) => r.load.turnsPerS)), 0),
        isBot ? r1.map((x) => fmt(x, 2)).join(' / ') : '', isBot ? `**${fmt(median(r1), 2)}**` : '', isBot ? fmt(median(r2), 2) : '',
        perTurn(rs, (m) => m.serverCpuMs), isBot ? perTurn(rs, (m) => m.childCpuMs) : '', perTurn(rs, (m) => m.redisCpuMs), perTurn(rs, (m) => m.postgresCpuMs), range(rs.map((m) => m.peakRssMB), 0)];
    }));
  const sides = markdownTable(
    ['server', 'server CPU util (1 core = 1.00)', 'client CPU util', 'p50 ms', 'p95 ms', 'p99 ms', 'conversations booked', 'failed', 'errored', 'turns not counted', 'load average'],
    kinds.map((k) => {
      const rs = of(k);
      const sum = (pick: (m: Measured) => number) => rs.reduce((a, m) => a + pick(m), 0);
      return [LABELS[k], range(rs.map(serverUtil)), range(rs.map((m) => m.load.clientCpuMs / (m.windowS * 1000))),
        range(rs.map((m) => m.load.latencyMs.p50), 1), range(rs.map((m) => m.load.latencyMs.p95), 1), range(rs.map((m) => m.load.latencyMs.p99), 1),
        String(sum((m) => m.load.conversations.booked)), String(sum((m) => m.load.conversations.failed)), String(sum((m) => m.load.conversations.errored)),
        String(sum((m) => m.load.failedTurns)), range(rs.map((m) => m.loadAverage), 2)];
    }));
  return `${throughput}\n\n${sides}`;
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  pinSelf(LOAD_CORE);
  if (args.yardstick) {
    await runYardstick({ dir: path.resolve(args.yardstick), warmupS: WARMUP_S, durationS: DURATION_S, users: USERS, reps: REPS, build: args.build, doc: !args.quick || args.doc });
    return;
  }
  const pinning = hasTaskset ? `pinned: servers on core 1 (taskset -c 1), load generator and orchestrator on core 0` : 'UNPINNED: taskset is missing, servers and load share the cores';
  console.log(`bench: ${USERS} customers, ${WARMUP_S} s warm-up + ${DURATION_S} s window, ${REPS} repetition(s), scenarios ${scenarioNames.join(', ')}; bot node flags ${args.nodeArgs.join(' ') || 'none'}${Object.keys(args.botEnv).length ? `, settings ${Object.entries(args.botEnv).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}; human load ${HUMAN.run ? `${HUMAN.users} customers, ${HUMAN.warmupS} s warm-up` : 'off'}; ${pinning}`);
  console.log(machine().summary);
  if (args.build) {
    console.log('building (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const work = tempDir();
  const dealerFile = benchDealerFile(work, JSON.parse(readFileSync(path.join(ROOT, 'config/dealers/modena.json'), 'utf8')));
  const kinds: Kind[] = ['echo', 'echo*', ...scenarioNames];
  const runs: Measured[] = [];
  let human: Measured | undefined;
  let customers = 0;
  try {
    for (let rep = 0; rep < (HUMAN.only ? 0 : REPS); rep++) {
      // Each repetition starts with the next kind, so that none always runs right after another.
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(rep + k) % kinds.length];
        const server = kind === 'echo' ? await startEcho('plain', work)
          : kind === 'echo*' ? await startEcho('cached', work)
          : await startBot(SCENARIOS[kind].setup as BotSetup, dealerFile, work, undefined, { nodeArgs: args.nodeArgs, env: args.botEnv });
        try {
          const scenario = kind === 'echo' || kind === 'echo*' ? 'booking' : SCENARIOS[kind].script;
          const m = await measure(kind, rep, server, {
            mode: kind === 'echo' || kind === 'echo*' ? 'echo' : 'mc', scenario, users: USERS, warmupS: WARMUP_S, durationS: DURATION_S, first: customers,
          });
          customers += m.load.warmupTurns + m.load.windowTurns + 1000;
          runs.push(m);
          console.log(line(m));
        } finally {
          await server.stop();
        }
      }
    }
    if (HUMAN.run) {
      const server = await startBot('redis', dealerFile, work, undefined, { nodeArgs: args.nodeArgs, env: args.botEnv });
      try {
        human = await measure('redis', 0, server, {
          mode: 'mc', scenario: 'booking', users: HUMAN.users, warmupS: HUMAN.warmupS, durationS: DURATION_S, first: customers, thinkMs: HUMAN.thinkMs,
        });
        console.log(`human load: ${line(human)}`);
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  let out = HUMAN.only ? '' : tables(runs, kinds);
  if (human) {
    const h = human;
    out += `\n\nHuman load (${HUMAN.users} customers pausing ${HUMAN.thinkMs.min / 1000}–${HUMAN.thinkMs.max / 1000} s between messages, ${LABELS.redis}, ${HUMAN.warmupS} s warm-up + ${DURATION_S} s window, one run):\n\n` + markdownTable(
      ['turns/s (the load offered)', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU util', 'server core taken by others', 'CPU ms/turn server', '+ Redis', 'booked', 'failed', 'errored', 'load average'],
      [[fmt(h.load.turnsPerS, 0), fmt(h.load.latencyMs.p50), fmt(h.load.latencyMs.p95), fmt(h.load.latencyMs.p99), fmt(h.load.latencyMs.max), fmt(serverUtil(h), 2),
        h.othersOnCoreMs === undefined ? '' : fmt(h.othersOnCoreMs / (h.windowS * 1000), 2),
        fmt(h.serverCpuMs / Math.max(1, h.load.windowTurns), 2), fmt((h.redisCpuMs ?? 0) / Math.max(1, h.load.windowTurns), 2),
        String(h.load.conversations.booked), String(h.load.conversations.failed), String(h.load.conversations.errored), fmt(h.loadAverage, 2)]]);
  }
  console.log(`\n${out}\n`);
  const command = `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  if ((!args.quick || args.doc) && !HUMAN.only) {
    writeDocSection('bench', [
      `Command: \`${command}\` — ${USERS} customers, ${WARMUP_S} s warm-up + ${DURATION_S} s window, ${REPS} repetition(s), ${new Date().toISOString().slice(0, 16)}Z.`,
      `${machine().summary}; load average (1 min) during the runs: ${range(runs.map((r) => r.loadAverage), 2)}. ${pinning}.`,
      '',
      out,
    ].join('\n'));
    console.log('written to docs/performance.md');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
