/**
 * The dealer's calendar, pure: which local days are open, and their opening intervals, in the
 * dealer's IANA zone. Every instant is built from a local wall-clock time in that zone, so a day
 * with a DST change simply has a shorter or longer interval.
 * @module
 */
import { DateTime } from 'luxon';
import type { DayPart } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';

/** One [start, end) opening interval of a local day, as absolute instants in the dealer's zone. */
export interface OpeningInterval {
  start: DateTime;
  end: DateTime;
}

/** What a local day is for the workshop. A holiday wins over a closure, which wins over the weekday. */
export type DayStatus =
  | { kind: 'open'; intervals: OpeningInterval[] }
  | { kind: 'holiday'; name: string }
  | { kind: 'closure'; reason: string }
  | { kind: 'closed' };

/**
 * A day's status with its opening intervals as epoch ms, for hot loops that must not build luxon
 * values (each costs a time-zone offset computation).
 */
export interface DayPlan {
  day: string;
  status: DayStatus;
  open: { startMs: number; endMs: number }[];
  /** 13:00 local, where the afternoon half-day starts. */
  afternoonMs: number;
}

/** Local hour at which the afternoon half-day starts (pickup drivers, shuttle trips). */
export const AFTERNOON_FROM_HOUR = 13;

interface CalendarIndex {
  holidays: Map<string, string>;
  /** Days already computed: searches ask for the same days again and again. */
  days: Map<string, DayPlan>;
}

/** Enough for a few years of days; past it the cache starts again (luxon values are immutable). */
const MAX_CACHED_DAYS = 5000;

// The dealer file is validated once and never mutated, so its lookups are built once.
const indexes = new WeakMap<Dealer, CalendarIndex>();

function indexOf(dealer: Dealer): CalendarIndex {
  let index = indexes.get(dealer);
  if (!index) {
    index = { holidays: new Map(dealer.calendar.holidays.map((h) => [h.date, h.name])), days: new Map() };
    indexes.set(dealer, index);
  }
  return index;
}

/** The dealer's IANA zone. */
export function zoneOf(dealer: Dealer): string {
  return dealer.site.timeZone;
}

/** Parses an ISO-8601 instant (any offset) into the dealer's zone; throws on malformed input. */
export function toLocal(dealer: Dealer, iso: string): DateTime {
  const t = DateTime.fromISO(iso, { setZone: true });
  if (!t.isValid) throw new RangeError(`invalid ISO instant: ${iso}`);
  return t.setZone(zoneOf(dealer));
}

/** The start (00:00 local) of a `yyyy-MM-dd` day in the dealer's zone. */
export function startOfDay(dealer: Dealer, day: string): DateTime {
  const t = DateTime.fromISO(day, { zone: zoneOf(dealer) });
  if (!t.isValid) throw new RangeError(`invalid day: ${day}`);
  return t.startOf('day');
}

/** The local `yyyy-MM-dd` of an instant. */
export function localDay(dealer: Dealer, t: DateTime | string): string {
  const local = typeof t === 'string' ? toLocal(dealer, t) : t.setZone(zoneOf(dealer));
  return local.toISODate() as string;
}

/** The `yyyy-MM-dd` `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  // Plain UTC calendar arithmetic: no zone is involved in naming the next day.
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Morning before 13:00 local, afternoon from then on. */
export function dayPartOf(dealer: Dealer, t: DateTime): DayPart {
  return t.setZone(zoneOf(dealer)).hour < AFTERNOON_FROM_HOUR ? 'morning' : 'afternoon';
}

/** ISO-8601 with the dealer's offset and no milliseconds, the format of every slot time. */
export function formatInstant(dealer: Dealer, t: DateTime): string {
  return t.setZone(zoneOf(dealer)).toISO({ suppressMilliseconds: true }) as string;
}

function closureOn(dealer: Dealer, day: string): string | undefined {
  return dealer.calendar.closures.find((c) => c.from <= day && day <= c.to)?.reason;
}

function intervalsOfWeekday(dealer: Dealer, day: string): OpeningInterval[] {
  const midnight = startOfDay(dealer, day);
  const key = String(midnight.weekday) as keyof Dealer['calendar']['hours'];
  const zone = zoneOf(dealer);
  return dealer.calendar.hours[key]
    .map(([open, close]) => ({
      start: DateTime.fromISO(`${day}T${open}`, { zone }),
      end: DateTime.fromISO(`${day}T${close}`, { zone }),
    }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/**
 * Whether a local day is open, a holiday (with its name), a closure (with its reason) or a
 * closed weekday.
 * @example dayStatus(dealer, '2026-12-08') // { kind: 'holiday', name: 'Immacolata' }
 */
export function dayStatus(dealer: Dealer, day: string): DayStatus {
  return dayPlan(dealer, day).status;
}

/** The cached {@link DayPlan} of a local day. */
export function dayPlan(dealer: Dealer, day: string): DayPlan {
  const { days } = indexOf(dealer);
  let plan = days.get(day);
  if (!plan) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    const status = computeDayStatus(dealer, day);
    const intervals = status.kind === 'open' ? status.intervals : [];
    plan = {
      day,
      status,
      open: intervals.map((i) => ({ startMs: i.start.toMillis(), endMs: i.end.toMillis() })),
      afternoonMs: startOfDay(dealer, day).set({ hour: AFTERNOON_FROM_HOUR }).toMillis(),
    };
    days.set(day, plan);
  }
  return plan;
}

function computeDayStatus(dealer: Dealer, day: string): DayStatus {
  const holiday = indexOf(dealer).holidays.get(day);
  if (holiday !== undefined) return { kind: 'holiday', name: holiday };
  const closure = closureOn(dealer, day);
  if (closure !== undefined) return { kind: 'closure', reason: closure };
  const intervals = intervalsOfWeekday(dealer, day);
  return intervals.length > 0 ? { kind: 'open', intervals } : { kind: 'closed' };
}

/** The opening intervals of a local day; empty when it is not open. */
export function openingIntervals(dealer: Dealer, day: string): OpeningInterval[] {
  const status = dayStatus(dealer, day);
  return status.kind === 'open' ? status.intervals : [];
}
