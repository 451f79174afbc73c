/**
 * R11 hands over with everything understood so far, including what the handing-over message
 * itself says ("sono Marco Rossi, Ghibli FX456AB, tagliando: mi passa un consulente?"), so that
 * the advisor's summary is complete and nothing is asked again after the hand-back.
 * @module
 */
import type { BookingContext } from './context';
import { interpret } from './interpret';
import type { Understanding } from './understanding';

/** What the message adds to the booking, taken as said (not as the answer to the question asked). */
export function takenBeforeHandover(context: BookingContext, u: Understanding): Partial<BookingContext> {
  // "ho fatto un incidente stamattina": when it happened is no wish for an appointment
  const entities = u.intent === 'urgent' ? { ...u.entities, date: undefined } : u.entities;
  return interpret({ ...context, lastPrompt: undefined }, { ...u, entities }).patch;
}
