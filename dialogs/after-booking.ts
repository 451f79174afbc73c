/**
 * After the booking (#11, #13): which requests are about the booking made (see it, move it,
 * cancel it: dialogs/states/manage.ts carries them out), and what is said when the customer stops
 * a new request — "nothing has been booked" only when it is the whole truth.
 * @module
 */
import type { BookingContext } from './context';
import type { Output } from './output';
import type { ManageAct, Understanding } from './understanding';

/** The references that stand, whatever this request does: earlier ones and this one's. */
export const standingBookings = (ctx: BookingContext): string[] => [
  ...(ctx.earlierBookings ?? []),
  ...(ctx.booking ? [ctx.booking.reference] : []),
];

/** After a booking: a request to see, cancel, move it or add work to it ("annulla", "can I change the date?", "venerdì invece", "MC-…"). */
export function asksToManageBooking(u: Understanding): boolean {
  const topic = u.question?.topic;
  const named = u.entities.manage;
  // #13: "add" too: work to add to it ("aggiungete anche i freni", "the tyres while you're at it")
  if (named === 'status' || named === 'change' || named === 'cancel' || named === 'add' || u.entities.reference) return true;
  if (topic === 'cancelBooking' || topic === 'changeBooking' || u.intent === 'cancel') return true;
  if (u.entities.change !== undefined || u.intent === 'correction') return true;
  // once booked, a day named without a new job can only be the booking moved
  return u.entities.date !== undefined && u.entities.service === undefined;
}

/** Once booked, what a request about the booking asks: named, or cancel for "annulla", else a change. */
export function requestedAct(u: Understanding): ManageAct {
  const named = u.entities.manage;
  if (named === 'status' || named === 'change' || named === 'cancel' || named === 'add') return named;
  if (u.question?.topic === 'cancelBooking' || u.intent === 'cancel') return 'cancel';
  const e = u.entities;
  if (u.question?.topic === 'changeBooking' || e.change !== undefined || u.intent === 'correction' || (e.date && !e.service) || e.mobility) return 'change';
  return 'status';
}

/** The words when the customer stops: true of what was booked or held. */
export function cancelledWords(ctx: BookingContext): Output {
  const standing = standingBookings(ctx);
  if (standing.length > 0) return { type: 'say', key: 'cancelledKeepsBooking', params: { references: standing, count: standing.length } };
  if (ctx.heldUntil) return { type: 'say', key: 'cancelledHeld' };
  return { type: 'say', key: 'cancelled' };
}
