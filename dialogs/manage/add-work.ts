/**
 * Work added to a booking in the chat (#13): the work the customer names goes beside the booked
 * work, quoted together (R2, R3) with the return it needs, and the router shows the summary old →
 * new and asks once; the planning applies it on the same slot (`reschedule` with the whole work)
 * or refuses, and then another day (the same change, on a new slot) or a person is offered.
 * @module
 */
import type { BookingContext } from '../context';
import { interpret } from '../interpret';
import type { ServiceCategory } from '../model';
import type { QuoteWorkOutcome } from '../ports';
import { summaryLines } from '../summary-lines';
import type { Understanding } from '../understanding';

/** The booking's work: every job, the first one first. */
export const workOf = (ctx: BookingContext): ServiceCategory[] => ctx.need?.services ?? (ctx.need ? [ctx.need.serviceId] : []);

/** The work the asking message named ("aggiungete anche i freni"), if any. */
export const workToAdd = (ctx: BookingContext): ServiceCategory | undefined => ctx.managing?.pending?.entities.service?.id;

/** The change: the whole work quoted, the same appointment with the later return; the summary before it kept to mark old → new. */
export function startAddingWork(ctx: BookingContext, added: ServiceCategory, quoted: QuoteWorkOutcome): Partial<BookingContext> {
  const booking = ctx.booking!;
  const services = [...workOf(ctx), added];
  const words = ctx.managing?.pending?.text.trim() ?? '';
  // the customer's words for it all, for the advisor (R1)
  const need = [ctx.need?.text, words].filter(Boolean).join('\n');
  const at = booking.appointmentAt;
  return {
    changing: {
      reference: booking.reference,
      part: 'work',
      ...(ctx.address ? { address: ctx.address } : {}),
      work: { services, need, downtimeWas: ctx.downtime! },
    },
    managing: undefined,
    summaryShown: summaryLines(ctx),
    need: { text: need, serviceId: services[0], services },
    downtime: quoted.downtime,
    offers: quoted.offers,
    work: quoted.work,
    slot: quoted.slot,
    solution: quoted.slot.solution,
    wish: { date: at.slice(0, 10), time: at.slice(11, 16), text: at },
    search: undefined,
    heldUntil: undefined,
    dateQuestion: undefined,
    confirmed: false,
    misunderstandings: 0,
  };
}

/** The longer work on another day: the router asks the day (or takes the one said) and searches for the whole work. */
export function anotherDayForWork(ctx: BookingContext, u: Understanding): Partial<BookingContext> {
  const work = ctx.changing?.work;
  const wish = u.entities.date ? interpret(ctx, u).patch.wish : undefined;
  return {
    changing: ctx.changing && work ? { ...ctx.changing, work: { ...work, newDay: true } } : ctx.changing,
    wish,
    slot: undefined,
    solution: undefined,
    search: undefined,
    dateQuestion: undefined,
    confirmed: false,
    misunderstandings: 0,
  };
}

/** Nothing changed: the booking found again as the planning has it, and shown. */
export function keptAsItWas(ctx: BookingContext): Partial<BookingContext> {
  const reference = ctx.changing?.reference ?? ctx.booking?.reference;
  return { changing: undefined, managing: { act: 'status', ...(reference ? { chosen: reference } : {}) } };
}

/** Why the planning refused the longer work on the booked slot: no room or resource, or another appointment of the car. */
export function refusedWork(ctx: BookingContext, why: 'taken' | 'vehicle'): Partial<BookingContext> {
  const work = ctx.changing?.work;
  return ctx.changing && work ? { changing: { ...ctx.changing, work: { ...work, refused: why } } } : {};
}
