/**
 * Working time on the dealer's calendar (R2): when a job started at some instant is ready, and
 * how many working hours lie between two instants. Only opening hours count; closed weekdays,
 * holidays and closures are skipped.
 * @module
 */
import { DateTime } from 'luxon';
import type { Dealer } from '../dealer/schema';
import { addDays, dayPlan, formatInstant, localDay, toLocal, zoneOf } from './calendar';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** A dealer with no open day for a year is a broken dealer file, not a long job. */
const MAX_DAYS_SCANNED = 400;

/** An instant (epoch ms) and the local day it falls on. */
export interface DayInstant {
  ms: number;
  day: string;
}

/**
 * The instant a job of `workingHours` started at `startIso` is done, counting only opening hours.
 * A job that ends exactly at closing is ready at closing.
 * @returns ISO-8601 with the dealer's offset
 * @example readyAt(dealer, '2026-12-07T12:00:00+01:00', 2) // '2026-12-07T15:30:00+01:00' (lunch 12:30–14:00)
 */
export function readyAt(dealer: Dealer, startIso: string, workingHours: number): string {
  const start = toLocal(dealer, startIso);
  const ready = readyAtMs(dealer, { ms: start.toMillis(), day: localDay(dealer, start) }, workingHours);
  return formatInstant(dealer, DateTime.fromMillis(ready.ms, { zone: zoneOf(dealer) }));
}

/** {@link readyAt} on epoch ms, for the slot search's hot loop; `start.day` is its local day. */
export function readyAtMs(dealer: Dealer, start: DayInstant, workingHours: number): DayInstant {
  // Whole minutes: a catalogue's "1.33 h" must not give times with seconds.
  let remaining = Math.round((workingHours * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
  if (remaining <= 0) return start;
  let day = start.day;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = addDays(day, 1)) {
    for (const interval of dayPlan(dealer, day).open) {
      if (interval.endMs <= start.ms) continue;
      const from = Math.max(interval.startMs, start.ms);
      const available = interval.endMs - from;
      if (remaining <= available) return { ms: from + remaining, day };
      remaining -= available;
    }
  }
  throw new RangeError(`no opening hours within ${MAX_DAYS_SCANNED} days of ${start.day}`);
}

/**
 * Working hours (opening hours only) between two instants: the inverse of {@link readyAt}, used
 * to know a booked job's size from its slot alone.
 */
export function workingHoursBetween(dealer: Dealer, fromIso: string, toIso: string): number {
  const from = toLocal(dealer, fromIso);
  const to = toLocal(dealer, toIso);
  const [fromMs, toMs] = [from.toMillis(), to.toMillis()];
  let total = 0;
  const lastDay = localDay(dealer, to);
  for (let day = localDay(dealer, from); day <= lastDay; day = addDays(day, 1)) {
    for (const interval of dayPlan(dealer, day).open) {
      const start = Math.max(interval.startMs, fromMs);
      const end = Math.min(interval.endMs, toMs);
      if (end > start) total += end - start;
    }
  }
  return total / HOUR_MS;
}
