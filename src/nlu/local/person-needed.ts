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
const LONG_AGO = /(?<![a-z])(anno scorso|mesi fa|settimane fa|anni fa|tempo fa|in passato|last (year|month|winter|summer|spring|autumn)|months ago|years ago|weeks ago|a while ago|in the past|(estate|inverno|primavera|autunno|mese) scors[oa]|(a|in|di|since|since the \w+ in) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|january|february|march|april|may|june|july|august|september|october))(?![a-z])/;
/** The work wanted now, beside an event told as history ("ora vorrei fare il lavoro"). */
const WANTS_NOW = /(?<![a-z])(ora|adesso|now|vorrei|voglio|i d like|i want|want the|prenot\w*|book\w*)(?![a-z])/;
/** The car already with us, or a claim already settled: a booking, not an emergency. */
const SETTLED = /(?<![a-z])((gia|already) (portat\w*|pagat\w*|brought|towed|paid)|ha (gia )?pagato|has (already )?paid|brought it to you|(e )?tutto a posto|all settled|is settled|settled)(?![a-z])/;


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
      if (label === 'road' && LONG_AGO.test(text) && (entities.service || WANTS_NOW.test(text))) return false;
      // towed to us already, or the insurer has paid: the work is what is left to book
      if ((label === 'road' || label === 'legal') && SETTLED.test(text)) return false;
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

/** "Il consulente mi ha detto di prenotare qui", "the operator told me to use the chat": someone who spoke, not someone asked for. */
const TOLD_ME = /(?<![a-z])(consulente|operator\w*|operatrice|advisor|addett[oa]|responsabile|manager|reception|accettazione|receptionist)((?: [a-z]+){0,4} (mi ha|mi hanno|told|advised|suggested|recommended|said|was|were|is|e stat[oa]) )/g;
const MAY_NAME_ROLE = /consulente|operat|advisor|addett|responsabile|manager|reception|accettazione/;
const MAY_ASK_CALL = /chiam|call|ring|phone/;
/** "Chiamatemi solo se il prezzo cambia", "call me if there are any problems": a call only should something happen. */
const CALL_IF = /(?<![a-z])((ri)?chiamatemi|(ri)?chiamami|mi (ri)?chiamate|mi (ri)?chiami|(call|ring|phone) me)( pure| only| just| solo)? (solo |only |just )?(se|if|in caso|in case|qualora)(?![a-z])/g;
const IF_CALL = /(?<![a-z])(se|if|in caso|in case)(?: [a-z0-9]+){1,8} (mi (ri)?chiamate|mi (ri)?chiami|(ri)?chiamatemi( pure)?|(ri)?chiamami( pure)?|feel free to (call|ring) me|(call|ring|phone) me)(?![a-z])/g;

/**
 * A request for a person, or to be called back. "Call me a cab" is about a taxi; at the name
 * question "call me Marco Rossi" is a name, but "mi chiamo Anna Verdi, mi passa un consulente?"
 * asks for a person too.
 */
export function asksForPerson(text: string, entities: Entities, awaitingName: boolean): boolean {
  if (entities.mobility) return false;
  const named = awaitingName && entities.name ? text.replace(new RegExp(`(call me |chiamami (pure )?)?${escape(plain(entities.name))}`), ' ') : text;
  // cheap gates: most messages name no role and no call
  const told = MAY_NAME_ROLE.test(named) ? named.replace(TOLD_ME, ' $2') : named;
  const rest = MAY_ASK_CALL.test(told) ? told.replace(CALL_IF, ' ').replace(IF_CALL, ' ') : told;
  return CUES.has('human', rest) || asksForCallBack(rest);
}
