/**
 * What the recognizer understood of one message: the dialogue's input. Defined here, beside the
 * dialogue that consumes it; the `Recognizer` port (src/nlu/recognizer.ts) produces it.
 * @module
 */
import type { DateWish, Lang, Legs, MobilityWish, ServiceCategory } from './model';

export const INTENTS = [
  'book', // wants an appointment / states a need
  'inform', // gives information (a plate, a name, a date...) without a stronger intent
  'affirm',
  'deny',
  'help',
  'cancel',
  'restart',
  'human',
  'correction', // "anzi, giovedì", "no wait, make it Thursday"
  'switchLanguage',
  'greeting',
  'thanks',
  'urgent', // accident, breakdown on the road, complaint: a human must handle it (R11)
  'outOfDomain',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Entities {
  service?: { id: ServiceCategory; text: string };
  plate?: string;
  vin?: { value: string; checkDigit: 'valid' | 'invalid' | 'absent' };
  /** Something that looks like a plate or VIN but is malformed. */
  badVehicleId?: string;
  /** A model named ("Levante", "Ghibli", "Grecale"...). */
  model?: string;
  name?: string;
  mobility?: MobilityWish;
  legs?: Legs;
  /**
   * The date wish; `conflict` when its weekday is not its date's ("lunedì 9", the 9th a
   * Wednesday): the two days it may mean, in calendar order. The customer is asked which.
   */
  date?: DateWish & { conflict?: DateWish[] };
  /** A 1-based pick among the choices offered ("2", "la seconda", "the first one"). */
  choice?: number;
  /** A requested language ("in English please"). */
  language?: Lang;
  /** A 5-digit postcode mentioned. */
  postcode?: string;
  /** What the customer wants to change (from a "change:..." button, or "too expensive, anything else?"). */
  change?: 'date' | 'mobility' | 'service' | 'vehicle' | 'name';
  /** A street address written in the message ("via Giardini 200, Modena"), whatever was asked. */
  address?: string;
  /** Two or more different days named without a correction ("mercoledì o giovedì"): the customer is asked which. */
  dateOptions?: DateWish[];
  /** A booking reference as typed (`MC-7K3QX2`; a typo is matched later, never alone) (#13). */
  reference?: string;
  /** What is asked of a booking already made: see it, change it, cancel it (#13). */
  manage?: ManageAct;
  /** With `manage: 'change'`: which part the customer names. */
  managePart?: ManagePart;
  /** "Friday, same time": the day changes, the hour of the booking stays (#13). */
  sameTime?: boolean;
}

/** Requests about a booking already made (#13); `add` and `another` come from the buttons offered. */
export const MANAGE_ACTS = ['status', 'change', 'cancel', 'add', 'another'] as const;
export type ManageAct = (typeof MANAGE_ACTS)[number];
export const MANAGE_PARTS = ['date', 'mobility', 'address'] as const;
export type ManagePart = (typeof MANAGE_PARTS)[number];

/**
 * What a question is about (a dialogue act besides answers): answered from the dealer's data,
 * then the same thing is asked again. `cancelBooking` and `changeBooking` are requests about a
 * booking already made; `other` is a question the bot has no answer for.
 */
export const QUESTION_TOPICS = [
  'price', 'workCost', 'deposit', 'documents', 'conditions', 'hours', 'address', 'meaning', 'offered', 'duration',
  'cancelBooking', 'changeBooking', 'other',
] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export interface Question {
  topic: QuestionTopic;
  /** Other topics asked in the same message ("what's the shuttle? is it free?"). */
  also?: QuestionTopic[];
  /** The solutions asked about ("how much is the taxi?"), in the order named. */
  solutions?: MobilityWish[];
  /** The work asked about ("quanto costa il tagliando?"). */
  service?: ServiceCategory;
  /**
   * Nothing in the message but the question: its entities describe what is asked about and are
   * not an answer. When false, the intent and entities come from the rest of the message
   * ("is the taxi free? ok then taxi").
   */
  alone: boolean;
  /**
   * A yes said with a condition ("yes, but is the loan car insured?", "ok, ma quanto viene in
   * tutto?"): a yes, held back until the question is answered; the summary is asked again.
   */
  heldBack?: boolean;
}

/**
 * Why a message goes to a person at once (R11), so that the customer hears the right words: in
 * danger on the road (accident, breakdown, smoke), a complaint, an insurance or legal matter, or
 * a request to be called back.
 */
export type Concern = 'road' | 'complaint' | 'legal' | 'callback' | 'machine';

export interface Understanding {
  intent: Intent;
  /** 0..1; low for anything outside the domain, never a false 1.0. */
  score: number;
  entities: Entities;
  /** Language of this message when detected with confidence, else absent (language stays sticky). */
  detectedLang?: Lang;
  /** The text as received (trimmed), for the transcript and free-text slots. */
  text: string;
  /** With the `urgent` and `human` intents: what kind of case the person is needed for. */
  concern?: Concern;
  /** The message asks something (rather than, or besides, answering). */
  question?: Question;
}
