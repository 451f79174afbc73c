/**
 * The part of a dealer's file the dialogue's policies read. The dealer schema
 * (src/dealer/schema.ts) satisfies it structurally; the policies stay pure.
 * @module
 */
import type { ServiceCategory, SolutionId } from '../model';

export interface PricePer {
  amount: number;
  per: 'day' | 'trip' | 'visit';
}

export interface MobilityTerms {
  offered: SolutionId[];
  replacementMinHours: number;
  prices: Partial<Record<SolutionId, PricePer>>;
  values: Partial<Record<SolutionId, PricePer>>;
  deposits: Partial<Record<SolutionId, number>>;
  documents: Partial<Record<SolutionId, string[]>>;
  commonDocuments: string[];
  rental: { allowed: boolean };
  warrantyBenefits: SolutionId[];
  extensionBenefits: SolutionId[];
}

export interface ServiceTerms {
  id: ServiceCategory;
  hours: number;
  hoursMax?: number;
  coveredByWarranty: boolean;
}
