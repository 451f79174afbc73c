/**
 * Typo tolerance: an optimal-string-alignment Damerau-Levenshtein distance weighted by the slips
 * a finger makes, with an early exit, enough for words of a chat message.
 * @module
 */

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/** Neighbours on a QWERTY keyboard (Italian keyboards put the letters in the same places), as a 26 × 26 table. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEAR_KEYS = new Uint8Array(26 * 26);
for (let r = 0; r < ROWS.length; r++) {
  for (let c = 0; c < ROWS[r].length; c++) {
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]]) {
      const ch = ROWS[r + dr]?.[c + dc];
      if (ch) NEAR_KEYS[(ROWS[r].charCodeAt(c) - 97) * 26 + ch.charCodeAt(0) - 97] = 1;
    }
  }
}
const nearKey = (x: number, y: number) => x >= 97 && x <= 122 && y >= 97 && y <= 122 && NEAR_KEYS[(x - 97) * 26 + y - 97] === 1;

/**
 * The distance of a typed word from a word we know, counting only slips a finger makes: a letter
 * missed, two letters swapped, a key next to the right one, a letter doubled or hit beside its
 * neighbour. Any other change costs two: "penso" is no typo of "perso", "feels" none of "fees",
 * "winters" none of "winter" — they are other real words. Returns `max + 1` once over `max`.
 */
export function typoDistance(word: string, known: string, max = 2): number {
  if (Math.abs(word.length - known.length) > max) return max + 1;
  if (word === known) return 0;
  // extra[i]: the cost of word[i - 1] typed but not in the known word (one for a doubled letter or a key beside a neighbour)
  const extra: number[] = [0];
  for (let i = 1; i <= word.length; i++) {
    const c = word.charCodeAt(i - 1);
    const before = i >= 2 ? word.charCodeAt(i - 2) : -1;
    const after = i < word.length ? word.charCodeAt(i) : -1;
    extra.push(c === before || c === after || nearKey(c, before) || nearKey(c, after) ? 1 : 2);
  }
  let prev2: number[] = [];
  let prev: number[] = [0];
  for (let j = 1; j <= known.length; j++) prev.push(j);
  for (let i = 1; i <= word.length; i++) {
    const cur: number[] = [prev[0] + extra[i]];
    let rowMin = cur[0];
    const a = word.charCodeAt(i - 1);
    for (let j = 1; j <= known.length; j++) {
      const b = known.charCodeAt(j - 1);
      const sub = a === b ? 0 : nearKey(a, b) ? 1 : 2;
      let d = Math.min(prev[j] + extra[i], cur[j - 1] + 1, prev[j - 1] + sub);
      if (i > 1 && j > 1 && a === known.charCodeAt(j - 2) && word.charCodeAt(i - 2) === b) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[known.length];
}
