/**
 * A weekday with its day of the month, "martedì 8", "venerdi 11", "tue 8", "friday the 11th": the
 * next such day of the month (today included), never the next such weekday nor, for "venerdì 11",
 * Friday at 11. When that day is another weekday ("lunedì 9", the 9th a Wednesday) the result
 * keeps both, and {@link weekdayConflict} gives the two days to ask about.
 * @module
 */
import type { Parser, ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { refDay } from './next-day';

const WEEKDAYS: [RegExp, number][] = [
  [/^(?:luned[iì']?|lun|mon(?:day)?)$/, 1],
  [/^(?:marted[iì']?|mart?|tue(?:s(?:day)?)?)$/, 2],
  [/^(?:mercoled[iì']?|merc?|wed(?:nesday)?)$/, 3],
  [/^(?:gioved[iì']?|giov?|thu(?:r(?:s(?:day)?)?)?)$/, 4],
  [/^(?:venerd[iì']?|ven|fri(?:day)?)$/, 5],
  [/^(?:sabato|sab|sat(?:urday)?)$/, 6],
  [/^(?:domenica|dom|sun(?:day)?)$/, 7],
];

// WhatsApp's "mart 22", "merc 9", "giov 17" too (the whole recognizer expands them before)
const NAMES = "luned[iì']?|marted[iì']?|mercoled[iì']?|gioved[iì']?|venerd[iì']?|sabato|domenica|lun|mart|merc|mer|giov|gio|ven|sab|dom|" +
  'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';
/** "mar 1 alle 10" is Tuesday in Italian; in English "Mar 15" is March, left to chrono. */
const NAMES_IT = `${NAMES}|mar`;
/** Minutes after "e" / "meno": "alle 10 e mezza" is one hour; "alle 10 e mi serve un'auto" is the hour, then the sentence goes on. */
const MINUTES_AFTER = '(?:e|meno)\\s+(?:mezz|un\\s+quarto|quarto|tre\\s+quarti|trenta|quindici|quarantacinque|venti|dieci|cinque|\\d)';

// not a time ("venerdì 11:30", "fri 11am", "venerdì 11 e mezza", "venerdì 11h") nor a day with its month (chrono
// has those); "mercoledì 9 h 9:30" is the 9th at 9:30
const pattern = (names: string) => new RegExp(
  `(?<![\\w])(${names})\\s+(?:il\\s+|l\\s*'?\\s*|the\\s+)?(\\d{1,2})(?:st|nd|rd|th|°)?(?![\\w])` +
    `(?!\\s*(?:[:.,]\\d|h\\b(?!\\s*\\d)|am\\b|pm\\b|e\\s+(?:mezz|un\\s+quarto|trenta|quindici)|o'?clock|[/-]\\d))` +
    // its hour, taken here: chrono would read "9 alle 10" as a range and lose the day
    `(?:,?\\s*(?:alle|ore|h|at)\\s*(\\d{1,2})(?::(\\d{2}))?(?:\\s*(am|pm))?(?![\\w:])(?!\\s+${MINUTES_AFTER}))?`,
  'i',
);
const RE = pattern(NAMES);
const RE_IT = pattern(NAMES_IT);

const MONTH_WORD = /^\s*(?:di\s+|of\s+)?(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)/i;

export class WeekdayDayParser implements Parser {
  /** @param lang the language of the chrono this parser extends: Italian reads "mar" as Tuesday */
  constructor(private readonly lang: 'it' | 'en' = 'en') {}
  pattern(): RegExp {
    return this.lang === 'it' ? RE_IT : RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const rest = context.text.slice((m.index ?? 0) + m[0].length);
    if (MONTH_WORD.test(rest)) return null;
    const name = m[1].toLowerCase();
    const weekday = WEEKDAYS.find(([re]) => re.test(name))?.[1];
    const day = Number(m[2]);
    if (!weekday || day < 1 || day > 31) return null;
    const today = refDay(context);
    // the next such day of the month, today included: "lunedì 9" is about the 9th coming, whatever weekday it is
    let month = today.startOf('month');
    for (let i = 0; i < 3; i++, month = month.plus({ months: 1 })) {
      const d = month.set({ day });
      if (!d.isValid || d.day !== day || d < today) continue;
      const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year, weekday: weekday % 7 });
      if (m[3] === undefined) c.imply('hour', 12);
      else if (!withHour(c, Number(m[3]), Number(m[4] ?? 0), m[5]?.toLowerCase())) return null;
      return c;
    }
    return null;
  }
}

function withHour(c: ParsingComponents, hour: number, minute: number, meridiem: string | undefined): boolean {
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return false;
  c.assign('hour', hour).assign('minute', minute);
  if (meridiem || hour >= 13) c.addTag('meridiemKnown');
  return true;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The two days a weekday and a date that disagree may mean, in calendar order: the date said,
 * and the day of the weekday said nearest to it, after today (`undefined` when they agree).
 * @param jsWeekday the weekday said, 0 = Sunday (as chrono keeps it)
 * @param date the date said, `yyyy-MM-dd`; @param today `yyyy-MM-dd`
 */
export function weekdayConflict(jsWeekday: number, date: string, today: string): [string, string] | undefined {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at)) return undefined;
  const forward = (jsWeekday - new Date(at).getUTCDay() + 7) % 7;
  if (forward === 0) return undefined;
  let other = forward <= 3 ? at + forward * DAY_MS : at - (7 - forward) * DAY_MS;
  if (iso(other) <= today) other += 7 * DAY_MS;
  return other < at ? [iso(other), date] : [date, iso(other)];
}

/** Between a date and a weekday: a choice or a correction, two days ("il 12 o sabato?", "the 12th, or rather saturday"). */
const APART = /(?<![a-z])(?:o|or|oppure|altrimenti|otherwise|anzi|invece|instead|actually|rather|piuttosto|meglio|better|no)(?![a-z])/;

/**
 * A weekday said apart from a date that falls on it is that date, not the next such weekday:
 * "on the 12th? it's a saturday i know", "il 12, che è sabato", "14 dicembre, lunedì" are one day.
 */
export class WeekdayOfDateRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const dated = results.filter((r) => r.start.isCertain('day'));
    if (dated.length === 0) return results;
    for (const r of results) {
      const s = r.start;
      if (!s.isCertain('weekday') || s.isCertain('day') || r.tags().has('weekOffset')) continue;
      const date = dated.find((d) => {
        const between = d.index < r.index ? context.text.slice(d.index + d.text.length, r.index) : context.text.slice(r.index + r.text.length, d.index);
        const day = new Date(Date.UTC(d.start.get('year') ?? 0, (d.start.get('month') ?? 1) - 1, d.start.get('day') ?? 1));
        return day.getUTCDay() === s.get('weekday') && !APART.test(between);
      });
      if (!date) continue;
      s.imply('day', date.start.get('day') ?? 1).imply('month', date.start.get('month') ?? 1).imply('year', date.start.get('year') ?? 0);
    }
    return results;
  }
}
