/**
 * Twenty-four-hour times in four digits, as the military and the Italians write them: "at 0800",
 * "thursday at 1300", "alle 0830", "ore 1430", "h 0900", "1300 hrs" ("0830" alone is made "8:30" in
 * `clock-forms.ts`: chrono drops a result that is only digits). Never a year ("2026", "from 2000"),
 * a postcode (five digits), an amount ("1800 euro", "2000 km"), a model ("3200 GT") or a phone
 * number ("0522 123456"): without "at" / "alle" / "ore" / "h" or "hrs" only a leading zero counts,
 * and the minutes are a multiple of five. Run before chrono's parsers, which read "1300h" as a day.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';

const RE = new RegExp(
  '(?<![\\w:/.,+])(?<!\\d\\s)' +
    "(?:(at|@|alle|ore|h|verso\\s+le|per\\s+le|x\\s+le|dopo\\s+le|dp\\s+le|entro\\s+le|prima\\s+delle|dalle)\\s*)?" +
    '([01]\\d|2[0-3])([0-5][05])' +
    '(?:\\s*(hrs|hours|hr|h|ore)(?![\\w]))?' +
    '(?![\\w:/.,])(?!\\s*\\d)(?!\\s*(?:km|chilometri|miles|euro|eur|€|rpm|cc|cv|hp|kg|gt)\\b)',
  'i',
);

/** The workshop's day: a four-digit time outside it is more likely something else. */
const EARLIEST = 6;
const LATEST = 20;

export class FourDigitTimeParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const [, before, hh, mm, after] = m;
    const hour = Number(hh);
    if (hour < EARLIEST || hour > LATEST) return null;
    if (!before && !after && !hh.startsWith('0')) return null;
    const c = context.createParsingComponents({ hour, minute: Number(mm) });
    // 24-hour: "0300" would be 3 a.m., "1300" is 1 p.m.; the workshop reads both as said
    c.addTag('meridiemKnown');
    return c;
  }
}
