/**
 * Does a message need a person at once (R11), and what for? Danger on the road, a complaint, an
 * insurance or legal matter: urgent; a request to be called back: a person, by phone. Ordinary
 * bookings that mention such things are left alone ("ho fatto un incidente l'anno scorso, ora
 * vorrei il tagliando"; "does the rental car include insurance?").
 * @module
 */
import type { Concern, Entities } from '../../../dialogs/understanding';
import { CALL_BACK, CUES, URGENT } from './intents';

/** An event told as history, not as what is happening now. */
const LONG_AGO = /(?<![a-z])(anno scorso|mesi fa|settimane fa|anni fa|tempo fa|in passato|last (year|month|winter|summer|spring|autumn)|months ago|years ago|weeks ago|a while ago|in the past)(?![a-z])/;

const plainWord = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, ' ').trim().split(' ')[0];

/** "avvocato Giorgio Neri", "avv. Bianchi": a title before the customer's name, no lawyer on the case. */
function withoutTitledName(text: string, entities: Entities): string {
  if (!entities.name || !/avv/.test(text)) return text;
  const first = plainWord(entities.name);
  return first ? text.replace(new RegExp(`(?<![a-z])avv(ocat[oa])? ${first}(?![a-z])`), ' ') : text;
}

/** Why the message must go to a person at once, or `undefined`. */
export function urgentConcern(said: string, entities: Entities): Exclude<Concern, 'callback'> | undefined {
  const text = withoutTitledName(said, entities);
  return URGENT.all(text)
    .map((m) => m.label)
    .find((label) => {
      // an accident long ago, told beside the work wanted now, is a booking
      if (label === 'road' && entities.service && LONG_AGO.test(text)) return false;
      // insurance named beside a solution asks about that solution's conditions
      if (label === 'legal' && entities.mobility) return false;
      // insurance to buy for a car ("quanto costa assicurare una grecale?") is not our business
      if (label === 'legal' && CUES.has('outOfDomain', text)) return false;
      return true;
    });
}

/** "Mi può richiamare?", "can reception call me back?" */
export const asksForCallBack = (text: string): boolean => CALL_BACK.first(text) !== undefined;

const plain = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A request for a person, or to be called back. "Call me a cab" is about a taxi; at the name
 * question "call me Marco Rossi" is a name, but "mi chiamo Anna Verdi, mi passa un consulente?"
 * asks for a person too.
 */
export function asksForPerson(text: string, entities: Entities, awaitingName: boolean): boolean {
  if (entities.mobility) return false;
  const rest = awaitingName && entities.name ? text.replace(new RegExp(`(call me |chiamami (pure )?)?${escape(plain(entities.name))}`), ' ') : text;
  return CUES.has('human', rest) || asksForCallBack(rest);
}
