/**
 * Labelled phrase sets matched on normalised, typo-corrected text. A phrase is a small regex over
 * words: `a|b` alternatives, `?` optional, `\w*` endings, and ` ~ ` for up to two free words
 * ("auto ~ cortesia" matches "auto di cortesia", "auto in cortesia per favore"...).
 * @module
 */

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

/** Rules in priority order: the first label whose phrases match wins `first()`. */
export class PhraseSet<L> {
  private readonly rules: { label: L; re: RegExp; every: RegExp; phrases: string[]; simple?: RegExp; gapped: { re: RegExp; literal?: string }[] }[];

  constructor(rules: [L, string[]][]) {
    this.rules = rules.map(([label, phrases]) => {
      const re = compile(phrases);
      // Phrases with free words between ("spia ~ rossa", "(fumo)(?: [a-z]+){0,6} …") make one alternation
      // slow: each is tried on its own, skipped when a word it needs is not in the text; the plain ones
      // stay one alternation, which the regex engine matches quickly.
      const gappedPhrases = phrases.filter((p) => expand(p).includes('{'));
      const plain = phrases.filter((p) => !expand(p).includes('{'));
      const gapped = gappedPhrases.map((p) => ({ re: compile([p]), literal: requiredLiteral(expand(p)) }));
      return { label, re, every: new RegExp(re.source, 'g'), phrases, ...(plain.length ? { simple: compile(plain) } : {}), gapped };
    });
  }

  /**
   * The leftmost match of a rule's phrases, as its whole alternation would find it: the earliest
   * position; where two phrases match at the same place, the whole alternation decides which.
   */
  private exec(rule: PhraseSet<L>['rules'][number], text: string): RegExpExecArray | null {
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
