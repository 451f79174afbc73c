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

function compile(phrases: string[]): RegExp {
  const body = phrases.map((p) => p.replace(/ ~ /g, GAP).replace(/\\w/g, '[a-z]')).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`);
}

/** Rules in priority order: the first label whose phrases match wins `first()`. */
export class PhraseSet<L> {
  private readonly rules: { label: L; re: RegExp; every: RegExp; phrases: string[] }[];

  constructor(rules: [L, string[]][]) {
    this.rules = rules.map(([label, phrases]) => {
      const re = compile(phrases);
      return { label, re, every: new RegExp(re.source, 'g'), phrases };
    });
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
      const m = r.re.exec(text);
      if (m) return { label: r.label, text: m[0], index: m.index };
    }
    return undefined;
  }

  /** Every label that matches, with its first match. */
  all(text: string): PhraseMatch<L>[] {
    const out: PhraseMatch<L>[] = [];
    for (const r of this.rules) {
      const m = r.re.exec(text);
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
      if (!r.re.test(text)) continue;
      for (const m of text.matchAll(r.every)) out.push({ label: r.label, text: m[0], index: m.index });
    }
    return out;
  }

  /** Does any phrase of this label match? */
  has(label: L, text: string): boolean {
    return this.rules.some((r) => r.label === label && r.re.test(text));
  }
}
