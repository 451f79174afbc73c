/**
 * The `PlanningSystem` port: the reservation adapter into the dealer's mobility planning
 * (PROCESS.md R5–R10). The planning alone decides whether a resource is free: `book` checks and
 * writes in one transaction, never "check in application code, then write".
 * @module
 */
import type { Booking, DateWish, Legs, ServiceCategory, Slot, SolutionId, VehicleId } from '../../dialogs/model';
import type { BookInput, VehicleBooked } from '../../dialogs/ports';

export type { VehicleBooked } from '../../dialogs/ports';

export interface SlotQuery {
  /** A concrete solution: the replacement-vehicle order (R5) is applied by the caller. */
  solution: SolutionId;
  legs?: Legs;
  serviceId: ServiceCategory;
  /** Working hours of the job: the return time is the ready-by time in the dealer's calendar. */
  downtimeHours: number;
  wish: DateWish;
  /** ISO-8601 instant the search is made at (past dates and notice periods are measured from it). */
  now: string;
  /**
   * Who will book (default `online`): the bot's searches see only the online share of each
   * capacity (`mobility.advisorShare` is kept for advisors), so they never propose a slot that
   * `book` would refuse it.
   */
  bookedBy?: 'online' | 'advisor';
}

export type Refusal =
  | 'past' // the wished day or time has gone by
  | 'closed' // the dealer is closed that day or at that hour
  | 'holiday' // a public holiday or a closure (detail names it)
  | 'full' // open, but no acceptance slot or no resource for the whole span
  | 'notice' // pickup & delivery needs more notice
  | 'beyond-horizon'; // too far ahead to book

export interface SlotSearch {
  /** The wished slot, when it is free. */
  wished?: Slot;
  refusal?: Refusal;
  /** E.g. the holiday's name. */
  refusalDetail?: string;
  /** When `wished` is absent: at least two, nearest first, on different days when possible. */
  alternatives: Slot[];
}

/**
 * What the dialogue books (dialogs/ports.ts `BookInput`: the idempotency key — the same key always
 * yields the same reservation —, the slot, the customer, the vehicle, the customer's words for the
 * advisor (R1)...), plus who books.
 */
/** Who made a change (#13): the customer (the chat), an advisor or other staff, maybe named. */
export interface Actor {
  kind: 'customer' | 'advisor' | 'staff';
  /** A person's name when the caller knows it (an advisor's or the staff member's). */
  name?: string;
}

/**
 * Where a reservation was or went: its slot and pickup & delivery legs; in a history entry, also
 * the pickup & delivery address on both sides when the change gave a new one (#13).
 */
export interface Placement {
  solution: SolutionId;
  legs?: Legs;
  appointmentAt: string;
  handoverAt: string;
  returnAt: string;
  address?: string;
  /** In a history entry whose change added work: the whole work on both sides (#13). */
  services?: string[];
}

/**
 * One entry of a reservation's history (#13), oldest first; `at` is the planning's clock (ISO).
 * `created`: booked (a hold's confirmation; a live hold has no history yet). `rescheduled`: moved
 * from → to (with `address` on both sides when the address changed, the old one absent if there
 * was none; with `services` on both sides when work was added). `cancelled`: released. A retried cancel or reschedule adds nothing.
 */
export type ReservationEvent =
  | { type: 'created'; at: string; by: Actor }
  | { type: 'rescheduled'; at: string; by: Actor; from: Placement; to: Placement }
  | { type: 'cancelled'; at: string; by: Actor };

/** Who a change is recorded as when the caller names nobody. */
export const STAFF: Actor = { kind: 'staff' };

export interface BookingRequest extends BookInput {
  /** All the work, `serviceId` first, when there is more than one job (#13: work added). */
  services?: ServiceCategory[];
  /**
   * Who books: the bot (`online`, the default) may use only the share of each capacity that
   * `mobility.advisorShare` leaves to online bookings; advisors may use all of it.
   */
  bookedBy?: 'online' | 'advisor';
  /**
   * Staff only (the staff planning API; the chat never sets it): book even though the same
   * vehicle already has an overlapping appointment (#13).
   */
  force?: boolean;
  /**
   * Who books, for the reservation's history; default: the customer for `online`, staff for
   * `advisor`.
   */
  by?: Actor;
}

export interface RescheduleOptions {
  /** Staff only: move even onto a span that overlaps another appointment of the same vehicle. */
  force?: boolean;
  /**
   * A new pickup & delivery address (#13), stored with the move; absent keeps the stored one. The
   * same slot with a new address changes only the address (its resources stay held).
   */
  address?: string;
  /**
   * Work added (#13): the whole work from now on, the booking's first service first, and the
   * customer's words for it all (R1). The slot is then the same appointment with the return the
   * longer work needs: the workshop hours, the mobility resource for the longer span and the
   * vehicle's other appointments are checked again, atomically, like any move. Absent keeps the
   * stored work.
   */
  services?: ServiceCategory[];
  need?: string;
  /**
   * Check only (#13: the chat asks before showing the change): answers exactly as the change
   * would — with the booking as it would be, or the refusal — and changes and records nothing.
   * An answer, not a hold: the real change is checked again.
   */
  dryRun?: boolean;
}

/**
 * `vehicle-already-booked`: the vehicle (same plate or VIN) already has a confirmed or live held
 * appointment whose appointment → return span overlaps this one, and the request is not forced.
 * Checked in the same transaction as the write, so two concurrent requests cannot both pass.
 */
export type BookResult =
  | { ok: true; booking: Booking & { resourceId?: string } }
  | { ok: false; reason: 'taken' }
  | VehicleBooked;

export type HoldResult =
  | { ok: true; reference: string; expiresAt: string }
  | { ok: false; reason: 'taken' }
  | VehicleBooked;

/**
 * `not-found`: unknown, cancelled or a lapsed hold. `vehicle-already-booked`: the new span
 * overlaps another appointment of the same vehicle and the dealer refuses overlaps (#13).
 */
export type RescheduleResult =
  | { ok: true; booking: Booking & { resourceId?: string } }
  | { ok: false; reason: 'taken' | 'not-found' }
  | VehicleBooked;

export type ReservationStatus = 'held' | 'confirmed' | 'cancelled';

export interface Reservation extends Booking {
  resourceId?: string;
  status: ReservationStatus;
  idempotencyKey: string;
  vehicle: VehicleId & { model?: string };
  address?: string;
  /** The customer's words (R1). */
  need?: string;
  /** For a hold: when it lapses by itself (ISO). */
  expiresAt?: string;
  /** What happened to it, oldest first, with who and when (#13). */
  history: ReservationEvent[];
}

export interface ListFilter {
  /** Reservations whose appointment → return span overlaps [from, to). ISO instants. */
  from?: string;
  to?: string;
  /** Held reservations that have lapsed are never listed. */
  status?: ReservationStatus[];
}

/**
 * The reservation adapter into the dealer's mobility planning. Every implementation passes the
 * shared suite in test/planning/contract/.
 *
 * Holds: a slot proposed to a customer is held (`hold`) for a few minutes while they decide; a
 * lapsed hold frees its resources by itself. `book` is the confirmation: with the idempotency key
 * of a live or lapsed hold for the same slot it confirms that hold (re-checking availability if it
 * lapsed); otherwise it books directly. The same key always yields the same reservation.
 */
export interface PlanningSystem {
  findSlots(query: SlotQuery): Promise<SlotSearch>;
  /**
   * Holds the slot under the request's key. The same key again moves the hold (one hold per key)
   * and renews it; a key already confirmed, or whose hold was cancelled, gives `taken`.
   */
  hold(request: BookingRequest): Promise<HoldResult>;
  book(request: BookingRequest): Promise<BookResult>;
  /**
   * Atomic: the old slot is released only if the new one is taken. Asking for the slot (and legs)
   * and address the reservation already has changes nothing and records nothing (a retried move). Obeys the
   * dealer's `workshop.vehicleOverlap` rule like `book`. `by` defaults to staff.
   */
  reschedule(reference: string, slot: Slot, legs?: Legs, by?: Actor, options?: RescheduleOptions): Promise<RescheduleResult>;
  /**
   * True when the reservation exists (cancelled now or before). Only the first cancel is
   * recorded (`by`, default staff); cancelling again changes nothing.
   */
  cancel(reference: string, by?: Actor): Promise<boolean>;
  /** A lapsed hold is not found (as in `list`, `cancel` and `reschedule`); its key may still confirm it. */
  get(reference: string): Promise<Reservation | undefined>;
  list(filter?: ListFilter): Promise<Reservation[]>;
  /** Resolves when the store answers; rejects when it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
