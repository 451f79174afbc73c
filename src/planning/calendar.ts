/**
 * The dealer's calendar, pure: which local days are open, and their opening intervals, in the
 * dealer's IANA zone. Every instant is built from a local wall-clock time in that zone, so a day
 * with a DST change simply has a shorter or longer interval.
 * @module
 */
import { DateTime } from 'luxon';
import { isoInstantMs } from '../time/iso';
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

/**
 * Instants already parsed, per dealer: a slot's three instants are parsed again and again (hold,
 * book, demand, record), and each parse costs a time-zone offset computation. luxon values are
 * immutable, so sharing them is safe; past the bound the cache starts again.
 */
const parsed = new WeakMap<Dealer, Map<string, DateTime>>();
const MAX_PARSED = 10_000;

/** Parses an ISO-8601 instant (any offset) into the dealer's zone; throws on malformed input. */
export function toLocal(dealer: Dealer, iso: string): DateTime {
  let known = parsed.get(dealer);
  if (!known) parsed.set(dealer, (known = new Map()));
  const hit = known.get(iso);
  if (hit) return hit;
  const t = DateTime.fromISO(iso, { setZone: true });
  if (!t.isValid) throw new RangeError(`invalid ISO instant: ${iso}`);
  const local = t.setZone(zoneOf(dealer));
  if (known.size >= MAX_PARSED) known.clear();
  known.set(iso, local);
  return local;
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

/** Next and previous days already named: searches and `readyAt` step through the same days all the time. */
const nextDays = new Map<string, string>();
const previousDays = new Map<string, string>();
const MAX_NAMED_DAYS = 20_000;

/** The `yyyy-MM-dd` `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const memo = days === 1 ? nextDays : days === -1 ? previousDays : undefined;
  const known = memo?.get(day);
  if (known !== undefined) return known;
  // Plain UTC calendar arithmetic: no zone is involved in naming the next day.
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const named = d.toISOString().slice(0, 10);
  if (memo) {
    if (memo.size >= MAX_NAMED_DAYS) memo.clear();
    memo.set(day, named);
  }
  return named;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The dealer zone's UTC offset per UTC day, so that hot loops turn epoch ms into local fields
 * with plain arithmetic instead of a luxon value (each costs an `Intl` offset computation).
 * A day whose offset changes (a DST night) is marked `null` and answered exactly by luxon.
 */
interface ZoneOffsets {
  zone: string;
  /** A fixed-offset zone (`UTC`, `Etc/GMT+1`): luxon writes its zero offset as `Z`, so it formats itself. */
  fixed: boolean;
  byUtcDay: Map<number, number | null>;
}

const zoneOffsets = new WeakMap<Dealer, ZoneOffsets>();

function offsetsOf(dealer: Dealer): ZoneOffsets {
  let offsets = zoneOffsets.get(dealer);
  if (!offsets) {
    const zone = zoneOf(dealer);
    offsets = { zone, fixed: DateTime.fromMillis(0, { zone }).zone.isUniversal, byUtcDay: new Map() };
    zoneOffsets.set(dealer, offsets);
  }
  return offsets;
}

/** The dealer zone's offset from UTC at an instant, in ms (DST-safe). */
export function offsetMsAt(dealer: Dealer, ms: number): number {
  const offsets = offsetsOf(dealer);
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = offsets.byUtcDay.get(utcDay);
  if (offset === undefined) {
    if (offsets.byUtcDay.size >= MAX_CACHED_DAYS) offsets.byUtcDay.clear();
    const first = DateTime.fromMillis(utcDay * DAY_MS, { zone: offsets.zone }).offset;
    const last = DateTime.fromMillis((utcDay + 1) * DAY_MS - 1, { zone: offsets.zone }).offset;
    offset = first === last ? first * MINUTE_MS : null;
    offsets.byUtcDay.set(utcDay, offset);
  }
  return offset ?? DateTime.fromMillis(ms, { zone: offsets.zone }).offset * MINUTE_MS;
}

/** The local wall clock of an instant in the dealer's zone. */
export interface LocalFields {
  /** `yyyy-MM-dd`. */
  day: string;
  hour: number;
  minute: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function wallClock(dealer: Dealer, ms: number): Date {
  return new Date(ms + offsetMsAt(dealer, ms));
}

function dayOfWallClock(wall: Date): string {
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

/** {@link localDay}, {@link DateTime.hour} and {@link DateTime.minute} of an epoch-ms instant, without luxon. */
export function localFields(dealer: Dealer, ms: number): LocalFields {
  const wall = wallClock(dealer, ms);
  const year = wall.getUTCFullYear();
  if (year < 1000 || year > 9999) {
    const t = DateTime.fromMillis(ms, { zone: zoneOf(dealer) });
    return { day: t.toISODate() as string, hour: t.hour, minute: t.minute };
  }
  return { day: dayOfWallClock(wall), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

/** {@link formatInstant} of an epoch-ms instant: the same text, without building a luxon value. */
export function formatMs(dealer: Dealer, ms: number): string {
  const offsets = offsetsOf(dealer);
  const offset = offsetMsAt(dealer, ms);
  const wall = new Date(ms + offset);
  const year = wall.getUTCFullYear();
  if (offsets.fixed || year < 1000 || year > 9999 || offset % MINUTE_MS !== 0) {
    return formatInstant(dealer, DateTime.fromMillis(ms, { zone: offsets.zone }));
  }
  const millis = wall.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${dayOfWallClock(wall)}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}${fraction}` +
    `${sign}${pad2(Math.floor(abs / HOUR_MS))}:${pad2(Math.floor((abs % HOUR_MS) / MINUTE_MS))}`
  );
}

/**
 * The local `yyyy-MM-dd` of an ISO-8601 text as `DateTime.fromISO(iso, { zone })` reads it: an
 * instant with an explicit offset is that instant, a text without one is wall-clock time in the
 * dealer's zone (luxon decides those). `undefined` when invalid, as luxon's `toISODate()` is null.
 */
export function localDayOfIso(dealer: Dealer, iso: string): string | undefined {
  if (typeof iso === 'string' && /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(iso)) {
    // A fixed offset costs no time-zone look-up.
    const ms = isoInstantMs(iso);
    if (ms !== undefined) return localFields(dealer, ms).day;
  }
  return DateTime.fromISO(iso, { zone: zoneOf(dealer) }).toISODate() ?? undefined;
}

/** The epoch ms of an ISO-8601 instant (any offset); throws on malformed input, as {@link toLocal}. */
export function instantMs(iso: string): number {
  const ms = isoInstantMs(iso);
  if (ms === undefined) throw new RangeError(`invalid ISO instant: ${iso}`);
  return ms;
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
