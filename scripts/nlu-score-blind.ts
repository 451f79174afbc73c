/**
 * `npx tsx scripts/nlu-score-blind.ts FILE...`: figures only (never a message) of the app's
 * hybrid recognizer on corpus files kept blind (test/nlu/blind/): intent accuracy, entity micro
 * F1, urgent + person recall and false handoffs, per file. For scoring code on writers it was
 * never tuned on; printing no text keeps them unread.
 */
import { basename } from 'node:path';
import { loadCorpus, runCorpus } from '../src/nlu/eval/corpus';
import { handoffFigures } from '../src/nlu/eval/handoff';
import { scoreCorpus } from '../src/nlu/eval/score';
import { createHybridRecognizer, loadShippedModel } from '../src/nlu/hybrid';
import { createLocalRecognizer } from '../src/nlu/local';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (!files.length) throw new Error('usage: nlu-score-blind.ts FILE...');
  const hybrid = createHybridRecognizer({ rules: createLocalRecognizer(), model: loadShippedModel() });
  console.log('file | messages | intent | entity F1 | urgent+person recall | false handoffs');
  for (const file of files) {
    const corpus = loadCorpus(file);
    const { predictions } = await runCorpus(hybrid, corpus);
    const gold = corpus.items.map((i) => i.intent);
    const got = predictions.map((u) => u.intent);
    const right = got.filter((x, i) => x === gold[i]).length;
    const s = scoreCorpus(corpus.items, predictions);
    const h = handoffFigures(gold, got);
    const caught = h.urgentRecall.hits + h.humanRecall.hits;
    const of = h.urgentRecall.of + h.humanRecall.of;
    console.log(
      `${basename(file)} | ${gold.length} | ${pct(right, gold.length)} | ${(100 * s.microF1).toFixed(1)} % | ` +
        `${pct(caught, of)} (${caught}/${of}) | ${pct(h.falseHandoff.hits, h.falseHandoff.of)} (${h.falseHandoff.hits}/${h.falseHandoff.of})`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
