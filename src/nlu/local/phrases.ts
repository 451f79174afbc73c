/**
 * Labelled phrase sets matched on normalised, typo-corrected text. A phrase is a small regex over
 * words: `a|b` alternatives, `?` optional, `\w*` endings, and ` ~ ` for up to two free words
 * ("auto ~ cortesia" matches "auto di cortesia", "auto in cortesia per favore"...).
 * @module
 */

import { GATES, requiredLiterals } from '../literals';

export { requiredLiterals };

/** One phrase found in a text. */
export interface PhraseMatch<L> {
  label: L;
  text: string;
  index: number;
}

/** `s` matched literally inside a regex. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const GAP = '(?: [a-z0-9]+){0,2} ';

const expand = (p: string) => p.replace(/ ~ /g, GAP).replace(/\\w/g, '[a-z]');

function compile(phrases: string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${phrases.map(expand).join('|')})(?![a-z0-9])`);
}

/**
 * The longest run of plain letters and spaces every match of a phrase must contain, or undefined
 * when there is none of three letters or more (an alternation at the top, groups only...). A
 * phrase whose literal is not in the text cannot match: `includes` is far cheaper than the regex.
 */
export function requiredLiteral(pattern: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = () => {
    if (run.trim().length >= 3) runs.push(run);
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { end(); i++; continue; }
    if (c === '(' || c === '[') { end(); depth++; continue; }
    if (c === ')' || c === ']') { depth--; continue; }
    if (depth > 0) continue;
    if (c === '|') return undefined; // an alternative at the top: nothing is required
    if (c === '?' || c === '*' || c === '{') { run = run.slice(0, -1); end(); if (c === '{') i = pattern.indexOf('}', i); continue; }
    if (c === '+') { end(); continue; }
    if (/[a-z ]/.test(c)) run += c;
    else end();
  }
  end();
  // a run next to a group may be cut mid-word by it ("crash" of "crash[a-z]*"): every match still contains it
  return runs.sort((a, b) => b.length - a.length)[0];
}


interface Rule<L> {
  label: L;
  re: RegExp;
  every: RegExp;
  phrases: string[];
  simple?: RegExp;
  gapped: { re: RegExp; literal?: string }[];
  /**
   * The gate of the phrases with required literals (see {@link LiteralGates}): a text that opens
   * it may match any phrase; one that does not can only match the others, `rest` (none: no match).
   */
  gate?: number;
  rest?: Rule<L>;
  /** Each phrase alone, with its own gate (none: it has no literals); the gates are numbered from `firstGate` in phrase order. */
  each?: { re: RegExp; gate?: number }[];
  firstGate?: number;
  /** The phrase of each of those gates, by gate number − `firstGate`. */
  phraseOf?: number[];
  /** The phrases without literals, by index: tried whatever the text. */
  ungated?: number[];
}

/** At most this many phrases a text may match are tried one by one; past it, the rule's alternation runs. */
const ONE_BY_ONE = 32;

/** A rule of phrases, matched as one alternation would be. */
function ruleOf<L>(label: L, phrases: string[], gated: boolean): Rule<L> {
  const re = compile(phrases);
  // Phrases with free words between ("spia ~ rossa", "(fumo)(?: [a-z]+){0,6} …") make one alternation
  // slow: each is tried on its own, skipped when a word it needs is not in the text; the plain ones
  // stay one alternation, which the regex engine matches quickly.
  const gappedPhrases = phrases.filter((p) => expand(p).includes('{'));
  const plain = phrases.filter((p) => !expand(p).includes('{'));
  const gapped = gappedPhrases.map((p) => ({ re: compile([p]), literal: requiredLiteral(expand(p)) }));
  const rule: Rule<L> = { label, re, every: new RegExp(re.source, 'g'), phrases, ...(plain.length ? { simple: compile(plain) } : {}), gapped };
  if (!gated) return rule;
  // Most rules match few texts: a phrase whose literals a text lacks cannot match it, and without
  // those phrases the alternation finds exactly what it found with them (#12, the recognizer's time).
  const literals = phrases.map((p) => requiredLiterals(expand(p)));
  const withLiterals = literals.flatMap((l) => l ?? []);
  if (withLiterals.length === 0) return rule;
  rule.gate = GATES.add(withLiterals);
  const rest = phrases.filter((_, i) => literals[i] === undefined);
  if (rest.length) rule.rest = ruleOf(label, rest, false);
  // and each phrase alone, behind its own gate: when a text may match only a few, they are tried one by one
  rule.each = phrases.map((p, i) => ({ re: compile([p]), ...(literals[i] ? { gate: GATES.add(literals[i] as string[]) } : {}) }));
  rule.firstGate = rule.each.find((e) => e.gate !== undefined)?.gate;
  rule.phraseOf = rule.each.flatMap((e, i) => (e.gate === undefined ? [] : [i]));
  rule.ungated = phrases.flatMap((_, i) => (literals[i] ? [] : [i]));
  return rule;
}

/** Sorts a short list of numbers in place (insertion sort: no comparator calls). */
function sortShort(xs: number[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/** Rules in priority order: the first label whose phrases match wins `first()`. */
export class PhraseSet<L> {
  private readonly rules: Rule<L>[];

  constructor(rules: [L, string[]][]) {
    this.rules = rules.map(([label, phrases]) => ruleOf(label, phrases, true));
  }

  /**
   * The leftmost match of a rule's phrases, as its whole alternation would find it: the earliest
   * position; where two phrases match at the same place, the whole alternation decides which.
   */
  private exec(rule: Rule<L>, text: string): RegExpExecArray | null {
    if (rule.gate !== undefined) {
      if (!GATES.open(rule.gate, text)) return rule.rest ? this.exec(rule.rest, text) : null;
      const some = this.oneByOne(rule, text);
      if (some !== undefined) return some;
    }
    let best = rule.simple ? rule.simple.exec(text) : null;
    let tie = false;
    for (const part of rule.gapped) {
      if (part.literal !== undefined && !text.includes(part.literal)) continue;
      const m = part.re.exec(text);
      if (!m) continue;
      if (!best || m.index < best.index) {
        best = m;
        tie = false;
      } else if (m.index === best.index) tie = true;
    }
    return tie ? rule.re.exec(text) : best;
  }

  /**
   * The rule's match found by trying, one by one, the few phrases the text may match (those whose
   * gate it opens, and those without literals), or undefined when there are too many. The whole
   * alternation finds the leftmost position where a phrase matches, and there the first such
   * phrase in order, as it would alone: so the earliest match wins, and on a tie the earlier phrase.
   */
  private oneByOne(rule: Rule<L>, text: string): RegExpExecArray | null | undefined {
    const each = rule.each as { re: RegExp; gate?: number }[];
    const ungated = rule.ungated as number[];
    const first = rule.firstGate as number;
    const phraseOf = rule.phraseOf as number[];
    const opened = GATES.opened(text);
    // the phrases to try, in phrase order: a gate's number tells its phrase (gates were numbered in phrase order)
    const tried: number[] = [];
    for (let k = 0; k < opened.length; k++) {
      const g = opened[k] - first;
      if (g < 0 || g >= phraseOf.length) continue;
      if (tried.length + ungated.length >= ONE_BY_ONE) return undefined;
      tried.push(phraseOf[g]);
    }
    if (tried.length + ungated.length > ONE_BY_ONE) return undefined;
    for (const i of ungated) tried.push(i);
    sortShort(tried);
    let best: RegExpExecArray | null = null;
    for (const i of tried) {
      const m = each[i].re.exec(text);
      if (m && (!best || m.index < best.index)) best = m;
    }
    return best;
  }

  /**
   * The words these phrases are made of, for typo correction. "compagn[oa]" gives "compagno" and
   * "compagna"; a stem before `(` is no word ("rimasto" must not be corrected into "rimast").
   */
  words(): string[] {
    const spelled = (p: string) =>
      p.replace(/([a-z]+)\[([a-z]+)\]/g, (_, stem: string, ends: string) => [...ends].map((e) => stem + e).join(' '));
    return this.rules
      .flatMap((r) => r.phrases.flatMap((p) => spelled(p).replace(/[a-z]*\\w\*?/g, ' ').replace(/[a-z]+(?=[[(])/g, ' ').split(/[^a-z]+/)))
      .filter((w) => w.length >= 4);
  }

  /** The highest-priority match. */
  first(text: string): PhraseMatch<L> | undefined {
    for (const r of this.rules) {
      const m = this.exec(r, text);
      if (m) return { label: r.label, text: m[0], index: m.index };
    }
    return undefined;
  }

  /** Every label that matches, with its first match. */
  all(text: string): PhraseMatch<L>[] {
    const out: PhraseMatch<L>[] = [];
    for (const r of this.rules) {
      const m = this.exec(r, text);
      if (m) out.push({ label: r.label, text: m[0], index: m.index });
    }
    return out;
  }

  /** The match that comes first in the text; on a tie, the longest ("grecale folgore" over "grecale"). */
  earliest(text: string): PhraseMatch<L> | undefined {
    let best: PhraseMatch<L> | undefined;
    for (const m of this.all(text)) {
      if (!best || m.index < best.index || (m.index === best.index && m.text.length > best.text.length)) best = m;
    }
    return best;
  }

  /** Every occurrence of every label, in priority order, then position. */
  occurrences(text: string): PhraseMatch<L>[] {
    const out: PhraseMatch<L>[] = [];
    for (const r of this.rules) {
      if (!this.exec(r, text)) continue;
      for (const m of text.matchAll(r.every)) out.push({ label: r.label, text: m[0], index: m.index });
    }
    return out;
  }

  /** Does any phrase of this label match? */
  has(label: L, text: string): boolean {
    return this.rules.some((r) => r.label === label && this.exec(r, text) !== null);
  }
}
