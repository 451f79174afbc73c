/**
 * A booking request ↔ the reservation it makes: the same for every store that keeps
 * reservations itself (SQLite, PostgreSQL).
 * @module
 */
import type { Legs, Slot } from '../../dialogs/model';
import type { BookingRequest, Reservation } from './planning';
import type { BookedBy } from './quota';

/** Pickup & delivery is both legs unless the customer chose one; other solutions have none. */
export const legsOf = (slot: Slot, legs: Legs | undefined): Legs | undefined =>
  slot.solution === 'pickup-delivery' ? (legs ?? 'both') : undefined;

/** What a new reservation records (status and expiry are the store's). */
export function reservationOf(request: BookingRequest, reference: string, resourceId: string | undefined): Omit<Reservation, 'status' | 'expiresAt'> & { need: string } {
  const { slot } = request;
  const legs = legsOf(slot, request.legs);
  return {
    reference,
    idempotencyKey: request.idempotencyKey,
    customerName: request.customerName,
    solution: slot.solution,
    ...(legs ? { legs } : {}),
    ...(resourceId ? { resourceId } : {}),
    appointmentAt: slot.appointmentAt,
    handoverAt: slot.handoverAt,
    returnAt: slot.returnAt,
    service: request.serviceId,
    vehicle: request.vehicle,
    ...(request.address ? { address: request.address } : {}),
    need: request.need,
  };
}

/** The request a stored reservation would be made with, on another slot (reschedule, re-check). */
export function requestOf(reservation: Reservation, bookedBy: BookedBy, slot: Slot, legs: Legs | undefined): BookingRequest {
  const r = reservation;
  return {
    idempotencyKey: r.idempotencyKey,
    slot,
    ...(legs ? { legs } : {}),
    customerName: r.customerName,
    vehicle: r.vehicle,
    serviceId: r.service as BookingRequest['serviceId'],
    need: r.need ?? '',
    ...(r.address ? { address: r.address } : {}),
    bookedBy,
  };
}
