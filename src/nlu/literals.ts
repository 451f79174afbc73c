/**
 * Literal gates for regular expressions (#12, the recognizer's time): the runs of characters of
 * which every match of a pattern contains one, read from its source, and one index of all of
 * them that reads a text once, so that a pattern whose literals a text lacks is not tried on it:
 * it could not match. Most patterns (phrase sets, date parsers, cue lists) match few messages.
 * @module
 */

/** Escapes that stand for a class of characters or an assertion, never for one literal character. */
const CLASS_ESCAPES = 'wWdDsSbB';
/** Escapes of a character that means itself. */
const SELF_ESCAPES = '.?*+()[]{}|^$\\/-\'"';

/**
 * The top-level alternatives of a pattern, or undefined when it is not read with confidence
 * (an unbalanced group, an escape this reader does not know...).
 */
function topAlternatives(pattern: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) return undefined;
    } else if (c === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  out.push(pattern.slice(from));
  return out;
}

/** The index of the `]` closing the class opened at `at`, or -1. */
function classEnd(pattern: string, at: number): number {
  for (let i = at + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

/** The index of the `)` closing the group opened at `at`, or -1. */
function groupEnd(pattern: string, at: number): number {
  let depth = 0;
  for (let i = at; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(pattern, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** How strong a gate a set of literals makes: its shortest literal (spaces aside), then fewer literals. */
const strength = (set: string[]) => Math.min(...set.map((l) => l.trim().length)) * 1000 - set.length;

/** What every match of a pattern contains: one of some runs of characters, and/or a digit. */
export interface Needs {
  /** Runs of characters of which every match contains one, as written (each of three characters or more, spaces aside). */
  literals?: string[];
  /** Every match contains a digit (0-9). */
  digit: boolean;
}

/** A class of digits only: "[0-9]", "[0-3]", "[12]". */
const DIGIT_CLASS = /^\[(?:\d-\d|\d|\\d)+\]$/;

/**
 * What every match of a sequence (a pattern without `|` at the top) contains: the longest run of
 * plain characters ("carro attrezzi" of "carro attrezzi[a-z]*"), or the alternatives of a group
 * that must be there ("resto", "rimango" of "(resto|rimango) (li|qui)"), whichever makes the
 * stronger gate; and whether a digit must be there. Undefined when the sequence uses what this
 * reader does not know. A run ends at a group, a class, an escape, an assertion, and at a
 * character that may repeat or be left out.
 */
function sequenceNeeds(seq: string): Needs | undefined {
  const candidates: string[][] = [];
  let digit = false;
  let run = '';
  const end = () => {
    if (run.trim().length >= 3) candidates.push([run]);
    run = '';
  };
  for (let i = 0; i < seq.length; ) {
    const c = seq[i];
    // the atom at i: one literal character, a group, or something else (class, escape, any character, assertion)
    let literal: string | undefined;
    let group: string | undefined;
    let isDigit = false;
    let next: number;
    if (c === '\\') {
      const e = seq[i + 1];
      if (e === undefined) return undefined;
      if (e === 'p' || e === 'P') {
        if (seq[i + 2] !== '{') return undefined;
        const close = seq.indexOf('}', i + 3);
        if (close < 0) return undefined;
        next = close + 1;
      } else if (CLASS_ESCAPES.includes(e)) {
        isDigit = e === 'd';
        next = i + 2;
      } else if (SELF_ESCAPES.includes(e)) {
        literal = e;
        next = i + 2;
      } else return undefined;
    } else if (c === '[') {
      const close = classEnd(seq, i);
      if (close < 0) return undefined;
      isDigit = DIGIT_CLASS.test(seq.slice(i, close + 1));
      next = close + 1;
    } else if (c === '(') {
      const close = groupEnd(seq, i);
      if (close < 0) return undefined;
      // what a capturing or non-capturing group matches is in the match; a lookaround's may not be
      if (seq[i + 1] !== '?') group = seq.slice(i + 1, close);
      else if (seq[i + 2] === ':') group = seq.slice(i + 3, close);
      next = close + 1;
    } else if (c === '^' || c === '$' || c === '.') {
      next = i + 1;
    } else if (c === ')' || c === ']' || c === '|' || c === '?' || c === '*' || c === '+' || c === '{' || c === '}') {
      return undefined; // misplaced: not read with confidence
    } else {
      literal = c;
      isDigit = c >= '0' && c <= '9';
      next = i + 1;
    }
    // its quantifier: how often the atom must come
    let min = 1;
    let max = 1;
    const q = seq[next];
    if (q === '?' || q === '*' || q === '+') {
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
      next++;
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(seq.slice(next));
      if (!m) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      next += m[0].length;
    }
    if (seq[next] === '?' && (min !== 1 || max !== 1)) next++; // lazy
    if (min >= 1 && isDigit) digit = true;
    if (literal !== undefined && min >= 1) {
      run += literal;
      if (max !== 1) end();
    } else {
      end();
      if (group !== undefined && min >= 1) {
        const inner = requirements(group);
        if (inner?.literals) candidates.push(inner.literals);
        if (inner?.digit) digit = true;
      }
    }
    i = next;
  }
  end();
  let best: string[] | undefined;
  for (const set of candidates) if (!best || strength(set) > strength(best)) best = set;
  return { ...(best ? { literals: best } : {}), digit };
}

/**
 * What every match of a pattern contains (see {@link sequenceNeeds}, for each alternative at its
 * top): one of the literals when each alternative has some, a digit when each needs one;
 * undefined when the pattern is not read with confidence.
 */
export function requirements(pattern: string): Needs | undefined {
  const alternatives = topAlternatives(pattern);
  if (!alternatives) return undefined;
  let literals: string[] | undefined = [];
  let digit = true;
  for (const a of alternatives) {
    const needs = sequenceNeeds(a);
    if (needs === undefined) return undefined;
    digit &&= needs.digit;
    if (!needs.literals) literals = undefined;
    else if (literals) for (const l of needs.literals) if (!literals.includes(l)) literals.push(l);
  }
  return { ...(literals ? { literals } : {}), digit };
}

/**
 * For a pattern, runs of characters of which every match contains one; undefined when an
 * alternative at its top has none: a text that contains none of them cannot match.
 * @example requiredLiterals('taxi|(a )?cab[a-z]*') // ['taxi', 'cab']
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  return requirements(pattern)?.literals;
}

/** Table sizes, small enough to stay in the CPU's cache between messages. */
const BITS3 = 10;
const BITS4 = 12;
/** The first three or four characters of a literal packed in 32 bits (their low bytes: a cheap first test, not a proof). */
const pack = (a: number, b: number, c: number, d: number) => (a & 0xff) | ((b & 0xff) << 8) | ((c & 0xff) << 16) | ((d & 0xff) << 24);
const slot = (packed: number, bits: number) => Math.imul(packed, 0x9e3779b1) >>> (32 - bits);

/** What a text opens: a bit per gate, and the gates opened. */
interface Read {
  bits: Int32Array;
  opened: number[];
}

/** How many texts are kept read: the same text is matched by many rules, a message makes a few texts. */
const KEPT = 64;

/**
 * Which gates' literals a text contains, for every gate at once: a gate is a set of literals
 * (e.g. those of a phrase set's rule); a text opens it when it contains one of them. The
 * literals are indexed by their first four characters (three for the three-letter ones), so that
 * a text is read once, position by position, whatever the number of literals; a few recent texts
 * are kept (the same text is matched by many rules). The index is a few typed arrays side by
 * side: reading a text touches little memory.
 */
export class LiteralGates {
  private readonly ids = new Map<string, number>();
  private readonly literals: string[] = [];
  private readonly owners: number[][] = [];
  private gates = 0;
  /**
   * The texts read lately and what they open: a bit set and the list of gates, in the order found.
   * Their arrays come from a pool as many as the texts kept, reused when the texts are forgotten.
   */
  private readonly cache = new Map<string, Read>();
  private pool: Read[] = [];
  private lastText?: string;
  private lastRead?: Read;
  private stamp = 0;
  private index?: {
    heads3: Int32Array;
    heads4: Int32Array;
    next: Int32Array;
    /** Per literal: its first characters packed, where its characters and its gates start and end. */
    packed: Int32Array;
    start: Int32Array;
    end: Int32Array;
    chars: Uint16Array;
    gatesFrom: Int32Array;
    gatesTo: Int32Array;
    gateList: Int32Array;
    /** Per literal, the read that last found it. */
    found: Uint32Array;
  };

  /** A new gate, opened by any of these literals (each of three characters at least). */
  add(literals: string[]): number {
    const gate = this.gates++;
    for (const literal of literals) {
      if (literal.length < 3) throw new Error(`literal gate: '${literal}' is shorter than three characters`);
      let id = this.ids.get(literal);
      if (id === undefined) {
        id = this.literals.length;
        this.ids.set(literal, id);
        this.literals.push(literal);
        this.owners.push([]);
      }
      if (!this.owners[id].includes(gate)) this.owners[id].push(gate);
    }
    this.index = undefined;
    this.forget();
    return gate;
  }

  /** Whether the text contains one of the gate's literals. */
  open(gate: number, text: string): boolean {
    const bits = this.readOnce(text).bits;
    return (bits[gate >> 5] & (1 << (gate & 31))) !== 0;
  }

  /**
   * The gates the text opens, in no particular order; valid until the next text is read (the
   * arrays are reused).
   */
  opened(text: string): readonly number[] {
    return this.readOnce(text).opened;
  }

  private forget(): void {
    this.cache.clear();
    this.lastText = undefined;
    this.lastRead = undefined;
  }

  private readOnce(text: string): Read {
    if (this.lastText === text) return this.lastRead as Read;
    let read = this.cache.get(text);
    if (read === undefined) {
      if (this.cache.size >= KEPT) this.forget();
      read = this.read(text, this.cache.size);
      this.cache.set(text, read);
    }
    this.lastText = text;
    this.lastRead = read;
    return read;
  }

  /** The gates the text opens, into the pool's arrays at `at`. */
  private read(text: string, at: number): Read {
    const x = this.index ?? this.build();
    const words = (this.gates + 31) >> 5;
    let read = this.pool[at];
    if (!read || read.bits.length !== words) read = this.pool[at] = { bits: new Int32Array(words), opened: [] };
    else read.bits.fill(0);
    const flags = read.bits;
    const opened = read.opened;
    opened.length = 0;
    if (++this.stamp === 0xffffffff) {
      x.found.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const length = text.length;
    let b = text.charCodeAt(0);
    let c = text.charCodeAt(1);
    let d = text.charCodeAt(2);
    for (let i = 0; i + 3 <= length; i++) {
      const a = b;
      b = c;
      c = d;
      const four = i + 3 < length;
      d = four ? text.charCodeAt(i + 3) : 0;
      // the three-letter literals, then those of four letters or more
      const p3 = pack(a, b, c, 0);
      for (let id = x.heads3[slot(p3, BITS3)]; id >= 0; id = x.next[id]) if (x.packed[id] === p3) this.check(x, id, text, i, stamp, flags, opened);
      if (!four) continue;
      const p4 = pack(a, b, c, d);
      for (let id = x.heads4[slot(p4, BITS4)]; id >= 0; id = x.next[id]) if (x.packed[id] === p4) this.check(x, id, text, i, stamp, flags, opened);
    }
    return read;
  }

  private check(x: NonNullable<LiteralGates['index']>, id: number, text: string, at: number, stamp: number, flags: Int32Array, opened: number[]): void {
    if (x.found[id] === stamp) return;
    const from = x.start[id];
    const to = x.end[id];
    if (at + to - from > text.length) return;
    for (let k = from; k < to; k++) if (text.charCodeAt(at + k - from) !== x.chars[k]) return;
    x.found[id] = stamp;
    for (let g = x.gatesFrom[id]; g < x.gatesTo[id]; g++) {
      const gate = x.gateList[g];
      const bit = 1 << (gate & 31);
      if (flags[gate >> 5] & bit) continue;
      flags[gate >> 5] |= bit;
      opened.push(gate);
    }
  }

  private build(): NonNullable<LiteralGates['index']> {
    const n = this.literals.length;
    const heads3 = new Int32Array(1 << BITS3).fill(-1);
    const heads4 = new Int32Array(1 << BITS4).fill(-1);
    const next = new Int32Array(n).fill(-1);
    const packed = new Int32Array(n);
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    const chars = new Uint16Array(this.literals.reduce((sum, l) => sum + l.length, 0));
    const gatesFrom = new Int32Array(n);
    const gatesTo = new Int32Array(n);
    const gateList = new Int32Array(this.owners.reduce((sum, o) => sum + o.length, 0));
    let at = 0;
    let g = 0;
    this.literals.forEach((literal, id) => {
      const three = literal.length === 3;
      const p = pack(literal.charCodeAt(0), literal.charCodeAt(1), literal.charCodeAt(2), three ? 0 : literal.charCodeAt(3));
      const heads = three ? heads3 : heads4;
      const h = slot(p, three ? BITS3 : BITS4);
      packed[id] = p;
      next[id] = heads[h];
      heads[h] = id;
      start[id] = at;
      for (let k = 0; k < literal.length; k++) chars[at++] = literal.charCodeAt(k);
      end[id] = at;
      gatesFrom[id] = g;
      for (const gate of this.owners[id]) gateList[g++] = gate;
      gatesTo[id] = g;
    });
    this.index = { heads3, heads4, next, packed, start, end, chars, gatesFrom, gatesTo, gateList, found: new Uint32Array(n) };
    this.stamp = 0;
    return this.index;
  }
}

/** The one index of every gate's literals. */
export const GATES = new LiteralGates();

/** The longest run of ASCII characters of a literal, if it has three characters or more other than spaces. */
function asciiPart(literal: string): string | undefined {
  const runs = literal.split(/[^\x00-\x7f]+/).filter((r) => r.trim().length >= 3);
  return runs.sort((a, b) => b.length - a.length)[0];
}

/**
 * A pattern's gate: the gate of its literals (if it has some) and how it reads a text, as it is
 * or lowercased (case-insensitive patterns); whether it needs a digit.
 */
export interface RegExpGate {
  gate?: number;
  folded: boolean;
  digit: boolean;
}

const byObject = new WeakMap<LiteralGates, WeakMap<RegExp, RegExpGate | null>>();
/** By flags and source too: some parsers make a new RegExp object for each text. */
const bySource = new WeakMap<LiteralGates, Map<string, RegExpGate | null>>();

/**
 * The gate of a regular expression, registered on first sight; undefined when its source tells
 * neither literals nor a digit. A case-insensitive pattern (without `u`) is read on the
 * lowercased text with its literals lowercased, and only the ASCII part of its literals: an ASCII
 * letter matches no other character but itself in either case, and lowercasing keeps runs of
 * ASCII characters as they are.
 */
export function regExpGate(re: RegExp, gates: LiteralGates = GATES): RegExpGate | undefined {
  let objects = byObject.get(gates);
  let sources = bySource.get(gates);
  if (!objects || !sources) {
    byObject.set(gates, (objects = new WeakMap()));
    bySource.set(gates, (sources = new Map()));
  }
  const seen = objects.get(re);
  if (seen !== undefined) return seen ?? undefined;
  const key = `${re.flags}/${re.source}`;
  let found = sources.get(key);
  if (found === undefined) {
    found = null;
    const folded = re.flags.includes('i');
    if (!(folded && (re.unicode || re.flags.includes('v')))) {
      const needs = requirements(re.source);
      // "mercoledì" needs "mercoled" too
      const literals = folded ? needs?.literals?.map(asciiPart) : needs?.literals;
      const gate = literals && literals.every((l): l is string => l !== undefined) ? gates.add(folded ? literals.map((l) => l.toLowerCase()) : literals) : undefined;
      if (gate !== undefined || needs?.digit) found = { ...(gate !== undefined ? { gate } : {}), folded, digit: needs?.digit ?? false };
    }
    sources.set(key, found);
  }
  objects.set(re, found);
  return found ?? undefined;
}

let lastText = '';
let lastLower = '';
/** The text lowercased (the last one kept: a text is asked about by many patterns in a row). */
export const lower = (text: string): string => {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
};

let lastDigitText = '';
let lastDigit = false;
/** Whether the text has a digit (the last answer kept). */
export const hasDigit = (text: string): boolean => {
  if (text !== lastDigitText) {
    lastDigitText = text;
    lastDigit = /[0-9]/.test(text);
  }
  return lastDigit;
};

/** Whether a text passes a pattern's gate: false only when it lacks what every match contains. */
export function passes(g: RegExpGate, text: string, gates: LiteralGates): boolean {
  return (!g.digit || hasDigit(text)) && (g.gate === undefined || gates.open(g.gate, g.folded ? lower(text) : text));
}

/**
 * Whether a text may match a pattern: false only when it lacks every literal the pattern needs,
 * or a digit it needs.
 * @param gates the index the pattern's literals go to: patterns read on the same texts share one
 */
export function mayMatch(re: RegExp, text: string, gates: LiteralGates = GATES): boolean {
  const g = regExpGate(re, gates);
  return g === undefined || passes(g, text, gates);
}
