/**
 * What is said about a booking being managed (#13): its status (the summary's lines, with the
 * work's price or why it is free), exactly what was cancelled, and the booking as moved.
 * @module
 */
import type { BookingContext } from '../context';
import type { Line, Output } from '../output';
import { summaryLines } from '../summary-lines';

/** The work's price, or that it costs nothing and why (R3); with work added (#13), each job's. */
export function workLines(ctx: BookingContext): Line[] {
  const line = (service: string | undefined, price: { covered: boolean; from?: number }): Line | undefined => {
    if (price.covered) return { key: 'manage.line.workCovered', params: { service } };
    if (price.from !== undefined) return { key: 'manage.line.workFrom', params: { service, amount: price.from } };
    return undefined;
  };
  if (!ctx.work) return [];
  if (ctx.work.parts) return ctx.work.parts.map((p) => line(`service.${p.service}`, p)).filter((l): l is Line => !!l);
  const one = line(ctx.need ? `service.${ctx.need.serviceId}` : undefined, ctx.work);
  return one ? [one] : [];
}

/** Everything about the booking: day, time, work, mobility with handover and return, address, documents, price. */
export function statusLines(ctx: BookingContext): Line[] {
  return [...summaryLines(ctx), ...workLines(ctx)];
}

export function statusWords(ctx: BookingContext): Output {
  return { type: 'say', key: 'manage.status', params: { reference: ctx.booking?.reference }, lines: statusLines(ctx) };
}

/** Exactly what was cancelled: the reference, the appointment, the work and the mobility released. */
export function cancelledBookingWords(ctx: BookingContext): Output {
  const b = ctx.booking;
  const solution = b?.solution;
  const mobility = !solution || solution === 'none' || solution === 'public-transport' ? 'none' : 'some';
  return {
    type: 'say',
    key: `manage.cancelled.${mobility}`,
    params: {
      reference: b?.reference,
      at: b?.appointmentAt,
      service: ctx.need ? `service.${ctx.need.serviceId}` : undefined,
      solution: solution ? (solution === 'pickup-delivery' ? `legs.${b?.legs ?? 'both'}` : `solution.${solution}`) : undefined,
    },
  };
}

export function movedWords(ctx: BookingContext): Output {
  return { type: 'say', key: 'manage.moved', params: { reference: ctx.booking?.reference }, lines: statusLines(ctx) };
}

/** #13: the work added, as the planning now has it: the booking with the whole work and the new ready time (on another day when `newDay`). */
export function workAddedWords(ctx: BookingContext, newDay = false): Output {
  const b = ctx.booking;
  return {
    type: 'say',
    key: newDay ? 'manage.workAddedNewDay' : 'manage.workAdded',
    params: { reference: b?.reference, ready: b?.returnAt, at: b?.appointmentAt },
    lines: statusLines(ctx),
  };
}
