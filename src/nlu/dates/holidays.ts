/**
 * Days customers name without a number: the holidays around the year's end ("la vigilia di
 * Natale", "Boxing Day", "San Silvestro", "the first Monday after Epiphany", "il martedì dopo
 * Natale"), days counted in words ("fra quindici giorni"), and "2moro". chrono reads none of them.
 * A holiday named as a deadline or a season ("prima di Natale", "after the holidays", "buon
 * Natale", "over the Christmas break") is no day wished, and is left alone.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { DateTime } from 'luxon';
import { refDay } from './next-day';

/** Holidays that always name one day, and the day. */
const ONE_DAY: [string, number, number][] = [
  ["christmas\\s+eve|vigilia\\s+di\\s+natale", 12, 24],
  ['christmas\\s+day|giorno\\s+di\\s+natale', 12, 25],
  ['boxing\\s+day|santo\\s+stefano', 12, 26],
  ["new\\s+year(?:'?s|\\s+s)?\\s+eve|vigilia\\s+di\\s+capodanno|san\\s+silvestro|ultimo\\s+dell'?\\s*anno", 12, 31],
  ["new\\s+year(?:'?s|\\s+s)?\\s+day|primo\\s+dell'?\\s*anno", 1, 1],
  ['epiphany|epifania|befana', 1, 6],
];
/** Holidays that name a day only as the point a weekday is counted from ("the Wednesday after Christmas"). */
const FROM_ONLY: [string, number, number][] = [
  ['christmas|natale', 12, 25],
  ["new\\s+year(?:'?s|\\s+s)?|capodanno", 1, 1],
];

/** Weekday names (Italian with or without the accent, English) and their ISO numbers. */
export const WEEKDAYS: [string, number][] = [
  ['luned[iì]|monday', 1], ['marted[iì]|tuesday', 2], ['mercoled[iì]|wednesday', 3], ['gioved[iì]|thursday', 4],
  ['venerd[iì]|friday', 5], ['sabato|saturday', 6], ['domenica|sunday', 7],
];

const alternation = (list: [string, number, number][] | [string, number][]) => list.map(([p]) => `(?:${p})`).join('|');
const HOLIDAY_STRONG = alternation(ONE_DAY);
const HOLIDAY_ANY = `${HOLIDAY_STRONG}|${alternation(FROM_ONLY)}`;

const PATTERN = new RegExp(
  '(?<![\\w])(?:' +
    // "the (first) Monday after Epiphany", "il martedì dopo Natale"
    `(?:(?:the|il|la)\\s+)?(?:(?:first|primo|prima)\\s+)?(${alternation(WEEKDAYS)})\\s+(?:after|dopo)\\s+(?:the\\s+|il\\s+|la\\s+|l'?\\s*)?(${HOLIDAY_ANY})` +
    '|' +
    // "il giorno dell'Epifania", "Boxing Day"
    `(?:(?:il\\s+|the\\s+)?giorno\\s+(?:di|dell'?|della)\\s*)?(${HOLIDAY_STRONG})` +
    ")(?![\\w'])",
  'i',
);

/** Said before a holiday, it makes it a deadline, a season or a wish, not a day: "prima di Natale", "merry Christmas". */
const NOT_THE_DAY_BEFORE =
  /(?:prima|before|dopo|after|entro|by|until|till|fino|verso|around|intorno|durante|during|over|buon|buone|merry|happy|auguri|feste|vacanze|holidays?|since|dal|from)\s+(?:di\s+|a\s+|al\s+|the\s+|il\s+|la\s+|le\s+|l'?\s*|dell'?\s*)?$/i;
/** Said after it, likewise: "Christmas Eve dinner", "le vacanze dell'Epifania". */
const NOT_THE_DAY_AFTER = /^\s*(?:holidays?|break|vacanz\w*|feste|party|festa|cena|dinner|pranzo|lunch|shopping)\b/i;

const match = (list: [string, number, number][], said: string) => list.find(([p]) => new RegExp(`^(?:${p})$`, 'i').test(said.trim()));

/** "la vigilia di Natale", "Boxing Day", "il martedì dopo Natale", "the first Monday after Epiphany". */
export class HolidayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const index = m.index ?? 0;
    if (NOT_THE_DAY_BEFORE.test(context.text.slice(0, index)) || NOT_THE_DAY_AFTER.test(context.text.slice(index + m[0].length))) return null;
    const today = refDay(context);
    const holiday = match([...ONE_DAY, ...FROM_ONLY], (m[2] ?? m[3]).replace(/^(?:il\s+|the\s+)?giorno\s+(?:di|dell'?|della)\s*/i, ''));
    if (!holiday) return null;
    let day = DateTime.fromObject({ year: today.year, month: holiday[1], day: holiday[2] }, { zone: today.zone });
    if (day < today.startOf('day')) day = day.plus({ years: 1 });
    if (m[1] !== undefined) {
      const weekday = WEEKDAYS.find(([p]) => new RegExp(`^(?:${p})$`, 'i').test(m[1]))?.[1];
      if (weekday === undefined) return null;
      day = day.plus({ days: (weekday - day.weekday + 7) % 7 || 7 });
    }
    return context.createParsingComponents({ day: day.day, month: day.month, year: day.year });
  }
}

const IT_COUNT = ['due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove', 'venti'];
const EN_COUNT = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const COUNT_WORDS = [...IT_COUNT, ...EN_COUNT].sort((a, b) => b.length - a.length).join('|');

/** "fra quindici giorni", "tra diciotto giorni", "in twelve days": days ahead counted in words. */
export class DaysInWordsParser implements Parser {
  pattern(): RegExp {
    return new RegExp(`(?<![\\w])(?:tra|fra|in)\\s+(${COUNT_WORDS})\\s+(?:giorni|days)(?![\\w])`, 'i');
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const word = m[1].toLowerCase();
    const n = (IT_COUNT.includes(word) ? IT_COUNT.indexOf(word) : EN_COUNT.indexOf(word)) + 2;
    const d = refDay(context).plus({ days: n });
    return context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
  }
}

/** "2moro", "2morrow", "tmr", "tomoz": tomorrow in chat shorthand. */
export class TomorrowShorthandParser implements Parser {
  pattern(): RegExp {
    return /(?<![\w])(?:2mor+ow?|2mrw|tmr|tomoz)(?![\w])/i;
  }
  extract(context: ParsingContext) {
    const d = refDay(context).plus({ days: 1 });
    return context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
  }
}
