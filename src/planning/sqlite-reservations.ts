/**
 * Reservation rows of the SQLite planning: insert, look-ups, listing, cancelling. Statements are
 * prepared once; callers provide the transaction.
 * @module
 */
import type { Database } from 'better-sqlite3';
import type { Booking, Legs, ServiceCategory, SolutionId } from '../../dialogs/model';
import type { Reservation } from './planning';

interface Row {
  id: number;
  reference: string;
  idempotency_key: string;
  status: Reservation['status'];
  solution: SolutionId;
  legs: Legs | null;
  resource_id: string | null;
  service_id: ServiceCategory;
  customer_name: string;
  need: string;
  address: string | null;
  vehicle: string;
  appointment_at: string;
  handover_at: string;
  return_at: string;
}

/** What the store writes for a new reservation. */
export interface NewReservation extends Omit<Reservation, 'status'> {
  need: string;
  appointmentMs: number;
  returnMs: number;
  createdAt: string;
}

/** A stored reservation and its row id (for its claims). */
export interface StoredReservation {
  id: number;
  reservation: Reservation;
}

function toReservation(row: Row): Reservation {
  return {
    reference: row.reference,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    customerName: row.customer_name,
    solution: row.solution,
    ...(row.legs ? { legs: row.legs } : {}),
    ...(row.resource_id ? { resourceId: row.resource_id } : {}),
    appointmentAt: row.appointment_at,
    handoverAt: row.handover_at,
    returnAt: row.return_at,
    service: row.service_id,
    vehicle: JSON.parse(row.vehicle),
    ...(row.address ? { address: row.address } : {}),
  };
}

/** The booking contract's view of a reservation (ARCHITECTURE.md `channelData.booking`). */
export function toBooking(r: Reservation): Booking & { resourceId?: string } {
  return {
    reference: r.reference,
    customerName: r.customerName,
    solution: r.solution,
    ...(r.legs ? { legs: r.legs } : {}),
    handoverAt: r.handoverAt,
    returnAt: r.returnAt,
    appointmentAt: r.appointmentAt,
    service: r.service,
    ...(r.resourceId ? { resourceId: r.resourceId } : {}),
  };
}

export interface ReservationStore {
  byKey(idempotencyKey: string): StoredReservation | undefined;
  byReference(reference: string): StoredReservation | undefined;
  insert(r: NewReservation): number;
  /** Reservations whose [appointment, return] span meets [from, to), by appointment. */
  list(fromMs: number | null, toMs: number | null): Reservation[];
  markCancelled(id: number): void;
}

export function createReservationStore(db: Database): ReservationStore {
  const byKey = db.prepare('SELECT * FROM reservations WHERE idempotency_key = ?');
  const byReference = db.prepare('SELECT * FROM reservations WHERE reference = ?');
  const insert = db.prepare(
    `INSERT INTO reservations (reference, idempotency_key, status, solution, legs, resource_id, service_id,
       customer_name, need, address, vehicle, appointment_at, handover_at, return_at, appointment_ms, return_ms, created_at)
     VALUES (@reference, @idempotencyKey, 'confirmed', @solution, @legs, @resourceId, @service,
       @customerName, @need, @address, @vehicle, @appointmentAt, @handoverAt, @returnAt, @appointmentMs, @returnMs, @createdAt)`,
  );
  const list = db.prepare(
    `SELECT * FROM reservations
      WHERE (@from IS NULL OR return_ms >= @from) AND (@to IS NULL OR appointment_ms < @to)
      ORDER BY appointment_ms, id`,
  );
  const cancel = db.prepare("UPDATE reservations SET status = 'cancelled' WHERE id = ?");
  const stored = (row: Row | undefined) => (row ? { id: row.id, reservation: toReservation(row) } : undefined);

  return {
    byKey: (key) => stored(byKey.get(key) as Row | undefined),
    byReference: (reference) => stored(byReference.get(reference) as Row | undefined),
    insert(r) {
      const info = insert.run({
        reference: r.reference,
        idempotencyKey: r.idempotencyKey,
        solution: r.solution,
        legs: r.legs ?? null,
        resourceId: r.resourceId ?? null,
        service: r.service,
        customerName: r.customerName,
        need: r.need,
        address: r.address ?? null,
        vehicle: JSON.stringify(r.vehicle),
        appointmentAt: r.appointmentAt,
        handoverAt: r.handoverAt,
        returnAt: r.returnAt,
        appointmentMs: r.appointmentMs,
        returnMs: r.returnMs,
        createdAt: r.createdAt,
      });
      return Number(info.lastInsertRowid);
    },
    list: (from, to) => (list.all({ from, to }) as Row[]).map(toReservation),
    markCancelled: (id) => void cancel.run(id),
  };
}
