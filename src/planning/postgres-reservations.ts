/**
 * Reservation rows and their claims on the PostgreSQL planning. Callers provide the transaction
 * (a client between BEGIN and COMMIT); every statement is one round trip.
 * @module
 */
import type { Pool, PoolClient } from 'pg';
import type { Demand } from './demand';
import type { ListFilter, Reservation, ReservationEvent } from './planning';
import type { BookedBy } from './quota';
import { reservationOfRow, servicesColumn, type ReservationColumns } from './reservation-record';

type Db = Pool | PoolClient;

interface Row extends ReservationColumns {
  id: string;
  booked_by: BookedBy;
  vehicle: Reservation['vehicle'];
  expires_at: Date | null;
  confirmed: boolean;
  history: ReservationEvent[];
}

/** A stored reservation, its row id (for its claims) and what the port does not show. */
export interface StoredReservation {
  id: string;
  reservation: Reservation;
  bookedBy: BookedBy;
  /** Whether it was ever confirmed (a cancelled hold was not). */
  confirmed: boolean;
}

function toStored(row: Row): StoredReservation {
  return {
    id: row.id,
    bookedBy: row.booked_by,
    confirmed: row.confirmed,
    reservation: reservationOfRow(row, row.vehicle, row.expires_at?.toISOString(), row.history),
  };
}


const COLUMNS = `id::text AS id, reference, idempotency_key, status, booked_by, solution, legs, resource_id, service_id, services,
  customer_name, need, address, vehicle, appointment_at, handover_at, return_at, expires_at,
  confirmed_at IS NOT NULL AS confirmed, history`;

/** Lapsed holds are invisible: never listed, never found by reference. */
const VISIBLE = "NOT (status = 'held' AND expires_at <= $2)";

/** The row under a key, lapsed hold or not; `FOR UPDATE`, so that writes on one key run one after the other. */
export async function byKey(db: Db, key: string): Promise<StoredReservation | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM reservations WHERE idempotency_key = $1 FOR UPDATE`, [key]);
  return rows[0] && toStored(rows[0]);
}

/** A visible reservation by reference; `forUpdate` locks its row for a write. */
export async function byReference(db: Db, reference: string, nowIso: string, forUpdate = false): Promise<StoredReservation | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM reservations WHERE reference = $1 AND ${VISIBLE}${forUpdate ? ' FOR UPDATE' : ''}`,
    [reference, nowIso],
  );
  return rows[0] && toStored(rows[0]);
}

/** What a write puts in a row: the slot, the resource and the customer's details (history apart). */
export type ReservationRecord = Omit<Reservation, 'status' | 'expiresAt' | 'history'>;

function columns(r: ReservationRecord): unknown[] {
  return [
    r.solution, r.legs ?? null, r.resourceId ?? null, r.service, r.customerName, r.need ?? '', r.address ?? null,
    JSON.stringify(r.vehicle), r.appointmentAt, r.handoverAt, r.returnAt, servicesColumn(r),
  ];
}

/**
 * A new row, held until `expiresAt` or confirmed (no `expiresAt`); `undefined` when the
 * reference is already taken (the caller draws another).
 */
export async function insertReservation(
  db: Db,
  r: ReservationRecord,
  bookedBy: BookedBy,
  expiresAt: string | undefined,
  at: string,
  history: ReservationEvent[],
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reservations (solution, legs, resource_id, service_id, customer_name, need, address, vehicle,
       appointment_at, handover_at, return_at, services, appointment_ts, return_ts,
       reference, idempotency_key, status, booked_by, expires_at, created_at, confirmed_at, history)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     ON CONFLICT (reference) DO NOTHING
     RETURNING id::text AS id`,
    [
      ...columns(r), r.appointmentAt, r.returnAt,
      r.reference, r.idempotencyKey, expiresAt ? 'held' : 'confirmed', bookedBy, expiresAt ?? null, at, expiresAt ? null : at,
      JSON.stringify(history),
    ],
  );
  return rows[0]?.id;
}

/** Rewrites a row's slot, resource and details (a moved hold or reservation). */
export async function saveReservation(db: Db, id: string, r: ReservationRecord): Promise<void> {
  await db.query(
    `UPDATE reservations SET solution = $1, legs = $2, resource_id = $3, service_id = $4, customer_name = $5, need = $6,
       address = $7, vehicle = $8, appointment_at = $9, handover_at = $10, return_at = $11, services = $12,
       appointment_ts = $13, return_ts = $14
     WHERE id = $15`,
    [...columns(r), r.appointmentAt, r.returnAt, id],
  );
}

/** Appends to a row's history. */
export async function recordEvent(db: Db, id: string, event: ReservationEvent): Promise<void> {
  await db.query('UPDATE reservations SET history = history || jsonb_build_array($2::jsonb) WHERE id = $1', [id, JSON.stringify(event)]);
}

export async function holdUntil(db: Db, id: string, expiresAt: string): Promise<void> {
  await db.query("UPDATE reservations SET expires_at = $2 WHERE id = $1 AND status = 'held'", [id, expiresAt]);
  await db.query('UPDATE claims SET expires_at = $2 WHERE reservation_id = $1', [id, expiresAt]);
}

/** Confirms a row; its claims stop lapsing. */
export async function confirmReservation(db: Db, id: string, at: string): Promise<void> {
  await db.query("UPDATE reservations SET status = 'confirmed', expires_at = NULL, confirmed_at = $2 WHERE id = $1", [id, at]);
  await db.query('UPDATE claims SET expires_at = NULL WHERE reservation_id = $1', [id]);
}

export async function markCancelled(db: Db, id: string): Promise<void> {
  await db.query("UPDATE reservations SET status = 'cancelled', expires_at = NULL WHERE id = $1", [id]);
  await deleteClaims(db, id);
}

export async function deleteClaims(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM claims WHERE reservation_id = $1', [id]);
}

/**
 * Deletes holds lapsed before `beforeIso` (their keys may be used afresh). Housekeeping only,
 * in its own statement: every check already ignores lapsed claims.
 */
export async function forgetHolds(db: Db, beforeIso: string): Promise<void> {
  await db.query("DELETE FROM reservations WHERE status = 'held' AND expires_at <= $1", [beforeIso]);
}

/** The claims of a demand, but the car's: that one is inserted on its own (see `claimCar`). */
export async function insertClaims(
  db: Db,
  reservationId: string,
  demand: Demand,
  expiresAt: string | undefined,
): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: object[] = [
    { kind: 'advisor', lower: iso(demand.acceptance.startMs), upper: iso(demand.acceptance.endMs), amount: 1 },
    { kind: 'workshop', day: demand.workshop.day, amount: demand.workshop.hours },
    ...(demand.rentalDays ?? []).map((day) => ({ kind: 'rental', day, amount: 1 })),
    ...(demand.drivers ?? []).map((h) => ({ kind: 'driver', day: h.day, half: h.part, amount: 1 })),
    ...(demand.shuttleTrips ?? []).map((h) => ({ kind: 'shuttle', day: h.day, half: h.part, amount: 1 })),
  ];
  await db.query(
    `INSERT INTO claims (reservation_id, kind, day, half, span, amount, expires_at)
     SELECT $1, kind, day, half, CASE WHEN lower IS NULL THEN NULL ELSE tstzrange(lower, upper, '[)') END, amount, $3
       FROM json_to_recordset($2::json)
         AS x(kind text, day date, half text, lower timestamptz, upper timestamptz, amount double precision)`,
    [reservationId, JSON.stringify(rows), expiresAt ?? null],
  );
}

/**
 * Deletes the lapsed holds' claims on any of `carIds` over [startMs, endMs): they block nothing,
 * but the exclusion constraint sees every row. One statement for all the cars a writer may try.
 */
export async function clearLapsedCarClaims(db: Db, carIds: readonly string[], startMs: number, endMs: number, nowIso: string): Promise<void> {
  await db.query(
    `DELETE FROM claims WHERE kind = 'car' AND resource_id = ANY ($1::text[]) AND span && tstzrange($2, $3, '[)') AND expires_at <= $4`,
    [carIds, new Date(startMs).toISOString(), new Date(endMs).toISOString(), nowIso],
  );
}

/**
 * Claims one car for [startMs, endMs) (lapsed holds in its way already cleared, see
 * {@link clearLapsedCarClaims}). An overlap with a live claim, committed or not, is refused by the
 * exclusion constraint: `ON CONFLICT DO NOTHING` turns that refusal into `false` (the caller tries
 * the next car) without aborting the transaction, so no savepoint is needed.
 */
export async function claimCar(
  db: Db,
  reservationId: string,
  car: { id: string; kind: string; startMs: number; endMs: number },
  expiresAt: string | undefined,
): Promise<boolean> {
  const lower = new Date(car.startMs).toISOString();
  const upper = new Date(car.endMs).toISOString();
  const { rowCount } = await db.query(
    `INSERT INTO claims (reservation_id, kind, resource_id, car_kind, span, expires_at)
     VALUES ($1, 'car', $2, $3, tstzrange($4, $5, '[)'), $6)
     ON CONFLICT DO NOTHING`,
    [reservationId, car.id, car.kind, lower, upper, expiresAt ?? null],
  );
  return rowCount === 1;
}

/** Reservations whose [appointment, return] span meets [from, to), by appointment; lapsed holds never. */
export async function listReservations(db: Db, filter: ListFilter, nowIso: string): Promise<Reservation[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM reservations
      WHERE ($1::timestamptz IS NULL OR return_ts >= $1::timestamptz)
        AND ($2::timestamptz IS NULL OR appointment_ts < $2::timestamptz)
        AND ($3::text[] IS NULL OR status = ANY ($3::text[]))
        AND NOT (status = 'held' AND expires_at <= $4)
      ORDER BY appointment_ts, id`,
    [filter.from ?? null, filter.to ?? null, filter.status ?? null, nowIso],
  );
  return rows.map((row) => toStored(row).reservation);
}
