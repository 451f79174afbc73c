/**
 * Acceptance slots (R9): the times an advisor can start explaining the work at drop-off.
 * @module
 */
import type { DateTime } from 'luxon';
import type { Dealer } from '../dealer/schema';
import { openingIntervals } from './calendar';

// Searches walk the same days again and again; building luxon values is what costs.
const cache = new WeakMap<Dealer, Map<string, readonly DateTime[]>>();
const MAX_CACHED_DAYS = 5000;

/**
 * The acceptance starts of a local day: every `acceptanceMinutes` from each opening, as long as
 * the acceptance ends no later than that interval's closing. Steps are in absolute time, so a DST
 * day gets as many slots as it has real minutes. Empty on a day that is not open.
 */
export function acceptanceStarts(dealer: Dealer, day: string): readonly DateTime[] {
  let days = cache.get(dealer);
  if (!days) cache.set(dealer, (days = new Map()));
  let starts = days.get(day);
  if (!starts) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, (starts = Object.freeze(computeStarts(dealer, day))));
  }
  return starts;
}

function computeStarts(dealer: Dealer, day: string): DateTime[] {
  const minutes = dealer.workshop.acceptanceMinutes;
  const starts: DateTime[] = [];
  for (const { start, end } of openingIntervals(dealer, day)) {
    for (let s = start; s.plus({ minutes }) <= end; s = s.plus({ minutes })) starts.push(s);
  }
  return starts;
}

/** Whether an acceptance starting at `t` fits inside one opening interval of its day. */
export function acceptanceFits(dealer: Dealer, day: string, t: DateTime): boolean {
  const end = t.plus({ minutes: dealer.workshop.acceptanceMinutes });
  return openingIntervals(dealer, day).some((i) => i.start <= t && end <= i.end);
}
