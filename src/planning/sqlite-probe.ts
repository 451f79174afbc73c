/**
 * The slot probe the SQLite planning gives the search: cheap checks first (a day-level memo, the
 * advisor, the resource at the handover instant), the ready-by time and the full span last, and
 * epoch-ms arithmetic throughout, so a search over a full horizon stays in milliseconds.
 * @module
 */
import { DateTime } from 'luxon';
import type { DayPart, Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { SlotQuery } from './planning';
import { acceptanceStarts } from './acceptance-slots';
import { dayPlan, formatInstant, zoneOf } from './calendar';
import { countedJobHours, demandAt, type SlotMoment } from './demand';
import { readyAtMs } from './ready-at';
import type { SlotProbe } from './slot-search';
import type { Capacity } from './sqlite-capacity';

/** A probe for one search; its day memo lives as long as the search (one read transaction). */
export function createProbe(dealer: Dealer, capacity: Capacity, query: SlotQuery): SlotProbe {
  const { solution, legs, downtimeHours } = query;
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;
  const counted = countedJobHours(dealer, downtimeHours);
  const car = solution === 'courtesy-car-brand' || solution === 'courtesy-car-other' ? solution : undefined;
  const needsDropOffDriver = solution === 'pickup-delivery' && legs !== 'delivery';
  const days = new Map<string, boolean>();

  /** Whether the day can give this query anything at all. */
  const dayPossible = (day: string): boolean => {
    if (capacity.workshopLeft(day) + 1e-9 < counted) return false;
    if (solution === 'rental-car') return capacity.rentalLeft(day) > 0;
    if (car) {
      const starts = acceptanceStarts(dealer, day);
      if (starts.length === 0) return false;
      return capacity.carFreeSomewhen(car, starts[0].toMillis() + acceptanceMs, starts[starts.length - 1].toMillis() + acceptanceMs);
    }
    return true;
  };

  const moment = (ms: number, day: string): SlotMoment => {
    const part: DayPart = ms < dayPlan(dealer, day).afternoonMs ? 'morning' : 'afternoon';
    return { ms, day, part };
  };

  return (start) => {
    const day = start.toISODate() as string;
    let possible = days.get(day);
    if (possible === undefined) days.set(day, (possible = dayPossible(day)));
    if (!possible) return undefined;
    const appointment = moment(start.toMillis(), day);
    const handoverMs = appointment.ms + acceptanceMs;
    if (!capacity.advisorFree(appointment.ms, handoverMs)) return undefined;
    if (car && !capacity.carFree(car, handoverMs)) return undefined;
    if (needsDropOffDriver && capacity.halfDayLeft('driver', appointment) < 1) return undefined;
    if (solution === 'staff-shuttle' && capacity.halfDayLeft('shuttle', appointment) < 1) return undefined;

    // The acceptance ends inside an opening interval, so the handover is on the same day.
    const handover = moment(handoverMs, day);
    const ready = readyAtMs(dealer, handover, downtimeHours);
    const back = moment(ready.ms, ready.day);
    if (!capacity.check(demandAt(dealer, solution, { appointment, handover, back }, downtimeHours, legs))) return undefined;
    const zone = zoneOf(dealer);
    const slot: Slot = {
      solution,
      appointmentAt: formatInstant(dealer, start),
      handoverAt: formatInstant(dealer, DateTime.fromMillis(handoverMs, { zone })),
      returnAt: formatInstant(dealer, DateTime.fromMillis(back.ms, { zone })),
    };
    return slot;
  };
}
