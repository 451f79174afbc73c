/**
 * A booking found in the planning becomes the conversation's booking (#13): the customer, the
 * car, the work, the quote (R2, R3), the solution and the slot, as if booked here — so that it can
 * be shown with the same summary, and changed with the same router.
 * @module
 */
import { standingBookings } from '../after-booking';
import type { BookingContext, Managing } from '../context';
import type { ServiceCategory } from '../model';
import type { FoundBooking } from '../ports';

/** What the dialogue remembers of a found booking; `fresh` is the context with the old request cleared. */
export function loadedBooking(fresh: BookingContext, before: BookingContext, found: FoundBooking): BookingContext {
  const b = found.booking;
  const managing: Managing = {
    ...(before.managing ?? {}),
    proven: [...new Set([...(before.managing?.proven ?? []), b.reference])],
    changeableUntil: found.changeableUntil,
    candidates: undefined,
    chosen: undefined,
  };
  const others = standingBookings(before).filter((r) => r !== b.reference);
  return {
    ...fresh,
    customerName: b.customerName,
    vehicle: { plate: found.vehicle.plate, vin: found.vehicle.vin, model: found.vehicle.model },
    record: found.record,
    need: { text: found.need || b.service, serviceId: found.serviceId, ...(b.services && b.services.length > 1 ? { services: b.services as ServiceCategory[] } : {}) },
    downtime: found.downtime,
    offers: found.offers,
    work: found.work,
    mobility: b.solution,
    legs: b.legs,
    address: found.address,
    addressPlace: found.address,
    slot: { solution: b.solution, appointmentAt: b.appointmentAt, handoverAt: b.handoverAt, returnAt: b.returnAt },
    solution: b.solution,
    confirmed: true,
    booking: b,
    earlierBookings: others.length ? others : undefined,
    managing,
  };
}

/** The chat may still change or cancel it (the dealer's rule, e.g. until 24 h before). */
export const changeableNow = (ctx: BookingContext) =>
  !ctx.managing?.changeableUntil || Date.parse(ctx.now) < Date.parse(ctx.managing.changeableUntil);
