/**
 * The `Places` port: where an address is, and how far from the dealer (R6 radius).
 * @module
 */
export type Located =
  | { status: 'ok'; place: string; postcode: string; distanceKm: number }
  | { status: 'unknown' }
  | { status: 'outside'; place: string; distanceKm: number; radiusKm: number };

export interface Places {
  /** `radiusKm` is the limit of the solution asked for (pickup & delivery, staff shuttle). */
  locate(address: string, radiusKm: number): Promise<Located>;
}
