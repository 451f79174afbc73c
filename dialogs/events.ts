/**
 * What the statechart hears: the customer opening the conversation, and each message as the
 * recognizer understood it. Both carry the instant they happened at: the dialogue has no clock.
 * @module
 */
import type { Understanding } from './understanding';

/** Longer messages are refused politely rather than guessed at. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Why an advisor's handoff ends with the bot taking the conversation back. */
export type ResumeWhy = 'handBack' | 'failed';

export type BookingEvent =
  | { type: 'START'; now: string }
  | { type: 'USER'; u: Understanding; now: string }
  /** The advisor (or a contact centre that failed to take it) hands the conversation back. */
  | { type: 'RESUME'; why: ResumeWhy; now: string }
  /** The advisor closed the handed-over conversation: the next message starts a new request. */
  | { type: 'END'; now: string };

export const understood = (event: BookingEvent): Understanding | undefined => (event.type === 'USER' ? event.u : undefined);
