/**
 * Whether an advisor is at the dealer now, from its calendar (hours, holidays, closures), and
 * when they are back if not.
 * @module
 */
import { DateTime } from 'luxon';
import type { Dealer } from '../dealer/schema';
import { addDays, formatInstant, localDay, openingIntervals } from '../planning/calendar';

export type Presence = { open: true } | { open: false; backAt?: string };

/** Looks this many days ahead for the next opening (a long closure, e.g. August). */
const HORIZON_DAYS = 45;

export function presenceAt(dealer: Dealer, nowIso: string): Presence {
  const now = DateTime.fromISO(nowIso, { setZone: true });
  const today = localDay(dealer, now);
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    for (const i of openingIntervals(dealer, addDays(today, d))) {
      if (i.start <= now && now < i.end) return { open: true };
      if (i.start > now) return { open: false, backAt: formatInstant(dealer, i.start) };
    }
  }
  return { open: false };
}
