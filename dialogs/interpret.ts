/**
 * Slot filling: what a message changes in the booking. Everything said is taken, whatever was
 * asked (a customer who says everything at once is asked only what is missing), and a change
 * forgets what depended on it ("anzi, giovedì" drops the chosen slot, not the name).
 * @module
 */
import { parseToken } from './choice-tokens';
import type { BookingContext } from './context';
import { nextWish } from './date-wish';
import type { Output } from './output';
import type { Understanding } from './understanding';

export interface Interpretation {
  patch: Partial<BookingContext>;
  notices: Output[];
  /** False when nothing in the message moves the booking on: a misunderstanding. */
  useful: boolean;
}

/** Fields to forget when what they were derived from changes. */
const FORGET = {
  slot: { search: undefined, slot: undefined, solution: undefined, heldUntil: undefined, confirmed: false },
  /** The slot stays; it is held again with what changed (the legs, the address): nothing else moves. */
  hold: { heldUntil: undefined, confirmed: false },
  quote: { downtime: undefined, offers: undefined },
  lookup: { record: undefined },
} satisfies Record<string, Partial<BookingContext>>;

const NEEDS_ADDRESS = new Set(['pickup-delivery', 'staff-shuttle']);
/** The customer's words are kept for the advisor; the full message is in the transcript. */
const NEED_TEXT_MAX = 300;
const needText = (text: string) => text.trim().slice(0, NEED_TEXT_MAX);
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

export function interpret(ctx: BookingContext, u: Understanding): Interpretation {
  const awaiting = ctx.lastPrompt?.awaiting;
  const e = { ...u.entities };
  const patch: Partial<BookingContext> = {};
  const notices: Output[] = [];
  let useful = false;
  const set = (p: Partial<BookingContext>) => {
    Object.assign(patch, p);
    useful = true;
  };

  // A number typed in answer to a list means the choice with that number.
  if (e.choice !== undefined && awaiting !== 'slot' && ctx.lastPrompt?.choices) {
    const picked = e.choice === -1 ? ctx.lastPrompt.choices.at(-1) : ctx.lastPrompt.choices[e.choice - 1];
    const meaning = picked && parseToken(picked.value);
    if (meaning) Object.assign(e, meaning.entities, { choice: undefined });
  }

  if (u.detectedLang && u.detectedLang !== ctx.lang) patch.lang = u.detectedLang;

  // R1 Listen: the need, classified against the dealer's catalogue.
  if (e.service) {
    if (!ctx.catalogue.includes(e.service.id)) {
      notices.push({ type: 'say', key: 'service.unsupported', params: { service: `service.${e.service.id}` } });
      useful = true;
    } else if (ctx.need?.serviceId !== e.service.id) {
      set({ need: { serviceId: e.service.id, text: needText(u.text) }, ...FORGET.quote, ...FORGET.slot });
    } else useful = true;
  } else if (awaiting === 'service' && (u.intent === 'book' || u.intent === 'inform') && wordCount(u.text) >= 3 && !hasOther(e)) {
    // Words the catalogue doesn't name ("there's a noise at the back"): the workshop diagnoses.
    set({ need: { serviceId: 'diagnosis', text: needText(u.text) }, ...FORGET.quote, ...FORGET.slot });
  }

  // The vehicle: a plate or VIN, or only a model when the customer doesn't know them.
  if (e.plate || e.vin) {
    const vehicle = {
      ...(e.plate ? { plate: e.plate } : {}),
      ...(e.vin ? { vin: e.vin.value } : {}),
      ...(e.model ?? ctx.vehicle?.model ? { model: e.model ?? ctx.vehicle?.model } : {}),
      ...(e.vin?.checkDigit === 'invalid' ? { vinUnverified: true } : {}),
    };
    if (vehicle.plate !== ctx.vehicle?.plate || vehicle.vin !== ctx.vehicle?.vin) {
      set({ vehicle, ...FORGET.lookup, ...FORGET.quote, ...FORGET.slot });
      if (vehicle.vinUnverified) notices.push({ type: 'say', key: 'vehicle.vinUnverified', params: { vin: vehicle.vin } });
    } else useful = true;
  } else if (e.badVehicleId) {
    notices.push({ type: 'say', key: 'vehicle.malformed', params: { text: e.badVehicleId } });
    useful = true;
  } else if (e.model && !ctx.vehicle?.plate && !ctx.vehicle?.vin) {
    set({ vehicle: { model: e.model, idUnknown: awaiting === 'vehicle' } });
  } else if (awaiting === 'vehicle' && u.intent === 'deny') {
    set({ vehicle: { ...ctx.vehicle, idUnknown: true }, record: null });
  }

  if (e.name && awaiting !== 'address' && e.name !== ctx.customerName) set({ customerName: e.name });

  // R4–R7: the mobility solution, and its legs. The address stays (said once is enough); it is
  // checked again against the new solution's radius.
  if (e.mobility && e.mobility !== ctx.mobility) {
    set({
      mobility: e.mobility,
      legs: e.mobility === 'pickup-delivery' ? e.legs : undefined,
      addressPlace: undefined,
      ...FORGET.slot,
    });
  } else if (e.mobility) useful = true;
  if (e.legs && (patch.mobility ?? ctx.mobility) === 'pickup-delivery' && e.legs !== ctx.legs) {
    const sameSlot = !patch.mobility && ctx.slot?.solution === 'pickup-delivery';
    set({ legs: e.legs, ...(sameSlot ? FORGET.hold : FORGET.slot) });
  }
  // An address is kept whenever it is said, even before it is asked.
  if (e.address && e.address !== ctx.address) {
    set({ address: e.address, addressPlace: undefined, ...(NEEDS_ADDRESS.has(patch.mobility ?? ctx.mobility ?? '') ? FORGET.hold : {}) });
  }

  // R9 Dates: a new wish changes what it names and forgets the slot; two days named, or a weekday
  // and a date that disagree ("lunedì 9"), are asked back (the wish is the last said, until the
  // customer picks); a number picks a proposed slot.
  if (e.date) {
    const { conflict, ...said } = e.date;
    const options = e.dateOptions && e.dateOptions.length > 1 ? e.dateOptions : conflict && conflict.length > 1 ? conflict : undefined;
    set({
      wish: options ? said : nextWish(ctx.wish, said),
      dateQuestion: options ? { kind: 'which', options, ...(conflict ? { conflict: true } : {}) } : undefined,
      ...FORGET.slot,
    });
  }
  if (awaiting === 'slot' && e.choice !== undefined && !e.date) {
    const alternatives = ctx.search?.alternatives ?? [];
    // -1 is "the last one"
    const slot = e.choice === -1 ? alternatives.at(-1) : alternatives[e.choice - 1];
    if (slot) set({ slot, solution: slot.solution, heldUntil: undefined, confirmed: false });
    else notices.push({ type: 'say', key: 'slot.noSuchChoice', params: { n: e.choice } });
  }

  // Whatever else it says, a message at the address question that names nothing is the address.
  // The slot stays, as for an address named anywhere (it does not depend on the address): only the hold.
  if (awaiting === 'address' && !useful && u.text.trim().length >= 4) {
    set({ address: u.text.trim(), addressPlace: undefined, ...FORGET.hold });
  }

  // "Change the date" and friends, from the summary; "troppo caro, meglio il taxi" names the new one.
  if (e.change && !(e.change === 'mobility' && patch.mobility)) {
    const forget: Record<NonNullable<typeof e.change>, Partial<BookingContext>> = {
      date: { wish: undefined, dateQuestion: undefined, ...FORGET.slot },
      mobility: { mobility: undefined, legs: undefined, addressPlace: undefined, ...FORGET.slot },
      service: { need: undefined, ...FORGET.quote, ...FORGET.slot },
      vehicle: { vehicle: undefined, ...FORGET.lookup, ...FORGET.quote, ...FORGET.slot },
      name: { customerName: undefined },
    };
    set(forget[e.change]);
  }

  return { patch, notices, useful };
}

function hasOther(e: Understanding['entities']): boolean {
  return Boolean(e.plate || e.vin || e.name || e.mobility || e.date || e.badVehicleId || e.model || e.address);
}
