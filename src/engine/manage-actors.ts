/**
 * The actors behind managing a booking in the chat (#13), on the planning port: finding the
 * customer's upcoming bookings (known to the conversation, or proven by reference and plate or
 * surname — a typo in the reference forgiven, the reference alone never enough), and cancelling.
 * Every call is idempotent (a pending actor re-runs on restore).
 * @module
 */
import type { ServiceCategory } from '../../dialogs/model';
import type {
  CancelOutcome, FindBookingsInput, FoundBooking, QuoteWorkInput, QuoteWorkOutcome, RescheduleInput, RescheduleOutcome,
} from '../../dialogs/ports';
import type { Dealer } from '../dealer/schema';
import { codeOf, editDistance } from '../nlu/manage';
import { readyAt } from '../planning/ready-at';
import { toBooking } from '../planning/reservation-record';
import type { Actor, Reservation } from '../planning/planning';
import { quote, type Ports } from './actors';

/** Typos forgiven in a reference, beside a plate or surname that matches exactly. */
export const REFERENCE_EDITS = 1;

const compact = (s: string | undefined) => (s ?? '').replace(/[\s.-]/g, '').toUpperCase();
const words = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/**
 * The surname the booking was made under is in what the customer wrote: the name's words after the
 * first ("Marco De Luca" → "de luca"), or the whole name when it is one word, as whole words.
 */
export function surnameMatches(customerName: string, given: string): boolean {
  const name = words(customerName).split(' ').filter(Boolean);
  const surname = (name.length > 1 ? name.slice(1) : name).join(' ');
  if (surname.length < 2) return false;
  return ` ${words(given)} `.includes(` ${surname} `);
}

/** The reservations the two facts prove: the plate (or surname) exactly, the reference within one edit — exact ones first. */
export function proven(reservations: Reservation[], input: FindBookingsInput): Reservation[] {
  if (!input.reference || (!input.plate && !input.surname)) return [];
  const typed = codeOf(input.reference);
  const owned = reservations.filter(
    (r) => (input.plate && compact(r.vehicle.plate) === compact(input.plate)) || (input.surname && surnameMatches(r.customerName, input.surname)),
  );
  const exact = owned.filter((r) => codeOf(r.reference) === typed);
  if (exact.length) return exact;
  return owned.filter((r) => editDistance(codeOf(r.reference), typed) <= REFERENCE_EDITS);
}

/** Upcoming confirmed bookings the input names or proves, each with its quote and the dealer's last moment to change it. */
export async function findBookings(ports: Ports, input: FindBookingsInput): Promise<FoundBooking[]> {
  const nowMs = Date.parse(input.now);
  const upcoming = (r: Reservation) => r.status === 'confirmed' && Date.parse(r.appointmentAt) > nowMs;
  let found: Reservation[];
  if (input.known) {
    const all = await Promise.all(input.known.map((reference) => ports.planning.get(reference)));
    found = all.filter((r): r is Reservation => !!r && upcoming(r));
  } else {
    found = proven((await ports.planning.list({ from: input.now, status: ['confirmed'] })).filter(upcoming), input);
  }
  found.sort((a, b) => a.appointmentAt.localeCompare(b.appointmentAt));
  return Promise.all(found.map((r) => describe(ports, r, input.now)));
}

async function describe(ports: Ports, r: Reservation, now: string): Promise<FoundBooking> {
  const serviceId = r.service as ServiceCategory;
  const record = await ports.entitlements.lookup(r.vehicle).catch(() => null);
  const services = r.services as ServiceCategory[] | undefined;
  const { downtime, offers, work } = quote(ports.dealer, { serviceId, ...(services ? { services } : {}), record, now });
  const { resourceId: _resource, ...booking } = toBooking(r);
  return {
    booking,
    serviceId,
    need: r.need ?? '',
    vehicle: r.vehicle,
    ...(r.address ? { address: r.address } : {}),
    record,
    downtime,
    offers,
    ...(work ? { work } : {}),
    changeableUntil: changeableUntil(ports.dealer, r.appointmentAt),
  };
}

/** The dealer's rule: changes in the chat until `inChatUntilHours` before the appointment. */
export function changeableUntil(dealer: Dealer, appointmentAt: string): string {
  return new Date(Date.parse(appointmentAt) - dealer.bookingChanges.inChatUntilHours * 3_600_000).toISOString();
}

/** Changes made in the chat are the customer's. */
const BY_CUSTOMER: Actor = { kind: 'customer' };

export async function rescheduleBooking(ports: Ports, input: RescheduleInput): Promise<RescheduleOutcome> {
  // the planning records who moved it: the customer, in the chat (#13)
  const moved = await ports.planning.reschedule(input.reference, input.slot, input.legs, BY_CUSTOMER, {
    ...(input.address ? { address: input.address } : {}),
    // #13: work added: the whole work and the words for it, checked and stored with the move
    ...(input.services?.length ? { services: input.services, need: input.need ?? '' } : {}),
    ...(input.dryRun ? { dryRun: true } : {}),
  });
  if (!moved.ok) return moved;
  const { resourceId: _resource, ...booking } = moved.booking;
  return { ok: true, booking };
}

export async function cancelBooking(ports: Ports, reference: string): Promise<CancelOutcome> {
  return { found: await ports.planning.cancel(reference, BY_CUSTOMER) };
}

/**
 * #13: work added to a booking, quoted together (R2, R3) with the slot it needs: the same
 * appointment and handover, the return the longer work needs in the dealer's calendar (a range's
 * upper end, as a new booking's search uses). Nothing is held: the planning checks it when applied.
 */
export function quoteWork(ports: Ports, input: QuoteWorkInput): QuoteWorkOutcome {
  const [first, ...more] = input.services;
  const quoted = quote(ports.dealer, { serviceId: first, ...(more.length ? { services: input.services } : {}), record: input.record, now: input.now });
  const hours = quoted.downtime.range?.[1] ?? quoted.downtime.hours;
  return { ...quoted, slot: { ...input.slot, returnAt: readyAt(ports.dealer, input.slot.handoverAt, hours) } };
}
