/**
 * The statechart's guards, named after what the sheet asks (PROCESS.md): what a customer may ask
 * at any point (R11), and the router's questions, in the sheet's order (R1 → R10).
 * @module
 */
import type { BookingContext } from './context';
import type { BookingEvent } from './events';
import { MAX_MESSAGE_LENGTH, understood as u } from './events';
import { asksToManageBooking } from './after-booking';
import { asksAboutBooking } from './manage/proof';
import { isAnswerable } from './answers';
import { interpret } from './interpret';
import { HAND_OVER_AFTER, OFFER_PERSON_AFTER } from './progress';
import type { Understanding } from './understanding';

type GuardArgs = { context: BookingContext; event: BookingEvent };

const intentIs = (...intents: Understanding['intent'][]) => ({ event }: GuardArgs) =>
  intents.includes(u(event)?.intent as Understanding['intent']);

/** Nothing in the message but a yes or a no. */
const nothingElse = (x: Understanding) => {
  const { choice, ...rest } = x.entities;
  return Object.keys(rest).length === 0 && (choice === undefined || x.intent !== 'inform');
};

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');

/**
 * A yes that says again what the summary shows, and nothing else: "yes, Thursday at 10 for the
 * Levante, confirmed", "confermo, giovedì alle 10", "Confermo. Cordiali saluti, Rebecca Tosi" (#12).
 * The day and hour of the slot, the car's model or plate, the customer's name: each equal to the
 * booking's, or the yes is no plain yes (a change is then taken and shown).
 */
const restatesOnly = (context: BookingContext, x: Understanding): boolean => {
  // a question beside it holds the yes back ("yes Thursday at 10, but do I need to bring anything?")
  if (x.question) return false;
  const { choice: _c, date, model, plate, name, ...rest } = x.entities;
  if (Object.keys(rest).length > 0) return false;
  const at = context.slot?.appointmentAt;
  // the slot's own wall clock is compared only when the instant carries the dealer's offset (a UTC "Z" instant is not read)
  if (date && (!at || !/[+-]\d{2}:\d{2}$/.test(at) || !date.date || date.date !== at.slice(0, 10) || (date.time !== undefined && date.time !== at.slice(11, 16)) || date.part !== undefined)) return false;
  if (model && !same(model, context.vehicle?.model ?? context.record?.model ?? undefined)) return false;
  if (plate && !same(plate, context.vehicle?.plate)) return false;
  if (name && !same(name, context.customerName)) return false;
  return true;
};

const needsAddress = (context: BookingContext) => context.mobility === 'pickup-delivery' || context.mobility === 'staff-shuttle';

export const guards = {
  // R11 Always: what a customer can ask at any point.
  isEmpty: ({ event }: GuardArgs) => (u(event)?.text.trim() ?? '') === '',
  isTooLong: ({ event }: GuardArgs) => (u(event)?.text.length ?? 0) > MAX_MESSAGE_LENGTH,
  wantsHuman: intentIs('human'),
  isUrgent: intentIs('urgent'),
  wantsCancel: intentIs('cancel'),
  wantsRestart: intentIs('restart'),
  wantsHelp: intentIs('help'),
  wantsLanguage: ({ event }: GuardArgs) => u(event)?.intent === 'switchLanguage' && u(event)?.entities.language !== undefined,
  isSmallTalk: ({ context, event }: GuardArgs) => {
    const x = u(event);
    return !!x && (x.intent === 'greeting' || x.intent === 'thanks') && !interpret(context, x).useful;
  },
  isUseful: ({ context, event }: GuardArgs) => {
    const x = u(event);
    return !!x && x.intent !== 'outOfDomain' && interpret(context, x).useful;
  },
  plainAffirm: ({ event }: GuardArgs) => { const x = u(event); return !!x && x.intent === 'affirm' && nothingElse(x) && !x.question?.heldBack; },
  /** At the summary: a plain yes, or a yes that only says its facts again. */
  affirmsSummary: ({ context, event }: GuardArgs) => {
    const x = u(event);
    return !!x && x.intent === 'affirm' && !x.question?.heldBack && (nothingElse(x) || (!!context.slot && restatesOnly(context, x)));
  },
  plainDeny: ({ event }: GuardArgs) => { const x = u(event); return !!x && x.intent === 'deny' && nothingElse(x); },
  // R11: two misunderstandings in a row lead to the offer of a person; still lost after it, to a person.
  misunderstoodTwice: ({ context }: GuardArgs) => context.misunderstandings >= OFFER_PERSON_AFTER,
  lostAfterOffer: ({ context }: GuardArgs) => context.misunderstandings >= HAND_OVER_AFTER,
  // #11: a question is answered, not taken as an answer; one the bot cannot answer offers a person
  asksQuestion: ({ event }: GuardArgs) => isAnswerable(u(event)?.question),
  asksUnanswerable: ({ event }: GuardArgs) => u(event)?.question?.topic === 'other',
  // #13: once booked, a request to see, move or cancel it; in any conversation, a reference or such a request
  wantsBookingChanged: ({ event }: GuardArgs) => { const x = u(event); return !!x && asksToManageBooking(x); },
  asksAboutBooking: ({ context, event }: GuardArgs) => { const x = u(event); return !!x && asksAboutBooking(context, x); },
  /** #13: a new request for the car whose upcoming booking this conversation knows. */
  sameCarBooked: ({ context, event }: GuardArgs) => {
    const x = context.managing?.pending ?? u(event);
    const b = context.booking;
    if (!x || !b || Date.parse(b.appointmentAt) <= Date.parse(context.now)) return false;
    const compact = (s?: string) => s?.replace(/[\s-]/g, '').toUpperCase();
    if (x.entities.plate && compact(x.entities.plate) !== compact(context.vehicle?.plate)) return false;
    if (x.entities.vin && compact(x.entities.vin.value) !== compact(context.vehicle?.vin)) return false;
    return true;
  },
  managing: ({ context }: GuardArgs) => context.managing !== undefined && !context.changing,
  bookingStands: ({ context }: GuardArgs) => context.booking !== undefined && !context.changing,
  changing: ({ context }: GuardArgs) => context.changing !== undefined,
  startsAnotherBooking: ({ event }: GuardArgs) => { const x = u(event); return !!x && (x.intent === 'book' || !!x.entities.service); },

  // The router, in the sheet's order.
  needMissing: ({ context }: GuardArgs) => !context.need, // R1
  vehicleMissing: ({ context }: GuardArgs) => !context.vehicle?.plate && !context.vehicle?.vin && !context.vehicle?.idUnknown,
  vehicleNotLookedUp: ({ context }: GuardArgs) => context.record === undefined && !context.vehicle?.idUnknown, // R3
  nameMissing: ({ context }: GuardArgs) => !context.customerName,
  notQuoted: ({ context }: GuardArgs) => !context.offers, // R2 + R3
  mobilityMissing: ({ context }: GuardArgs) => !context.mobility, // R4
  legsMissing: ({ context }: GuardArgs) => context.mobility === 'pickup-delivery' && !context.legs, // R6
  addressMissing: ({ context }: GuardArgs) => needsAddress(context) && !context.address, // R6, R7
  addressUnchecked: ({ context }: GuardArgs) => needsAddress(context) && !context.addressPlace,
  dateMissing: ({ context }: GuardArgs) => !context.wish || context.dateQuestion !== undefined, // R9, and never guessed (E)
  alternativesPending: ({ context }: GuardArgs) => !context.slot && context.search !== undefined, // R9: proposed, not chosen
  slotMissing: ({ context }: GuardArgs) => !context.slot, // R9 + R5
  // R9: held while the customer decides; a booking being changed is moved in one step instead (#13)
  slotNotHeld: ({ context }: GuardArgs) => !context.heldUntil && !context.changing,
  notConfirmed: ({ context }: GuardArgs) => !context.confirmed, // R8 + R10
};

export { intentIs };
