/**
 * R5 Replacement vehicle order: a brand courtesy car first; if none is free for the whole
 * downtime, a courtesy car of another brand; then a rental car, only where local policy allows.
 * @module
 */
import type { MobilityWish, Offer, SolutionId } from '../model';
import { REPLACEMENT_VEHICLES } from '../model';

/**
 * The solutions to try, in order, for what the customer asked. Asking for "a replacement car" or
 * for a brand car walks the whole order; asking for a specific other kind tries that kind only.
 */
export function candidatesFor(wish: MobilityWish, offers: Offer[]): SolutionId[] {
  const offered = new Set(offers.map((o) => o.solution));
  if (wish === 'replacement' || wish === 'courtesy-car-brand') {
    return REPLACEMENT_VEHICLES.filter((s) => offered.has(s));
  }
  return offered.has(wish) ? [wish] : [];
}
