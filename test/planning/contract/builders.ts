/**
 * Builders shared by the contract and the store-specific planning tests; no store is imported
 * here, so every adapter's suite can use them.
 * @module
 */
import { DateTime } from 'luxon';
import type { DateWish, Legs, Slot, SolutionId } from '../../../dialogs/model';
import type { Dealer } from '../../../src/dealer/schema';
import type { BookingRequest, PlanningSystem, SlotQuery } from '../../../src/planning/planning';
import { readyAt } from '../../../src/planning/ready-at';
import { NOW } from '../fixture-dealer';

export function query(wish: Omit<DateWish, 'text'>, more: Partial<SlotQuery> = {}): SlotQuery {
  return {
    solution: 'courtesy-car-brand',
    serviceId: 'maintenance',
    downtimeHours: 3,
    wish: { text: 'test', ...wish },
    now: NOW,
    ...more,
  };
}

/** The slot the dealer gives for an acceptance at `appointmentAt`. */
export function slotAt(dealer: Dealer, solution: SolutionId, appointmentAt: string, downtimeHours: number): Slot {
  const handoverAt = DateTime.fromISO(appointmentAt, { setZone: true })
    .plus({ minutes: dealer.workshop.acceptanceMinutes })
    .toISO({ suppressMilliseconds: true }) as string;
  return { solution, appointmentAt, handoverAt, returnAt: readyAt(dealer, handoverAt, downtimeHours) };
}

let keys = 0;

/**
 * A request with a fresh idempotency key and a car of its own (one vehicle has one appointment
 * at a time, #13) unless `more` gives them.
 */
export function request(slot: Slot, more: Partial<BookingRequest> = {}): BookingRequest {
  const n = ++keys;
  return {
    idempotencyKey: `key-${process.pid}-${n}`,
    slot,
    customerName: 'Mario Rossi',
    vehicle: { plate: `GH${process.pid}X${n}`, model: 'Levante' },
    serviceId: 'maintenance',
    need: 'tagliando',
    ...more,
  };
}

/** Books a slot and fails the test when the planning refuses it. */
export async function mustBook(planning: PlanningSystem, slot: Slot, more: Partial<BookingRequest> & { legs?: Legs } = {}) {
  const result = await planning.book(request(slot, more));
  if (!result.ok) throw new Error(`could not book ${JSON.stringify(slot)}`);
  return result.booking;
}
