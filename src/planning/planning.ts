/**
 * The `PlanningSystem` port: the reservation adapter into the dealer's mobility planning
 * (PROCESS.md R5–R10). The planning alone decides whether a resource is free: `book` checks and
 * writes in one transaction, never "check in application code, then write".
 * @module
 */
import type { Booking, DateWish, Legs, ServiceCategory, Slot, SolutionId, VehicleId } from '../../dialogs/model';

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

export interface BookingRequest {
  /** The same key always yields the same reservation, never a second one. */
  idempotencyKey: string;
  slot: Slot;
  legs?: Legs;
  customerName: string;
  vehicle: VehicleId & { model?: string };
  serviceId: ServiceCategory;
  /** The customer's words, kept for the advisor (R1). */
  need: string;
  address?: string;
}

export type BookResult =
  | { ok: true; booking: Booking & { resourceId?: string } }
  | { ok: false; reason: 'taken' };

export interface Reservation extends Booking {
  resourceId?: string;
  status: 'held' | 'confirmed' | 'cancelled';
  idempotencyKey: string;
  vehicle: VehicleId & { model?: string };
  address?: string;
}

export interface PlanningSystem {
  findSlots(query: SlotQuery): Promise<SlotSearch>;
  book(request: BookingRequest): Promise<BookResult>;
  cancel(reference: string): Promise<boolean>;
  list(filter?: { from?: string; to?: string }): Promise<Reservation[]>;
  close(): Promise<void>;
}
