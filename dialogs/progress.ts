/**
 * R11 counts progress, not intent: a turn that leaves the awaited thing unknown is a
 * misunderstanding, whatever else it said ("giovedì" at the mobility question is kept, and the
 * question is still open). Two in a row lead to the offer of a person.
 * @module
 */
import type { BookingContext } from './context';

/** What a turn did to the question asked: answered it, left it open, or gave what is checked next (an address). */
export type Progress = 'answered' | 'open' | 'pending';

const needsAddress = (ctx: BookingContext) => ctx.mobility === 'pickup-delivery' || ctx.mobility === 'staff-shuttle';

/** Is the thing the question `asked` waits for known in `ctx`? Questions not listed are moved on by any useful message. */
const AWAITED: Record<string, (ctx: BookingContext) => Progress> = {
  service: (ctx) => (ctx.need ? 'answered' : 'open'),
  vehicle: (ctx) => (ctx.vehicle?.plate || ctx.vehicle?.vin || ctx.vehicle?.idUnknown ? 'answered' : 'open'),
  name: (ctx) => (ctx.customerName ? 'answered' : 'open'),
  mobility: (ctx) => (ctx.mobility ? 'answered' : 'open'),
  legs: (ctx) => (ctx.legs || ctx.mobility !== 'pickup-delivery' ? 'answered' : 'open'),
  // an address is answered once it is found within the radius; until then it is being checked
  address: (ctx) => (!needsAddress(ctx) || ctx.addressPlace ? 'answered' : ctx.address ? 'pending' : 'open'),
  date: (ctx) => (ctx.wish ? 'answered' : 'open'),
};

export function progressOn(asked: string | undefined, ctx: BookingContext): Progress {
  return (asked && AWAITED[asked]?.(ctx)) || 'answered';
}

/** The misunderstandings in a row once a message was taken into `after`. */
export function missesAfter(before: BookingContext, after: BookingContext): number {
  const progress = progressOn(before.asked?.prompt, after);
  if (progress === 'answered') return 0;
  return progress === 'pending' ? before.misunderstandings : before.misunderstandings + 1;
}

/** R11: the second misunderstanding in a row leads to the offer of a person. */
export const OFFER_PERSON_AFTER = 2;
/** Still not understood after the offer was made, and made again in other words: a person takes over. */
export const HAND_OVER_AFTER = 4;
