/**
 * Requests about a booking already made, read beside any recognizer: the booking reference
 * (taken out of the text first, so that "MC 7K3QX2" is never read as an old Macerata plate) and
 * what is asked of the booking (see it, change it, cancel it). Both become entities the
 * dialogue reads (`reference`, `manage`, `managePart`); the rest of the message is the inner
 * recognizer's.
 * @module
 */
import { normalise } from '../local/normalise';
import type { RecognizeInput, Recognizer, Understanding } from '../recognizer';
import { bookingAct, changedPart } from './booking-acts';
import { findReference } from './reference';

export { findReference, codeOf, editDistance } from './reference';

/** "Same time", "stessa ora": the hour stays while the day changes. */
const SAME_TIME = /\b(?:same time|same hour|at the same time|stess[ao] (?:ora|orario)|medesim[ao] (?:ora|orario))\b/;

/** The recognizer with booking requests read as well. */
export function withBookingRequests(inner: Recognizer): Recognizer {
  return {
    async recognize(input: RecognizeInput): Promise<Understanding> {
      const text = typeof input.text === 'string' ? input.text : '';
      const found = findReference(text);
      const rest = found ? `${text.slice(0, found.start)} ${text.slice(found.end)}`.replace(/\s+/g, ' ').trim() : text;
      let u: Understanding;
      if (found && !/[\p{L}\p{N}]/u.test(rest)) u = { intent: 'inform', score: 0.9, entities: {}, text: text.trim() };
      else u = { ...(await inner.recognize(found ? { ...input, text: rest } : input)), text: text.trim() };
      const norm = normalise(rest);
      const act = bookingAct(norm, !!found, !!u.entities.service);
      const sameTime = SAME_TIME.test(norm);
      if (!found && !act && !sameTime) return u;
      const entities = { ...u.entities };
      if (sameTime) entities.sameTime = true;
      if (found) entities.reference = found.reference;
      if (act) {
        entities.manage = act;
        const part = act === 'change' ? changedPart(norm) : undefined;
        if (part) entities.managePart = part;
      }
      return { ...u, entities };
    },
  };
}
