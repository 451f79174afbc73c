/**
 * R3 Entitlements and R4 "offer everything, to everyone": every solution the dealer offers, each
 * with its condition — free by which right (and what that is worth), or its price.
 * @module
 */
import type { Downtime, Offer, SolutionId, VehicleRecord } from '../model';
import { REPLACEMENT_VEHICLES } from '../model';
import type { MobilityTerms, ServiceTerms } from './mobility-terms';

export type Right = 'warranty' | 'extension' | string;

const isReplacement = (s: SolutionId) => (REPLACEMENT_VEHICLES as readonly string[]).includes(s);

/** A right counts while it runs on the day of the visit (`today` is close enough for the offer). */
const runs = (until: string | undefined, today: string) => until !== undefined && until >= today;

/**
 * Which right makes a solution free, if any. Programmes grant their benefits whatever the work;
 * warranty and its extension only for work they cover, and a replacement car only when the job
 * takes longer than the manufacturer's threshold (4 h by default).
 */
export function freeBecause(
  solution: SolutionId,
  terms: MobilityTerms,
  service: ServiceTerms,
  record: VehicleRecord | null,
  today: string,
): Right | undefined {
  if (!record) return undefined;
  const programme = record.programmes.find((p) => p.benefits.includes(solution) && (p.until === undefined || p.until >= today));
  if (programme) return programme.name;
  if (!service.coveredByWarranty) return undefined;
  const longEnough = !isReplacement(solution) || (service.hoursMax ?? service.hours) > terms.replacementMinHours;
  if (!longEnough) return undefined;
  if (runs(record.warrantyUntil, today) && terms.warrantyBenefits.includes(solution)) return 'warranty';
  if (runs(record.extensionUntil, today) && terms.extensionBenefits.includes(solution)) return 'extension';
  return undefined;
}

/** The documents to bring for a solution (R8): everyone's, then the solution's own. */
export function documentsFor(solution: SolutionId, terms: MobilityTerms): string[] {
  return [...new Set([...terms.commonDocuments, ...(terms.documents[solution] ?? [])])];
}

/** Every solution the dealer offers, in the dealer's order, with its condition for this customer. */
export function offersFor(
  terms: MobilityTerms,
  service: ServiceTerms,
  record: VehicleRecord | null,
  downtime: Downtime,
  today: string,
): Offer[] {
  return terms.offered
    .filter((solution) => solution !== 'rental-car' || terms.rental.allowed)
    .map((solution) => {
      const right = freeBecause(solution, terms, service, record, today);
      const price = terms.prices[solution];
      const value = terms.values[solution];
      const deposit = terms.deposits[solution];
      const units = value?.per === 'day' ? downtime.days : 1;
      return {
        solution,
        available: true,
        free: right !== undefined || !price || price.amount === 0,
        ...(right ? { freeBecause: right } : {}),
        ...(!right && price && price.amount > 0 ? { price: { amount: price.amount, currency: 'EUR' as const, per: price.per } } : {}),
        ...(right && value ? { value: { amount: value.amount * units, currency: 'EUR' as const, unit: value.amount, per: value.per } } : {}),
        ...(deposit ? { deposit: { amount: deposit, currency: 'EUR' as const } } : {}),
        documents: documentsFor(solution, terms),
      };
    });
}

/** The rights a vehicle has today, to tell the customer before the offer (R3). */
export function rightsOf(record: VehicleRecord | null, today: string): { warranty: boolean; extension: boolean; programmes: string[] } {
  return {
    warranty: runs(record?.warrantyUntil, today),
    extension: runs(record?.extensionUntil, today),
    programmes: (record?.programmes ?? []).filter((p) => p.until === undefined || p.until >= today).map((p) => p.name),
  };
}
