/**
 * `npm run nlu:train`: trains the intent model on the main corpus (never the hold-outs) and
 * writes src/nlu/model/intent-model.json. Deterministic: the same corpus gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialise } from '../src/nlu/model/classifier';
import { MODEL_FILE, REPO_ROOT, trainFromCorpus } from '../src/nlu/model/train';

const t0 = performance.now();
const model = trainFromCorpus();
const text = serialise(model);
writeFileSync(join(REPO_ROOT, MODEL_FILE), text);
console.log(
  `${MODEL_FILE}: ${model.corpus.items} messages from ${model.corpus.files.join(', ')}; ` +
    `${model.buckets.length} feature buckets, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ` +
    `corpus sha256 ${model.corpus.sha256.slice(0, 12)}…, trained in ${(performance.now() - t0).toFixed(0)} ms`,
);
if (model.training.minDf > 1) console.log(`(features seen in fewer than ${model.training.minDf} messages dropped to keep the file under 2 MB)`);
