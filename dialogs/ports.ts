/**
 * What the dialogue asks of the world, as the inputs and outputs of its named actors. The
 * composition root (src/main.ts) provides them; tests provide their own.
 * @module
 */
import type {
  Booking, DateWish, Downtime, Legs, MobilityWish, Offer, ServiceCategory, Slot, SolutionId, VehicleId, VehicleRecord, WorkPrice,
} from './model';

export interface QuoteInput {
  serviceId: ServiceCategory;
  /** #13: all the work, `serviceId` first, when work was added: quoted together (R2, R3). */
  services?: ServiceCategory[];
  record: VehicleRecord | null;
  now: string;
}
export interface Quote {
  downtime: Downtime;
  offers: Offer[];
  /** The work's indicative price, for a customer who asks (#11). */
  work?: WorkPrice;
}

export interface LocateInput {
  address: string;
  solution: SolutionId;
}
export type Located =
  | { status: 'ok'; place: string; distanceKm: number }
  | { status: 'unknown' }
  | { status: 'outside'; place: string; distanceKm: number; radiusKm: number };

export interface SearchInput {
  mobility: MobilityWish;
  legs?: Legs;
  serviceId: ServiceCategory;
  downtimeHours: number;
  wish: DateWish;
  now: string;
  offers: Offer[];
}
export interface SearchResult {
  wished?: Slot;
  refusal?: string;
  refusalDetail?: string;
  alternatives: Slot[];
}

export interface BookInput {
  idempotencyKey: string;
  slot: Slot;
  legs?: Legs;
  customerName: string;
  vehicle: VehicleId & { model?: string };
  serviceId: ServiceCategory;
  need: string;
  address?: string;
}
/**
 * The planning refuses a second workshop appointment for a car whose span overlaps one it
 * already has, confirmed or held (#13): the existing one, to name it to the customer.
 */
export interface VehicleBooked {
  ok: false;
  reason: 'vehicle-already-booked';
  existing: { reference: string; appointmentAt: string };
}

export type BookOutcome = { ok: true; booking: Booking } | { ok: false; reason: 'taken' } | VehicleBooked;

export type HoldOutcome = { ok: true; expiresAt: string } | { ok: false; reason: 'taken' } | VehicleBooked;
/**
 * Finding a customer's upcoming bookings (#13): those this conversation knows (`known`), or the
 * one whose reference (one typo allowed) belongs to this plate or surname. Nothing is returned on
 * the reference alone.
 */
export interface FindBookingsInput {
  now: string;
  known?: string[];
  reference?: string;
  plate?: string;
  surname?: string;
}
/** An upcoming booking with what the dialogue needs to show it, change it, or search again (R2–R9). */
export interface FoundBooking {
  booking: Booking;
  serviceId: ServiceCategory;
  /** The customer's words when booking (R1). */
  need: string;
  vehicle: VehicleId & { model?: string };
  address?: string;
  record: VehicleRecord | null;
  downtime: Downtime;
  offers: Offer[];
  work?: WorkPrice;
  /** The last instant the chat may change or cancel it (the dealer's rule); later, a person. */
  changeableUntil: string;
}

export interface RescheduleInput {
  reference: string;
  slot: Slot;
  legs?: Legs;
  /** A new pickup & delivery address (#13); absent keeps the one the planning holds. */
  address?: string;
  /** Work added (#13): the whole work, the first service first, and the customer's words for it all. */
  services?: ServiceCategory[];
  need?: string;
  /** Check only: the planning answers as the change would and changes nothing (#13: before the summary). */
  dryRun?: boolean;
}

/**
 * Work added to a booking (#13): the whole work quoted together (R2 downtime, R3 what is free, the
 * work's price) and the slot it needs — the same appointment and handover, the return the longer
 * work needs in the dealer's calendar. The planning checks it when it is applied.
 */
export interface QuoteWorkInput {
  services: ServiceCategory[];
  record: VehicleRecord | null;
  now: string;
  slot: Slot;
}
export interface QuoteWorkOutcome extends Quote {
  slot: Slot;
}
export type RescheduleOutcome = { ok: true; booking: Booking } | { ok: false; reason: 'taken' | 'not-found' } | VehicleBooked;

export interface CancelInput {
  reference: string;
}
/** `found: false` when the planning no longer knows the booking. */
export interface CancelOutcome {
  found: boolean;
}
