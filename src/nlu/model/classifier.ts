/**
 * The intent model: multinomial logistic regression with L2 over hashed features, trained by
 * SGD in a seeded order (deterministic: the same corpus gives the same model, byte for byte),
 * weights quantised to integers in a small versioned JSON file.
 * @module
 */
import { createFeatureReader, DEFAULT_FEATURES, featurize, type FeatureConfig, type FeatureInput, type SparseVector } from './features';
import { seeded } from '../../random';

/** Bumped whenever the file's layout or the meaning of a field changes. */
export const MODEL_FORMAT = 'mobility-concierge/intent-model';
export const MODEL_VERSION = 1;

export interface TrainConfig {
  /** L2 strength (per example). */
  l2: number;
  epochs: number;
  /** Initial learning rate. */
  eta0: number;
  /** Seed of the order the examples are visited in. */
  seed: number;
  /** A hashed feature must occur in this many training messages to be kept. */
  minDf: number;
  /** Weights are stored as round(w × quantum). */
  quantum: number;
  /** Class weights (n / (classes × n_class))^balance: 0 = none, 1 = balanced (rare intents count as much as common ones). */
  balance: number;
}

export const DEFAULT_TRAINING: TrainConfig = { l2: 1e-4, epochs: 20, eta0: 0.5, seed: 12, minDf: 1, quantum: 1000, balance: 1 };

export interface TrainingExample extends FeatureInput {
  intent: string;
}

/** The model as stored in JSON. */
export interface ModelFile {
  format: string;
  version: number;
  /** What it was trained on: the files and a hash of the examples (text, language, awaiting, intent). */
  corpus: { files: string[]; items: number; sha256: string };
  features: FeatureConfig;
  training: TrainConfig;
  classes: string[];
  /** round(bias × quantum), one per class. */
  bias: number[];
  /** The kept buckets, ascending, delta-encoded (first value absolute). */
  buckets: number[];
  /** round(w × quantum), classes.length per bucket, in bucket order. */
  weights: number[];
}

/** A model ready to predict. */
export interface IntentModel {
  readonly classes: readonly string[];
  readonly file: ModelFile;
  /** Class probabilities, in `classes` order. */
  probabilities(input: FeatureInput): number[];
  /** The most probable class and its probability, with the runner-up's. */
  predict(input: FeatureInput): { intent: string; p: number; second: string; p2: number };
}

/** mulberry32, so that the training order is fixed (src/random.ts). */
export { seeded };

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i] - max);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
}

/**
 * Trains a model. `classes` fixes the output order (every intent, seen in training or not);
 * `corpus` is recorded in the file as is.
 */
export function train(
  examples: TrainingExample[],
  classes: readonly string[],
  corpus: ModelFile['corpus'],
  features: FeatureConfig = DEFAULT_FEATURES,
  training: TrainConfig = DEFAULT_TRAINING,
): ModelFile {
  const K = classes.length;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const read = createFeatureReader(features);
  const vectors: SparseVector[] = examples.map((e) => featurize(e, features, read));
  const labels = examples.map((e) => {
    const y = classIndex.get(e.intent);
    if (y === undefined) throw new Error(`unknown intent ${e.intent} in "${e.text}"`);
    return y;
  });
  const perClass = new Array<number>(K).fill(0);
  for (const y of labels) perClass[y]++;
  const seen = perClass.filter((n) => n > 0).length;
  const classWeight = perClass.map((n) => (n ? (labels.length / (seen * n)) ** training.balance : 0));
  // keep the buckets seen in at least minDf messages, numbered in ascending bucket order
  const df = new Map<number, number>();
  for (const v of vectors) for (const b of v.index) df.set(b, (df.get(b) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= training.minDf).map(([b]) => b).sort((a, b) => a - b);
  const row = new Map(kept.map((b, i) => [b, i]));
  const X = vectors.map((v) => {
    const idx: number[] = [];
    const val: number[] = [];
    v.index.forEach((b, i) => {
      const r = row.get(b);
      if (r !== undefined) {
        idx.push(r);
        val.push(v.value[i]);
      }
    });
    return { idx, val };
  });

  // SGD with L2 by a shared scale factor (w = scale · v), Bottou's learning-rate schedule
  const v = new Float64Array(kept.length * K);
  const bias = new Float64Array(K);
  let scale = 1;
  let t = 0;
  const rand = seeded(training.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < training.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { idx, val } = X[n];
      for (let k = 0; k < K; k++) z[k] = bias[k];
      for (let f = 0; f < idx.length; f++) {
        const base = idx[f] * K;
        const x = val[f] * scale;
        for (let k = 0; k < K; k++) z[k] += v[base + k] * x;
      }
      softmaxInPlace(z);
      const eta = training.eta0 / (1 + training.l2 * training.eta0 * t);
      t++;
      scale *= 1 - eta * training.l2;
      const step = eta / scale;
      const cw = classWeight[labels[n]];
      for (let k = 0; k < K; k++) {
        const g = cw * (z[k] - (k === labels[n] ? 1 : 0));
        bias[k] -= eta * g;
        if (g === 0) continue;
        for (let f = 0; f < idx.length; f++) v[idx[f] * K + k] -= step * g * val[f];
      }
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i] *= scale;
        scale = 1;
      }
    }
  }

  const q = (w: number) => {
    const r = Math.round(w * training.quantum);
    return r === 0 ? 0 : r; // no -0 in the JSON
  };
  const buckets: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  kept.forEach((b, r) => {
    const ws = Array.from({ length: K }, (_, k) => q(v[r * K + k] * scale));
    if (ws.every((w) => w === 0)) return;
    buckets.push(b - previous);
    previous = b;
    weights.push(...ws);
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    corpus,
    features,
    training,
    classes: [...classes],
    bias: Array.from(bias, q),
    buckets,
    weights,
  };
}

/** The file's text: one field a line, so that a diff shows what changed; the same model gives the same bytes. */
export function serialise(model: ModelFile): string {
  const keys = Object.keys(model) as (keyof ModelFile)[];
  return `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(model[k])}`).join(',\n')}\n}\n`;
}

/**
 * Checks a parsed file and makes it ready to predict; a file of another format or version is refused.
 * @param wide keep the weights in float32 rows apart from the bucket table even when they fit in 16 bits (tests: both give the same sums)
 */
export function loadModel(data: unknown, source = 'intent model', wide = false): IntentModel {
  const file = data as ModelFile;
  if (!file || typeof file !== 'object' || file.format !== MODEL_FORMAT) {
    throw new Error(`${source}: not an intent model (format ${JSON.stringify((file as ModelFile | undefined)?.format)}, expected ${MODEL_FORMAT})`);
  }
  if (file.version !== MODEL_VERSION) {
    throw new Error(`${source}: intent model format version ${file.version}, this code reads version ${MODEL_VERSION}: run npm run nlu:train`);
  }
  const K = file.classes.length;
  if (file.bias.length !== K || file.weights.length !== file.buckets.length * K) {
    throw new Error(`${source}: intent model is inconsistent (${file.buckets.length} buckets, ${file.weights.length} weights, ${K} classes)`);
  }
  const Q = file.training.quantum;
  // integers below 2^24 are exact in a float32: half the memory of float64, the same sums
  if (!file.weights.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 24)) throw new Error(`${source}: intent model weights are not small integers`);
  const rows = weightRows(file, source, wide);
  const bias = Float64Array.from(file.bias, (x) => x / Q);
  const z = new Float64Array(K);
  const read = createFeatureReader(file.features);
  const contextWeight = file.features.contextWeight;
  const addAll = (buckets: number[], val: number) => {
    const v = val / Q;
    for (let i = 0; i < buckets.length; i++) rows.add(buckets[i], v, z);
  };
  const probabilities = (input: FeatureInput): number[] => {
    const { chars, words, context } = read(input);
    z.set(bias);
    if (chars.length) addAll(chars, 1 / Math.sqrt(chars.length));
    if (words.length) addAll(words, 1 / Math.sqrt(words.length));
    addAll(context, contextWeight);
    softmaxInPlace(z);
    return Array.from(z);
  };
  return {
    classes: file.classes,
    file,
    probabilities,
    predict(input) {
      const p = probabilities(input);
      let best = 0;
      let second = -1;
      for (let k = 1; k < K; k++) {
        if (p[k] > p[best]) {
          second = best;
          best = k;
        } else if (second < 0 || p[k] > p[second]) second = k;
      }
      if (second < 0) second = best === 0 ? 1 : 0;
      return { intent: file.classes[best], p: p[best], second: file.classes[second], p2: p[second] };
    },
  };
}

/** The model's weights by bucket: `add` adds a bucket's row times `v` to `z` (nothing for a bucket the model does not keep). */
interface WeightRows {
  add(bucket: number, v: number, z: Float64Array): void;
}

/**
 * The weights by bucket, in an open-addressing table small enough to stay in the CPU's cache as
 * much as can be: the time of a prediction is its memory reads, one row per feature of the
 * message. Each slot holds the bucket and, beside it, its row of weights as the file's integers
 * in 16 bits (one read of memory per feature); weights too large for 16 bits keep a table of
 * buckets and a separate float32 row per bucket. Either way the sums are the same: the weights are
 * the same integers.
 */
function weightRows(file: ModelFile, source: string, wide: boolean): WeightRows {
  const K = file.classes.length;
  const space = 2 ** file.features.hashBits;
  const buckets: number[] = [];
  let b = 0;
  for (const delta of file.buckets) {
    b += delta;
    if (b >= space) throw new Error(`${source}: intent model bucket ${b} outside its ${file.features.hashBits}-bit space`);
    buckets.push(b);
  }
  const hash = (bucket: number, bits: number) => Math.imul(bucket, 0x9e3779b1) >>> (32 - bits);
  if (!wide && file.weights.every((x) => x >= -32768 && x <= 32767)) {
    // a slot: the bucket (int32), then K int16 weights, padded to whole int32s; at most 3/4 full
    let bits = 1;
    while (1 << bits < (buckets.length * 4) / 3) bits++;
    const slots = 1 << bits;
    const mask = slots - 1;
    const stride32 = 1 + Math.ceil(K / 2);
    const buffer = new ArrayBuffer(slots * stride32 * 4);
    const keys = new Int32Array(buffer);
    const weights = new Int16Array(buffer);
    for (let slot = 0; slot < slots; slot++) keys[slot * stride32] = -1;
    buckets.forEach((bucket, r) => {
      let slot = hash(bucket, bits);
      while (keys[slot * stride32] !== -1) slot = (slot + 1) & mask;
      keys[slot * stride32] = bucket;
      for (let k = 0; k < K; k++) weights[(slot * stride32 + 1) * 2 + k] = file.weights[r * K + k];
    });
    return {
      add(bucket, v, z) {
        for (let slot = hash(bucket, bits); ; slot = (slot + 1) & mask) {
          const at = slot * stride32;
          const key = keys[at];
          if (key === bucket) {
            const base = (at + 1) * 2;
            for (let k = 0; k < K; k++) z[k] += weights[base + k] * v;
            return;
          }
          if (key === -1) return;
        }
      },
    };
  }
  // [bucket, offset] pairs side by side: a probe reads one cache line
  let bits = 1;
  while (1 << bits < buckets.length * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(2 << bits).fill(-1);
  buckets.forEach((bucket, r) => {
    let slot = hash(bucket, bits);
    while (table[slot * 2] !== -1) slot = (slot + 1) & mask;
    table[slot * 2] = bucket;
    table[slot * 2 + 1] = r * K;
  });
  const w = Float32Array.from(file.weights);
  return {
    add(bucket, v, z) {
      for (let slot = hash(bucket, bits); ; slot = (slot + 1) & mask) {
        const key = table[slot * 2];
        if (key === bucket) {
          const base = table[slot * 2 + 1];
          for (let k = 0; k < K; k++) z[k] += w[base + k] * v;
          return;
        }
        if (key === -1) return;
      }
    },
  };
}
