/**
 * Parts of the day are ranges, not hours: chrono turns "mattina" into 06:00, we keep 'morning'.
 * @module
 */
import type { DayPart } from '../../../dialogs/model';

const MORNING = /\b(mattina|mattino|mattinata|stamattina|stamani|in\s+the\s+morning|morning)\b/;
const AFTERNOON = /\b(pomeriggio|pome|afternoon|in\s+the\s+afternoon)\b/;

/** The part of the day named in accent-free lowercase text, if any. */
export function findDayPart(normalised: string): { part: DayPart; text: string } | undefined {
  const m = normalised.match(MORNING);
  const a = normalised.match(AFTERNOON);
  if (m && !a) return { part: 'morning', text: m[0] };
  if (a && !m) return { part: 'afternoon', text: a[0] };
  if (m && a) return m.index! > a.index! ? { part: 'morning', text: m[0] } : { part: 'afternoon', text: a[0] };
  return undefined;
}
