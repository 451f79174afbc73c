/**
 * `tsx scripts/nlu-bench.ts [passes] [--against <other checkout>]`: the hybrid recognizer (rules +
 * shipped model, as the app composes it) over the whole main corpus (it + en, the files training
 * reads; no hold-out), one warm-up pass then `passes` timed passes (default 5); prints the mean
 * µs per message of each pass, by the wall clock and by the process's CPU time (less disturbed by
 * other work on a shared machine), and their medians. With `--against`, the recognizer of another
 * checkout (e.g. a worktree of main) is loaded beside this one and the passes alternate between
 * the two, on the same corpus (this checkout's).
 */
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
  const versions: Version[] = [{ name: 'this checkout', hybrid: await hybridOf(here), wall: [], cpu: [] }];
  if (against) {
    const root = isAbsolute(against) ? against : resolve(against);
    versions.unshift({ name: root, hybrid: await hybridOf(root), wall: [], cpu: [] });
  }
  const pass = async (v: Version) => {
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
  };
  for (const v of versions) await pass(v); // warm-up: JIT and caches
  for (let k = 0; k < passes; k++) {
    for (const v of versions) {
      const { wall, cpu } = await pass(v);
      v.wall.push(wall);
      v.cpu.push(cpu);
    }
  }
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
