/**
 * One vehicle, one workshop appointment at a time (#13), on the PostgreSQL planning: a writer
 * takes a transaction-level advisory lock per identity of the vehicle (plate, VIN) before it
 * reads the vehicle's overlapping reservations, so two concurrent bookings of one car serialise
 * and the second sees the first. Vehicle locks are always taken before the capacity locks
 * (postgres-locks.ts), so writers never wait on each other in a cycle.
 * @module
 */
import type { PoolClient } from 'pg';
import type { Dealer } from '../dealer/schema';
import type { BookingRequest, Reservation, VehicleBooked } from './planning';
import { lockCapacities } from './postgres-locks';
import { refusesOverlap, sameVehicle, vehicleBooked, vehicleKeys } from './vehicle-overlap';

interface Row {
  id: string;
  reference: string;
  appointment_at: string;
  vehicle: Reservation['vehicle'];
}

/**
 * Another confirmed or live held appointment of the request's vehicle overlapping its slot
 * (`selfId`, the reservation being held, confirmed or moved, aside); nothing when the dealer
 * only flags overlaps (`workshop.vehicleOverlap: flag`) or staff force it.
 */
export async function vehicleClash(
  client: PoolClient,
  dealer: Dealer,
  schema: string,
  request: BookingRequest,
  nowIso: string,
  selfId?: string,
): Promise<VehicleBooked | undefined> {
  if (!refusesOverlap(dealer, request)) return undefined;
  const keys = vehicleKeys(request.vehicle);
  if (keys.length === 0) return undefined;
  await lockCapacities(client, keys.map((k) => `${schema}:vehicle:${k}`));
  const { rows } = await client.query<Row>(
    `SELECT id::text AS id, reference, appointment_at, vehicle FROM reservations
      WHERE appointment_ts < $2::timestamptz AND return_ts > $1::timestamptz
        AND (status = 'confirmed' OR (status = 'held' AND expires_at > $3::timestamptz))
      ORDER BY appointment_ts, id`,
    [request.slot.appointmentAt, request.slot.returnAt, nowIso],
  );
  const other = rows.find((r) => r.id !== selfId && sameVehicle(r.vehicle, request.vehicle));
  return other && vehicleBooked({ reference: other.reference, appointmentAt: other.appointment_at });
}
