/**
 * Calendar helpers for the custom parsers: the next day-of-month, the next weekday, and
 * day/month dates without a year. Work on the reference's wall-clock fields.
 * @module
 */
import type { ParsingContext, ParsingComponents } from 'chrono-node';
import { DateTime } from 'luxon';

/** The reference's wall-clock day as a zone-free luxon date (UTC is used only for arithmetic). */
export function refDay(context: ParsingContext): DateTime {
  const d = context.reference.instant;
  return DateTime.utc(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function components(context: ParsingContext, day: DateTime, certain: ('day' | 'month' | 'year')[]): ParsingComponents {
  const c = context.createParsingComponents();
  const values = { day: day.day, month: day.month, year: day.year };
  for (const k of ['day', 'month', 'year'] as const) {
    if (certain.includes(k)) c.assign(k, values[k]);
    else c.imply(k, values[k]);
  }
  c.imply('hour', 12);
  return c;
}

/** The first date on or after the reference day whose day-of-month is `day`. */
export function nextDayOfMonth(context: ParsingContext, day: number): ParsingComponents | null {
  let d = refDay(context);
  for (let i = 0; i < 14; i++) {
    const candidate = d.set({ day });
    if (candidate.isValid && candidate.day === day && candidate >= refDay(context)) return components(context, candidate, ['day']);
    d = d.plus({ months: 1 }).startOf('month');
  }
  return null;
}

/** Day and month with an optional year; without one, the next such date (today included). */
export function dayMonth(context: ParsingContext, day: number, month: number, year?: number): ParsingComponents | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const today = refDay(context);
  if (year !== undefined) {
    const y = year < 100 ? 2000 + year : year;
    const d = DateTime.utc(y, month, day);
    return d.isValid ? components(context, d, ['day', 'month', 'year']) : null;
  }
  let d = DateTime.utc(today.year, month, day);
  if (!d.isValid) return null;
  if (d < today) d = DateTime.utc(today.year + 1, month, day);
  return d.isValid ? components(context, d, ['day', 'month']) : null;
}

/** The next given ISO weekday (1 = Monday) strictly after the reference day. */
export function nextWeekday(context: ParsingContext, isoWeekday: number): DateTime {
  const today = refDay(context);
  const ahead = ((isoWeekday - today.weekday + 7) % 7) || 7;
  return today.plus({ days: ahead });
}
