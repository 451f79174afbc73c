/**
 * What is said about a booking being managed (#13): its status (the summary's lines, with the
 * work's price or why it is free), exactly what was cancelled, and the booking as moved.
 * @module
 */
import type { BookingContext } from '../context';
import type { Line, Output } from '../output';
import { summaryLines } from '../summary-lines';

/** The work's price, or that it costs nothing and why (R3). */
function workLine(ctx: BookingContext): Line | undefined {
  const service = ctx.need ? `service.${ctx.need.serviceId}` : undefined;
  if (ctx.work?.covered) return { key: 'manage.line.workCovered', params: { service } };
  if (ctx.work?.from !== undefined) return { key: 'manage.line.workFrom', params: { service, amount: ctx.work.from } };
  return undefined;
}

/** Everything about the booking: day, time, work, mobility with handover and return, address, documents, price. */
export function statusLines(ctx: BookingContext): Line[] {
  const work = workLine(ctx);
  return [...summaryLines(ctx), ...(work ? [work] : [])];
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
