/**
 * R9 when the wish meets the dealer's hours: a closed day is said so, with the nearest days; an
 * hour the day has not ("giovedì alle 22") is not moved to the nearest open hour behind the
 * customer's back, it is asked: morning or afternoon of that day (E).
 * @module
 */
import type { BookingContext } from './context';
import type { SearchResult } from './ports';

/** The wished day is open, but not at the wished hour. */
export function hourNotOpen(context: BookingContext, r: SearchResult): boolean {
  const date = context.wish?.date;
  return r.refusal === 'closed' && !!date && !!context.wish?.time && r.alternatives.some((s) => s.appointmentAt.startsWith(date));
}

/** Why the wish cannot be met, in words that say whether the day, its part or its hour is closed. */
export function refusalKey(context: BookingContext, r: SearchResult): string {
  const wish = context.wish;
  if (!wish?.date && r.refusal !== 'past') return 'slot.refused.unavailable';
  if (r.refusal === 'closed' && wish?.time) return 'slot.refused.closedTime';
  if (r.refusal === 'closed' && wish?.part) return 'slot.refused.closedPart';
  return `slot.refused.${r.refusal ?? 'full'}`;
}
