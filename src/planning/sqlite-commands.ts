/**
 * The SQLite planning's writes: hold, book (confirm), reschedule, cancel. Each runs in one
 * `BEGIN IMMEDIATE` transaction (see sqlite.ts), so the check and the write cannot be separated
 * by another booker, in this process or another. Moving a reservation is a savepoint: when the
 * new slot is taken, the old claims come back untouched.
 * @module
 */
import type { Database } from 'better-sqlite3';
import { SOLUTIONS, type Legs, type Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import {
  bookerOf, cancelledEvent, createdEvent, newAddress, newWork, onSameSlot, rescheduledEvent, requestOf, reservationOf, toBooking, workOf,
} from './reservation-record';
import type { Actor, BookingRequest, BookResult, HoldResult, RescheduleOptions, RescheduleResult, VehicleBooked } from './planning';
import { acceptanceFits } from './acceptance-slots';
import { localDay, toLocal } from './calendar';
import { demandOf, type Demand } from './demand';
import { limitsFor, type BookedBy } from './quota';
import { newReference } from './reference';
import { refusesOverlap, sameVehicleAs, vehicleBooked } from './vehicle-overlap';
import type { Capacity } from './sqlite-capacity';
import type { ReservationRecord, ReservationStore, StoredReservation } from './sqlite-reservations';

/** Lapsed holds are kept a day (their key can still confirm), then forgotten. */
const FORGET_HOLDS_AFTER_MS = 86_400_000;

/** Thrown inside a savepoint to undo a move whose new slot is not free. */
class Taken extends Error {}

/** Thrown to undo a dry run (#13) once its answer is known. */
const ROLL_BACK = Symbol('dry run');

const taken = { ok: false, reason: 'taken' } as const;

export interface Commands {
  hold(request: BookingRequest): HoldResult;
  book(request: BookingRequest): BookResult;
  reschedule(reference: string, slot: Slot, legs?: Legs, by?: Actor, options?: RescheduleOptions): RescheduleResult;
  cancel(reference: string, by?: Actor): boolean;
  /** Whether a stored reservation is visible: a lapsed hold is not. */
  visible(stored: StoredReservation, nowMs: number): boolean;
}

export function createCommands(db: Database, dealer: Dealer, capacity: Capacity, store: ReservationStore, clock: () => Date, holdMs: number): Commands {
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;

  /** The slot's demand, or `undefined` when the slot is not one the calendar can give now. */
  function demandFor(slot: Slot, legs: Legs | undefined, nowMs: number): Demand | undefined {
    if (!SOLUTIONS.includes(slot.solution)) return undefined;
    const appointment = toLocal(dealer, slot.appointmentAt);
    const handover = toLocal(dealer, slot.handoverAt);
    const back = toLocal(dealer, slot.returnAt);
    if (appointment.toMillis() <= nowMs) return undefined;
    if (!acceptanceFits(dealer, localDay(dealer, appointment), appointment)) return undefined;
    // R9: the mobility solution is handed over right after the acceptance.
    if (handover.toMillis() !== appointment.toMillis() + acceptanceMs || back < handover) return undefined;
    return demandOf(dealer, slot, legs);
  }

  function recordOf(request: BookingRequest, reference: string, resourceId: string | undefined): ReservationRecord {
    const { slot } = request;
    return {
      ...reservationOf(request, reference, resourceId),
      appointmentMs: toLocal(dealer, slot.appointmentAt).toMillis(),
      returnMs: toLocal(dealer, slot.returnAt).toMillis(),
    };
  }

  function tidy(nowMs: number): void {
    capacity.purge(nowMs);
    store.forgetHolds(nowMs - FORGET_HOLDS_AFTER_MS);
  }

  /** A new reservation on the request's slot, held until `expiresMs` or confirmed (null). */
  function place(request: BookingRequest, nowMs: number, expiresMs: number | null): StoredReservation['reservation'] | undefined {
    const demand = demandFor(request.slot, request.legs, nowMs);
    const free = demand && capacity.view(nowMs, limitsFor(dealer, request.bookedBy)).check(demand);
    if (!demand || !free) return undefined;
    let reference = newReference();
    while (store.byReference(reference)) reference = newReference();
    const record = recordOf(request, reference, free.resourceId);
    const history = expiresMs === null ? [createdEvent(bookerOf(request), nowMs)] : [];
    const id = store.insert(record, request.bookedBy ?? 'online', expiresMs, new Date(nowMs).toISOString(), history);
    capacity.claim(id, demand, free.resourceId, expiresMs);
    return { ...record, status: expiresMs === null ? 'confirmed' : 'held', history };
  }

  /** Moves a stored reservation to the request's slot, its own claims aside; throws {@link Taken}. */
  const move = db.transaction((stored: StoredReservation, request: BookingRequest, nowMs: number, expiresMs: number | null) => {
    capacity.release(stored.id);
    const demand = demandFor(request.slot, request.legs, nowMs);
    const bookedBy: BookedBy = request.bookedBy ?? stored.bookedBy;
    // The same car when it is still free: the advisor may have prepared it.
    const free = demand && capacity.view(nowMs, limitsFor(dealer, bookedBy)).check(demand, stored.reservation.resourceId);
    if (!demand || !free) throw new Taken();
    const record = recordOf(request, stored.reservation.reference, free.resourceId);
    store.save(stored.id, record);
    capacity.claim(stored.id, demand, free.resourceId, expiresMs);
    if (expiresMs !== null) store.holdUntil(stored.id, expiresMs);
    return record;
  });

  /** {@link move}, or `undefined` when the new slot is taken (nothing changed). */
  function tryMove(stored: StoredReservation, request: BookingRequest, nowMs: number, expiresMs: number | null) {
    try {
      return move(stored, request, nowMs, expiresMs);
    } catch (error) {
      if (error instanceof Taken) return undefined;
      throw error;
    }
  }

  /**
   * #13: another confirmed or live held appointment of the request's vehicle overlapping its
   * slot (the reservation being held, confirmed or moved itself aside), when the dealer refuses
   * overlaps and staff did not force it. Read in the writer's `BEGIN IMMEDIATE` transaction, so
   * no concurrent booker can slip in between.
   */
  function vehicleClash(request: BookingRequest, nowMs: number, selfId?: number): VehicleBooked | undefined {
    if (!refusesOverlap(dealer, request)) return undefined;
    const from = toLocal(dealer, request.slot.appointmentAt).toMillis();
    const to = toLocal(dealer, request.slot.returnAt).toMillis();
    if (!(to > from)) return undefined;
    const same = sameVehicleAs(request.vehicle);
    const other = store.overlapping(from, to, nowMs).find((s) => s.id !== selfId && same(s.vehicle));
    return other && vehicleBooked(other);
  }

  const sameSlot = (stored: StoredReservation, request: BookingRequest): boolean => onSameSlot(stored.reservation, request);

  const visible = (stored: StoredReservation, nowMs: number) => stored.expiresMs === null || stored.expiresMs > nowMs;

  /** Moves a reservation (reschedule's work; a dry run rolls it back). */
  function rescheduleNow(reference: string, slot: Slot, legs: Legs | undefined, by: Actor | undefined, options: RescheduleOptions): RescheduleResult {
    const now = clock().getTime();
    tidy(now);
    const existing = store.byReference(reference);
    if (!existing || existing.reservation.status === 'cancelled' || !visible(existing, now)) return { ok: false, reason: 'not-found' };
    const r = existing.reservation;
    const sameSolution = slot.solution === r.solution;
    const request = {
      ...requestOf(r, existing.bookedBy, slot, legs ?? (sameSolution ? r.legs : undefined), options.address, options),
      force: options.force,
    };
    const changed = newAddress(r, request) || newWork(r, request);
    let record: ReservationRecord | undefined;
    if (onSameSlot(r, request)) {
      // Already there (a retried move): nothing to do, nothing to record.
      if (!changed) return { ok: true, booking: toBooking(r) };
      // Only the address or the work's words change: the resources stay held as they are.
      record = recordOf(request, r.reference, r.resourceId);
      store.save(existing.id, record);
    } else {
      const clash = vehicleClash(request, now, existing.id);
      if (clash) return clash;
      record = tryMove(existing, request, now, existing.expiresMs);
      if (!record) return taken;
    }
    // A hold is no booking yet: its moves are not history.
    if (r.status === 'confirmed') store.record(existing.id, rescheduledEvent(by, now, r, record, { from: workOf(r), to: workOf(record) }));
    return { ok: true, booking: toBooking(record) };
  }

  /** A savepoint (or a transaction) that a dry run always rolls back. */
  const dryRun = db.transaction((run: () => void) => run());


  return {
    visible,

    hold(request) {
      const now = clock().getTime();
      tidy(now);
      const expiresMs = now + holdMs;
      const expiresAt = new Date(expiresMs).toISOString();
      const existing = store.byKey(request.idempotencyKey);
      if (existing && existing.reservation.status !== 'held') return taken;
      const clash = vehicleClash(request, now, existing?.id);
      if (clash) return clash;
      if (!existing) {
        const held = place(request, now, expiresMs);
        return held ? { ok: true, reference: held.reference, expiresAt } : taken;
      }
      // One hold per key (a confirmed or cancelled key is not held again, above): moved and renewed.
      return tryMove(existing, request, now, expiresMs) ? { ok: true, reference: existing.reservation.reference, expiresAt } : taken;
    },

    book(request) {
      const now = clock().getTime();
      tidy(now);
      const existing = store.byKey(request.idempotencyKey);
      if (!existing) {
        const clash = vehicleClash(request, now);
        if (clash) return clash;
        const booked = place(request, now, null);
        return booked ? { ok: true, booking: toBooking(booked) } : taken;
      }
      const { status } = existing.reservation;
      // The same key after confirmation is the same booking, even cancelled since; a released hold is gone.
      if (status === 'confirmed' || (status === 'cancelled' && existing.confirmed)) return { ok: true, booking: toBooking(existing.reservation) };
      if (status === 'cancelled') return taken;
      const clash = vehicleClash(request, now, existing.id);
      if (clash) return clash;
      let record: ReservationRecord | undefined;
      if (visible(existing, now) && sameSlot(existing, request)) {
        // A live hold on this very slot: its claims stand, only the customer's details may be newer.
        record = recordOf(request, existing.reservation.reference, existing.reservation.resourceId);
        store.save(existing.id, record);
        capacity.confirm(existing.id);
      } else {
        record = tryMove(existing, request, now, null);
        if (!record) return taken;
      }
      store.confirm(existing.id, new Date(now).toISOString());
      store.record(existing.id, createdEvent(bookerOf(request), now));
      return { ok: true, booking: toBooking(record) };
    },

    reschedule(reference, slot, legs, by, options = {}) {
      if (!options.dryRun) return rescheduleNow(reference, slot, legs, by, options);
      // #13: a dry run makes the change in a savepoint, takes its answer, and rolls it all back
      let answer: RescheduleResult | undefined;
      try {
        dryRun(() => {
          answer = rescheduleNow(reference, slot, legs, by, options);
          throw ROLL_BACK;
        });
      } catch (error) {
        if (error !== ROLL_BACK) throw error;
      }
      return answer!;
    },

    cancel(reference, by) {
      const now = clock().getTime();
      tidy(now);
      const found = store.byReference(reference);
      if (!found || !visible(found, now)) return false;
      if (found.reservation.status !== 'cancelled') {
        store.markCancelled(found.id);
        capacity.release(found.id);
        if (found.reservation.status === 'confirmed') store.record(found.id, cancelledEvent(by, now));
      }
      return true;
    },
  };
}
