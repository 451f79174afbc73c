/**
 * What the dialogue says, as data: rendered later per language and channel (src/render).
 * Emitted events are not persisted, so they are exactly one turn's output.
 * @module
 */
import type { Awaiting, Booking } from './model';

export type Params = Record<string, string | number | boolean | string[] | undefined>;

/** A choice the customer can pick; `value` is a postback token the bot understands. */
export interface Choice {
  key: string;
  params?: Params;
  value: string;
}

/** A line of a list shown under a message (the offers, the alternatives, the summary). */
export interface Line {
  key: string;
  params?: Params;
  /** The same line's parameters before a change: marked as changed. */
  was?: Params;
  /** Show the old value beside the new ("old → new"): a booking already made being changed (#13). */
  showWas?: boolean;
}

export interface Prompt {
  key: string;
  params?: Params;
  lines?: Line[];
  awaiting: Awaiting;
  choices?: Choice[];
}

export type Output =
  | { type: 'say'; key: string; params?: Params; lines?: Line[] }
  | ({ type: 'ask' } & Prompt)
  | { type: 'booked'; booking: Booking }
  /** #13: the customer's answer to the reminder question, recorded outside the dialogue. */
  | { type: 'reminders'; reference: string; consent: boolean }
  | { type: 'handoff'; reason: HandoffReason };

export type HandoffReason = 'requested' | 'misunderstood' | 'urgent' | 'system';
