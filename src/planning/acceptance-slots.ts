/**
 * Acceptance slots (R9): the times an advisor can start explaining the work at drop-off.
 * @module
 */
import type { DateTime } from 'luxon';
import type { DayPart } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import { AFTERNOON_FROM_HOUR, dayPlan, formatMs, localFields, openingIntervals } from './calendar';

/**
 * An acceptance start as the slot search handles it: epoch ms and its local fields and text,
 * computed once per start instead of once per probe.
 */
export interface AcceptanceStart {
  ms: number;
  /** Its local `yyyy-MM-dd`. */
  day: string;
  /** Local minutes since midnight (hour × 60 + minute, as on the wall clock). */
  minuteOfDay: number;
  /** Local `HH:mm`. */
  hhmm: string;
  /** Morning before 13:00 local, afternoon from then on (as `dayPartOf`). */
  part: DayPart;
  /** ISO-8601 with the dealer's offset (as `formatInstant`). */
  iso: string;
}

/** The {@link AcceptanceStart} of any instant (a wished exact time, or a start of the calendar). */
export function acceptanceStartAt(dealer: Dealer, ms: number): AcceptanceStart {
  const { day, hour, minute } = localFields(dealer, ms);
  return {
    ms,
    day,
    minuteOfDay: hour * 60 + minute,
    hhmm: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    part: hour < AFTERNOON_FROM_HOUR ? 'morning' : 'afternoon',
    iso: formatMs(dealer, ms),
  };
}

const startRecords = new WeakMap<Dealer, Map<string, readonly AcceptanceStart[]>>();

/** {@link acceptanceStarts} as cached {@link AcceptanceStart} records, for the slot search. */
export function acceptanceStartRecords(dealer: Dealer, day: string): readonly AcceptanceStart[] {
  let days = startRecords.get(dealer);
  if (!days) startRecords.set(dealer, (days = new Map()));
  let records = days.get(day);
  if (!records) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    records = Object.freeze(acceptanceStarts(dealer, day).map((t) => Object.freeze(acceptanceStartAt(dealer, t.toMillis()))));
    days.set(day, records);
  }
  return records;
}

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
  // luxon adds minutes in absolute time: the same as adding ms (and no offset to compute).
  const start = t.toMillis();
  const end = start + dealer.workshop.acceptanceMinutes * 60_000;
  return dayPlan(dealer, day).open.some((i) => i.startMs <= start && end <= i.endMs);
}
