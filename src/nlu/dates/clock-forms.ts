/**
 * Hours written the ways chrono does not read, rewritten to `H:MM` in place (same length, so the
 * words keep their positions): "14e30", "9h30", and after "alle / ore / h / at" an hour with its
 * minutes split by a comma, which normalisation leaves as a space ("alle 9,30" → "alle 9 30").
 * A dot is already a colon after normalisation ("9.30" → "9:30").
 * @module
 */

const GLUED = /(?<![\w:/])([01]?\d|2[0-3])[eh]([0-5]\d)(?![\w:/])/g;
const SPLIT = /(?<![\w])((?:alle|ore|h|at)\s+)([01]?\d|2[0-3])\s([0-5]\d)(?![\w:/]|\s*(?:minut|min\b|giorn|days?\b|euro|€))/g;

/** The text with those hours as `H:MM`. */
export function clockForms(text: string): string {
  return text.replace(GLUED, '$1:$2').replace(SPLIT, '$1$2:$3');
}
