/**
 * `tsx scripts/nlu-bench.ts [passes] [--against <other checkout>]`: the hybrid recognizer (rules +
 * shipped model, as the app composes it) over the whole main corpus (it + en, the files training
 * reads; no hold-out), one warm-up pass then `passes` timed passes (default 5); prints the mean
 * µs per message of each pass, by the wall clock and by the process's CPU time (less disturbed by
 * other work on a shared machine), and their medians. With `--against`, the recognizer of another
 * checkout (e.g. a worktree of main) is measured beside this one and the passes alternate between
 * the two, on the same corpus (this checkout's): each pass in a process of its own (a warm-up
 * pass, then the timed one). Two recognizers loaded in one process timed each other's garbage
 * and JIT state: the same code read 0.77× to 1.4× of itself depending on which was loaded first.
 */
import { spawnSync } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import type { Awaiting } from '../dialogs/model';
import { loadLanguageCorpus, type Corpus } from '../src/nlu/eval/corpus';
import type { Recognizer } from '../src/nlu/recognizer';

interface Version {
  name: string;
  hybrid: Recognizer;
  wall: number[];
  cpu: number[];
}

/** The hybrid recognizer of the checkout at `root`, built as eval:nlu builds it. */
async function hybridOf(root: string): Promise<Recognizer> {
  const hybrid = (await import(join(root, 'src', 'nlu', 'hybrid.ts'))) as typeof import('../src/nlu/hybrid');
  const local = (await import(join(root, 'src', 'nlu', 'local', 'index.ts'))) as typeof import('../src/nlu/local');
  return hybrid.createHybridRecognizer({ rules: local.createLocalRecognizer(), model: hybrid.loadShippedModel() });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--against');
  const against = at >= 0 ? args[at + 1] : undefined;
  const passes = Number(args.find((a, k) => !a.startsWith('--') && (at < 0 || k !== at + 1)) ?? 5);
  const here = resolve(__dirname, '..');
  const dir = join(here, 'test', 'nlu', 'corpus');
  const corpora: Corpus[] = [loadLanguageCorpus(dir, 'it'), loadLanguageCorpus(dir, 'en')];
  const n = corpora.reduce((a, c) => a + c.items.length, 0);
  if (args[0] === '--one') {
    // a child: one version, a warm-up pass and a timed one, the result as JSON
    const v: Version = { name: args[1], hybrid: await hybridOf(args[1]), wall: [], cpu: [] };
    await timedPass(v, corpora, n);
    process.stdout.write(JSON.stringify(await timedPass(v, corpora, n)));
    return;
  }
  if (against) {
    const roots = [isAbsolute(against) ? against : resolve(against), here];
    const runs = roots.map((root) => ({ name: root === here ? 'this checkout' : root, wall: [] as number[], cpu: [] as number[] }));
    for (let k = 0; k < passes; k++) {
      roots.forEach((root, i) => {
        const child = spawnSync(join(here, 'node_modules', '.bin', 'tsx'), [__filename, '--one', root], { cwd: here, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`${root}: ${child.stderr}`);
        const { wall, cpu } = JSON.parse(child.stdout) as { wall: number; cpu: number };
        runs[i].wall.push(wall);
        runs[i].cpu.push(cpu);
      });
    }
    report(runs, n, passes);
    return;
  }
  const versions: Version[] = [{ name: 'this checkout', hybrid: await hybridOf(here), wall: [], cpu: [] }];
  const pass = (v: Version) => timedPass(v, corpora, n);
  for (const v of versions) await pass(v); // warm-up: JIT and caches
  for (let k = 0; k < passes; k++) {
    for (const v of versions) {
      const { wall, cpu } = await pass(v);
      v.wall.push(wall);
      v.cpu.push(cpu);
    }
  }
  report(versions, n, passes);
}

/** One pass of a recognizer over the corpora: µs per message, by the wall clock and by CPU time. */
async function timedPass(v: Version, corpora: Corpus[], n: number): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const c of corpora) {
    for (const item of c.items) {
      await v.hybrid.recognize({ text: item.text, lang: c.lang, now: c.now, timeZone: c.timeZone, awaiting: item.awaiting as Awaiting | undefined });
    }
  }
  const wall = ((performance.now() - t0) * 1000) / n;
  const used = process.cpuUsage(c0);
  return { wall, cpu: (used.user + used.system) / n };
}

function report(versions: { name: string; wall: number[]; cpu: number[] }[], n: number, passes: number): void {
  for (const v of versions) {
    console.log(
      `${v.name}: ${n} messages, ${passes} passes: wall ${v.wall.map((x) => x.toFixed(1)).join(' ')} µs/msg, median ${median(v.wall).toFixed(1)}; ` +
        `cpu ${v.cpu.map((x) => x.toFixed(1)).join(' ')} µs/msg, median ${median(v.cpu).toFixed(1)}, min ${Math.min(...v.cpu).toFixed(1)}`,
    );
  }
  if (versions.length === 2) {
    const [old, now] = versions;
    // each pass of one beside the other's pass just before it: the load of the moment weighs on both
    const paired = old.cpu.map((x, k) => x / now.cpu[k]);
    console.log(
      `speed-up: median wall ${(median(old.wall) / median(now.wall)).toFixed(2)}×, median cpu ${(median(old.cpu) / median(now.cpu)).toFixed(2)}×, ` +
        `min cpu ${(Math.min(...old.cpu) / Math.min(...now.cpu)).toFixed(2)}×, median of paired cpu ratios ${median(paired).toFixed(2)}×`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
