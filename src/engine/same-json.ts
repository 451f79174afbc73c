/** Comparing JSON values as a store would keep them (#15, snapshot-codec.ts). @module */

type Obj = Record<string, unknown>;

/** The same JSON, key order included (what a stored snapshot would show); undefined members count as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Called at every turn for every field tokened: the keys are walked side by side, nothing allocated but the key lists.
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0, j = 0; ; i++, j++) {
    while (i < ka.length && (a as Obj)[ka[i]] === undefined) i++;
    while (j < kb.length && (b as Obj)[kb[j]] === undefined) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !sameJson((a as Obj)[ka[i]], (b as Obj)[kb[j]])) return false;
  }
}
