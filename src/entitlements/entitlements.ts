/**
 * The `Entitlements` port: warranty and customer programmes of a vehicle (PROCESS.md R3).
 * @module
 */
import type { VehicleId, VehicleRecord } from '../../dialogs/model';

export interface Entitlements {
  /** The vehicle's record, or `null` when it is not in the records (a new customer). */
  lookup(id: VehicleId): Promise<VehicleRecord | null>;
}
