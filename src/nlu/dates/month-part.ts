/**
 * A part of a month as a wish ("seconda metà del mese", "second half of the month", "metà mese
 * prossimo", "early next month"): the first day of that part still ahead, so that a customer in
 * no hurry is offered a day that fits, and the wish is kept whatever was being asked.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { DateTime } from 'luxon';
import { refDay } from './next-day';

type Part = 'first' | 'second' | 'middle' | 'start';

/** Days of a part: [first, last]; `last` 0 means the month's last day. */
const SPAN: Record<Part, [number, number]> = { first: [1, 15], second: [16, 0], middle: [10, 20], start: [1, 10] };

const IT_RE =
  /(?<![a-z])(?:(?:nella|la|in|per la|verso la)\s+)?(?:(prima|seconda|primi|ultima)\s+(?:meta|quindicina|parte|giorni)|(meta|inizio|primi(?:\s+giorni)?)|verso\s+(meta|inizio))\s+(?:del\s+|di\s+|dello\s+)?(mese|prossimo\s+mese)(\s+prossimo)?(?![a-z])/;
const EN_RE =
  /(?<![a-z])(?:in\s+|for\s+|during\s+)?(?:the\s+)?(?:(first|second|latter|later)\s+half|(middle|mid|beginning|start|early\s+part)|(early|mid|late))(?:\s+of)?(?:\s+the)?\s*-?\s*(this\s+month|next\s+month|month)(?![a-z])/;

function partOf(word: string): Part {
  if (/^(prima|first|primi|inizio|beginning|start|early)/.test(word)) return word.startsWith('prima') || word === 'first' ? 'first' : 'start';
  if (/^(seconda|second|latter|later|ultima|late)/.test(word)) return 'second';
  return 'middle';
}

/** The first day of the part still ahead of today (tomorrow at the earliest), this month or the next. */
function firstDayAhead(context: ParsingContext, part: Part, nextMonth: boolean) {
  const today = refDay(context);
  const tomorrow = today.plus({ days: 1 });
  let month = nextMonth ? today.plus({ months: 1 }).startOf('month') : today.startOf('month');
  for (let i = 0; i < 2; i++) {
    const [from, to] = SPAN[part];
    const first = month.set({ day: from });
    const last = to === 0 ? month.endOf('month').startOf('day') : month.set({ day: to });
    const day = first < tomorrow ? tomorrow : first;
    if (day <= last) return day;
    month = month.plus({ months: 1 });
  }
  return DateTime.invalid('no part ahead');
}

function componentsFor(context: ParsingContext, part: Part, nextMonth: boolean) {
  const d = firstDayAhead(context, part, nextMonth);
  if (!d.isValid) return null;
  const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
  c.imply('hour', 12);
  return c;
}

/** "seconda metà del mese", "metà mese prossimo", "inizio del mese prossimo". */
export class ItalianMonthPartParser implements Parser {
  pattern(): RegExp {
    return IT_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const next = /prossimo/.test(m[4] ?? '') || !!m[5];
    return componentsFor(context, partOf(word), next);
  }
}

/** "second half of the month", "mid next month", "early next month". */
export class EnglishMonthPartParser implements Parser {
  pattern(): RegExp {
    return EN_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    return componentsFor(context, partOf(word), /next/.test(m[4] ?? ''));
  }
}
