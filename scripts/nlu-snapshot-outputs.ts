/**
 * `tsx scripts/nlu-snapshot-outputs.ts [out.json] [--check baseline.json]`: the hybrid recognizer
 * (rules + shipped model, as the app composes it) on every message of every main corpus file in
 * test/nlu/corpus/ (files with "holdout" in their name are skipped; test/nlu/holdout/ is never
 * read), each with its awaiting, lang, now and time zone; writes every output (intent, score,
 * entities, question, concern, detected language...) as JSON. A speed change must leave this
 * file byte-identical. The corpus is run twice, the second time in reverse order on the same
 * recognizer, and both runs must agree: caches may not change an answer.
 * With `--check`, compares with a saved snapshot and exits 1 on the first difference.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Awaiting, Lang } from '../dialogs/model';
import { loadCorpus } from '../src/nlu/eval/corpus';
import { createHybridRecognizer, loadShippedModel } from '../src/nlu/hybrid';
import { createLocalRecognizer } from '../src/nlu/local';
import type { Understanding } from '../src/nlu/recognizer';

const DIR = join(__dirname, '..', 'test', 'nlu', 'corpus');

interface Row {
  file: string;
  i: number;
  text: string;
  awaiting?: string;
  out: Understanding;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const checkAt = args.indexOf('--check');
  const baseline = checkAt >= 0 ? args[checkAt + 1] : undefined;
  const outPath = args.find((a, k) => !a.startsWith('--') && (checkAt < 0 || k !== checkAt + 1)) ?? 'nlu-outputs.json';

  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && !f.toLowerCase().includes('holdout'))
    .sort();
  const hybrid = createHybridRecognizer({ rules: createLocalRecognizer(), model: loadShippedModel() });
  const jobs: { file: string; i: number; text: string; awaiting?: string; lang: Lang; now: string; timeZone: string }[] = [];
  for (const file of files) {
    const c = loadCorpus(join(DIR, file));
    c.items.forEach((item, i) => {
      const it = item as typeof item & { lang?: Lang; now?: string; timeZone?: string };
      jobs.push({ file, i, text: item.text, awaiting: item.awaiting, lang: it.lang ?? c.lang, now: it.now ?? c.now, timeZone: it.timeZone ?? c.timeZone });
    });
  }
  const run = async (order: number[]) => {
    const outs: string[] = new Array(jobs.length);
    for (const k of order) {
      const j = jobs[k];
      const u = await hybrid.recognize({ text: j.text, lang: j.lang, now: j.now, timeZone: j.timeZone, awaiting: j.awaiting as Awaiting | undefined });
      outs[k] = JSON.stringify(u);
    }
    return outs;
  };
  const forward = await run(jobs.map((_, k) => k));
  const backward = await run(jobs.map((_, k) => jobs.length - 1 - k));
  let cacheDiffs = 0;
  forward.forEach((s, k) => {
    if (s !== backward[k]) {
      if (cacheDiffs++ < 5) console.error(`run order changes the output of ${jobs[k].file}#${jobs[k].i}:\n  ${s}\n  ${backward[k]}`);
    }
  });
  const rows: Row[] = jobs.map((j, k) => ({ file: j.file, i: j.i, text: j.text, ...(j.awaiting ? { awaiting: j.awaiting } : {}), out: JSON.parse(forward[k]) as Understanding }));
  const text = JSON.stringify(rows, null, 1) + '\n';
  writeFileSync(outPath, text);
  console.log(`${rows.length} messages from ${files.length} files (${files.join(', ')}) → ${outPath}`);
  if (cacheDiffs) {
    console.error(`${cacheDiffs} outputs differ between the forward and the reverse run`);
    process.exitCode = 1;
  }
  if (baseline) {
    const old = readFileSync(baseline, 'utf8');
    if (old === text) {
      console.log(`identical to ${baseline}`);
    } else {
      const before = JSON.parse(old) as Row[];
      let shown = 0;
      let diffs = before.length === rows.length ? 0 : 1;
      if (before.length !== rows.length) console.error(`${before.length} rows in ${baseline}, ${rows.length} now`);
      for (let k = 0; k < Math.min(before.length, rows.length); k++) {
        const a = JSON.stringify(before[k]);
        const b = JSON.stringify(rows[k]);
        if (a === b) continue;
        diffs++;
        if (shown++ < 10) console.error(`differs: ${rows[k].file}#${rows[k].i}\n  was ${a}\n  now ${b}`);
      }
      console.error(`DIFFERENT from ${baseline}: ${diffs} rows`);
      process.exitCode = 1;
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
