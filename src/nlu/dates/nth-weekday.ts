/**
 * A weekday counted in a month ("the first Monday in April", "l'ultimo venerdì di marzo", "the
 * second Tuesday of April") and the days named from Easter ("the Tuesday after Easter", "il
 * martedì dopo Pasqua", "Easter Monday", "Pasquetta"). chrono reads none of them: it took "the
 * first Monday" for next Monday and dropped the month. Easter moves every year: its Sunday is
 * computed (the Gregorian computus). "Before Easter", "dopo Pasqua", "buona Pasqua" are no day.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { DateTime } from 'luxon';
import { WEEKDAYS } from './holidays';
import { refDay } from './next-day';

const MONTHS: [string, number][] = [
  ['gennaio|january', 1], ['febbraio|february', 2], ['marzo|march', 3], ['aprile|april', 4], ['maggio|may', 5], ['giugno|june', 6],
  ['luglio|july', 7], ['agosto|august', 8], ['settembre|september', 9], ['ottobre|october', 10], ['novembre|november', 11], ['dicembre|december', 12],
];
/** Which one: 1–4, or -1 for the last. */
const NTH: [string, number][] = [
  ['first|1st|primo|prima', 1], ['second|2nd|secondo|seconda', 2], ['third|3rd|terzo|terza', 3], ['fourth|4th|quarto|quarta', 4], ['last|ultimo|ultima', -1],
];

const alt = (list: [string, number][]) => list.map(([p]) => `(?:${p})`).join('|');
const find = (list: [string, number][], said: string) => list.find(([p]) => new RegExp(`^(?:${p})$`, 'i').test(said))?.[1];

const NTH_PATTERN = new RegExp(
  `(?<![\\w])(?:(?:the|il|la|l'?)\\s*)?(${alt(NTH)})\\s+(${alt(WEEKDAYS)})\\s+(?:in|of|di|del\\s+mese\\s+di|in\\s+the\\s+month\\s+of)\\s+(${alt(MONTHS)})(?![\\w])`,
  'i',
);

/** The nth weekday of a month of a year; -1 is the last. Undefined when there is no such day (a fifth one). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number, zone: string): DateTime | undefined {
  if (nth === -1) {
    const last = DateTime.fromObject({ year, month, day: 1 }, { zone }).endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  const day = first.plus({ days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1) });
  return day.month === month ? day : undefined;
}

/** "the first Monday in April", "l'ultimo venerdì di marzo": this year's, or next year's when past. */
export class NthWeekdayParser implements Parser {
  pattern(): RegExp {
    return NTH_PATTERN;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const nth = find(NTH, m[1]);
    const weekday = find(WEEKDAYS, m[2]);
    const month = find(MONTHS, m[3]);
    if (nth === undefined || weekday === undefined || month === undefined) return null;
    const today = refDay(context).startOf('day');
    let day = nthWeekday(today.year, month, weekday, nth, today.zoneName ?? 'Europe/Rome');
    if (!day || day < today) day = nthWeekday(today.year + 1, month, weekday, nth, today.zoneName ?? 'Europe/Rome');
    if (!day) return null;
    return context.createParsingComponents({ day: day.day, month: day.month, year: day.year });
  }
}

/** Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easterSunday(year: number, zone: string): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone });
}

const EASTER_PATTERN = new RegExp(
  '(?<![\\w])(?:' +
    `(?:(?:the|il|la)\\s+)?(?:(?:first|primo|prima)\\s+)?(${alt(WEEKDAYS)})\\s+(?:after|dopo)\\s+(?:the\\s+)?(?:easter|pasqua)(?:\\s+sunday)?` +
    "|(easter\\s+monday|pasquetta|luned[iì]\\s+dell'?\\s*angelo|luned[iì]\\s+di\\s+pasqua)" +
    ')(?![\\w])',
  'i',
);

/** "the Tuesday after Easter", "il martedì dopo Pasqua", "Easter Monday", "Pasquetta": the next one ahead. */
export class EasterParser implements Parser {
  pattern(): RegExp {
    return EASTER_PATTERN;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const today = refDay(context).startOf('day');
    const zone = today.zoneName ?? 'Europe/Rome';
    const weekday = m[1] !== undefined ? find(WEEKDAYS, m[1]) : 1;
    if (weekday === undefined) return null;
    const after = (year: number) => {
      const sunday = easterSunday(year, zone);
      return sunday.plus({ days: (weekday - sunday.weekday + 7) % 7 || 7 });
    };
    let day = after(today.year);
    if (day < today) day = after(today.year + 1);
    return context.createParsingComponents({ day: day.day, month: day.month, year: day.year });
  }
}
