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

/**
 * The hashed features of one message by block: character n-grams, words and bigrams (each
 * block's distinct buckets, in the order first seen), context. The arrays are the reader's own,
 * overwritten by its next call.
 */
export interface FeatureBlocks {
  chars: number[];
  words: number[];
  context: number[];
}

export interface FeatureInput {
  text: string;
  lang: string;
  awaiting?: string;
}

/**
 * The buckets one message has seen, exactly: a small open-addressing table with a generation stamp
 * per slot (no clearing between messages), sized to the message, so that it stays in the CPU's
 * cache (a stamp per bucket of the whole hash space was 4 MB read at random).
 */
class SeenBuckets {
  private bits = 10;
  private keys = new Int32Array(1 << this.bits);
  private stamps = new Uint32Array(1 << this.bits);
  private generation = 0;

  /** A new message that will add at most `most` buckets. */
  reset(most: number): void {
    if (most * 2 > this.keys.length) {
      while (most * 2 > 1 << this.bits) this.bits++;
      this.keys = new Int32Array(1 << this.bits);
      this.stamps = new Uint32Array(1 << this.bits);
      this.generation = 0;
    }
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Whether the bucket is new in this message (it is then seen). */
  add(bucket: number): boolean {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(bucket, 0x9e3779b1) >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.generation) {
        this.stamps[slot] = this.generation;
        this.keys[slot] = bucket;
        return true;
      }
      if (this.keys[slot] === bucket) return false;
    }
  }
}

/**
 * A reader of features: character n-grams and words form two blocks (each scaled to unit length
 * by the model: a long message weighs as much as a short one); context features have
 * `contextWeight`. A feature is the FNV-1a hash of `c:<n-gram>`, `w:<word or bigram>`,
 * `a:<awaiting>`, `l:<lang>`..., masked to `hashBits`; n-gram hashes are extended a character at
 * a time, without building the strings, and a small table per block says whether this message
 * has already seen a bucket (no Set per message): the model is asked on every message.
 */
export function createFeatureReader(config: FeatureConfig): (input: FeatureInput) => FeatureBlocks {
  const space = 2 ** config.hashBits;
  const mask = space - 1;
  const { charMin, charMax } = config;
  const seenChars = new SeenBuckets();
  const seenWords = new SeenBuckets();
  const out: FeatureBlocks = { chars: [], words: [], context: [] };
  const char = (bucket: number) => {
    if (seenChars.add(bucket)) out.chars.push(bucket);
  };
  const word = (key: string) => {
    const bucket = (extend(FNV_OFFSET, key) >>> 0) & mask;
    if (seenWords.add(bucket)) out.words.push(bucket);
  };
  return (input) => {
    out.chars.length = 0;
    out.words.length = 0;
    const words = normaliseForModel(input.text);
    // at most charMax n-grams start at each character of a padded word, and one whole word; a word and a bigram per word
    let letters = 0;
    for (const w of words) letters += w.length + 2;
    seenChars.reset(letters * charMax + words.length);
    seenWords.reset(2 * words.length + 2);
    for (const w of words) {
      const padded = `<${w}>`;
      const L = padded.length;
      for (let i = 0; i < L; i++) {
        let h = CHAR_PREFIX;
        const end = Math.min(L, i + charMax);
        for (let j = i; j < end; j++) {
          h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
          if (j - i + 1 >= charMin) char((h >>> 0) & mask);
        }
      }
      if (L > charMax) char((extend(CHAR_PREFIX, padded) >>> 0) & mask); // a long word whole as well
    }
    for (const w of words) word(`w:${w}`);
    if (config.wordBigrams) {
      let previous = '<s>';
      for (const w of words) {
        word(`w:${previous} ${w}`);
        previous = w;
      }
      word(`w:${previous} </s>`);
    }
    const awaiting = input.awaiting ?? 'none';
    out.context = [`a:${awaiting}`, `l:${input.lang}`, `a:${awaiting}|f:${words[0] ?? ''}`, `a:${awaiting}|n:${Math.min(words.length, 6)}`].map(
      (key) => (extend(FNV_OFFSET, key) >>> 0) & mask,
    );
    return out;
  };
}

/** The features as a sparse vector (the blocks' values summed where buckets meet). */
export function featurize(input: FeatureInput, config: FeatureConfig, read = createFeatureReader(config)): SparseVector {
  const { chars, words: wordFeatures, context } = read(input);
  const out = new Map<number, number>();
  const add = (b: number, v: number) => out.set(b, (out.get(b) ?? 0) + v);
  if (chars.length) {
    const v = 1 / Math.sqrt(chars.length);
    for (const b of chars) add(b, v);
  }
  if (wordFeatures.length) {
    const v = 1 / Math.sqrt(wordFeatures.length);
    for (const b of wordFeatures) add(b, v);
  }
  for (const b of context) add(b, config.contextWeight);
  return { index: [...out.keys()], value: [...out.values()] };
}
