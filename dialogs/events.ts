/**
 * What the statechart hears: the customer opening the conversation, and each message as the
 * recognizer understood it. Both carry the instant they happened at: the dialogue has no clock.
 * @module
 */
import type { Understanding } from './understanding';

/** Longer messages are refused politely rather than guessed at. */
export const MAX_MESSAGE_LENGTH = 2000;

export type BookingEvent =
  | { type: 'START'; now: string }
  | { type: 'USER'; u: Understanding; now: string };

export const understood = (event: BookingEvent): Understanding | undefined => (event.type === 'USER' ? event.u : undefined);
