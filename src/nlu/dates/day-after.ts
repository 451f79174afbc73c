/**
 * The day after tomorrow in Italian ("domani l'altro", "dopo domani": chrono.it read "domani"),
 * and "the day after" / "il giorno dopo" a day just named. That one is the wish only when the day
 * before it is ruled out ("not tomorrow, the day after", "domani no, il giorno dopo") or offered
 * as a choice ("tomorrow or the day after", "domani, anzi il giorno dopo"); otherwise it is when
 * something else happens ("drop it on Monday and collect it the day after") and is dropped.
 * @module
 */
import type { Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DateTime } from 'luxon';
import { refDay } from './next-day';
import { refusedSpans } from './refused';

/** "domani l'altro" (normalised "domani l altro"), "dopo domani". */
export class ItalianDayAfterTomorrowParser implements Parser {
  pattern(): RegExp {
    return /(?<![\w])(?:domani\s*l\s*'?\s*altro|dopo\s+domani)(?![\w])/i;
  }
  extract(context: ParsingContext) {
    const d = refDay(context).plus({ days: 2 });
    return context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
  }
}

const DAY_AFTER_TAG = 'dayAfter';

/**
 * "the day after" (not "…tomorrow", not "the day after my birthday"), "il giorno dopo / successivo /
 * seguente", with the hour said after it (chrono reads "the day after at 10" as tomorrow). The
 * Italian takes the space after "dopo": chrono.it would read "il giorno dopo venerdì" as a
 * duration after a date, and fails on it.
 */
const DAY_AFTER = new RegExp(
  '(?<![\\w])(?:(?:the\\s+)?day\\s+after(?!\\s+(?:tomorrow|the|my|your|our|his|her|that|this|christmas|boxing|new|easter)\\b)|(?:the\\s+)?next\\s+day|' +
    '(?:il\\s+)?giorno\\s+(?:dopo|successivo|seguente)(?!\\s+(?:domani|il|la|lo|l|i|gli|le|natale|santo|capodanno|pasqua|che)\\b))(?![\\w])' +
    '(?:,?\\s*(?:at|alle|ore|h)\\s*(\\d{1,2})(?::(\\d{2}))?(?:\\s*(am|pm))?(?![\\w:])|\\s(?=\\S))?',
  'i',
);

/** Read as tomorrow for now: {@link DayAfterRefiner} counts from the day named before it, or drops it. */
export class DayAfterParser implements Parser {
  pattern(): RegExp {
    return DAY_AFTER;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const d = refDay(context).plus({ days: 1 });
    const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
    if (m[1] !== undefined) {
      let hour = Number(m[1]);
      const minute = Number(m[2] ?? 0);
      const meridiem = m[3]?.toLowerCase();
      if (meridiem === 'pm' && hour < 12) hour += 12;
      if (meridiem === 'am' && hour === 12) hour = 0;
      if (hour > 23 || minute > 59) return null;
      c.assign('hour', hour).assign('minute', minute);
      if (meridiem || hour >= 13) c.addTag('meridiemKnown');
    }
    c.addTag(DAY_AFTER_TAG);
    return c;
  }
}

/** Between a day and "the day after": a choice or a correction ("or", "anzi", "actually", "meglio"). */
const CHOICE = /(?<![a-z])(?:o|or|oppure|altrimenti|otherwise|anzi|actually|meglio|rather|better|make\s+it|instead|invece|piuttosto)(?![a-z])/;

const hasDay = (r: ParsingResult) => r.start.isCertain('day') || r.start.isCertain('weekday');

/** "The day after" is the day after the one named before it, when that one is ruled out or a choice; else no wish. */
export class DayAfterRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    if (!results.some((r) => r.tags().has(DAY_AFTER_TAG))) return results;
    const out: ParsingResult[] = [];
    for (const r of results) {
      if (!r.tags().has(DAY_AFTER_TAG)) {
        out.push(r);
        continue;
      }
      const before = [...out].reverse().find((p) => hasDay(p) && p.index < r.index);
      if (!before) continue;
      const between = context.text.slice(before.index + before.text.length, r.index);
      if (!refusedSpans(context.text, out.filter(hasDay)).has(before) && !CHOICE.test(between)) continue;
      const s = before.start;
      const d = DateTime.utc(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1).plus({ days: 1 });
      if (!d.isValid) continue;
      r.start.assign('day', d.day).assign('month', d.month).assign('year', d.year);
      out.push(r);
    }
    return out;
  }
}
