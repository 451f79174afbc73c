/**
 * Turning a customer's date wish into a slot or a refusal with alternatives (R9), independent of
 * where reservations are stored: the store supplies a {@link SlotProbe} that says whether a slot
 * starting at a given acceptance time is free (advisor, workshop capacity, mobility resource).
 * @module
 */
import { DateTime } from 'luxon';
import type { DateWish, Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { SlotQuery, SlotSearch } from './planning';
import { acceptanceFits, acceptanceStartAt, acceptanceStartRecords, type AcceptanceStart } from './acceptance-slots';
import { addDays, dayStatus, instantMs, localFields, zoneOf } from './calendar';

/** The free slot whose acceptance starts at `start`, or `undefined` when something is taken. */
export type SlotProbe = (start: AcceptanceStart) => Slot | undefined;

const HOUR_MS = 3_600_000;

/** Every booking needs at least this much notice, so that the workshop can prepare. */
export const MIN_LEAD_HOURS = 1;
/** The contract asks for at least two alternatives; three give the customer a real choice. */
export const ALTERNATIVES = 3;

/** Epoch ms throughout: the search compares instants, it never needs a luxon value for them. */
interface Bounds {
  /** now + MIN_LEAD_HOURS: earlier starts are "past" for booking purposes. */
  lead: number;
  /** Earliest start the solution's own notice allows (pickup & delivery). */
  notice: number;
  today: string;
  lastDay: string;
}

function boundsOf(dealer: Dealer, query: SlotQuery): Bounds {
  // luxon adds hours in absolute time, as here.
  const now = instantMs(query.now);
  const lead = now + MIN_LEAD_HOURS * HOUR_MS;
  const noticeHours = query.solution === 'pickup-delivery' ? dealer.mobility.pickupDelivery.minNoticeHours : 0;
  const noticeAt = now + noticeHours * HOUR_MS;
  const today = localFields(dealer, now).day;
  return {
    lead,
    notice: noticeAt > lead ? noticeAt : lead,
    today,
    lastDay: addDays(today, dealer.workshop.bookingHorizonDays),
  };
}

/** A day's acceptance starts in the order the wish prefers them: nearest wished time, wished part, earliest. */
function preferred(starts: readonly AcceptanceStart[], wish: DateWish): readonly AcceptanceStart[] {
  if (wish.time) {
    const [h, m] = wish.time.split(':').map(Number);
    const wished = h * 60 + m;
    return [...starts].sort((a, b) => Math.abs(a.minuteOfDay - wished) - Math.abs(b.minuteOfDay - wished) || a.ms - b.ms);
  }
  if (wish.part) {
    const inPart = starts.filter((s) => s.part === wish.part);
    return [...inPart, ...starts.filter((s) => s.part !== wish.part)];
  }
  return starts;
}

/**
 * Up to {@link ALTERNATIVES} free slots, one per day nearest first, then (only when the horizon
 * has fewer free days) more slots from the days found. Closed days have no acceptance starts, so
 * they are never proposed.
 */
function alternatives(dealer: Dealer, wish: DateWish, days: Iterable<string>, bounds: Bounds, probe: SlotProbe): Slot[] {
  const perDay: Slot[][] = [];
  for (const day of days) {
    const found: Slot[] = [];
    for (const start of preferred(acceptanceStartRecords(dealer, day), wish)) {
      if (start.ms < bounds.notice) continue;
      const slot = probe(start);
      if (slot) found.push(slot);
      if (found.length === ALTERNATIVES) break;
    }
    if (found.length > 0) perDay.push(found);
    if (perDay.length === ALTERNATIVES) break;
  }
  const picked = perDay.map((slots) => slots[0]);
  for (const extra of perDay.flatMap((slots) => slots.slice(1))) {
    if (picked.length >= ALTERNATIVES) break;
    picked.push(extra);
  }
  return picked;
}

function* daysForward(from: string, lastDay: string): Generator<string> {
  for (let day = from; day <= lastDay; day = addDays(day, 1)) yield day;
}

function* daysBackward(from: string, firstDay: string): Generator<string> {
  for (let day = from; day >= firstDay; day = addDays(day, -1)) yield day;
}

type Verdict = { wished: Slot } | Pick<SlotSearch, 'refusal' | 'refusalDetail'>;

/** Wish without a date: the earliest free slot from now (in the wished part or time, if any). */
function earliest(dealer: Dealer, wish: DateWish, bounds: Bounds, probe: SlotProbe): Verdict {
  for (const day of daysForward(bounds.today, bounds.lastDay)) {
    for (const start of acceptanceStartRecords(dealer, day)) {
      if (start.ms < bounds.notice) continue;
      if (wish.part && start.part !== wish.part) continue;
      if (wish.time && start.hhmm !== wish.time) continue;
      const slot = probe(start);
      if (slot) return { wished: slot };
    }
  }
  return { refusal: 'full' };
}

/** A wish for one day, maybe at a part or an exact time of it. */
function onDay(dealer: Dealer, wish: DateWish & { date: string }, bounds: Bounds, probe: SlotProbe): Verdict {
  const day = wish.date;
  if (day < bounds.today) return { refusal: 'past' };
  if (day > bounds.lastDay) return { refusal: 'beyond-horizon' };
  const status = dayStatus(dealer, day);
  if (status.kind === 'holiday') return { refusal: 'holiday', refusalDetail: status.name };
  if (status.kind === 'closure') return { refusal: 'holiday', refusalDetail: status.reason };
  if (status.kind === 'closed') return { refusal: 'closed' };

  let starts: readonly AcceptanceStart[];
  if (wish.time) {
    const at = DateTime.fromISO(`${day}T${wish.time}`, { zone: zoneOf(dealer) });
    if (!at.isValid || !acceptanceFits(dealer, day, at)) return { refusal: 'closed' };
    starts = [acceptanceStartAt(dealer, at.toMillis())];
  } else {
    starts = acceptanceStartRecords(dealer, day).filter((s) => !wish.part || s.part === wish.part);
    if (starts.length === 0) return { refusal: 'closed' };
  }
  starts = starts.filter((s) => s.ms >= bounds.lead);
  if (starts.length === 0) return { refusal: 'past' };
  starts = starts.filter((s) => s.ms >= bounds.notice);
  if (starts.length === 0) return { refusal: 'notice' };
  for (const start of starts) {
    const slot = probe(start);
    if (slot) return { wished: slot };
  }
  return { refusal: 'full' };
}

/**
 * The slot the customer wished for, or a refusal code with alternatives, nearest first.
 *
 * - date only → the earliest free slot that day; date + part → the earliest in that part;
 *   date + time → that exact acceptance time; no date (asap) → the earliest from now.
 * - A start must be at least {@link MIN_LEAD_HOURS} after `now` (earlier ones count as `past`), and
 *   for pickup & delivery at least `minNoticeHours` after it (`notice`).
 * - Alternatives scan forward from the wished day (never before now); for a day beyond the
 *   horizon they scan back from its end, so the nearest to the wish come first.
 */
export function searchSlots(dealer: Dealer, query: SlotQuery, probe: SlotProbe): SlotSearch {
  const bounds = boundsOf(dealer, query);
  const { wish } = query;
  const verdict = wish.date && !wish.asap ? onDay(dealer, { ...wish, date: wish.date }, bounds, probe) : earliest(dealer, wish, bounds, probe);
  if ('wished' in verdict) return { wished: verdict.wished, alternatives: [] };

  const from = wish.date && wish.date > bounds.today && !wish.asap ? wish.date : bounds.today;
  const days =
    verdict.refusal === 'beyond-horizon' ? daysBackward(bounds.lastDay, bounds.today) : daysForward(from, bounds.lastDay);
  return { ...verdict, alternatives: alternatives(dealer, wish, days, bounds, probe) };
}
