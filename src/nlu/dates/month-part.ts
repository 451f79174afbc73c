/**
 * A part of a month as a wish. Halves, beginnings and the middle ("seconda metà del mese",
 * "second half of the month", "inizio del mese prossimo", "early December", "a metà mese",
 * "mid-December": the 15th to the 20th, #12: independent writers read "mid-January" as the 15th) are the first day of that part still ahead (tomorrow at
 * the earliest), so that a customer in no hurry is offered a day that fits. The end ("verso fine
 * mese", "end of the month", "fine gennaio") is the month's last weekday, Monday to Friday; one
 * not after today is next month's. Holidays are the planning's: it offers the nearest open days.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { DateTime } from 'luxon';
import { refDay } from './next-day';

type Part = 'first' | 'second' | 'middle' | 'start' | 'end';

/** Days of a part that starts at its first day still ahead: [first, last]; `last` 0 means the month's last day. */
const SPAN: Record<Exclude<Part, 'end'>, [number, number]> = { first: [1, 15], second: [16, 0], middle: [15, 20], start: [1, 10] };

const IT_MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const IT_RE = new RegExp(
  '(?<![a-z])(?:(prima|seconda|primi|ultima)\\s+(?:meta|quindicina|parte|giorni)|(meta|inizio|primi(?:\\s+giorni)?|fine|ultimi\\s+giorni))' +
    `\\s+(?:del\\s+|di\\s+|dello\\s+)?(mese|prossimo\\s+mese|${IT_MONTHS.join('|')})(\\s+prossimo)?(?![a-z])`,
);
const EN_RE = new RegExp(
  '(?<![a-z])(?:(?:at|towards?|around|in|for|during)\\s+)?(?:the\\s+)?(?:(first|second|latter|later)\\s+half|(middle|mid|beginning|start|early\\s+part|end)|(early|mid|late))' +
    `(?:\\s+of)?(?:\\s+the)?\\s*-?\\s*(this\\s+month|next\\s+month|month|${EN_MONTHS.join('|')}|${EN_MONTHS.map((m) => m.slice(0, 3)).join('|')})(?![a-z])`,
);

function partOf(word: string): Part {
  if (/^(fine|end|ultimi)/.test(word)) return 'end';
  if (/^(prima|first|primi|inizio|beginning|start|early)/.test(word)) return word.startsWith('prima') || word === 'first' ? 'first' : 'start';
  if (/^(seconda|second|latter|later|ultima|late)/.test(word)) return 'second';
  return 'middle';
}

/** A day of the month by the conventions above, or `undefined` when a half has no day left ahead. */
function dayIn(month: DateTime, part: Part, tomorrow: DateTime): DateTime | undefined {
  if (part === 'end') {
    const d = month.endOf('month').startOf('day');
    return d.weekday === 6 ? d.minus({ days: 1 }) : d.weekday === 7 ? d.minus({ days: 2 }) : d;
  }
  const [from, to] = SPAN[part];
  const first = month.set({ day: from });
  const last = to === 0 ? month.endOf('month').startOf('day') : month.set({ day: to });
  const day = first < tomorrow ? tomorrow : first;
  return day <= last ? day : undefined;
}

/** The day of the part still ahead of today, in the month said (this one, the next, or one by name). */
function componentsFor(context: ParsingContext, part: Part, target: { next?: boolean; month?: number }) {
  const today = refDay(context);
  const tomorrow = today.plus({ days: 1 });
  let month = today.startOf('month');
  if (target.next) month = month.plus({ months: 1 });
  else if (target.month) month = month.set({ month: target.month }).plus({ years: target.month < today.month ? 1 : 0 });
  for (let i = 0; i < 2; i++, month = month.plus({ months: target.month ? 12 : 1 })) {
    const d = dayIn(month, part, tomorrow);
    if (!d || d < tomorrow) continue;
    const c = context.createParsingComponents({ day: d.day, month: d.month, year: d.year });
    c.imply('hour', 12);
    return c;
  }
  return null;
}

const monthOf = (word: string, names: string[]) => {
  const i = names.findIndex((n) => n.startsWith(word.slice(0, 3)));
  return i < 0 ? undefined : i + 1;
};

/** "seconda metà del mese", "metà mese prossimo", "a metà dicembre", "verso fine mese", "fine gennaio". */
export class ItalianMonthPartParser implements Parser {
  pattern(): RegExp {
    return IT_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const word = m[1] ?? m[2] ?? '';
    const said = m[3];
    const next = /prossimo/.test(said) || !!m[4];
    return componentsFor(context, partOf(word), { next, month: said === 'mese' || next ? undefined : monthOf(said, IT_MONTHS) });
  }
}

/** "second half of the month", "mid next month", "mid-December", "end of the month", "early next month". */
export class EnglishMonthPartParser implements Parser {
  pattern(): RegExp {
    return EN_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const said = m[4];
    const next = /next/.test(said);
    return componentsFor(context, partOf(word), { next, month: /month/.test(said) ? undefined : monthOf(said, EN_MONTHS) });
  }
}
