/**
 * A weekday with its day of the month, "martedì 8", "venerdi 11", "tue 8", "friday the 11th": the
 * date that is both (the next one, within a few months), not the next such weekday nor, for
 * "venerdì 11", Friday at 11. A number that does not fall on that weekday is left to the others.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { refDay } from './next-day';

const WEEKDAYS: [RegExp, number][] = [
  [/^(?:luned[iì']?|lun|mon(?:day)?)$/, 1],
  [/^(?:marted[iì']?|mar|tue(?:s(?:day)?)?)$/, 2],
  [/^(?:mercoled[iì']?|mer|wed(?:nesday)?)$/, 3],
  [/^(?:gioved[iì']?|gio|thu(?:r(?:s(?:day)?)?)?)$/, 4],
  [/^(?:venerd[iì']?|ven|fri(?:day)?)$/, 5],
  [/^(?:sabato|sab|sat(?:urday)?)$/, 6],
  [/^(?:domenica|dom|sun(?:day)?)$/, 7],
];

const NAMES = "luned[iì']?|marted[iì']?|mercoled[iì']?|gioved[iì']?|venerd[iì']?|sabato|domenica|lun|mer|gio|ven|sab|dom|" +
  'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';

// not a time ("venerdì 11:30", "fri 11am", "venerdì 11 e mezza") nor a day with its month (chrono has those)
const RE = new RegExp(
  `(?<![\\w])(${NAMES})\\s+(?:il\\s+|the\\s+)?(\\d{1,2})(?:st|nd|rd|th|°)?(?![\\w])` +
    `(?!\\s*(?:[:.,]\\d|h\\b|am\\b|pm\\b|e\\s+(?:mezz|un\\s+quarto|trenta|quindici)|o'?clock|[/-]\\d))`,
  'i',
);

const MONTH_WORD = /^\s*(?:di\s+|of\s+)?(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)/i;

export class WeekdayDayParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const rest = context.text.slice((m.index ?? 0) + m[0].length);
    if (MONTH_WORD.test(rest)) return null;
    const name = m[1].toLowerCase();
    const weekday = WEEKDAYS.find(([re]) => re.test(name))?.[1];
    const day = Number(m[2]);
    if (!weekday || day < 1 || day > 31) return null;
    const today = refDay(context);
    let month = today.startOf('month');
    for (let i = 0; i < 4; i++, month = month.plus({ months: 1 })) {
      const d = month.set({ day });
      if (!d.isValid || d.day !== day || d < today || d.weekday !== weekday) continue;
      const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year, weekday: weekday % 7 });
      c.imply('hour', 12);
      return c;
    }
    return null;
  }
}
