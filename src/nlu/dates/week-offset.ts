/**
 * A weekday of a later week: "martedì prossima settimana", "la settimana prossima giovedì",
 * "next week on Tuesday", "martedì tra due settimane", "in 2 weeks on Friday" (calendar weeks,
 * Monday to Sunday: that weekday in the week N weeks after this one), and "the Tuesday after
 * next", "a week on Friday", "Friday week" (the next such weekday, then a week more).
 * @module
 */
import type { Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DateTime } from 'luxon';
import { nextWeekday, refDay } from './next-day';
import { refusedSpans } from './refused';

const DAYS: [RegExp, number][] = [
  [/^(?:luned|lun|mon)/, 1],
  [/^(?:marted|tue)/, 2],
  [/^(?:mercoled|mer|wed)/, 3],
  [/^(?:gioved|gio|thu)/, 4],
  [/^(?:venerd|ven|fri)/, 5],
  [/^(?:sab|sat)/, 6],
  [/^(?:dom|sun)/, 7],
];
const COUNTS: Record<string, number> = { un: 1, una: 1, uno: 1, a: 1, one: 1, due: 2, two: 2, tre: 3, three: 3, quattro: 4, four: 4 };

const WD =
  '(luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|lun|mer|gio|ven|sab|dom|' +
  'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)';
const N = '(\\d|una|un|uno|due|tre|quattro|a|one|two|three|four)';
const NEXT_IT = '(?:settimana\\s+prossima|prossima\\s+settimana|settimana\\s+dopo)';
const SEP = '\\s*[,;]?\\s*';

/** Each form with how its groups read: a weekday, a number of weeks (1 when absent), or "after next". */
const FORMS: { re: string; day: number; weeks?: number; after?: true }[] = [
  // "giovedì della settimana prossima", "giovedì, ma della settimana prossima"
  { re: `${WD}(?:\\s*[,;]\\s*|\\s+)(?:ma\\s+|pero\\s+)?(?:della\\s+|di\\s+|nella\\s+)?(?:la\\s+)?${NEXT_IT}`, day: 1 },
  { re: `(?:la\\s+|nella\\s+|per\\s+la\\s+)?${NEXT_IT}${SEP}(?:di\\s+|il\\s+|la\\s+|per\\s+)?${WD}`, day: 1 },
  { re: `${WD}\\s+(?:tra|fra)\\s+${N}\\s+settiman[ae]`, day: 1, weeks: 2 },
  { re: `(?:tra|fra)\\s+${N}\\s+settiman[ae]${SEP}(?:di\\s+|il\\s+|la\\s+)?${WD}`, day: 2, weeks: 1 },
  { re: `(?:the\\s+)?${WD}\\s+after\\s+next`, day: 1, after: true },
  { re: `${WD}\\s+dopo\\s+(?:il\\s+|la\\s+)?prossim[oa]`, day: 1, after: true },
  { re: `a\\s+week\\s+on\\s+${WD}`, day: 1, after: true },
  // "non questo martedì ma quello dopo", "not this Tuesday, the one after", "il martedì dopo quello di questa settimana"
  { re: `non\\s+(?:questo|quest)\\s+${WD}${SEP}(?:ma\\s+)?quello\\s+(?:dopo|successivo)`, day: 1, after: true },
  { re: `not\\s+this\\s+${WD}${SEP}(?:but\\s+)?the\\s+(?:one|${WD})\\s+after`, day: 1, after: true },
  { re: `${WD}\\s+dopo\\s+quello\\s+di\\s+questa\\s+settimana`, day: 1, after: true },
  { re: `${WD}\\s+week(?![a-z])`, day: 1, after: true },
  { re: `${WD}(?:\\s*[,;]\\s*|\\s+)(?:but\\s+)?(?:of\\s+)?next\\s+week`, day: 1 },
  { re: `next\\s+week${SEP}(?:on\\s+)?${WD}`, day: 1 },
  { re: `in\\s+${N}\\s+weeks?(?:\\s+time)?${SEP}(?:on\\s+)?${WD}`, day: 2, weeks: 1 },
  { re: `${WD}\\s+in\\s+${N}\\s+weeks?(?:\\s+time)?`, day: 1, weeks: 2 },
];

// one pattern, one pass over the message: the form is told by which groups matched
const groupsOf = (re: string) => (re.match(/\((?!\?)/g) ?? []).length;
const RE = new RegExp(`(?<![\\w])(?:${FORMS.map((f) => `(${f.re})`).join('|')})(?![\\w])`, 'i');

export class WeekOffsetParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    let at = 1;
    for (const form of FORMS) {
      const width = groupsOf(form.re);
      if (m[at] !== undefined) {
        const dayWord = m[at + form.day].toLowerCase();
        const weekday = DAYS.find(([re]) => re.test(dayWord))?.[1];
        const weeks = form.weeks ? (COUNTS[m[at + form.weeks].toLowerCase()] ?? Number(m[at + form.weeks])) : 1;
        if (!weekday || !(weeks >= 1 && weeks <= 8)) return null;
        const d = form.after
          ? nextWeekday(context, weekday).plus({ days: 7 })
          : refDay(context).startOf('week').plus({ weeks, days: weekday - 1 });
        const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year, weekday: weekday % 7 });
        c.imply('hour', 12);
        c.addTag('weekOffset');
        return c;
      }
      at += width + 1;
    }
    return null;
  }
}

/** A week said alone, as chrono reads it: "la settimana prossima", "next week", "tra due settimane", "in 2 weeks". */
const WEEK_ALONE =
  /^(?:(?:la|nella|per\s+la|in|for)\s+)?(?:settimana\s+prossima|prossima\s+settimana|settimana\s+dopo|next\s+week|(?:tra|fra)\s+\S+\s+settiman[ae]|in\s+\S+\s+weeks?(?:\s+time)?)$/i;
const WEEK_ALONE_TAG = 'weekAlone';

/**
 * "settimana prossima" without its article, which chrono.it does not read: only to place a weekday
 * said apart ({@link WeekdayInWeekRefiner}), never a day of its own.
 */
export class ItalianWeekAloneParser implements Parser {
  pattern(): RegExp {
    return /(?<![\w])settimana\s+(?:prossima|dopo)(?![\w])/i;
  }
  extract(context: ParsingContext) {
    const d = refDay(context).plus({ days: 7 });
    const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
    c.addTag(WEEK_ALONE_TAG);
    return c;
  }
}

/** "questo giovedì", "this thursday": the weekday is this week's, whatever week is named. */
const THIS_WEEK = /(?<![a-z])(?:questo|questa|quest|this)\s*$/;
/** Between a weekday of a later week and another weekday: a choice in the same week ("next week, wednesday or thursday"). */
const JOINED = /^\s*[,;]?\s*(?:o|or|oppure|e|and|o\s+anche|or\s+maybe|o\s+magari|or\s+even)?\s*$/;

const weekdayAlone = (r: ParsingResult) => r.start.isCertain('weekday') && !r.start.isCertain('day') && !r.tags().has('weekOffset');
const namesDay = (r: ParsingResult) => r.start.isCertain('day') || r.start.isCertain('weekday');

/**
 * A week named and a weekday said apart are that weekday of that week: "next week, say
 * Wednesday", "c'è posto la settimana prossima? preferibilmente giovedì", "tra due settimane,
 * diciamo giovedì" (calendar weeks, as above). The week alone is then no day of its own (chrono
 * made it today plus seven days), so not an option to ask about. A weekday joined by "or" to a
 * weekday of a later week is in that week too ("next week, wednesday or thursday"). A weekday
 * ruled out ("giovedì non posso") or "this" one stays as it is.
 */
export class WeekdayInWeekRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const alone = results.filter((r) => r.tags().has(WEEK_ALONE_TAG) || (WEEK_ALONE.test(r.text.trim()) && r.start.isCertain('day') && !r.start.isCertain('weekday')));
    const offsets = results.filter((r) => r.tags().has('weekOffset'));
    if (alone.length + offsets.length === 0) return results;
    const refused = refusedSpans(context.text, results.filter(namesDay));
    const movable = (r: ParsingResult) =>
      weekdayAlone(r) && !refused.has(r) && !THIS_WEEK.test(context.text.slice(Math.max(0, r.index - 12), r.index)) && !/^(?:questo|questa|quest|this)\b/i.test(r.text);
    let used: ParsingResult | undefined;
    for (const r of results) {
      if (!movable(r)) continue;
      const joinedTo = offsets.find((o) => JOINED.test(o.index < r.index ? context.text.slice(o.index + o.text.length, r.index) : context.text.slice(r.index + r.text.length, o.index)));
      const week = joinedTo ?? (alone.length === 1 ? alone[0] : undefined);
      if (!week) continue;
      const s = week.start;
      const monday = DateTime.utc(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1).startOf('week');
      if (!monday.isValid) continue;
      const jsWeekday = r.start.get('weekday') ?? 0;
      const d = monday.plus({ days: (jsWeekday === 0 ? 7 : jsWeekday) - 1 });
      r.start.imply('day', d.day).imply('month', d.month).imply('year', d.year);
      r.addTag('weekOffset');
      if (!joinedTo) used = week;
    }
    return results.filter((r) => r !== used && !r.tags().has(WEEK_ALONE_TAG));
  }
}
