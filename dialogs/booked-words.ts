/**
 * R10: the confirmation in the words of the solution. A customer who drives in is expected at
 * the dealer with the documents; for pickup & delivery the confirmation says what happens at the
 * customer's address (collection, return, what to leave in the car); for the staff shuttle where
 * the customer is taken and fetched. A deposit required is said with its amount (R8).
 * @module
 */
import type { BookingContext } from './context';
import type { Booking } from './model';
import type { Output } from './output';
import { carDocuments } from './summary-lines';

export function bookedWords(ctx: BookingContext, booking: Booking): Output[] {
  const offer = ctx.offers?.find((o) => o.solution === booking.solution);
  const documents = offer?.documents ?? [];
  const address = ctx.address ?? '';
  const base = { reference: booking.reference, at: booking.appointmentAt, back: booking.returnAt, address };
  const out: Output[] = [];
  if (booking.solution === 'pickup-delivery') {
    const legs = booking.legs ?? ctx.legs ?? 'both';
    const docs = legs === 'delivery' ? documents : carDocuments(documents);
    out.push({ type: 'say', key: `booked.pickupDelivery.${legs}`, params: { ...base, documents: docs } });
  } else if (booking.solution === 'staff-shuttle') {
    out.push({ type: 'say', key: 'booked.shuttle', params: { ...base, documents } });
  } else {
    out.push({ type: 'say', key: 'booked.done', params: { reference: booking.reference, appointmentAt: booking.appointmentAt, documents } });
  }
  if (offer?.deposit) out.push({ type: 'say', key: 'booked.deposit', params: { amount: offer.deposit.amount } });
  return out;
}
