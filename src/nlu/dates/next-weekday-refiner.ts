/**
 * A weekday said alone means its next occurrence strictly after today ("martedì" said on a
 * Tuesday is next week's): a workshop cannot take a car on the same day it is asked, and the
 * rule is the same in both languages ("next Tuesday" too is the coming Tuesday).
 * @module
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { nextWeekday } from './next-day';

/** Moves weekday-only results to the next such day after the reference day. */
export class NextWeekdayRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const r of results) {
      const s = r.start;
      if (!s.isCertain('weekday') || s.isCertain('day')) continue;
      // "lunedì prossima settimana", "next week monday" keep chrono's choice
      if (/settimana\s+prossima|prossima\s+settimana|next\s+week|week\s+after/i.test(r.text)) continue;
      // "venerdì scorso", "last Friday": a day gone by, kept so that the dialogue can say so
      if (/scors|passat|last|previous|past/i.test(r.text)) continue;
      const jsWeekday = s.get('weekday') ?? 0;
      const d = nextWeekday(context, jsWeekday === 0 ? 7 : jsWeekday);
      s.imply('day', d.day).imply('month', d.month).imply('year', d.year);
    }
    return results;
  }
}
