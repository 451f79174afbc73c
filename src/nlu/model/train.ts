/**
 * Training the intent model from the main corpus (test/nlu/corpus/{it,en}.json and every other
 * non-hold-out `{lang}-*.json` there); never from a hold-out. `npm run nlu:train` writes the
 * result to src/nlu/model/intent-model.json, which ships with the code.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS } from '../../../dialogs/understanding';
import { DEFAULT_TRAINING, serialise, train, type ModelFile, type TrainConfig, type TrainingExample } from './classifier';
import { DEFAULT_FEATURES, type FeatureConfig } from './features';

/** The repository's root, from this file (src/nlu/model). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** Where the main corpus lives, relative to the root. */
export const CORPUS_DIR = join('test', 'nlu', 'corpus');
/** Where the shipped model lives, relative to the root (dist/src/nlu/model/ after the build). */
export const MODEL_FILE = join('src', 'nlu', 'model', 'intent-model.json');

export interface TrainingCorpus {
  /** Files read, relative to the root, in reading order. */
  files: string[];
  examples: TrainingExample[];
  /** sha256 of what training reads from each example: language, awaiting, text, intent. */
  sha256: string;
}

/** The main-corpus files of a language: `{lang}.json`, then `{lang}-*.json` by name, hold-outs excluded. */
export function mainCorpusFiles(dir: string, lang: string): string[] {
  const extra = readdirSync(dir)
    .filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.json') && !f.includes('holdout'))
    .sort();
  return [`${lang}.json`, ...extra];
}

/** Reads the main corpus (Italian then English) as training examples. */
export function readTrainingCorpus(root = REPO_ROOT): TrainingCorpus {
  const dir = join(root, CORPUS_DIR);
  const files: string[] = [];
  const examples: TrainingExample[] = [];
  for (const lang of ['it', 'en']) {
    for (const f of mainCorpusFiles(dir, lang)) {
      if (f.includes('holdout')) throw new Error(`refusing to train on a hold-out: ${f}`);
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { lang?: string; items: { text: string; awaiting?: string; intent: string }[] };
      files.push(join(CORPUS_DIR, f).split('\\').join('/'));
      for (const item of data.items) {
        examples.push({ text: item.text, lang: data.lang ?? lang, ...(item.awaiting ? { awaiting: item.awaiting } : {}), intent: item.intent });
      }
    }
  }
  return { files, examples, sha256: hashExamples(examples) };
}

/** The hash of what training reads: a relabelled, added or removed message changes it, an entity does not. */
export function hashExamples(examples: TrainingExample[]): string {
  const h = createHash('sha256');
  for (const e of examples) h.update(JSON.stringify([e.lang, e.awaiting ?? null, e.text, e.intent]) + '\n');
  return h.digest('hex');
}

/** The largest model file shipped: past it, features seen in fewer messages are dropped. */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

/**
 * Trains on the main corpus as it is now. Should the file pass MAX_MODEL_BYTES, `minDf` is
 * raised until it fits (deterministically: the same corpus still gives the same bytes).
 */
export function trainFromCorpus(root = REPO_ROOT, features: FeatureConfig = DEFAULT_FEATURES, training: TrainConfig = DEFAULT_TRAINING): ModelFile {
  const corpus = readTrainingCorpus(root);
  const about = { files: corpus.files, items: corpus.examples.length, sha256: corpus.sha256 };
  for (let minDf = training.minDf; ; minDf++) {
    const model = train(corpus.examples, INTENTS, about, features, { ...training, minDf });
    if (Buffer.byteLength(serialise(model)) <= MAX_MODEL_BYTES || minDf >= 20) return model;
  }
}
