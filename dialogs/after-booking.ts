/**
 * What is said about a booking the chat cannot manage (#11): changing or cancelling a booking
 * here is not built yet (issue #13), so the customer hears so plainly, with the reference, the
 * dealer's phone ({{phone}} in the words) and a person a click away; the bot never says it did.
 * And "nothing has been booked" is said only when it is the whole truth.
 * @module
 */
import { token } from './choice-tokens';
import type { BookingContext } from './context';
import type { Output } from './output';
import type { Understanding } from './understanding';

/** The references that stand, whatever this request does: earlier ones and this one's. */
export const standingBookings = (ctx: BookingContext): string[] => [
  ...(ctx.earlierBookings ?? []),
  ...(ctx.booking ? [ctx.booking.reference] : []),
];

/** After a booking: a request to cancel or move it ("annulla", "can I change the date?", "venerdì invece"). */
export function asksToManageBooking(u: Understanding): boolean {
  const topic = u.question?.topic;
  if (topic === 'cancelBooking' || topic === 'changeBooking') return true;
  if (u.entities.change !== undefined || u.intent === 'correction') return true;
  // once booked, a day named without a new job can only be the booking moved
  return u.entities.date !== undefined && u.entities.service === undefined;
}

/** Not here, and how instead: the reference, the phone, a person. */
export function cannotManageHere(ctx: BookingContext): Extract<Output, { type: 'ask' }> {
  // asked again at once: fewer words, and never the same words three times in a row
  const again = ctx.lastPrompt?.key === 'booked.cannotManage';
  return {
    type: 'ask',
    key: again ? 'booked.cannotManageAgain' : 'booked.cannotManage',
    params: { reference: standingBookings(ctx).join(', '), count: standingBookings(ctx).length },
    awaiting: 'text',
    choices: [{ key: 'choice.human', value: token.human }],
  };
}

/** The words when the customer stops: true of what was booked or held. */
export function cancelledWords(ctx: BookingContext): Output {
  const standing = standingBookings(ctx);
  if (standing.length > 0) return { type: 'say', key: 'cancelledKeepsBooking', params: { references: standing, count: standing.length } };
  if (ctx.heldUntil) return { type: 'say', key: 'cancelledHeld' };
  return { type: 'say', key: 'cancelled' };
}
