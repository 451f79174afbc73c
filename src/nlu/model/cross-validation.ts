/**
 * k-fold cross-validation of the intent model on the main corpus: every message is predicted by
 * a model trained without it, so that model-only figures on the corpus mean something.
 * @module
 */
import { DEFAULT_TRAINING, loadModel, seeded, train, type TrainConfig, type TrainingExample } from './classifier';
import { DEFAULT_FEATURES, type FeatureConfig } from './features';

export interface OutOfFold {
  /** Fold of each example. */
  fold: number[];
  /** The most probable intent and its probability, for each example, from the model that did not see it. */
  predictions: { intent: string; p: number; probabilities: number[]; handoff?: { intent: 'urgent' | 'human'; p: number } }[];
}

/** Fold of each example: a seeded shuffle dealt round-robin within each intent (stratified). */
export function assignFolds(examples: TrainingExample[], k: number, seed = 7): number[] {
  const rand = seeded(seed);
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Array<number>(examples.length);
  const next = new Map<string, number>();
  for (const i of order) {
    const n = next.get(examples[i].intent) ?? 0;
    fold[i] = n % k;
    next.set(examples[i].intent, n + 1);
  }
  return fold;
}

/** Out-of-fold predictions of the model over `examples`. */
export function crossValidate(
  examples: TrainingExample[],
  classes: readonly string[],
  k = 5,
  features: FeatureConfig = DEFAULT_FEATURES,
  training: TrainConfig = DEFAULT_TRAINING,
): OutOfFold {
  const fold = assignFolds(examples, k);
  const predictions: OutOfFold['predictions'] = new Array(examples.length);
  for (let f = 0; f < k; f++) {
    const trainSet = examples.filter((_, i) => fold[i] !== f);
    const model = loadModel(train(trainSet, classes, { files: [], items: trainSet.length, sha256: '' }, features, training));
    examples.forEach((e, i) => {
      if (fold[i] !== f) return;
      const probabilities = model.probabilities(e);
      let best = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
      const u = probabilities[classes.indexOf('urgent')] ?? 0;
      const h = probabilities[classes.indexOf('human')] ?? 0;
      predictions[i] = { intent: classes[best], p: probabilities[best], probabilities, handoff: { intent: u >= h ? 'urgent' : 'human', p: u + h } };
    });
  }
  return { fold, predictions };
}
