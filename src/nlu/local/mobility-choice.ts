/**
 * Which mobility solution a message asks for, when it names more than one: what is refused
 * ("niente noleggio, prendo i mezzi") is dropped, and after a correction ("taxi, anzi no, mezzi
 * pubblici") the last one named wins. Otherwise the phrase sets' priority decides, as before.
 * @module
 */
import type { MobilityWish } from '../../../dialogs/model';
import { MOBILITY } from './mobility';
import { mayRefuse, refused } from './negation';
import type { PhraseMatch } from './phrases';
import { TAKES_BACK } from './takes-back';

export { TAKES_BACK };


const overlaps = (a: PhraseMatch<unknown>, b: PhraseMatch<unknown>) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;

/** The solution wished for: `norm` is the normalised text, `raw` the same with punctuation (negation.ts `loose`). */
export function chooseMobility(norm: string, raw: string): MobilityWish | undefined {
  const first = MOBILITY.first(norm);
  if (!first) return undefined;
  if (!mayRefuse(norm) && !TAKES_BACK.test(norm)) return first.label;
  // Overlapping phrases ("auto di cortesia maserati"): the higher priority keeps the words.
  const kept: PhraseMatch<MobilityWish>[] = [];
  for (const m of MOBILITY.occurrences(norm)) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  const live = kept.filter((m) => m.label === 'none' || !refused(norm, raw, m));
  const takenBack = TAKES_BACK.test(norm) && new Set(live.map((m) => m.label)).size > 1;
  if (live.length === kept.length && !takenBack) return first.label;
  if (live.length === 0) return undefined;
  if (takenBack) return live.reduce((a, b) => (b.index > a.index ? b : a)).label;
  return live[0].label;
}
