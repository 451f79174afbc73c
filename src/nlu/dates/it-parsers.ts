/**
 * Custom chrono parsers for what `chrono.it` misses: hours in words, "e mezza / e un quarto",
 * "alle 3 del pomeriggio", "verso / dopo le 14" (chat "dp le 15", "x le 9"), "il 7".
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { IT_HOUR_WORDS, hourValue, minuteValue } from './numbers';
import { nextDayOfMonth } from './next-day';

const IT_MONTHS =
  'gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';

const TIME_RE = new RegExp(
  `(?<![\\w])(?:(?:alle|all'|verso\\s+le|verso\\s+l'|intorno\\s+alle|per\\s+le|x\\s+le|dalle|dopo\\s+le|dp\\s+le|dopo\\s+l'|dp\\s+l'|entro\\s+le|prima\\s+delle|ore|h)\\s*)` +
    `(\\d{1,2}|${IT_HOUR_WORDS})(?:[:.](\\d{2}))?` +
    `(?:\\s+e\\s+(mezza|mezzo|un\\s+quarto|quarto|tre\\s+quarti|trenta|quindici|quarantacinque|venti|dieci|\\d{1,2})` +
    `|\\s+meno\\s+(un\\s+quarto|quarto|dieci|cinque|venti))?` +
    `(?:\\s*(?:del|di|della|nel|al)\\s+(mattina|mattino|pomeriggio|sera))?(?![\\w])`,
  'i',
);

/** "alle nove", "alle 9 e mezza", "verso le 14", "alle 3 del pomeriggio", "alle 10 meno un quarto". */
export class ItalianTimeParser implements Parser {
  pattern(): RegExp {
    return TIME_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    let hour = hourValue(m[1]);
    if (hour === undefined || hour > 23) return null;
    let minute = m[2] ? Number(m[2]) : 0;
    if (m[3]) minute = minuteValue(m[3]) ?? 0;
    if (m[4]) {
      minute = 60 - (minuteValue(m[4]) ?? 15);
      hour = (hour + 23) % 24;
    }
    if (minute > 59) return null;
    const part = m[5]?.toLowerCase();
    if ((part === 'pomeriggio' || part === 'sera') && hour < 12) hour += 12;
    const c = context.createParsingComponents({ hour, minute });
    if (part || hour >= 13) c.addTag('meridiemKnown');
    return c;
  }
}

const DAY_RE = new RegExp(
  `(?<![\\w])(?:il|del|per\\s+il|x\\s+il|entro\\s+il|giorno|dal|al)\\s+(\\d{1,2})(?!\\s*(?:[/:.]\\d|°|%|\\s*(?:${IT_MONTHS})\\b|\\s*(?:km|anni|euro|ore|h)\\b))(?![\\w])(?:\\s*(?:alle|ore|verso\\s+le|dopo\\s+le)\\s*(\\d{1,2})(?:[:.](\\d{2}))?(?![\\w]))?`,
  'i',
);

/** "il 7": the next 7th of a month, today included. */
export class ItalianDayOfMonthParser implements Parser {
  pattern(): RegExp {
    return DAY_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    const c = nextDayOfMonth(context, day);
    if (c && m[2]) {
      const hour = Number(m[2]);
      const minute = m[3] ? Number(m[3]) : 0;
      if (hour > 23 || minute > 59) return null;
      c.assign('hour', hour).assign('minute', minute);
    }
    return c;
  }
}
