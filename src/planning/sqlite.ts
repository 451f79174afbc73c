/**
 * The embedded planning (default `PlanningSystem`): SQLite through `better-sqlite3`, one file
 * shared by every process of one host. Booking checks and writes in one `BEGIN IMMEDIATE`
 * transaction, so concurrent bookings, in this process or another, serialise on the file lock
 * and a resource is never given twice (R10).
 * @module
 */
import Database from 'better-sqlite3';
import { SOLUTIONS } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { BookingRequest, BookResult, PlanningSystem, Reservation, SlotQuery } from './planning';
import { acceptanceFits } from './acceptance-slots';
import { localDay, toLocal } from './calendar';
import { demandOf, type Demand } from './demand';
import { newReference } from './reference';
import { searchSlots } from './slot-search';
import { createProbe } from './sqlite-probe';
import { createCapacity } from './sqlite-capacity';
import { createReservationStore, toBooking } from './sqlite-reservations';
import { migrate, syncFleet } from './sqlite-schema';

export interface SqlitePlanningOptions {
  /** `':memory:'` or a file path (created if missing). */
  file: string;
  /** The time `book` measures "past" against; defaults to the system clock. */
  clock?: () => Date;
  /** How long to wait for another process's transaction, ms (default 10 s). */
  busyTimeoutMs?: number;
}

const taken = (): BookResult => ({ ok: false, reason: 'taken' });

/**
 * Opens (and migrates) the planning for a dealer.
 * @example
 * const planning = createSqlitePlanning(dealer, { file: path.join(dataDir, 'planning.sqlite') });
 * const search = await planning.findSlots({ solution: 'courtesy-car-brand', serviceId: 'maintenance',
 *   downtimeHours: 3, wish: { date: '2026-12-09', text: 'mercoledì' }, now: new Date().toISOString() });
 */
export function createSqlitePlanning(dealer: Dealer, options: SqlitePlanningOptions): PlanningSystem {
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 10_000 });
  // WAL: readers (findSlots) never block the writer and vice versa across processes.
  if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  syncFleet(db, dealer);
  const capacity = createCapacity(db, dealer);
  const store = createReservationStore(db);
  const clock = options.clock ?? (() => new Date());
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;

  /** The slot's demand, or `undefined` when the slot is not one the calendar can give now. */
  function demandOfRequest(request: BookingRequest): Demand | undefined {
    const { slot } = request;
    if (!SOLUTIONS.includes(slot.solution)) return undefined;
    const appointment = toLocal(dealer, slot.appointmentAt);
    const handover = toLocal(dealer, slot.handoverAt);
    const back = toLocal(dealer, slot.returnAt);
    if (appointment.toMillis() <= clock().getTime()) return undefined;
    if (!acceptanceFits(dealer, localDay(dealer, appointment), appointment)) return undefined;
    // R9: the mobility solution is handed over right after the acceptance.
    if (handover.toMillis() !== appointment.toMillis() + acceptanceMs || back < handover) return undefined;
    return demandOf(dealer, slot, request.legs);
  }

  const bookNow = db.transaction((request: BookingRequest): BookResult => {
    const existing = store.byKey(request.idempotencyKey);
    if (existing) return { ok: true, booking: toBooking(existing.reservation) };
    const demand = demandOfRequest(request);
    const free = demand && capacity.check(demand);
    if (!demand || !free) return taken();
    let reference = newReference();
    while (store.byReference(reference)) reference = newReference();
    const { slot } = request;
    const reservation: Omit<Reservation, 'status'> = {
      reference,
      idempotencyKey: request.idempotencyKey,
      customerName: request.customerName,
      solution: slot.solution,
      ...(slot.solution === 'pickup-delivery' ? { legs: request.legs ?? 'both' } : {}),
      ...(free.resourceId ? { resourceId: free.resourceId } : {}),
      appointmentAt: slot.appointmentAt,
      handoverAt: slot.handoverAt,
      returnAt: slot.returnAt,
      service: request.serviceId,
      vehicle: request.vehicle,
      ...(request.address ? { address: request.address } : {}),
    };
    const id = store.insert({
      ...reservation,
      need: request.need,
      appointmentMs: demand.acceptance.startMs,
      returnMs: toLocal(dealer, slot.returnAt).toMillis(),
      createdAt: clock().toISOString(),
    });
    capacity.claim(id, demand, free.resourceId);
    return { ok: true, booking: toBooking({ ...reservation, status: 'confirmed' }) };
  });

  const cancelNow = db.transaction((reference: string): boolean => {
    const found = store.byReference(reference);
    if (!found) return false;
    if (found.reservation.status !== 'cancelled') {
      store.markCancelled(found.id);
      capacity.release(found.id);
    }
    return true;
  });

  // One read transaction per search: a consistent view, and one lock instead of one per query.
  const searchNow = db.transaction((query: SlotQuery) => searchSlots(dealer, query, createProbe(dealer, capacity, query)));

  return {
    async findSlots(query) {
      return searchNow.deferred(query);
    },
    async book(request) {
      return bookNow.immediate(request);
    },
    async cancel(reference) {
      return cancelNow.immediate(reference);
    },
    async list(filter = {}) {
      const from = filter.from ? toLocal(dealer, filter.from).toMillis() : null;
      const to = filter.to ? toLocal(dealer, filter.to).toMillis() : null;
      return store.list(from, to);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
