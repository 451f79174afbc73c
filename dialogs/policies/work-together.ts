/**
 * #13: work added to a booking is done in the same visit, one job after another: the downtime is
 * the sum of the catalogue's hours (R2; a range when one job has one), a mobility right that comes
 * with warranty work holds only when all the work is covered (R3: never promised free on a guess),
 * and the work's price is each job's, the sum being what is left to pay.
 * @module
 */
import type { ServiceCategory, VehicleRecord, WorkPrice } from '../model';
import type { ServiceTerms } from './mobility-terms';
import { workPriceFor } from './work-price';

/** The jobs as one: hours summed, covered only when every job is. */
export function workTogether(jobs: ServiceTerms[]): ServiceTerms {
  if (jobs.length === 0) throw new Error('no work');
  if (jobs.length === 1) return jobs[0];
  const hours = jobs.reduce((sum, j) => sum + j.hours, 0);
  const ranged = jobs.some((j) => j.hoursMax !== undefined);
  return {
    id: jobs[0].id,
    hours,
    ...(ranged ? { hoursMax: jobs.reduce((sum, j) => sum + (j.hoursMax ?? j.hours), 0) } : {}),
    coveredByWarranty: jobs.every((j) => j.coveredByWarranty),
  };
}

/** Each job's price or cover; together: covered when all are, else the sum of the prices to pay. */
export function workPriceTogether(jobs: (ServiceTerms & { priceFrom?: number })[], record: VehicleRecord | null, today: string): WorkPrice {
  if (jobs.length === 1) return workPriceFor(jobs[0], record, today);
  const parts = jobs.map((j) => ({ service: j.id as ServiceCategory, ...workPriceFor(j, record, today) }));
  const toPay = parts.filter((p) => !p.covered && p.from !== undefined).map((p) => p.from!);
  return {
    covered: parts.every((p) => p.covered),
    ...(toPay.length ? { from: toPay.reduce((a, b) => a + b, 0) } : {}),
    parts,
  };
}
