/**
 * `npm run eval:nlu`: the local recognizer against the Italian and English corpora. Prints intent
 * accuracy, per-entity precision/recall/F1, micro F1, wrong intents and recognition time.
 * Add `--errors` to list entity mistakes too.
 */
import { join } from 'node:path';
import { loadCorpus, runCorpus } from '../src/nlu/eval/corpus';
import { scoreCorpus } from '../src/nlu/eval/score';
import { createLocalRecognizer } from '../src/nlu/local';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const showErrors = process.argv.includes('--errors');
  const t0 = performance.now();
  const recognizer = createLocalRecognizer();
  console.log(`recognizer built in ${(performance.now() - t0).toFixed(1)} ms`);
  // the hold-out files were written after the rules and are never tuned on: they show the honest level
  for (const lang of ['it', 'en', 'it-holdout', 'en-holdout']) {
    const corpus = loadCorpus(join(__dirname, '..', 'test', 'nlu', 'corpus', `${lang}.json`));
    await runCorpus(recognizer, corpus); // warm-up: JIT and caches, so timings show steady state
    const { predictions, times } = await runCorpus(recognizer, corpus);
    const s = scoreCorpus(corpus.items, predictions);
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
    console.log(`\n=== ${lang} (${s.items} utterances) ===`);
    console.log(`intent accuracy  ${pct(s.intentAccuracy)}`);
    console.log(`entity micro F1  ${pct(s.microF1)}  (P ${pct(s.micro.precision)}, R ${pct(s.micro.recall)})`);
    console.log('entity          P       R       F1     tp  fp  fn');
    for (const [key, e] of Object.entries(s.entities)) {
      console.log(`  ${key.padEnd(13)} ${pct(e.precision).padStart(6)} ${pct(e.recall).padStart(7)} ${pct(e.f1).padStart(7)} ${String(e.tp).padStart(4)} ${String(e.fp).padStart(3)} ${String(e.fn).padStart(3)}`);
    }
    console.log(`wrong intents (${s.confusions.length}${s.confusions.length > 20 ? ', first 20' : ''}):`);
    for (const c of s.confusions.slice(0, 20)) console.log(`  ${c.expected} → ${c.got}: ${JSON.stringify(c.text)}`);
    if (s.questions.labelled) {
      console.log(`question topic   ${pct(s.questions.accuracy)}  (${s.questions.labelled} labelled)`);
      for (const c of s.questions.confusions.slice(0, 20)) console.log(`  ${c.expected} → ${c.got}: ${JSON.stringify(c.text)}`);
    }
    if (showErrors) {
      console.log(`entity errors (${s.entityErrors.length}):`);
      for (const e of s.entityErrors) console.log(`  ${e.key}: expected ${e.expected ?? '-'} got ${e.got ?? '-'}: ${JSON.stringify(e.text)}`);
    }
    console.log(`time per message  mean ${mean.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
