/**
 * Typo correction against the words our rules know: an unknown word within a small edit
 * distance of a known one is read as that word ("tagliandi", "cortsia", "mercoldi"). Built once.
 * @module
 */
import { allowedTypos, typoDistance } from './fuzzy';

/** Candidate lengths in order of preference: the word's own, then longer before shorter. */
function lengthsNear(length: number, max: number): number[] {
  const out = [length];
  for (let d = 1; d <= max; d++) out.push(length + d, length - d);
  return out;
}

/** Corrects words to a vocabulary, leaving common words and numbers alone. */
export class Lexicon {
  private readonly vocab: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  /**
   * @param targets words a typo may be corrected to
   * @param keep words never corrected (frequent words, first names)
   */
  constructor(
    targets: Iterable<string>,
    private readonly keep: Set<string>,
  ) {
    this.vocab = new Set([...targets].filter((w) => /^[a-z]{4,}$/.test(w)));
    for (const w of this.vocab) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The word as the rules know it. */
  correct(word: string): string {
    if (word.length < 5 || this.vocab.has(word) || this.keep.has(word) || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const max = allowedTypos(word.length);
    let best = word;
    let bestD = max + 1;
    // same length first, then one letter missing ("servce" is "service", not "serve"), then one too many
    for (const len of lengthsNear(word.length, max)) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // typos rarely hit the first letter of a short word, nor both first letters of a long one
        if (word.length <= 6 ? candidate[0] !== word[0] : candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
        const d = typoDistance(word, candidate, max);
        if (d < bestD) {
          bestD = d;
          best = candidate;
        }
      }
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
