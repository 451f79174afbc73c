/**
 * Numeric dates in day/month order ("3/12", "3/12/2026", "3-12 alle 10"), as both Italians and
 * British customers write them. Takes the following hour too, so that chrono's own parsers do not
 * read "12 alle 10" as a range, and the part of the day after it ("10/12 di mattina", "10/12 in the
 * morning"), so that chrono does not read "12 in the morning" as noon.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { dayMonth } from './next-day';

const RE =
  /(?<![\w/])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\w/])(?:,?\s*(?:alle|ore|at|h)\s*(\d{1,2})(?:[:.](\d{2}))?(?![\w])|\s+(?:in\s+the|di|la|del|al|nel)\s+(?:mattina|mattino|pomeriggio|morning|afternoon)\b)?/i;

/** `dd/mm[/yyyy] [alle HH[:mm]]`, day first. */
export class DayMonthSlashParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const c = dayMonth(context, Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
    if (!c) return null;
    if (m[4]) {
      const hour = Number(m[4]);
      const minute = m[5] ? Number(m[5]) : 0;
      if (hour > 23 || minute > 59) return null;
      c.assign('hour', hour).assign('minute', minute);
    }
    return c;
  }
}
