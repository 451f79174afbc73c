/**
 * What a slot takes from the dealer's capacity, as plain data any store can check and record:
 * an advisor for the acceptance, job hours on the drop-off day, and the mobility resource.
 * @module
 */
import type { DayPart, Legs, Slot, SolutionId } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import { addDays, dayPartOf, localDay, toLocal } from './calendar';
import { workingHoursBetween } from './ready-at';

/** A half-day, the unit pickup drivers and shuttle trips are counted in. */
export interface HalfDay {
  day: string;
  part: DayPart;
}

export type CarKind = 'courtesy-car-brand' | 'courtesy-car-other';

export interface Demand {
  /** The advisor's acceptance, [start, end) in epoch ms. */
  acceptance: { startMs: number; endMs: number };
  /** Job hours counted on the drop-off day (see {@link countedJobHours}). */
  workshop: { day: string; hours: number };
  /** One individual car of this kind, free for the whole [handover, return) span. */
  car?: { kind: CarKind; startMs: number; endMs: number };
  /** One unit of the rental quota on each local day the rental is out, handover to return. */
  rentalDays?: string[];
  /** One driver per leg, in the leg's half-day. */
  drivers?: HalfDay[];
  /** One staff trip at drop-off and one at collection. */
  shuttleTrips?: HalfDay[];
}

/** Job hours the workshop can plan on one day, keeping the reserve for unplanned work. */
export function dayCapacityHours(dealer: Dealer): number {
  const { technicianHoursPerDay, unplannedReserve } = dealer.workshop;
  return technicianHoursPerDay * (1 - unplannedReserve);
}

/**
 * A job's hours all count on its drop-off day (simple, and conservative for that day); a job
 * larger than a day's capacity counts as a full day, so it can still be booked on an empty day.
 */
export function countedJobHours(dealer: Dealer, jobHours: number): number {
  return Math.min(jobHours, dayCapacityHours(dealer));
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** An instant of a slot, with the local day and half-day it falls in. */
export interface SlotMoment {
  ms: number;
  day: string;
  part: DayPart;
}

/** A slot's three instants. */
export interface SlotMoments {
  appointment: SlotMoment;
  handover: SlotMoment;
  back: SlotMoment;
}

function momentOf(dealer: Dealer, iso: string): SlotMoment {
  const t = toLocal(dealer, iso);
  return { ms: t.toMillis(), day: localDay(dealer, t), part: dayPartOf(dealer, t) };
}

/**
 * The demand of a slot. `jobHours` defaults to the working hours between handover and return,
 * which is what `readyAt` added, so a booking knows its size from its slot alone.
 */
export function demandOf(dealer: Dealer, slot: Slot, legs?: Legs, jobHours?: number): Demand {
  const moments: SlotMoments = {
    appointment: momentOf(dealer, slot.appointmentAt),
    handover: momentOf(dealer, slot.handoverAt),
    back: momentOf(dealer, slot.returnAt),
  };
  const hours = jobHours ?? workingHoursBetween(dealer, slot.handoverAt, slot.returnAt);
  return demandAt(dealer, slot.solution, moments, hours, legs);
}

/** {@link demandOf} on precomputed moments (the search builds many, parsing none). */
export function demandAt(dealer: Dealer, solution: SolutionId, moments: SlotMoments, hours: number, legs?: Legs): Demand {
  const { appointment, handover, back } = moments;
  const atDropOff: HalfDay = { day: appointment.day, part: appointment.part };
  const atReturn: HalfDay = { day: back.day, part: back.part };
  const demand: Demand = {
    acceptance: { startMs: appointment.ms, endMs: appointment.ms + dealer.workshop.acceptanceMinutes * 60_000 },
    workshop: { day: appointment.day, hours: countedJobHours(dealer, hours) },
  };
  switch (solution) {
    case 'courtesy-car-brand':
    case 'courtesy-car-other':
      demand.car = { kind: solution, startMs: handover.ms, endMs: back.ms };
      break;
    case 'rental-car':
      demand.rentalDays = daysBetween(handover.day, back.day);
      break;
    case 'pickup-delivery': {
      const which = legs ?? 'both';
      demand.drivers = [
        ...(which !== 'delivery' ? [atDropOff] : []),
        ...(which !== 'pickup' ? [atReturn] : []),
      ];
      break;
    }
    case 'staff-shuttle':
      demand.shuttleTrips = [atDropOff, atReturn];
      break;
    default:
      // Taxi, public transport, none: no capacity, only the record.
      break;
  }
  return demand;
}
