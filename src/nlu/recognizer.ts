/**
 * The `Recognizer` port: a customer's message → intent and entities (it + en).
 * @module
 */
import type { Awaiting, DateWish, Lang, Legs, MobilityWish, ServiceCategory } from '../../dialogs/model';

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
  date?: DateWish;
  /** A 1-based pick among the choices offered ("2", "la seconda", "the first one"). */
  choice?: number;
  /** A requested language ("in English please"). */
  language?: Lang;
  /** A 5-digit postcode mentioned. */
  postcode?: string;
}

export interface Understanding {
  intent: Intent;
  /** 0..1; low for anything outside the domain, never a false 1.0. */
  score: number;
  entities: Entities;
  /** Language of this message when detected with confidence, else absent (language stays sticky). */
  detectedLang?: Lang;
  /** The text as received (trimmed), for the transcript and free-text slots. */
  text: string;
}

export interface RecognizeInput {
  text: string;
  /** The conversation's current language. */
  lang: Lang;
  /** ISO-8601 instant of the message: relative dates are resolved from it. */
  now: string;
  /** The dealer's IANA time zone: dates are days in this zone. */
  timeZone: string;
  /** What the bot asked for, which disambiguates short answers ("2", "sì", a bare name). */
  awaiting?: Awaiting;
}

export interface Recognizer {
  recognize(input: RecognizeInput): Promise<Understanding>;
}
