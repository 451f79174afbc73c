/**
 * The PostgreSQL planning's writes: hold, book (confirm), reschedule, cancel — the SQLite
 * engine's semantics (sqlite-commands.ts), each in one transaction that locks the reservation's
 * row, locks the capacities it takes and checks them before inserting. A move releases the old
 * claims and takes the new ones in the same transaction; "taken" rolls both back.
 * @module
 */
import type { Pool, PoolClient } from 'pg';
import type { Legs, Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import {
  bookerOf, cancelledEvent, createdEvent, newAddress, newWork, onSameSlot, rescheduledEvent, requestOf, reservationOf, toBooking, workOf,
} from './reservation-record';
import type { Actor, BookingRequest, BookResult, HoldResult, RescheduleOptions, RescheduleResult } from './planning';
import type { BookedBy } from './quota';
import { newReference } from './reference';
import {
  byKey, byReference, confirmReservation, deleteClaims, forgetHolds, holdUntil, insertReservation, markCancelled,
  recordEvent, saveReservation, type ReservationRecord, type StoredReservation,
} from './postgres-reservations';
import { inTransaction } from './postgres-schema';
import { vehicleClash } from './postgres-vehicle';
import { checkLocked, demandOfSlot, Taken, writeClaims, type WriteContext } from './postgres-write';

/** Deadlocks (two writers deleting one lapsed hold), serialisation, a same-key race: run again. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 5;
/** Lapsed holds are kept a day (their key can still confirm), then forgotten. */
const FORGET_HOLDS_AFTER_MS = 86_400_000;
/** Housekeeping at most this often per instance. */
const FORGET_EVERY_MS = 60_000;

const taken = { ok: false, reason: 'taken' } as const;

/** Thrown to roll a dry run back (#13) once its answer is known. */
class DryRun extends Error {
  constructor(readonly answer: RescheduleResult) {
    super('dry run');
  }
}

export interface Commands {
  hold(request: BookingRequest): Promise<HoldResult>;
  book(request: BookingRequest): Promise<BookResult>;
  reschedule(reference: string, slot: Slot, legs?: Legs, by?: Actor, options?: RescheduleOptions): Promise<RescheduleResult>;
  cancel(reference: string, by?: Actor): Promise<boolean>;
}

const recordOf = (request: BookingRequest, reference: string, resourceId: string | undefined): ReservationRecord =>
  reservationOf(request, reference, resourceId);

export function createCommands(pool: Pool, dealer: Dealer, schema: string, clock: () => Date, holdMs: number): Commands {
  let forgotAt = 0;

  /** One transaction, run again on a retryable error; {@link Taken} rolls back and answers "taken". */
  async function write<T>(work: (client: PoolClient, ctx: WriteContext) => Promise<T>): Promise<T | typeof taken> {
    const now = clock().getTime();
    if (now - forgotAt > FORGET_EVERY_MS || now < forgotAt) {
      forgotAt = now;
      await forgetHolds(pool, new Date(now - FORGET_HOLDS_AFTER_MS).toISOString());
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(pool, (client) => work(client, { dealer, schema, nowIso: clock().toISOString() }));
      } catch (error) {
        if (error instanceof Taken) return taken;
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A new reservation on the request's slot, held until `expiresAt` or confirmed. */
  async function place(client: PoolClient, ctx: WriteContext, request: BookingRequest, expiresAt?: string): Promise<ReservationRecord> {
    const bookedBy: BookedBy = request.bookedBy ?? 'online';
    const taking = demandOfSlot(ctx, request.slot, request.legs);
    const fit = taking && (await checkLocked(client, ctx, taking, bookedBy));
    if (!taking || !fit) throw new Taken();
    let record: ReservationRecord;
    let id: string | undefined;
    do {
      record = recordOf(request, newReference(), fit.cars?.[0]);
      const history = expiresAt ? [] : [createdEvent(bookerOf(request), Date.parse(ctx.nowIso))];
      id = await insertReservation(client, record, bookedBy, expiresAt, ctx.nowIso, history);
    } while (!id);
    const carId = await writeClaims(client, ctx, id, taking.demand, fit, expiresAt);
    if (carId !== record.resourceId) {
      // A concurrent booking took the first car: the row names the car given.
      record = { ...record, resourceId: carId };
      await saveReservation(client, id, record);
    }
    return record;
  }

  /** Moves a stored reservation to the request's slot, its own claims aside; throws {@link Taken}. */
  async function move(client: PoolClient, ctx: WriteContext, stored: StoredReservation, request: BookingRequest, expiresAt?: string) {
    await deleteClaims(client, stored.id);
    const taking = demandOfSlot(ctx, request.slot, request.legs);
    const bookedBy: BookedBy = request.bookedBy ?? stored.bookedBy;
    // The same car when it is still free: the advisor may have prepared it.
    const fit = taking && (await checkLocked(client, ctx, taking, bookedBy, stored.reservation.resourceId));
    if (!taking || !fit) throw new Taken();
    const carId = await writeClaims(client, ctx, stored.id, taking.demand, fit, expiresAt);
    const record = recordOf(request, stored.reservation.reference, carId);
    await saveReservation(client, stored.id, record);
    if (expiresAt) await holdUntil(client, stored.id, expiresAt);
    return record;
  }

  const sameSlot = (stored: StoredReservation, request: BookingRequest): boolean => onSameSlot(stored.reservation, request);

  const live = (stored: StoredReservation, ctx: WriteContext) =>
    stored.reservation.status !== 'held' || (stored.reservation.expiresAt as string) > ctx.nowIso;

  return {
    hold: (request) =>
      write(async (client, ctx): Promise<HoldResult> => {
        const expiresAt = new Date(Date.parse(ctx.nowIso) + holdMs).toISOString();
        const existing = await byKey(client, request.idempotencyKey);
        // One hold per key; a confirmed or cancelled key is not held again.
        if (existing && existing.reservation.status !== 'held') return taken;
        const clash = await vehicleClash(client, dealer, schema, request, ctx.nowIso, existing?.id);
        if (clash) return clash;
        if (!existing) return { ok: true, reference: (await place(client, ctx, request, expiresAt)).reference, expiresAt };
        await move(client, ctx, existing, request, expiresAt);
        return { ok: true, reference: existing.reservation.reference, expiresAt };
      }),

    book: (request) =>
      write(async (client, ctx): Promise<BookResult> => {
        const existing = await byKey(client, request.idempotencyKey);
        if (!existing) {
          const clash = await vehicleClash(client, dealer, schema, request, ctx.nowIso);
          return clash ?? { ok: true, booking: toBooking(await place(client, ctx, request)) };
        }
        const { status } = existing.reservation;
        // The same key after confirmation is the same booking, even cancelled since; a released hold is gone.
        if (status === 'confirmed' || (status === 'cancelled' && existing.confirmed)) {
          return { ok: true, booking: toBooking(existing.reservation) };
        }
        if (status === 'cancelled') return taken;
        const clash = await vehicleClash(client, dealer, schema, request, ctx.nowIso, existing.id);
        if (clash) return clash;
        let record: ReservationRecord;
        if (live(existing, ctx) && sameSlot(existing, request)) {
          // A live hold on this very slot: its claims stand, only the customer's details may be newer.
          record = recordOf(request, existing.reservation.reference, existing.reservation.resourceId);
          await saveReservation(client, existing.id, record);
        } else {
          record = await move(client, ctx, existing, request);
        }
        await confirmReservation(client, existing.id, ctx.nowIso);
        await recordEvent(client, existing.id, createdEvent(bookerOf(request), Date.parse(ctx.nowIso)));
        return { ok: true, booking: toBooking(record) };
      }),

    reschedule: async (reference, slot, legs, by, options = {}) => {
      const notFound = { ok: false, reason: 'not-found' } as const;
      // #13: a dry run makes the change, takes its answer and rolls the transaction back
      const answer = (result: RescheduleResult): RescheduleResult => {
        if (options.dryRun) throw new DryRun(result);
        return result;
      };
      try {
        return await write(async (client, ctx): Promise<RescheduleResult> => rescheduleIn(client, ctx));
      } catch (error) {
        if (error instanceof DryRun) return error.answer;
        throw error;
      }

      async function rescheduleIn(client: PoolClient, ctx: WriteContext): Promise<RescheduleResult> {
        const existing = await byReference(client, reference, ctx.nowIso, true);
        if (!existing || existing.reservation.status === 'cancelled') return answer(notFound);
        const r = existing.reservation;
        const request = {
          ...requestOf(existing.reservation, existing.bookedBy, slot, legs ?? (slot.solution === r.solution ? r.legs : undefined), options.address, options),
          force: options.force,
        };
        let record: ReservationRecord;
        if (onSameSlot(r, request)) {
          // Already there (a retried move): nothing to do, nothing to record.
          if (!newAddress(r, request) && !newWork(r, request)) return answer({ ok: true, booking: toBooking(r) });
          // Only the address or the work's words change: the resources stay held as they are.
          record = recordOf(request, r.reference, r.resourceId);
          await saveReservation(client, existing.id, record);
        } else {
          const clash = await vehicleClash(client, dealer, schema, request, ctx.nowIso, existing.id);
          if (clash) return answer(clash);
          record = await move(client, ctx, existing, request, r.expiresAt);
        }
        // A hold is no booking yet: its moves are not history.
        if (r.status === 'confirmed') await recordEvent(client, existing.id, rescheduledEvent(by, Date.parse(ctx.nowIso), r, record, { from: workOf(r), to: workOf(record) }));
        return answer({ ok: true, booking: toBooking(record) });
      }
    },

    cancel: async (reference, by) => {
      const done = await write(async (client, ctx) => {
        const found = await byReference(client, reference, ctx.nowIso, true);
        if (!found) return false;
        const { status } = found.reservation;
        if (status !== 'cancelled') await markCancelled(client, found.id);
        if (status === 'confirmed') await recordEvent(client, found.id, cancelledEvent(by, Date.parse(ctx.nowIso)));
        return true;
      });
      return done === true;
    },
  };
}
