/**
 * The work's indicative price for a customer who asks (#11): the catalogue's "from" price, or
 * nothing to pay when the warranty (or its extension) covers work of this kind. The advisor
 * confirms the exact amount at drop-off.
 * @module
 */
import type { VehicleRecord, WorkPrice } from '../model';
import type { ServiceTerms } from './mobility-terms';
import { rightsOf } from './entitlement-policy';

export function workPriceFor(service: ServiceTerms & { priceFrom?: number }, record: VehicleRecord | null, today: string): WorkPrice {
  const rights = rightsOf(record, today);
  const covered = service.coveredByWarranty && (rights.warranty || rights.extension);
  return { covered, ...(!covered && service.priceFrom ? { from: service.priceFrom } : {}) };
}
