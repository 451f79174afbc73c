/**
 * `npm run bench -- --yardstick DIR`: the strict yardstick, run as its README says (DIR is a copy
 * of /work/shared/bench with `npm install` done in echo/ and loadgen/): its echo bot and the built
 * bot with its redis-server pinned to core 1, its loadgen on core 0, three repetitions alternated.
 * Its `mc` script books the same plate (GH123KL) for every customer, so the bot runs with two
 * dealer files, both the demo dealer with the yardstick's capacity: the demo's own
 * `vehicleOverlap: "refuse"` (most conversations then fail: the car already has an appointment at
 * an overlapping time) and a copy set to "flag". Its loadgen counts every turn, failed or not,
 * and reads the CPU of the bot's main process only (not the planning child, not Redis).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeDocSection, machine } from './report';
import { benchDealerFile, hasTaskset, LOAD_CORE, spawnPinned, startBot, startEcho, tempDir, type Running } from './servers';
import { fmt, markdownTable, median, range } from './stats';

const ROOT = path.resolve(__dirname, '../..');

interface YardstickLine {
  turnsPerS: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  botCpuMsPerTurn: number | null;
  botCpuUtil: number | null;
  botVmHWMMB: number | null;
  booked: number;
  failures: number;
  errors: number;
  firstError: string | null;
}

export interface YardstickOptions {
  dir: string;
  warmupS: number;
  durationS: number;
  users: number;
  reps: number;
  build: boolean;
  doc: boolean;
}

async function loadgen(dir: string, server: Running, script: 'echo' | 'mc', o: YardstickOptions): Promise<YardstickLine> {
  const args = [path.join(dir, 'loadgen/loadgen.js'), '--url', server.url, '--script', script, '--users', String(o.users),
    '--warmup-s', String(o.warmupS), '--duration-s', String(o.durationS), '--pid', String(server.serverPids()[0])];
  const child = spawnPinned(LOAD_CORE, process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise((r) => child.on('exit', r));
  const last = out.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as YardstickLine;
  } catch {
    throw new Error(`the yardstick's loadgen printed no result: ${out.slice(-500)}`);
  }
}

export async function runYardstick(o: YardstickOptions): Promise<void> {
  const pinning = hasTaskset ? 'pinned: servers and redis-server on core 1, loadgen on core 0' : 'UNPINNED: taskset is missing';
  console.log(`yardstick (${o.dir}): ${o.users} users, ${o.warmupS} s + ${o.durationS} s, ${o.reps} repetition(s); ${pinning}`);
  console.log(machine().summary);
  if (o.build && spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('npm run build failed');
  const work = tempDir();
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'config/dealers/modena.json'), 'utf8'));
  const refuse = benchDealerFile(work, demo);
  const flag = benchDealerFile(work, demo, 'flag');
  const kinds = [
    { name: 'bare echo bot (echo/index.js)', start: () => startEcho('plain', work, path.join(o.dir, 'echo/index.js')), script: 'echo' as const },
    { name: 'bot + Redis, demo dealer (vehicleOverlap "refuse")', start: () => startBot('redis', refuse, work), script: 'mc' as const },
    { name: 'bot + Redis, dealer copy with vehicleOverlap "flag"', start: () => startBot('redis', flag, work), script: 'mc' as const },
  ];
  const runs: { kind: number; rep: number; r: YardstickLine }[] = [];
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = (rep + k) % kinds.length;
        const server = await kinds[kind].start();
        try {
          const r = await loadgen(o.dir, server, kinds[kind].script, o);
          runs.push({ kind, rep, r });
          console.log(`${kinds[kind].name} rep ${rep + 1}: ${JSON.stringify(r)}`);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const of = (k: number) => runs.filter((x) => x.kind === k).sort((a, b) => a.rep - b.rep);
  const table = markdownTable(
    ['server (pinned, one core)', 'turns/s (per rep)', 'median', 'bot/echo (per rep)', 'median', 'bot CPU ms/turn (main process)', 'VmHWM MB', 'p50 / p99 ms', 'booked', 'failed', 'errors'],
    kinds.map((kind, k) => {
      const rs = of(k);
      const ratios = rs.map((x) => x.r.turnsPerS / (of(0).find((e) => e.rep === x.rep)?.r.turnsPerS ?? NaN));
      return [kind.name, rs.map((x) => fmt(x.r.turnsPerS, 0)).join(' / '), fmt(median(rs.map((x) => x.r.turnsPerS)), 0),
        k ? ratios.map((x) => fmt(x, 2)).join(' / ') : '', k ? `**${fmt(median(ratios), 2)}**` : '',
        range(rs.map((x) => x.r.botCpuMsPerTurn ?? NaN)), range(rs.map((x) => x.r.botVmHWMMB ?? NaN), 0),
        `${range(rs.map((x) => x.r.p50ms), 1)} / ${range(rs.map((x) => x.r.p99ms), 1)}`,
        String(rs.reduce((a, x) => a + x.r.booked, 0)), String(rs.reduce((a, x) => a + x.r.failures, 0)), String(rs.reduce((a, x) => a + x.r.errors, 0))];
    }));
  const firstErrors = kinds.map((kind, k) => of(k).find((x) => x.r.firstError)?.r.firstError).map((e, k) => (e ? `- ${kinds[k].name}: first failure: ${e.slice(0, 300)}` : '')).filter(Boolean);
  console.log(`\n${table}\n${firstErrors.join('\n')}`);
  if (o.doc) {
    writeDocSection('yardstick', [
      `Command: \`npm run bench -- --yardstick ${o.dir} ${o.warmupS === 20 && o.durationS === 30 ? '' : `--warmup-s ${o.warmupS} --duration-s ${o.durationS}`}\` (${o.reps} repetitions, ${o.users} users), ${new Date().toISOString().slice(0, 16)}Z. ${pinning}.`,
      `${machine().summary}.`,
      '',
      table,
      '',
      ...firstErrors,
    ].join('\n'));
    console.log('written to docs/performance.md');
  }
}
