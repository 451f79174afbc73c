/**
 * R9 with R11's "correct an earlier answer": a new date wish changes only what it names. "Meglio
 * alle 11" keeps the day, "make it Friday" keeps the hour, "mattina" answers which part of the
 * day already chosen; a new day with its own hour, or "as soon as possible", replaces the wish.
 * @module
 */
import type { DateWish } from './model';

const joined = (...texts: (string | undefined)[]) => texts.filter(Boolean).join(' ').trim();

/** The wish after `said`, given the wish so far. */
export function nextWish(before: DateWish | undefined, said: DateWish): DateWish {
  if (!before || before.asap || said.asap) return said;
  if (!said.date && before.date) {
    // an hour or a part of the day: the day stays
    return { date: before.date, ...(said.time ? { time: said.time } : {}), ...(said.part && !said.time ? { part: said.part } : {}), text: joined(before.text, said.text) };
  }
  if (said.date && !said.time && !said.part && (before.time || before.part)) {
    // another day: the hour or the part of the day stays
    return { date: said.date, ...(before.time ? { time: before.time } : { part: before.part }), text: joined(said.text, before.time ?? '') };
  }
  return said;
}

/**
 * What the bot asks before searching, instead of guessing: which of the days named (or of the two
 * a weekday and a date that disagree may mean), or which part of a day whose wished hour the
 * dealer is not open at (E, R9).
 */
export type DateQuestion =
  | { kind: 'which'; options: DateWish[]; /** a weekday and a date that disagree ("lunedì 9") */ conflict?: boolean }
  | { kind: 'part'; date: string; time: string };
