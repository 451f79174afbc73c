/**
 * Paired CPU comparison (not part of `npm run bench`): two or more builds of the bot, alternated
 * round by round (A B, B A, A B, …) so that the shared machine's neighbours weigh on both, each a
 * fresh process under the bench's load generator; prints the server CPU ms per turn (bot main
 * process / planning child / Redis) of every run and the medians per build.
 * `npx tsx scripts/bench/ab-cpu.ts --entry /tmp/base/dist/src/main.js --entry dist/src/main.js [--setup redis] [--rounds 4] [--warmup-s 8] [--duration-s 12]`
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadOptions, LoadResult } from './loadgen';
import { sampleAll } from './procstat';
import { benchDealerFile, LOAD_CORE, pinSelf, spawnPinned, startBot, tempDir, type BotSetup } from './servers';

const ROOT = path.resolve(__dirname, '../..');
const { values: args } = parseArgs({
  options: {
    entry: { type: 'string', multiple: true },
    setup: { type: 'string', default: 'redis' },
    rounds: { type: 'string', default: '4' },
    'warmup-s': { type: 'string', default: '8' },
    'duration-s': { type: 'string', default: '12' },
    users: { type: 'string', default: '50' },
  },
});

interface Run { main: number; child: number; redis: number; turnsPerS: number }

async function once(entry: string, setup: BotSetup, dealerFile: string, work: string, first: number): Promise<Run> {
  const server = await startBot(setup, dealerFile, work, path.resolve(entry));
  try {
    const options: LoadOptions = { url: server.url, mode: 'mc', scenario: 'booking', users: Number(args.users), warmupS: Number(args['warmup-s']), durationS: Number(args['duration-s']), first };
    const marks: Record<string, { main: number; child: number; redis: number }> = {};
    const child = spawnPinned(LOAD_CORE, process.execPath, ['--import', 'tsx', path.join(__dirname, 'loadgen.ts'), JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: ROOT });
    const result = await new Promise<LoadResult>((resolve, reject) => {
      let got: LoadResult | undefined;
      child.on('message', (m: { mark?: string; result?: LoadResult }) => {
        if (m.result) got = m.result;
        if (m.mark) {
          const pids = server.serverPids();
          marks[m.mark] = { main: sampleAll(pids.slice(0, 1)).cpuMs, child: sampleAll(pids.slice(1)).cpuMs, redis: server.redisPid ? sampleAll([server.redisPid]).cpuMs : 0 };
        }
      });
      child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`load generator exited with ${code}`))));
    });
    const n = Math.max(1, result.windowTurns);
    return { main: (marks.end.main - marks.start.main) / n, child: (marks.end.child - marks.start.child) / n, redis: (marks.end.redis - marks.start.redis) / n, turnsPerS: result.turnsPerS };
  } finally {
    await server.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const entries = args.entry ?? [];
  if (entries.length < 1) throw new Error('--entry dist/src/main.js (twice or more)');
  pinSelf(LOAD_CORE);
  const work = tempDir();
  const dealerFile = benchDealerFile(work, JSON.parse(readFileSync(path.join(ROOT, 'config/dealers/modena.json'), 'utf8')));
  const runs: Run[][] = entries.map(() => []);
  try {
    for (let r = 0; r < Number(args.rounds); r++) {
      const order = entries.map((_, i) => i);
      if (r % 2) order.reverse();
      for (const i of order) {
        const run = await once(entries[i], args.setup as BotSetup, dealerFile, work, (r * entries.length + i) * 100_000);
        runs[i].push(run);
        console.log(`round ${r + 1} ${entries[i]}: main ${run.main.toFixed(3)} child ${run.child.toFixed(3)} redis ${run.redis.toFixed(3)} ms/turn, ${run.turnsPerS.toFixed(0)} turns/s`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const [i, e] of entries.entries()) {
    const m = (k: keyof Run) => median(runs[i].map((x) => x[k])).toFixed(3);
    console.log(`median ${e}: main ${m('main')} child ${m('child')} redis ${m('redis')} ms/turn, ${m('turnsPerS')} turns/s`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
