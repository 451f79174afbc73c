/**
 * Who may see a booking (#13): in the conversation that made it, the customer; in a new one,
 * whoever proves two facts — the reference and the plate, or the reference and the surname.
 * What the customer says is collected here; the planning checks it (a typo in the reference is
 * forgiven there, never the reference alone).
 * @module
 */
import { standingBookings } from '../after-booking';
import type { BookingContext, Managing } from '../context';
import type { ManageAct, ManagePart, Understanding } from '../understanding';

/** Three lookups with both facts that find nothing: a person takes over. */
export const MAX_FAILED_PROOFS = 3;

/** Requests that look a booking up; `add` too where a booking is known or named (#13); `another` only answers the second-visit question. */
const LOOKS_UP: ReadonlySet<ManageAct> = new Set(['status', 'change', 'cancel']);

/** References this conversation may show: booked here, or proven here. */
export const knownReferences = (ctx: BookingContext): string[] => [...new Set([...standingBookings(ctx), ...(ctx.managing?.proven ?? [])])];

/** Something collected for a new booking: a request about an old one then means the new request, unless it names a reference. */
export const requestInProgress = (ctx: BookingContext) =>
  !!(ctx.need || ctx.vehicle || ctx.customerName || ctx.mobility || ctx.wish) && !ctx.booking && !ctx.changing;

/** A message about a booking already made: a reference, or a request to see, change or cancel one. */
export function asksAboutBooking(ctx: BookingContext, u: Understanding): boolean {
  if (u.entities.reference) return true;
  const act = u.entities.manage;
  // #13: work to add, to a booking this conversation knows (elsewhere it is a new request, unless a reference says otherwise)
  if (act === 'add') return knownReferences(ctx).length > 0 && !requestInProgress(ctx);
  if (!act || !LOOKS_UP.has(act)) return false;
  return knownReferences(ctx).length > 0 || !requestInProgress(ctx);
}

/** Words that may be a surname typed alone ("Rossi", "de luca"): letters only, one to three words. */
const SURNAME_ONLY = /^\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}$/u;
const NOT_A_SURNAME = new Set(['affirm', 'deny', 'thanks', 'cancel', 'human', 'urgent', 'help', 'restart', 'greeting', 'switchLanguage']);

/** A surname the customer may have typed: a name read, or a few words alone when asked. */
export function surnameIn(u: Understanding): string | undefined {
  if (u.entities.name) return u.entities.name;
  const text = u.text.trim();
  if (NOT_A_SURNAME.has(u.intent) || text.length > 40 || !SURNAME_ONLY.test(text)) return undefined;
  return text;
}

/** Whether the message gives a fact that proves a booking (asked for the reference, or for the plate or surname). */
export function givesProof(ctx: BookingContext, u: Understanding, askedSurname: boolean): boolean {
  const e = u.entities;
  if (e.reference || e.plate) return true;
  if (e.name) return true;
  return askedSurname && !!ctx.managing?.reference && surnameIn(u) !== undefined;
}

/** The part of a booking a message names: a "change:date" button, "the date", a day, a solution. */
export function partNamed(u: Understanding): ManagePart | undefined {
  const e = u.entities;
  if (e.managePart) return e.managePart;
  if (e.change === 'date' || e.change === 'mobility') return e.change;
  if (e.mobility) return 'mobility';
  if (e.date) return 'date';
  // a new address said while managing ("ritirate la macchina in via Emilia 5"): a change of address
  if (e.address) return 'address';
  return undefined;
}

/** The request's memory after this message: what it asks and every fact it gives. */
export function collect(ctx: BookingContext, u: Understanding, askedSurname = false): Managing {
  const before: Managing = ctx.managing ?? {};
  const e = u.entities;
  const act = e.manage && (LOOKS_UP.has(e.manage) || e.manage === 'add') ? e.manage : before.act;
  const surname = e.name ?? (askedSurname && !e.plate && !e.reference ? surnameIn(u) : undefined);
  return {
    ...before,
    ...(act ? { act } : {}),
    ...(partNamed(u) ? { part: partNamed(u) } : {}),
    ...(e.reference ? { reference: e.reference } : {}),
    ...(e.plate ? { plate: e.plate } : {}),
    ...(surname ? { surname } : {}),
    // #13: the work to add, said before the plate or surname was asked, is kept
    pending: act === 'add' && !e.service && before.pending?.entities.service ? before.pending : u,
  };
}

/** At most one character replaced, added or dropped between two codes. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

const code = (reference: string) => reference.replace(/^MC-/, '');

/** The known booking the reference given names, one typo forgiven. */
export function knownNamed(ctx: BookingContext): string | undefined {
  const given = ctx.managing?.reference;
  if (!given) return undefined;
  const known = knownReferences(ctx);
  return known.find((r) => r === given) ?? known.find((r) => oneEdit(code(r), code(given)));
}

/** The reference given is one this conversation already knows, one typo forgiven (or none was given). */
export function knownOnly(ctx: BookingContext): boolean {
  const given = ctx.managing?.reference;
  const known = knownReferences(ctx);
  return known.length > 0 && (!given || known.some((r) => oneEdit(code(r), code(given))));
}
