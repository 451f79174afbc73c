/**
 * Small builders shared by the planning tests.
 * @module
 */
import { DateTime } from 'luxon';
import type { DateWish, Legs, Slot, SolutionId } from '../../dialogs/model';
import type { Dealer } from '../../src/dealer/schema';
import type { BookingRequest, PlanningSystem, SlotQuery } from '../../src/planning/planning';
import { readyAt } from '../../src/planning/ready-at';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { fixtureDealer, NOW } from './fixture-dealer';

/** An in-memory planning whose clock stands at {@link NOW}. */
export function memoryPlanning(dealer: Dealer = fixtureDealer()): PlanningSystem {
  return createSqlitePlanning(dealer, { file: ':memory:', clock: () => new Date(NOW) });
}

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

/** The slot the fixture gives for an acceptance at `appointmentAt` (30 min acceptance). */
export function slotAt(dealer: Dealer, solution: SolutionId, appointmentAt: string, downtimeHours: number): Slot {
  const handoverAt = DateTime.fromISO(appointmentAt, { setZone: true })
    .plus({ minutes: dealer.workshop.acceptanceMinutes })
    .toISO({ suppressMilliseconds: true }) as string;
  return { solution, appointmentAt, handoverAt, returnAt: readyAt(dealer, handoverAt, downtimeHours) };
}

let keys = 0;

export function request(slot: Slot, more: Partial<BookingRequest> = {}): BookingRequest {
  return {
    idempotencyKey: `key-${++keys}`,
    slot,
    customerName: 'Mario Rossi',
    vehicle: { plate: 'GH123KL', model: 'Levante' },
    serviceId: 'maintenance',
    need: 'tagliando',
    ...more,
  };
}

/** Books a slot and fails the test when the planning refuses it. */
export async function mustBook(planning: PlanningSystem, slot: Slot, legs?: Legs) {
  const result = await planning.book(request(slot, legs ? { legs } : {}));
  if (!result.ok) throw new Error(`could not book ${JSON.stringify(slot)}`);
  return result.booking;
}
