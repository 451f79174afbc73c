/**
 * The write path of the PostgreSQL planning: validate a requested slot, lock the capacities it
 * uses, re-read their claims and check them, then insert the claims — all inside the caller's
 * transaction. Never "check outside, then write": the check runs after the locks, on the same
 * connection, in the transaction that inserts.
 * @module
 */
import type { PoolClient } from 'pg';
import type { Legs, Slot } from '../../dialogs/model';
import { SOLUTIONS } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import { acceptanceFits } from './acceptance-slots';
import { localDay, toLocal } from './calendar';
import { demandOf, type Demand } from './demand';
import { claimKindsFor, loadClaims, type Fit } from './postgres-claims';
import { lockCapacities, lockNames } from './postgres-locks';
import { claimCar, clearLapsedCarClaims, insertClaims } from './postgres-reservations';
import { limitsFor, type BookedBy } from './quota';

/** Thrown inside a transaction to roll it back and answer "taken". */
export class Taken extends Error {
  constructor() {
    super('taken');
  }
}

export interface WriteContext {
  dealer: Dealer;
  schema: string;
  /** The planning's clock, as an ISO instant: holds lapse and "past" is measured against it. */
  nowIso: string;
}

/** A demand and the last local day it touches (the return's). */
export interface Taking {
  demand: Demand;
  lastDay: string;
}

/** A slot's demand, or `undefined` when the calendar cannot give it now (the SQLite engine's rules). */
export function demandOfSlot(ctx: WriteContext, slot: Slot, legs?: Legs): Taking | undefined {
  const { dealer } = ctx;
  if (!SOLUTIONS.includes(slot.solution)) return undefined;
  const appointment = toLocal(dealer, slot.appointmentAt);
  const handover = toLocal(dealer, slot.handoverAt);
  const back = toLocal(dealer, slot.returnAt);
  if (appointment.toMillis() <= Date.parse(ctx.nowIso)) return undefined;
  if (!acceptanceFits(dealer, localDay(dealer, appointment), appointment)) return undefined;
  // R9: the mobility solution is handed over right after the acceptance.
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;
  if (handover.toMillis() !== appointment.toMillis() + acceptanceMs || back < handover) return undefined;
  return { demand: demandOf(dealer, slot, legs), lastDay: localDay(dealer, back) };
}

/** Whether the online quota limits some car kind: then car writers lock the days they span. */
function carQuota(dealer: Dealer): boolean {
  const online = limitsFor(dealer, 'online').cars;
  const advisor = limitsFor(dealer, 'advisor').cars;
  return online['courtesy-car-brand'] < advisor['courtesy-car-brand'] || online['courtesy-car-other'] < advisor['courtesy-car-other'];
}

/** Takes the demand's capacity locks, then re-reads and checks its claims for this booker. */
export async function checkLocked(
  client: PoolClient,
  ctx: WriteContext,
  taking: Taking,
  bookedBy: BookedBy,
  preferredCar?: string,
): Promise<Fit | undefined> {
  const { dealer, schema } = ctx;
  await lockCapacities(client, lockNames(schema, taking.demand, carQuota(dealer)));
  const window = { fromDay: taking.demand.workshop.day, toDay: taking.lastDay };
  const { demand } = taking;
  const kinds = claimKindsFor({ car: !!demand.car, rental: !!demand.rentalDays, drivers: !!demand.drivers, shuttle: !!demand.shuttleTrips });
  const claims = await loadClaims(client, dealer, window, ctx.nowIso, limitsFor(dealer, bookedBy), kinds);
  return claims.check(taking.demand, preferredCar);
}

/**
 * Writes the demand's claims for a reservation row. A car: the cars that may be given, in order,
 * until one is not refused by the exclusion constraint (a concurrent booking on another day may
 * have taken it); none left → {@link Taken}.
 * @returns the car given, if any
 */
export async function writeClaims(
  client: PoolClient,
  ctx: WriteContext,
  reservationId: string,
  demand: Demand,
  fit: Fit,
  expiresAt?: string,
): Promise<string | undefined> {
  let carId: string | undefined;
  if (demand.car) {
    const cars = fit.cars ?? [];
    if (cars.length > 0) await clearLapsedCarClaims(client, cars, demand.car.startMs, demand.car.endMs, ctx.nowIso);
    for (const id of cars) {
      if (await claimCar(client, reservationId, { id, ...demand.car }, expiresAt)) {
        carId = id;
        break;
      }
    }
    if (!carId) throw new Taken();
  }
  await insertClaims(client, reservationId, demand, expiresAt);
  return carId;
}
