/**
 * Reservation rows of the SQLite planning: insert, look-ups, listing, moving, confirming,
 * cancelling. Statements are prepared once; callers provide the transaction.
 * @module
 */
import type { Database } from 'better-sqlite3';
import type { Reservation, ReservationEvent, ReservationStatus } from './planning';
import type { BookedBy } from './quota';
import { reservationOfRow, servicesColumn, type ReservationColumns } from './reservation-record';

interface Row extends ReservationColumns {
  id: number;
  vehicle: string;
  expires_ms: number | null;
  booked_by: BookedBy;
  confirmed_at: string | null;
  history: string;
}

/** What the store writes for a reservation (new or moved); its history is appended apart. */
export interface ReservationRecord extends Omit<Reservation, 'status' | 'expiresAt' | 'history'> {
  need: string;
  appointmentMs: number;
  returnMs: number;
}

/** A stored reservation, its row id (for its claims) and what the port does not show. */
export interface StoredReservation {
  id: number;
  reservation: Reservation;
  /** For a hold: when it lapses. */
  expiresMs: number | null;
  bookedBy: BookedBy;
  /** Whether it was ever confirmed (a cancelled hold was not). */
  confirmed: boolean;
}

function toReservation(row: Row): Reservation {
  return reservationOfRow(
    row,
    JSON.parse(row.vehicle),
    row.expires_ms === null ? undefined : new Date(row.expires_ms).toISOString(),
    JSON.parse(row.history) as ReservationEvent[],
  );
}


/** A reservation as the vehicle-overlap check sees it. */
export interface OverlappingReservation {
  id: number;
  reference: string;
  appointmentAt: string;
  vehicle: Reservation['vehicle'];
}

export interface ReservationStore {
  byKey(idempotencyKey: string): StoredReservation | undefined;
  byReference(reference: string): StoredReservation | undefined;
  /** A new row, `held` until `expiresMs` or `confirmed` (expiresMs null), with its first history. */
  insert(r: ReservationRecord, bookedBy: BookedBy, expiresMs: number | null, at: string, history: ReservationEvent[]): number;
  /** Appends to a row's history. */
  record(id: number, event: ReservationEvent): void;
  /** Rewrites a row's slot, resource and details (a moved hold or reservation). */
  save(id: number, r: ReservationRecord): void;
  /** A hold's new lapse time. */
  holdUntil(id: number, expiresMs: number): void;
  confirm(id: number, at: string): void;
  /** Live reservations whose [appointment, return] span meets [from, to), by appointment; lapsed holds never. */
  list(fromMs: number | null, toMs: number | null, statuses: readonly ReservationStatus[] | null, nowMs: number): Reservation[];
  markCancelled(id: number): void;
  /**
   * Confirmed and live held reservations whose [appointment, return) span overlaps [fromMs, toMs),
   * by appointment: only what a vehicle's overlap check reads (#15: no whole rows, no history).
   */
  overlapping(fromMs: number, toMs: number, nowMs: number): OverlappingReservation[];
  /** Deletes holds lapsed before `beforeMs` (their keys may be used afresh). */
  forgetHolds(beforeMs: number): void;
}

export function createReservationStore(db: Database): ReservationStore {
  const byKey = db.prepare('SELECT * FROM reservations WHERE idempotency_key = ?');
  const byReference = db.prepare('SELECT * FROM reservations WHERE reference = ?');
  const insert = db.prepare(
    `INSERT INTO reservations (reference, idempotency_key, status, solution, legs, resource_id, service_id, services,
       customer_name, need, address, vehicle, appointment_at, handover_at, return_at, appointment_ms, return_ms,
       created_at, expires_ms, booked_by, confirmed_at, history)
     VALUES (@reference, @idempotencyKey, @status, @solution, @legs, @resourceId, @service, @services,
       @customerName, @need, @address, @vehicle, @appointmentAt, @handoverAt, @returnAt, @appointmentMs, @returnMs,
       @at, @expiresMs, @bookedBy, @confirmedAt, @history)`,
  );
  const record = db.prepare("UPDATE reservations SET history = json_insert(history, '$[#]', json(?)) WHERE id = ?");
  const save = db.prepare(
    `UPDATE reservations SET solution = @solution, legs = @legs, resource_id = @resourceId, service_id = @service,
       services = @services, customer_name = @customerName, need = @need, address = @address, vehicle = @vehicle,
       appointment_at = @appointmentAt, handover_at = @handoverAt, return_at = @returnAt,
       appointment_ms = @appointmentMs, return_ms = @returnMs
     WHERE id = @id`,
  );
  const holdUntil = db.prepare("UPDATE reservations SET expires_ms = ? WHERE id = ? AND status = 'held'");
  const confirm = db.prepare("UPDATE reservations SET status = 'confirmed', expires_ms = NULL, confirmed_at = ? WHERE id = ?");
  const list = db.prepare(
    `SELECT * FROM reservations
      WHERE (@from IS NULL OR return_ms >= @from) AND (@to IS NULL OR appointment_ms < @to)
        AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
        AND NOT (status = 'held' AND expires_ms <= @now)
      ORDER BY appointment_ms, id`,
  );
  const cancel = db.prepare("UPDATE reservations SET status = 'cancelled', expires_ms = NULL WHERE id = ?");
  // A span is at most the longest one ever written (claim_spans): the index range starts there,
  // not at the first reservation ever made.
  const overlapping = db.prepare(
    `SELECT id, reference, appointment_at, vehicle FROM reservations
      WHERE appointment_ms < @to AND return_ms > @from
        AND appointment_ms >= @from - COALESCE((SELECT max_ms FROM claim_spans WHERE kind = 'reservation'), 1e15)
        AND (status = 'confirmed' OR (status = 'held' AND expires_ms > @now))
      ORDER BY appointment_ms, id`,
  );
  const longerSpan = db.prepare(
    `INSERT INTO claim_spans (kind, max_ms) VALUES ('reservation', ?) ON CONFLICT (kind) DO UPDATE SET max_ms = MAX(max_ms, excluded.max_ms)`,
  );
  const forget = db.prepare("DELETE FROM reservations WHERE status = 'held' AND expires_ms <= ?");
  const stored = (row: Row | undefined): StoredReservation | undefined =>
    row && {
      id: row.id,
      reservation: toReservation(row),
      expiresMs: row.status === 'held' ? row.expires_ms : null,
      bookedBy: row.booked_by,
      confirmed: row.confirmed_at !== null,
    };
  const columns = (r: ReservationRecord) => ({
    solution: r.solution,
    legs: r.legs ?? null,
    resourceId: r.resourceId ?? null,
    service: r.service,
    services: servicesColumn(r),
    customerName: r.customerName,
    need: r.need,
    address: r.address ?? null,
    vehicle: JSON.stringify(r.vehicle),
    appointmentAt: r.appointmentAt,
    handoverAt: r.handoverAt,
    returnAt: r.returnAt,
    appointmentMs: r.appointmentMs,
    returnMs: r.returnMs,
  });

  return {
    byKey: (key) => stored(byKey.get(key) as Row | undefined),
    byReference: (reference) => stored(byReference.get(reference) as Row | undefined),
    insert(r, bookedBy, expiresMs, at, history) {
      longerSpan.run(r.returnMs - r.appointmentMs);
      const info = insert.run({
        ...columns(r),
        reference: r.reference,
        idempotencyKey: r.idempotencyKey,
        status: expiresMs === null ? 'confirmed' : 'held',
        at,
        expiresMs,
        bookedBy,
        confirmedAt: expiresMs === null ? at : null,
        history: JSON.stringify(history),
      });
      return Number(info.lastInsertRowid);
    },
    record: (id, event) => void record.run(JSON.stringify(event), id),
    save(id, r) {
      longerSpan.run(r.returnMs - r.appointmentMs);
      save.run({ ...columns(r), id });
    },
    holdUntil: (id, expiresMs) => void holdUntil.run(expiresMs, id),
    confirm: (id, at) => void confirm.run(at, id),
    list: (from, to, statuses, now) =>
      (list.all({ from, to, statuses: statuses ? JSON.stringify(statuses) : null, now }) as Row[]).map(toReservation),
    markCancelled: (id) => void cancel.run(id),
    overlapping: (from, to, now) =>
      (overlapping.all({ from, to, now }) as Pick<Row, 'id' | 'reference' | 'appointment_at' | 'vehicle'>[]).map((row) => ({
        id: row.id, reference: row.reference, appointmentAt: row.appointment_at, vehicle: JSON.parse(row.vehicle) as Reservation['vehicle'],
      })),
    forgetHolds: (beforeMs) => void forget.run(beforeMs),
  };
}
