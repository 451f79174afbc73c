/**
 * Features of a message for the intent model: character n-grams inside words (accent-folded,
 * digits folded to 0, word boundaries marked), word unigrams and bigrams, what the bot was
 * awaiting and the conversation's language. Features are hashed (FNV-1a, 32 bits) into a fixed
 * space; the model keeps only the buckets seen in training.
 * @module
 */

/** How features are made: stored in the model, so that a model is read with its own settings. */
export interface FeatureConfig {
  /** Bits of the hash space (buckets = 2^hashBits). */
  hashBits: number;
  /** Shortest and longest character n-gram. */
  charMin: number;
  charMax: number;
  /** Word bigrams on top of unigrams. */
  wordBigrams: boolean;
  /** Weight of the context features (awaiting, language, awaiting × first word). */
  contextWeight: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { hashBits: 20, charMin: 2, charMax: 5, wordBigrams: true, contextWeight: 0.5 };

/** Longest text looked at (as the rules do): a long paste costs time, the need is at the start. */
const MAX_INPUT = 500;

/** Lowercase, accents stripped, digits as 0, letters repeated 3+ times folded, '?' kept as a word. */
export function normaliseForModel(text: string): string[] {
  return text
    .slice(0, MAX_INPUT)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/[0-9]/g, '0')
    .replace(/\?/g, ' ? ')
    .replace(/[^a-z0-9?]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a state after `s`, from `h`: fnv1a(a + b) = extend(extend(FNV_OFFSET, a), b). */
function extend(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
const CHAR_PREFIX = extend(FNV_OFFSET, 'c:');

/** FNV-1a over a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  return extend(FNV_OFFSET, s) >>> 0;
}

/** A sparse feature vector: buckets and their values, in the order features were made. */
export interface SparseVector {
  index: number[];
  value: number[];
}

/** The hashed features by block: character n-grams, words and bigrams (each distinct), context. */
export interface FeatureBlocks {
  chars: Set<number>;
  words: Set<number>;
  context: number[];
}

export interface FeatureInput {
  text: string;
  lang: string;
  awaiting?: string;
}

/**
 * The hashed feature vector of a message. Character n-grams and words form two blocks, each
 * scaled to unit length (a long message weighs as much as a short one); context features have
 * `contextWeight`. A feature is the FNV-1a hash of `c:<n-gram>`, `w:<word or bigram>`,
 * `a:<awaiting>`, `l:<lang>`..., masked to `hashBits`; n-gram hashes are extended a character at
 * a time, without building the strings (the recognizer's time budget is a fraction of a millisecond).
 */
export function featureBlocks(input: FeatureInput, config: FeatureConfig): FeatureBlocks {
  const mask = config.hashBits >= 32 ? 0xffffffff : (1 << config.hashBits) - 1;
  const words = normaliseForModel(input.text);
  const chars = new Set<number>();
  for (const w of words) {
    const padded = `<${w}>`;
    const L = padded.length;
    for (let i = 0; i < L; i++) {
      let h = CHAR_PREFIX;
      const end = Math.min(L, i + config.charMax);
      for (let j = i; j < end; j++) {
        h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
        if (j - i + 1 >= config.charMin) chars.add((h >>> 0) & mask);
      }
    }
    if (L > config.charMax) chars.add((extend(CHAR_PREFIX, padded) >>> 0) & mask); // a long word whole as well
  }
  const wordFeatures = new Set<number>();
  const w = (key: string) => wordFeatures.add((extend(FNV_OFFSET, key) >>> 0) & mask);
  for (const word of words) w(`w:${word}`);
  if (config.wordBigrams) {
    const bounded = ['<s>', ...words, '</s>'];
    for (let i = 0; i + 1 < bounded.length; i++) w(`w:${bounded[i]} ${bounded[i + 1]}`);
  }
  const awaiting = input.awaiting ?? 'none';
  const context = [`a:${awaiting}`, `l:${input.lang}`, `a:${awaiting}|f:${words[0] ?? ''}`, `a:${awaiting}|n:${Math.min(words.length, 6)}`].map(
    (key) => (extend(FNV_OFFSET, key) >>> 0) & mask,
  );
  return { chars, words: wordFeatures, context };
}

/** The features as a sparse vector (the blocks' values summed where buckets meet). */
export function featurize(input: FeatureInput, config: FeatureConfig): SparseVector {
  const { chars, words: wordFeatures, context } = featureBlocks(input, config);
  const out = new Map<number, number>();
  const add = (b: number, v: number) => out.set(b, (out.get(b) ?? 0) + v);
  if (chars.size) {
    const v = 1 / Math.sqrt(chars.size);
    for (const b of chars) add(b, v);
  }
  if (wordFeatures.size) {
    const v = 1 / Math.sqrt(wordFeatures.size);
    for (const b of wordFeatures) add(b, v);
  }
  for (const b of context) add(b, config.contextWeight);
  return { index: [...out.keys()], value: [...out.values()] };
}
