/**
 * `npx tsx scripts/nlu-lowo-handoff.ts [--only REGEX]`: how the model's handoff thresholds
 * (`handoffAnywhere`, `handoffWithEntities` in src/nlu/hybrid.ts) would do on writers the model
 * never saw. Leave one writer out: for every independent writer's file in the main corpus
 * (`{lang}-fresh*.json`), the model is trained without that file, and the rules and that model
 * read it; then every pair of thresholds is scored on all of them together, per language: intent
 * accuracy, urgent + person recall, false handoffs. `--only` keeps the files whose name matches
 * (e.g. `--only 'fresh([0-9]|1[0-3])?\.json'` leaves out a file written to be hard). Never reads
 * a hold-out. About a minute per file on a quiet machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS } from '../dialogs/understanding';
import { loadCorpus } from '../src/nlu/eval/corpus';
import { decide, DEFAULT_POLICY, guessOf, type ModelGuess } from '../src/nlu/hybrid';
import { createLocalRecognizer } from '../src/nlu/local';
import { DEFAULT_TRAINING, loadModel, train } from '../src/nlu/model/classifier';
import { DEFAULT_FEATURES } from '../src/nlu/model/features';
import { CORPUS_DIR, mainCorpusFiles, readTrainingCorpus, REPO_ROOT } from '../src/nlu/model/train';
import type { Understanding } from '../src/nlu/recognizer';

interface Row {
  lang: string;
  gold: string;
  rules: Understanding;
  guess: ModelGuess;
}

const HANDOFF = new Set(['urgent', 'human']);
const GRID = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

async function main(): Promise<void> {
  const i = process.argv.indexOf('--only');
  const only = i > 0 ? new RegExp(process.argv[i + 1]) : undefined;
  const dir = join(REPO_ROOT, CORPUS_DIR);
  const corpus = readTrainingCorpus();
  // the file each training example comes from, in reading order
  const fileOf: string[] = [];
  for (const lang of ['it', 'en']) {
    for (const f of mainCorpusFiles(dir, lang)) {
      const n = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items: unknown[] }).items.length;
      for (let k = 0; k < n; k++) fileOf.push(f);
    }
  }
  const writers = [...new Set(fileOf)].filter((f) => /-fresh\d*\.json$/.test(f) && (!only || only.test(f)));
  const rules = createLocalRecognizer();
  const rows: Row[] = [];
  for (const w of writers) {
    const examples = corpus.examples.filter((_, k) => fileOf[k] !== w);
    // pruned as the shipped model is (features in 4+ messages)
    const model = loadModel(JSON.parse(JSON.stringify(train(examples, INTENTS, { files: [], items: examples.length, sha256: '' }, DEFAULT_FEATURES, { ...DEFAULT_TRAINING, minDf: 4 }))));
    const c = loadCorpus(join(dir, w));
    for (const item of c.items) {
      const u = await rules.recognize({ text: item.text, lang: c.lang, now: item.now ?? c.now, timeZone: c.timeZone, awaiting: item.awaiting as never });
      rows.push({ lang: c.lang, gold: item.intent, rules: u, guess: guessOf(model, item.text, c.lang, item.awaiting) });
    }
    process.stderr.write(`${w}: ${c.items.length} messages\n`);
  }
  console.log(`${writers.length} files, ${rows.length} messages; anywhere / with entities | it: intent, recall, false handoffs | en: the same`);
  for (const anywhere of GRID) {
    for (const withEntities of GRID) {
      const policy = { ...DEFAULT_POLICY, handoffAnywhere: anywhere, handoffWithEntities: withEntities };
      const cells = ['it', 'en'].map((lang) => {
        let n = 0, right = 0, handoffs = 0, caught = 0, others = 0, falseOnes = 0;
        for (const r of rows.filter((x) => x.lang === lang)) {
          const got = HANDOFF.has(r.rules.intent) ? r.rules.intent : decide(r.rules, r.guess, policy);
          n++;
          if (got === r.gold) right++;
          if (HANDOFF.has(r.gold)) { handoffs++; if (HANDOFF.has(got)) caught++; } else { others++; if (HANDOFF.has(got)) falseOnes++; }
        }
        const pct = (a: number, b: number, d = 1) => (b ? ((100 * a) / b).toFixed(d) : 'n/a');
        return `${pct(right, n)} % ${pct(caught, handoffs)} % ${pct(falseOnes, others, 2)} %`;
      });
      const shipped = anywhere === DEFAULT_POLICY.handoffAnywhere && withEntities === DEFAULT_POLICY.handoffWithEntities ? '  ← shipped' : '';
      console.log(`${anywhere.toFixed(2)} / ${withEntities.toFixed(2)} | ${cells[0]} | ${cells[1]}${shipped}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
