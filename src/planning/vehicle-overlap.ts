/**
 * One vehicle, one workshop appointment at a time (#13): who is "the same vehicle" (plate or VIN,
 * spelled loosely) and the refusal the stores give. The stores check it inside the transaction
 * that writes the reservation; this file only compares.
 * @module
 */
import type { VehicleId } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { VehicleBooked } from '../../dialogs/ports';

/**
 * Whether the planning refuses an overlapping appointment of a vehicle for this request: the
 * dealer's `workshop.vehicleOverlap` is `refuse` and staff did not force it. With `flag` the
 * planning books it and the board flags the overlap.
 */
export const refusesOverlap = (dealer: Dealer, request: { force?: boolean }): boolean =>
  dealer.workshop.vehicleOverlap === 'refuse' && !request.force;

/** `gh 123-kl` and `GH123KL` are one plate. */
const normal = (text: string | undefined): string | undefined => {
  const n = text?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return n ? n : undefined;
};

/** The identities of a vehicle (`plate:…`, `vin:…`); none when it names neither. */
export function vehicleKeys(vehicle: VehicleId | undefined): string[] {
  const plate = normal(vehicle?.plate);
  const vin = normal(vehicle?.vin);
  return [...(plate ? [`plate:${plate}`] : []), ...(vin ? [`vin:${vin}`] : [])];
}

/** Whether two vehicles share a plate or a VIN. */
export function sameVehicle(a: VehicleId | undefined, b: VehicleId | undefined): boolean {
  return sameVehicleAs(a)(b);
}

/** `sameVehicle(a, …)` for many vehicles: `a`'s identities worked out once. */
export function sameVehicleAs(a: VehicleId | undefined): (b: VehicleId | undefined) => boolean {
  const keys = vehicleKeys(a);
  if (!keys.length) return () => false;
  return (b) => vehicleKeys(b).some((k) => keys.includes(k));
}

/** The refusal naming the appointment already there. */
export const vehicleBooked = (existing: { reference: string; appointmentAt: string }): VehicleBooked => ({
  ok: false,
  reason: 'vehicle-already-booked',
  existing: { reference: existing.reference, appointmentAt: existing.appointmentAt },
});
