/**
 * Custom chrono parsers for what `chrono.en` misses: hours in words ("at nine"), "half past
 * nine", "quarter to ten", "around 2", "h 9", "on the 7th".
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { EN_HOUR_WORDS, hourValue, minuteValue } from './numbers';
import { dayMonth, nextDayOfMonth, refDay } from './next-day';

const EN_MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';

const HOUR = `(\\d{1,2}|${EN_HOUR_WORDS})`;
const MERIDIEM = `(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.|o'?clock))?(?:\\s+in\\s+the\\s+(morning|afternoon|evening))?`;
/** "h 9" / "at h 9" as Italians write it in English ("h" is glued to its hour before: "h9"); not an H7 bulb. */
const H_HOUR = '(?:at\\s+)?h\\s*(?=\\d{1,2}(?!\\d)(?!\\s*(?:bulbs?|lamps?|led|headlights?|xenon)\\b))';
const TIME_RE = new RegExp(
  // ("change the time to 11", "move it to 10": an hour after "to" only after a verb that changes the time)
  `(?<![\\w])(?:(?:at|around|about|after|before|by|from|for|round)\\s+|(?<=\\b(?:change|move|put|make|switch|shift)\\s+(?:the\\s+)?(?:time|it|that|appointment)\\s)to\\s+|${H_HOUR})` +
    `(?:(half|quarter|a\\s+quarter|ten|twenty|five|twenty\\s+five)\\s+(past|to)\\s+)?${HOUR}(?:[:.](\\d{2}))?${MERIDIEM}(?![\\w])`,
  'i',
);
const BARE_PAST_RE = new RegExp(
  `(?<![\\w])(half|quarter|a\\s+quarter|ten|twenty|five|twenty\\s+five)\\s+(past|to)\\s+${HOUR}${MERIDIEM}(?![\\w])`,
  'i',
);

function timeComponents(
  context: ParsingContext,
  rel: string | undefined,
  dir: string | undefined,
  hourWord: string,
  minutes: string | undefined,
  meridiem: string | undefined,
  part: string | undefined,
) {
  let hour = hourValue(hourWord);
  if (hour === undefined || hour > 23) return null;
  let minute = minutes ? Number(minutes) : 0;
  if (rel && dir) {
    const m = minuteValue(rel) ?? 0;
    if (dir.toLowerCase() === 'past') minute = m;
    else {
      minute = 60 - m;
      hour = (hour + 23) % 24;
    }
  }
  if (minute > 59) return null;
  const mer = meridiem?.toLowerCase().replace(/\./g, '');
  const p = part?.toLowerCase();
  if ((mer === 'pm' || p === 'afternoon' || p === 'evening') && hour < 12) hour += 12;
  if (mer === 'am' && hour === 12) hour = 0;
  const c = context.createParsingComponents({ hour, minute });
  if (mer === 'am' || mer === 'pm' || p || hour >= 13) c.addTag('meridiemKnown');
  return c;
}

/** "at nine", "around 2", "after 5pm", "at half past nine", "at 3 in the afternoon". */
export class EnglishTimeParser implements Parser {
  pattern(): RegExp {
    return TIME_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    return timeComponents(context, m[1], m[2], m[3], m[4], m[5], m[6]);
  }
}

const HALF_RE = new RegExp(`(?<![\\w])(?:at|around|about|by|for|from|after|before|like)\\s+half\\s+${HOUR}(?![\\w])(?!\\s+(?:past|an?\\b|hours?))`, 'i');

/** British "at half nine", "around half 2": half past that hour, an afternoon one when it is before 8. */
export class EnglishHalfHourParser implements Parser {
  pattern(): RegExp {
    return HALF_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    let hour = hourValue(m[1]);
    if (hour === undefined || hour > 23) return null;
    if (hour >= 1 && hour < 8) hour += 12;
    const c = context.createParsingComponents({ hour, minute: 30 });
    c.addTag('meridiemKnown');
    return c;
  }
}

/** "half past nine", "quarter to ten" without a preposition. */
export class EnglishPastToParser implements Parser {
  pattern(): RegExp {
    return BARE_PAST_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    return timeComponents(context, m[1], m[2], m[3], undefined, m[4], m[5]);
  }
}

/** What an ordinal counts when it is no day: "for the 3rd time", "3rd gear", "my 2nd car". */
const COUNTED = 'times?|gear|floor|owner|generation|gen|visit|message|email|call|car|one|attempt|try|reminder';

const DAY_RE = new RegExp(
  `(?<![\\w])(?:on\\s+the|the|on|for\\s+the)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\s*(?:[/:.]\\d|%|of\\s+(?:${EN_MONTHS})\\b|(?:${EN_MONTHS})\\b|\\s*(?:am|pm|km|miles|years|hours|h|${COUNTED})\\b))(?![\\w])`,
  'i',
);

/** "on the 7th", "the 7th": the next 7th of a month, today included. */
export class EnglishDayOfMonthParser implements Parser {
  pattern(): RegExp {
    return DAY_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    // "on 3" alone is too weak: require an ordinal suffix or "the"
    if (!/(st|nd|rd|th)$/i.test(m[0]) && !/the/i.test(m[0])) return null;
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    return nextDayOfMonth(context, day);
  }
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_DAY_RE = new RegExp(`(?<![\\w])(?<!\\b(?:of|\\d{1,2}(?:st|nd|rd|th)?)\\s+)(${EN_MONTHS})\\.?\\s+(\\d{1,2})(?![\\d:.])(?!\\s*,?\\s*\\d{4})(?!\\s*(?:st|nd|rd|th)\\b)(?:\\s*,?\\s*(?:in\\s+the\\s+)?(?:morning|afternoon|evening)\\b)?`, 'i');

/**
 * "January 18", "Dec 22" (#12, seventh round): the month's day, as customers write it; chrono's
 * English read the number as a year ("January 2018") and dropped it as past. With a year after
 * it ("January 18, 2027") or an ordinal ("January 18th") chrono's own reading stands.
 */
export class EnglishMonthDayParser implements Parser {
  pattern(): RegExp {
    return MONTH_DAY_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    // "I may 5 times…": this parser reads the month May only with its capital (chrono's own parser may still read it)
    if (m[1].toLowerCase() === 'may' && m[1][0] !== 'M') return null;
    const month = MONTH_NUMBER[m[1].toLowerCase().slice(0, 3)];
    // (a part of the day after it is read apart, from the whole message)
    return month ? dayMonth(context, Number(m[2]), month) : null;
  }
}

/** "the day after tomorrow", which chrono's English reads as "tomorrow". */
export class EnglishDayAfterTomorrowParser implements Parser {
  pattern(): RegExp {
    return /(?<![\w])(?:the\s+)?day\s+after\s+tomorrow(?![\w])/i;
  }
  extract(context: ParsingContext) {
    const d = refDay(context).plus({ days: 2 });
    return context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
  }
}

/** An hour or a part of the day right after an ordinal: "16th at 10", "21st 8am", "22nd, 9:30", "18th in the morning". */
const TIME_AFTER =
  '\\s*,?\\s*(?:(?:at|around|about|by|from|after|before|@)\\s*\\d{1,2}(?!\\d)|\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\d{1,2}:\\d{2}|' +
  '(?:in\\s+the\\s+)?(?:morning|afternoon|evening)\\b|first\\s+thing|noon|midday|lunchtime|(?:before|after)\\s+lunch)';
/** "16th?", "the 16th please" said alone. */
const ALONE = /^\s*(?:please|pls|then|if\s+possible|ok|okay)?\s*$/i;
const ORDINAL_RE = new RegExp(`(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)(?![\\w])(?=(${TIME_AFTER})?)`, 'i');

/**
 * An ordinal without "the" or "on", "16th at 10?", "21st 8am", "16th?": the next such day of the
 * month, when an hour or a part of the day follows it or it is the whole message ("3rd gear",
 * "my 2nd message" are no days).
 */
export class EnglishBareOrdinalParser implements Parser {
  pattern(): RegExp {
    return ORDINAL_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const at = m.index ?? 0;
    if (m[2] === undefined && !(context.text.slice(0, at).trim() === '' && ALONE.test(context.text.slice(at + m[0].length)))) return null;
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    return nextDayOfMonth(context, day);
  }
}
