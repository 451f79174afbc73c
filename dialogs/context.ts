/**
 * The booking conversation's memory. Plain JSON only: it is persisted after every turn.
 * @module
 */
import type {
  Booking, DateWish, Downtime, Lang, Legs, MobilityWish, Offer, ServiceCategory, Slot, SolutionId, VehicleRecord, WorkPrice,
} from './model';
import type { DateQuestion } from './date-wish';
import type { HandoffReason, Line, Prompt } from './output';
import type { Concern, ManageAct, ManagePart, Question, Understanding } from './understanding';

export interface Need {
  /** The customer's own words, kept for the advisor (R1). */
  text: string;
  serviceId: ServiceCategory;
  /** #13: all the work, `serviceId` first, when work was added to the booking. */
  services?: ServiceCategory[];
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
  /** A booking being found, shown or cancelled (#13). */
  managing?: Managing;
  /** Lookups with both facts that found nothing in this conversation (#13): three lead to a person; starting again does not reset them. */
  failedProofs?: number;
  /** A booking being changed (#13): the search and the summary lead to a reschedule, not a new booking. */
  changing?: Changing;
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

/** A booking in the customer's hands (#13): being found, shown, changed or cancelled. */
export interface Managing {
  /** What the customer asked of it; none yet when only a reference was given. */
  act?: ManageAct;
  part?: ManagePart;
  /** What the customer has said to prove the booking is theirs (a new conversation): reference and plate, or reference and surname. */
  reference?: string;
  plate?: string;
  surname?: string;
  /** References proven in this conversation (by reference and plate or surname). */
  proven?: string[];
  /** Several upcoming bookings: the customer chooses one of these. */
  candidates?: { reference: string; appointmentAt: string; service: string }[];
  /** The one chosen among several. */
  chosen?: string;
  /** The last instant the dealer lets the chat change or cancel the loaded booking (dealer rule). */
  changeableUntil?: string;
  /**
   * Why a person is offered: too late for the chat, work the dealer does not do, a failure.
   * (`add` is no longer set since work is added in the chat, #13; kept for conversations persisted before.)
   */
  why?: 'tooLate' | 'add' | 'failed' | 'workNotOffered';
  /** The message that asked, read again once the booking is found ("spostala a venerdì"). */
  pending?: Understanding;
}

/**
 * A booking being changed (#13): the router searches and confirms as for a new one, then moves it.
 * `address`: the same slot at a new pickup & delivery address (asked and placed as for a new booking).
 */
export interface Changing {
  reference: string;
  part: 'date' | 'mobility' | 'address' | 'work';
  /** The address the planning holds for it: a different one is sent with the move and recorded (old → new). */
  address?: string;
  /**
   * `work`: work added (#13). The whole work and the words for it, sent with the move; the
   * downtime before (shown old → new); `refused` when the planning refused it on the booked slot
   * (no room or resource; another appointment of the car); `newDay` once the customer then asked
   * for another day.
   */
  work?: { services: ServiceCategory[]; need: string; downtimeWas: Downtime; newDay?: boolean; refused?: 'taken' | 'vehicle' };
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
