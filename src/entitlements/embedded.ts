/**
 * `Entitlements` backed by the demo records in the dealer file (`vehicles`). A real site asks
 * the manufacturer's warranty system instead; this one answers offline, for demos and tests.
 * @module
 */
import type { VehicleId, VehicleRecord } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { Entitlements } from './entitlements';

/** Customers type "gh 123 kl" or "GH-123-KL"; records hold "GH123KL". Same for VINs. */
export function normaliseVehicleId(id: string): string {
  return id.toUpperCase().replace(/[\s.\-_/]/g, '');
}

export function createEmbeddedEntitlements(dealer: Dealer): Entitlements {
  const byPlate = new Map<string, VehicleRecord>();
  const byVin = new Map<string, VehicleRecord>();
  for (const vehicle of dealer.vehicles) {
    const record = toRecord(vehicle);
    if (record.plate) byPlate.set(record.plate, record);
    if (record.vin) byVin.set(record.vin, record);
  }

  return {
    async lookup(id: VehicleId): Promise<VehicleRecord | null> {
      // The VIN identifies the car for life; a plate can be re-registered, so it comes second.
      const found =
        (id.vin ? byVin.get(normaliseVehicleId(id.vin)) : undefined) ??
        (id.plate ? byPlate.get(normaliseVehicleId(id.plate)) : undefined);
      // A copy, so a caller that edits its record cannot change the index.
      return found ? structuredClone(found) : null;
    },
  };
}

function toRecord(vehicle: Dealer['vehicles'][number]): VehicleRecord {
  const record: VehicleRecord = { model: vehicle.model, programmes: vehicle.programmes };
  // Only defined keys: records end up in persisted snapshots, which hold plain JSON.
  if (vehicle.plate) record.plate = normaliseVehicleId(vehicle.plate);
  if (vehicle.vin) record.vin = normaliseVehicleId(vehicle.vin);
  if (vehicle.year !== undefined) record.year = vehicle.year;
  if (vehicle.warrantyUntil) record.warrantyUntil = vehicle.warrantyUntil;
  if (vehicle.extensionUntil) record.extensionUntil = vehicle.extensionUntil;
  return record;
}
