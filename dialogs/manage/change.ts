/**
 * Changing a booking (#13): the router asks again only for the part that changes — a new day
 * (R9, with alternatives) or a new mobility solution (R4–R6 for that part only, on the same
 * day and time) or a new address for pickup & delivery (R6, R7 on the same slot) — and the
 * summary before confirming shows old → new. The planning then moves
 * the booking in one step: the old slot is released only once the new one is taken.
 * @module
 */
import type { BookingContext } from '../context';
import { summaryLines } from '../summary-lines';

/** Solutions that come to an address (R6, R7): only these have an address to change. */
export const comesToAddress = (solution: string | undefined) => solution === 'pickup-delivery' || solution === 'staff-shuttle';

/** The fields the router fills again for a change of `part`, the rest of the booking kept. */
export function startChange(ctx: BookingContext, part: 'date' | 'mobility' | 'address'): Partial<BookingContext> {
  const booking = ctx.booking;
  if (!booking) return {};
  const common: Partial<BookingContext> = {
    changing: { reference: booking.reference, part, ...(ctx.address ? { address: ctx.address } : {}) },
    managing: undefined,
    // the booking as it stands: the summary marks what changes against it
    summaryShown: summaryLines(ctx),
    search: undefined,
    slot: undefined,
    solution: undefined,
    heldUntil: undefined,
    confirmed: false,
    dateQuestion: undefined,
    misunderstandings: 0,
  };
  if (part === 'address') {
    // the same slot and solution, at another address: asked and placed again (R6, R7), nothing else moves
    const at = booking.appointmentAt;
    return {
      ...common,
      mobility: booking.solution,
      legs: booking.legs,
      slot: ctx.slot,
      solution: ctx.solution,
      address: undefined,
      addressPlace: undefined,
      wish: { date: at.slice(0, 10), time: at.slice(11, 16), text: at },
    };
  }
  if (part === 'date') {
    // the same solution on another day (the customer may change it too, in the same words)
    return { ...common, wish: undefined, mobility: booking.solution, legs: booking.legs };
  }
  // the same day and hour, another solution
  const at = booking.appointmentAt;
  return {
    ...common,
    mobility: undefined,
    legs: undefined,
    addressPlace: undefined,
    wish: { date: at.slice(0, 10), time: at.slice(11, 16), text: at },
  };
}

/** After the move: the booking as it now stands, nothing left half-changed. */
export function changeDone(): Partial<BookingContext> {
  return { changing: undefined, managing: undefined, summaryShown: undefined, search: undefined, misunderstandings: 0 };
}
