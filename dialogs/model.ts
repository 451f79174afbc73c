/**
 * The words the dialogue and its ports share. Plain JSON types only: everything here ends up
 * in a persisted snapshot or crosses a port.
 * @module
 */

export const LANGUAGES = ['it', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Mobility solutions, as named in the booking contract (ARCHITECTURE.md). */
export const SOLUTIONS = [
  'courtesy-car-brand',
  'courtesy-car-other',
  'rental-car',
  'pickup-delivery',
  'taxi',
  'staff-shuttle',
  'public-transport',
  'none',
] as const;
export type SolutionId = (typeof SOLUTIONS)[number];

/** Replacement vehicles, in the order R5 offers them. */
export const REPLACEMENT_VEHICLES = ['courtesy-car-brand', 'courtesy-car-other', 'rental-car'] as const;
export type ReplacementVehicle = (typeof REPLACEMENT_VEHICLES)[number];

/** What a customer may ask for: a solution, or "a replacement car" of whatever kind is free. */
export type MobilityWish = SolutionId | 'replacement';

export const LEGS = ['pickup', 'delivery', 'both'] as const;
export type Legs = (typeof LEGS)[number];

export type DayPart = 'morning' | 'afternoon';

/**
 * The fixed taxonomy the recognizer classifies needs into. A dealer's catalogue offers a subset;
 * a need outside it is "a service the dealer doesn't do".
 */
export const SERVICE_CATEGORIES = [
  'maintenance',
  'repair',
  'warranty-repair',
  'recall',
  'tyres',
  'brakes',
  'bodywork',
  'glass',
  'air-conditioning',
  'battery',
  'diagnosis',
  'inspection',
  'detailing',
  'lpg-conversion',
  'tuning',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** What the bot expects next (the `channelData.awaiting` contract). */
export const AWAITING = [
  'name',
  'vehicle',
  'service',
  'mobility',
  'pickupDelivery',
  'address',
  'date',
  'slot',
  'confirm',
  'text',
] as const;
export type Awaiting = (typeof AWAITING)[number];

/** A day (and maybe an hour or a part of it) the customer wishes, in the dealer's time zone. */
export interface DateWish {
  /** `yyyy-MM-dd`; absent when the customer said "as soon as possible". */
  date?: string;
  /** `HH:mm` */
  time?: string;
  part?: DayPart;
  asap?: boolean;
  /** The customer's words, for the advisor. */
  text: string;
}

export interface VehicleId {
  plate?: string;
  vin?: string;
}

export interface Programme {
  id: string;
  name: string;
  /** Solutions this programme makes free. */
  benefits: SolutionId[];
  until?: string;
}

/** What the manufacturer's and dealer's records say about a vehicle (R3). */
export interface VehicleRecord extends VehicleId {
  model: string;
  year?: number;
  /** `yyyy-MM-dd` */
  warrantyUntil?: string;
  extensionUntil?: string;
  programmes: Programme[];
}

/** A proposal from the planning: drop-off, handover of the mobility solution, return. ISO-8601 with offset. */
export interface Slot {
  solution: SolutionId;
  appointmentAt: string;
  handoverAt: string;
  returnAt: string;
}

export interface Money {
  amount: number;
  currency: 'EUR';
}

/** A solution as offered to one customer: free by which right, or its price (R3, R4, R8). */
export interface Offer {
  solution: SolutionId;
  available: boolean;
  free: boolean;
  /** Why it is free: `warranty`, `extension`, or a programme's name. */
  freeBecause?: string;
  price?: Money & { per: 'day' | 'trip' | 'visit' };
  /**
   * What the free benefit is worth for this downtime (R3: "say its value"), and what one day or
   * one trip of it is worth (`unit` per `per`), so that the customer hears which.
   */
  value?: Money & { unit?: number; per?: 'day' | 'trip' | 'visit' };
  deposit?: Money;
  documents: string[];
}

/** What the work itself is likely to cost, from the dealer's catalogue (labour; parts excluded). */
export interface WorkPrice {
  /** Indicative price from, in euro; absent when the catalogue gives none. */
  from?: number;
  /** Covered by the warranty or its extension: nothing to pay for the work. */
  covered: boolean;
  /** #13: several jobs (work added): each one's price or cover; `from` is then the sum to pay. */
  parts?: (Omit<WorkPrice, 'parts'> & { service: ServiceCategory })[];
}

export interface Downtime {
  /** Working hours the catalogue gives for the job. */
  hours: number;
  /** A cautious range for unknown work (diagnosis). */
  range?: [number, number];
  /** Working days the car is likely to stay (1 = same day). */
  days: number;
}

export interface Booking {
  reference: string;
  customerName: string;
  solution: SolutionId;
  legs?: Legs;
  handoverAt: string;
  returnAt: string;
  appointmentAt: string;
  service: string;
  /** All the work, `service` first, when work was added to the booking (#13); absent: `service` alone. */
  services?: string[];
}
