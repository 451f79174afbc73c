/**
 * The slot probe the PostgreSQL planning gives the pure search: the same order of checks as
 * sqlite-probe.ts (day memo, advisor, car at the handover instant, ready-by time, full demand),
 * over claims already loaded in memory, so a search costs one query per window of days.
 * @module
 */
import type { DayPart, Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { SlotQuery } from './planning';
import { acceptanceStartRecords } from './acceptance-slots';
import { dayPlan, formatMs } from './calendar';
import { countedJobHours, demandAt, type SlotMoment } from './demand';
import { readyAtMs } from './ready-at';
import type { SlotProbe } from './slot-search';
import type { ClaimIndex } from './postgres-claims';
import type { Limits } from './quota';

/** A probe for one search over one loaded window; a look-up outside it throws `WindowMiss`. */
export function createClaimsProbe(dealer: Dealer, claims: ClaimIndex, limits: Limits, query: SlotQuery): SlotProbe {
  const { solution, legs, downtimeHours } = query;
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;
  // As the capacity check counts it: a job bigger than the booker's day takes that whole day.
  const counted = Math.min(countedJobHours(dealer, downtimeHours), limits.workshopHours);
  const car = solution === 'courtesy-car-brand' || solution === 'courtesy-car-other' ? solution : undefined;
  const needsDropOffDriver = solution === 'pickup-delivery' && legs !== 'delivery';
  const days = new Map<string, boolean>();

  const dayPossible = (day: string): boolean => {
    if (claims.workshopLeft(day) + 1e-9 < counted) return false;
    if (solution === 'rental-car') return claims.rentalLeft(day) > 0;
    if (car) {
      const starts = acceptanceStartRecords(dealer, day);
      if (starts.length === 0) return false;
      return claims.carFreeSomewhen(car, starts[0].ms + acceptanceMs, starts[starts.length - 1].ms + acceptanceMs);
    }
    return true;
  };

  const moment = (ms: number, day: string): SlotMoment => {
    const part: DayPart = ms < dayPlan(dealer, day).afternoonMs ? 'morning' : 'afternoon';
    return { ms, day, part };
  };

  return (start) => {
    const day = start.day;
    let possible = days.get(day);
    if (possible === undefined) days.set(day, (possible = dayPossible(day)));
    if (!possible) return undefined;
    const appointment = moment(start.ms, day);
    const handoverMs = appointment.ms + acceptanceMs;
    if (!claims.advisorFree(appointment.ms, handoverMs)) return undefined;
    if (car && claims.freeCars(car, handoverMs).length === 0) return undefined;
    if (needsDropOffDriver && claims.halfDayLeft('driver', appointment) < 1) return undefined;
    if (solution === 'staff-shuttle' && claims.halfDayLeft('shuttle', appointment) < 1) return undefined;

    // The acceptance ends inside an opening interval, so the handover is on the same day.
    const handover = moment(handoverMs, day);
    const ready = readyAtMs(dealer, handover, downtimeHours);
    const back = moment(ready.ms, ready.day);
    if (!claims.check(demandAt(dealer, solution, { appointment, handover, back }, downtimeHours, legs))) return undefined;
      return {
      solution,
      appointmentAt: start.iso,
      handoverAt: formatMs(dealer, handoverMs),
      returnAt: formatMs(dealer, back.ms),
    } satisfies Slot;
  };
}
