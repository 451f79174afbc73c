/**
 * The booking conversation's memory. Plain JSON only: it is persisted after every turn.
 * @module
 */
import type {
  Booking, DateWish, Downtime, Lang, Legs, MobilityWish, Offer, ServiceCategory, Slot, SolutionId, VehicleRecord, WorkPrice,
} from './model';
import type { DateQuestion } from './date-wish';
import type { HandoffReason, Line, Prompt } from './output';
import type { Concern, Question } from './understanding';

export interface Need {
  /** The customer's own words, kept for the advisor (R1). */
  text: string;
  serviceId: ServiceCategory;
}

export interface VehicleGiven {
  plate?: string;
  vin?: string;
  model?: string;
  /** The customer doesn't know the plate or VIN: served anyway, the advisor verifies (R3). */
  idUnknown?: boolean;
  /** A VIN whose check digit doesn't match: European VINs often carry none, so warn only. */
  vinUnverified?: boolean;
}

export interface SlotChoice {
  wished?: Slot;
  refusal?: string;
  refusalDetail?: string;
  alternatives: Slot[];
}

/** The question last asked, in which words, and how many times in a row those words were shown (R11). */
export interface Asked {
  prompt: string;
  key: string;
  times: number;
}

export interface BookingContext {
  conversationId: string;
  lang: Lang;
  /** The services the dealer's catalogue offers (R1 classifies against it). */
  catalogue: ServiceCategory[];
  /** The instant of the message being handled (ISO): the dialogue has no clock of its own. */
  now: string;
  need?: Need;
  vehicle?: VehicleGiven;
  /** `undefined` until looked up; `null` when the vehicle is not in the records. */
  record?: VehicleRecord | null;
  customerName?: string;
  downtime?: Downtime;
  offers?: Offer[];
  /** The work's indicative price, from the same quote as the offers. */
  work?: WorkPrice;
  /** A question asked before the quote, answered as soon as the quote is known. */
  pendingQuestion?: Question;
  mobility?: MobilityWish;
  legs?: Legs;
  address?: string;
  /** Set once the address is known to be inside the solution's radius. */
  addressPlace?: string;
  wish?: DateWish;
  /** Asked before searching instead of guessing: which of two days, or which part of the day (E). */
  dateQuestion?: DateQuestion;
  search?: SlotChoice;
  slot?: Slot;
  /** The concrete solution the slot is for, after the R5 order was applied. */
  solution?: SolutionId;
  /** The slot is held in the planning while the customer reads the summary (until this instant). */
  heldUntil?: string;
  confirmed: boolean;
  /** The summary last shown, so that a change is shown marked (old → new) the next time. */
  summaryShown?: Line[];
  booking?: Booking;
  /** #13: the reminder the day before: consent asked under the receipt, then the answer (none: no reminder). */
  reminders?: 'asked' | 'yes' | 'no';
  /** References of bookings made earlier in this conversation: they stand whatever a new request does. */
  earlierBookings?: string[];
  /** Counts bookings started in this conversation: part of the idempotency key. */
  attempt: number;
  misunderstandings: number;
  lastPrompt?: Prompt;
  asked?: Asked;
  /** The welcome is said once per conversation. */
  welcomed?: boolean;
  handoffReason?: HandoffReason;
  /** What the person is needed for, when the customer said so (R11): the words they hear. */
  handoffConcern?: Concern;
}

export interface BookingInput {
  conversationId: string;
  lang: Lang;
  now: string;
  catalogue: ServiceCategory[];
}

export const initialContext = (input: BookingInput): BookingContext => ({
  conversationId: input.conversationId,
  lang: input.lang,
  catalogue: input.catalogue,
  now: input.now,
  confirmed: false,
  attempt: 1,
  misunderstandings: 0,
});
