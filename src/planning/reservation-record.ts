/**
 * A booking request ↔ the reservation it makes ↔ its row and the booking shown to the customer:
 * the same for every store that keeps reservations itself (SQLite, PostgreSQL).
 * @module
 */
import type { Booking, Legs, ServiceCategory, SolutionId, Slot } from '../../dialogs/model';
import { STAFF, type Actor, type BookingRequest, type Placement, type Reservation, type ReservationEvent, type ReservationStatus } from './planning';
import { instantMs } from './calendar';
import type { BookedBy } from './quota';

/** The reservation columns both stores name and type alike (vehicle and expiry differ). */
export interface ReservationColumns {
  reference: string;
  idempotency_key: string;
  status: ReservationStatus;
  solution: SolutionId;
  legs: Legs | null;
  resource_id: string | null;
  service_id: ServiceCategory;
  /** #13: all the work when some was added (JSON text in SQLite, jsonb in PostgreSQL), else null. */
  services: string | string[] | null;
  customer_name: string;
  need: string;
  address: string | null;
  appointment_at: string;
  handover_at: string;
  return_at: string;
}

/** A row as the port's reservation; `expiresAt` counts only for a hold. */
export function reservationOfRow(
  row: ReservationColumns,
  vehicle: Reservation['vehicle'],
  expiresAt: string | undefined,
  history: ReservationEvent[],
): Reservation {
  return {
    reference: row.reference,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    customerName: row.customer_name,
    solution: row.solution,
    ...(row.legs ? { legs: row.legs } : {}),
    ...(row.resource_id ? { resourceId: row.resource_id } : {}),
    appointmentAt: row.appointment_at,
    handoverAt: row.handover_at,
    returnAt: row.return_at,
    service: row.service_id,
    ...servicesOfRow(row.services),
    vehicle,
    ...(row.address ? { address: row.address } : {}),
    need: row.need,
    ...(row.status === 'held' && expiresAt ? { expiresAt } : {}),
    history,
  };
}

function servicesOfRow(stored: string | string[] | null): { services?: string[] } {
  if (stored === null || stored === undefined) return {};
  const services = typeof stored === 'string' ? (JSON.parse(stored) as string[]) : stored;
  return services.length > 1 ? { services } : {};
}

/** The whole work of a reservation: its services, or its one service. */
export const workOf = (r: { service: string; services?: string[] }): string[] => r.services ?? [r.service];

/** What a row stores of the work: the list when there is more than one job, else nothing. */
export const servicesColumn = (r: { services?: string[] }): string | null => (r.services && r.services.length > 1 ? JSON.stringify(r.services) : null);

/** Who booked, for the history: as the request says, else the customer online and staff otherwise. */
export const bookerOf = (request: BookingRequest): Actor =>
  request.by ?? ((request.bookedBy ?? 'online') === 'online' ? { kind: 'customer' } : STAFF);

/** An actor as stored: the kind, and a name only when there is one. */
const actorOf = (by: Actor | undefined): Actor => {
  const actor = by ?? STAFF;
  return actor.name ? { kind: actor.kind, name: actor.name } : { kind: actor.kind };
};

/** Where a reservation (or a record about to be written) is. */
export function placementOf(r: Placement): Placement {
  return {
    solution: r.solution,
    ...(r.legs ? { legs: r.legs } : {}),
    appointmentAt: r.appointmentAt,
    handoverAt: r.handoverAt,
    returnAt: r.returnAt,
  };
}

export const createdEvent = (by: Actor, atMs: number): ReservationEvent => ({ type: 'created', at: new Date(atMs).toISOString(), by: actorOf(by) });

/** A move from → to; when the address changed, both sides name theirs (the old one only if there was one). */
export const rescheduledEvent = (
  by: Actor | undefined,
  atMs: number,
  from: Placement,
  to: Placement,
  work?: { from: string[]; to: string[] },
): ReservationEvent => {
  const readdressed = (to.address ?? undefined) !== (from.address ?? undefined);
  const reworked = work && !sameWork(work.from, work.to);
  return {
    type: 'rescheduled',
    at: new Date(atMs).toISOString(),
    by: actorOf(by),
    from: { ...placementOf(from), ...(readdressed && from.address ? { address: from.address } : {}), ...(reworked ? { services: work.from } : {}) },
    to: { ...placementOf(to), ...(readdressed && to.address ? { address: to.address } : {}), ...(reworked ? { services: work.to } : {}) },
  };
};

/** Two lists of work alike, in order. */
export const sameWork = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

export const cancelledEvent = (by: Actor | undefined, atMs: number): ReservationEvent => ({ type: 'cancelled', at: new Date(atMs).toISOString(), by: actorOf(by) });

/** The booking contract's view of a reservation (ARCHITECTURE.md `channelData.booking`). */
export function toBooking(r: Omit<Reservation, 'status' | 'idempotencyKey' | 'vehicle' | 'history'>): Booking & { resourceId?: string } {
  return {
    reference: r.reference,
    customerName: r.customerName,
    solution: r.solution,
    ...(r.legs ? { legs: r.legs } : {}),
    handoverAt: r.handoverAt,
    returnAt: r.returnAt,
    appointmentAt: r.appointmentAt,
    service: r.service,
    ...(r.services && r.services.length > 1 ? { services: r.services } : {}),
    ...(r.resourceId ? { resourceId: r.resourceId } : {}),
  };
}

/** Pickup & delivery is both legs unless the customer chose one; other solutions have none. */
export const legsOf = (slot: Slot, legs: Legs | undefined): Legs | undefined =>
  slot.solution === 'pickup-delivery' ? (legs ?? 'both') : undefined;

/** What a new reservation records (status, expiry and history are the store's). */
export function reservationOf(request: BookingRequest, reference: string, resourceId: string | undefined): Omit<Reservation, 'status' | 'expiresAt' | 'history'> & { need: string } {
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
    ...(request.services && request.services.length > 1 ? { services: request.services } : {}),
    vehicle: request.vehicle,
    ...(request.address ? { address: request.address } : {}),
    need: request.need,
  };
}

/**
 * The request a stored reservation would be made with, on another slot (reschedule, re-check),
 * with a new pickup & delivery address when one is given, and the whole work when work is added (#13).
 */
export function requestOf(
  reservation: Reservation,
  bookedBy: BookedBy,
  slot: Slot,
  legs: Legs | undefined,
  address?: string,
  work?: { services?: ServiceCategory[]; need?: string },
): BookingRequest {
  const services = work?.services?.length ? work.services : (reservation.services as ServiceCategory[] | undefined);
  const r = {
    ...reservation,
    ...(address ? { address } : {}),
    ...(work?.services?.length ? { service: work.services[0] } : {}),
    ...(work?.need !== undefined ? { need: work.need } : {}),
  };
  return {
    idempotencyKey: r.idempotencyKey,
    slot,
    ...(legs ? { legs } : {}),
    customerName: r.customerName,
    vehicle: r.vehicle,
    serviceId: r.service as BookingRequest['serviceId'],
    ...(services && services.length > 1 ? { services } : {}),
    need: r.need ?? '',
    ...(r.address ? { address: r.address } : {}),
    bookedBy,
  };
}

/** Whether a request gives a pickup & delivery address other than the reservation's (#13). */
export const newAddress = (reservation: Reservation, request: BookingRequest): boolean =>
  (request.address ?? undefined) !== (reservation.address ?? undefined);

/** Whether a request changes the work or its words (#13: work added). */
export const newWork = (reservation: Reservation, request: BookingRequest): boolean =>
  !sameWork(workOf(reservation), request.services ?? [request.serviceId]) || (request.need ?? '') !== (reservation.need ?? '');

/** Whether a request asks for the slot (solution, legs and the same three instants) a reservation already has. */
export function onSameSlot(reservation: Reservation, request: BookingRequest): boolean {
  const { slot } = request;
  return (
    reservation.solution === slot.solution &&
    reservation.legs === legsOf(slot, request.legs) &&
    instantMs(reservation.appointmentAt) === instantMs(slot.appointmentAt) &&
    instantMs(reservation.handoverAt) === instantMs(slot.handoverAt) &&
    instantMs(reservation.returnAt) === instantMs(slot.returnAt)
  );
}
