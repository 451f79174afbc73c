/**
 * Booking references in free text, as customers copy or type them: "MC-7K3QX2", "mc 7k3qx2",
 * "MC7K3 QX2", "riferimento 7K3QX2". The code is returned as typed (5 to 7 characters, upper
 * case): a typo is matched later, against the planning, and only beside a second fact (plate or
 * surname), never on the reference alone.
 * @module
 */
import { isItalianPlate } from '../vehicle-id';

export interface FoundReference {
  /** `MC-` and the code as typed, upper case, without spaces: `MC-7K3QX2`, `MC-7K3QX` (one short). */
  reference: string;
  /** Where it is in the text, to read the rest without it (so it is never taken for a plate). */
  start: number;
  end: number;
}

/** "MC" as a word, then an optional separator. */
const PREFIX = /(?<![\p{L}\p{N}])mc(?:\s*[-–—_.:#/]\s*|\s+|(?=[0-9a-z]))/giu;
/** Words that say a bare code is a booking reference ("codice 7K3QX2", "booking ref 7K3QX2"). */
const CUE = /(?<![\p{L}])(prenotazion\w*|riferimento|codice|numero|pratica|booking|reference|ref|code|number|conferma|confirmation)(?![\p{L}])/iu;
const BARE = /(?<![\p{L}\p{N}])([a-z0-9]{6})(?![\p{L}\p{N}])/giu;

const CODE_CHAR = /^[a-z0-9]+$/i;

/** The code after "MC": one token of 5–7 characters, or short pieces that make 6 ("7K3 QX2"). */
function codeAfter(text: string, from: number): { code: string; end: number } | undefined {
  const rest = text.slice(from);
  const pieces = [...rest.matchAll(/\S+/g)].slice(0, 3);
  if (pieces.length === 0 || pieces[0].index !== 0) return undefined;
  // trailing punctuation off; dashes inside a group ("7K3-QX2") are separators
  const clean = (s: string) => s.replace(/[.,;:!?)"']+$/, '').replace(/(?<=[a-z0-9])[-–](?=[a-z0-9])/gi, '');
  const rawLength = (s: string) => s.replace(/[.,;:!?)"']+$/, '').length;
  const first = clean(pieces[0][0]);
  if (!CODE_CHAR.test(first)) return undefined;
  if (first.length >= 5 && first.length <= 7) return { code: first, end: from + rawLength(pieces[0][0]) };
  // pieces read out in groups: "7K3 QX2", "7 K3QX2"
  let code = first;
  let end = from + rawLength(pieces[0][0]);
  for (const p of pieces.slice(1)) {
    const piece = clean(p[0]);
    if (!CODE_CHAR.test(piece) || code.length + piece.length > 7) break;
    code += piece;
    end = from + (p.index ?? 0) + rawLength(p[0]);
    if (code.length >= 6) break;
  }
  return code.length >= 5 && code.length <= 7 ? { code, end } : undefined;
}

const mixed = (code: string) => /\d/.test(code) && /[a-z]/i.test(code);

/** The first booking reference in the text, if any. */
export function findReference(text: string): FoundReference | undefined {
  for (const m of text.matchAll(PREFIX)) {
    const start = m.index ?? 0;
    const after = codeAfter(text, start + m[0].length);
    if (!after) continue;
    const typedUpper = /MC/.test(m[0]);
    const dashed = /[-–—_.:#/]/.test(m[0]);
    // "mc donald's" is not a reference: lower case with a space needs a digit in the code, or a booking named
    if (!typedUpper && !dashed && !mixed(after.code) && !CUE.test(text)) continue;
    return { reference: `MC-${after.code.toUpperCase()}`, start, end: after.end };
  }
  if (!CUE.test(text)) return undefined;
  for (const m of text.matchAll(BARE)) {
    const code = m[1].toUpperCase();
    if (!mixed(code) || isItalianPlate(code) || /^\d+$/.test(code)) continue;
    // a time, a mileage, a postcode are not codes
    if (/^\d{1,2}[a-z]{1,2}\d*$/i.test(m[1]) && /(km|am|pm|h)$/i.test(m[1])) continue;
    const start = m.index ?? 0;
    return { reference: `MC-${code}`, start, end: start + m[1].length };
  }
  return undefined;
}

/** The code of a reference without its prefix: `MC-7K3QX2` → `7K3QX2`. */
export const codeOf = (reference: string) => reference.toUpperCase().replace(/^MC-?/, '').replace(/[^A-Z0-9]/g, '');

/**
 * Edits between two codes (optimal string alignment: a swap of neighbours is one edit), so that
 * "7K3XQ2" and "7K3QX" are one edit away from "7K3QX2".
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
