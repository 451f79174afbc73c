/**
 * A week or a fortnight from a day: "in a fortnight" (today plus 14 days), British "a week today",
 * "a week tomorrow", "a fortnight today", "two weeks today", Italian "oggi a otto", "domani a otto",
 * "oggi a quindici" (that day a week or two weeks on). "For a fortnight", "ready in a fortnight?"
 * are durations, blanked before (`not-dates.ts`).
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { refDay } from './next-day';

const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, '1': 1, '2': 2, '3': 3 };

const RE = new RegExp(
  '(?<![\\w])(?:' +
    // 1, 2: "in a fortnight('s time)", "in two fortnights"
    '(in)\\s+(a|one|two|2)\\s+fortnights?(?:\\s*s?\\s+time)?|' +
    // 3, 4, 5: "a week today", "two weeks tomorrow", "a fortnight today"
    '(?:(a|one|two|three|1|2|3)\\s+)?(weeks?|fortnights?)\\s+(today|tomorrow)|' +
    // 6, 7: "oggi a otto", "domani a quindici"
    '(oggi|domani)\\s+a\\s+(otto|quindici)' +
    ')(?![\\w])',
  'i',
);

export class WeeksFromDayParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    let days: number;
    let from = 0;
    if (m[1]) days = 14 * (COUNT[m[2].toLowerCase()] ?? 1);
    else if (m[4]) {
      // "week today" without a count is no wish ("every week today"?): a count or a fortnight is needed
      const unit = m[4].toLowerCase().startsWith('fortnight') ? 14 : 7;
      if (!m[3] && unit === 7) return null;
      days = unit * (COUNT[(m[3] ?? 'a').toLowerCase()] ?? 1);
      from = m[5].toLowerCase() === 'tomorrow' ? 1 : 0;
    } else {
      days = m[7].toLowerCase() === 'otto' ? 7 : 14;
      from = m[6].toLowerCase() === 'domani' ? 1 : 0;
    }
    const d = refDay(context).plus({ days: from + days });
    const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
    c.imply('hour', 12);
    return c;
  }
}
