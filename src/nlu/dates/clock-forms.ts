/**
 * Hours written the ways chrono does not read, rewritten to `H:MM` in place (same length, so the
 * words keep their positions): "14e30", "9h30", and after "alle / ore / h / at" an hour with its
 * minutes split by a comma, which normalisation leaves as a space ("alle 9,30" → "alle 9 30").
 * A dot is already a colon after normalisation ("9.30" → "9:30"). And "8 h 30" (French-style),
 * "11h", "0830" (24-hour, a leading zero), "3ish", "around 10-ish" (English: about that hour).
 * @module
 */

const GLUED = /(?<![\w:/])([01]?\d|2[0-3])[eh]([0-5]\d)(?![\w:/])/g;
const SPLIT = /(?<![\w])((?:alle|ore|h|at)\s+)([01]?\d|2[0-3])\s([0-5]\d)(?![\w:/]|\s*(?:minut|min\b|giorn|days?\b|euro|€))/g;

/** "alle 11 e mezza" → "alle 11:30" (padded, so the words keep their places): chrono otherwise drops the day before it. */
const HALF_PAST = /(?<![\w:])([01]?\d|2[0-3])\s+e\s+(mezza|mezzo)(?![\w])/g;
/** A time then "e …" is no range ("lunedì 14 alle 8:30 e poi prendo il bus"): the sentence goes on. */
const AND_AFTER_TIME = /(\d{1,2}:\d{2})(\s+)e(?=\s+(?!mezz|un quarto|\d))/g;
/** "sabato 5 di mattina", "mercoledì 23 di pomeriggio": the number is the day, the part of the day apart. */
const DAY_THEN_PART = /\b((?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|lunedì|martedì|mercoledì|giovedì|venerdì|il|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the)\s+(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?)(\s+)(?=(?:di|in|nel|al|in the)\s+(?:mattina|mattinata|pomeriggio|primo pomeriggio|sera|morning|afternoon|evening)\b)/g;

/** "h 14", "h 9" (WhatsApp shorthand): glued to its hour as "h14 ", which is read like "h9"; "h 9 30" is left to {@link SPLIT}. */
const H_SPACE = /(?<![\w:])h\s([01]?\d|2[0-3])(?![\w:])(?!\s[0-5]\d(?![\w:/]))/g;
/** British "half two on Friday": half past the hour ("half an hour" is a duration, blanked before). */
const HALF_HOUR_EN = /(?<![\w])half\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w])/g;
const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** "8 h 30", "at 8 h 30": French-style hour and minutes. */
const SPACED_H = /(?<![\w:/])([01]?\d|2[0-3])\s+h\s+([0-5]\d)(?![\w:/])/g;
/** A day before "N h MM": "ven 4 h 15", "giovedì 10 h 14" are the 4th at 15:00, the 10th at 14:00 (not when MM is no hour). */
const DAY_BEFORE = new RegExp(
  '(?<![a-z])(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|lun|mar|mart|mer|merc|gio|giov|ven|sab|dom|' +
    'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|il|the|on|dal|al|del)\\s+$',
);
/** A duration, no hour at all: "ci vogliono 2 h 30", "it takes 2 h 30". */
const DURATION_BEFORE = /(?<![a-z])(?:in|tra|fra|per|for|takes?|took|vogliono|servono|dura|lasts?)\s+$/;
/**
 * "0830" alone, a leading zero and no year: "8:30" (chrono drops a result that is digits only); with "at",
 * "alle", "ore", "h" or "hrs" four digits are `FourDigitTimeParser`'s. Not a phone number ("0522 123456").
 */
const ZERO_HOUR = /(?<![\w:/.,+])(?<!\d\s)0([7-9])([0-5][05])(?![\w:/.,])(?!\s*\d)(?!\s*(?:hrs|hours|hr|h|ore)\b)/g;
/** "3ish", "10-ish", "around 2.30ish", "3pmish": about that hour, the hour itself ("3:00"). */
const ISH = /(?<![\w:])(\d{1,2})(?::(\d{2}))?(\s?(?:am|pm))?\s?ish(?![\w])/g;

/** "11h", "venerdì 11h", "venerdì 11 h": the hour (chrono read eleven hours from now), written "h11" as the parsers read it. */
const HOUR_H = /(?<![\w:/.])([01]?\d|2[0-3])\s?h(?![\w:/])(?!\s*\d)/g;

/** The text with those hours as `H:MM`. */
/**
 * "Monday 11 January, 10 o'clock", "Friday 4 December 14": a number of one or two digits right after
 * a day and its month is the hour, never a year (chrono read "11 January, 10" as 2010): the gap
 * becomes a ";" so the two are read apart.
 */
const DAY_MONTH_HOUR = new RegExp(
  '(?<![\\w])(\\d{1,2}(?:st|nd|rd|th)?\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))' +
    '(\\s*,\\s*|\\s+)([01]?\\d|2[0-3])(?![\\d:.,]|\\s*(?:st|nd|rd|th|°)\\b)(?!\\s*(?:-|al|to|fino)\\s*\\d)',
  'gi',
);

/** "10 o clock" (the apostrophe gone with normalisation), "10 oclock": "10:00", padded. */
const O_CLOCK = /(?<![\w:])([01]?\d|2[0-3])\s*o\s?clock(?![\w])/gi;

export function clockForms(text: string): string {
  return text
    .replace(O_CLOCK, (m: string, h: string) => `${h}:00`.padEnd(m.length, ' '))
    .replace(SPACED_H, (m: string, h: string, mm: string, at: number, all: string) => {
      const before = all.slice(Math.max(0, at - 20), at);
      if (DURATION_BEFORE.test(before)) return ' '.repeat(m.length);
      return Number(mm) <= 23 && DAY_BEFORE.test(before) ? m : `${h}:${mm}`.padEnd(m.length, ' ');
    })
    .replace(HOUR_H, (m: string, h: string, at: number, all: string) => {
      if (DURATION_BEFORE.test(all.slice(Math.max(0, at - 20), at))) return ' '.repeat(m.length);
      return Number(h) >= 7 && Number(h) <= 20 ? `h${h}`.padEnd(m.length, ' ') : m;
    })
    .replace(ZERO_HOUR, '$1:$2')
    .replace(ISH, (m: string, h: string, mm: string | undefined, mer: string | undefined) => `${h}:${mm ?? '00'}${mer ?? ''}`.padEnd(m.length, ' '))
    .replace(H_SPACE, (m: string, h: string) => `h${h}`.padEnd(m.length, ' '))
    .replace(HALF_HOUR_EN, (m: string, h: string) => `${EN_NUMBERS[h]}:30`.padEnd(m.length, ' '))
    .replace(GLUED, '$1:$2')
    .replace(SPLIT, '$1$2:$3')
    .replace(HALF_PAST, (m: string, h: string) => `${h}:30`.padEnd(m.length, ' '))
    .replace(AND_AFTER_TIME, (_m: string, t: string, sp: string) => `${t}${sp};`)
    .replace(DAY_THEN_PART, (_m: string, day: string, sp: string) => `${day};${sp.slice(1)}`)
    .replace(DAY_MONTH_HOUR, (_m: string, day: string, sep: string, hour: string) => `${day};${sep.slice(1)}${hour}`);
}
