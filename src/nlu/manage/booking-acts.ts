/**
 * What a customer asks about a booking already made: to see it, to change it, to cancel it — in
 * Italian and English, as written on WhatsApp (no accents, "nn", "x", typos in the stems). Plain
 * "annulla" alone is not here: during a booking it stops the request (R11); "annullare la
 * prenotazione", "disdire l'appuntamento" are about a booking.
 * @module
 */
import type { ManageAct } from '../../../dialogs/understanding';

/** A booking named: "la prenotazione", "l'appuntamento", "my booking", "the appointment". */
const BOOKING = String.raw`(?:prenot\w*|prentoaz\w*|prenotzione|appuntament\w*|apuntament\w*|appuntmento|visita|booking|bookin|boking|reservation|appointment|appointement|apointment|appt|appuntam)`;
const MY = String.raw`(?:la mia|il mio|mia|mio|la|il|l|lo|questa|questo|quella|quello|sua|suo|my|the|our|this|that|a)`;

const CANCEL = [
  // a verb of cancelling beside a booking, in either order
  String.raw`\b(?:annull\w*|anull\w*|cancell\w*|cancel\w*|canc|revoc\w*|elimin\w*|call(?:ing)? off|drop)\b(?:\s+\w+){0,4}\s+${BOOKING}\b`,
  String.raw`\b${BOOKING}\b(?:\s+\w+){0,4}\s+(?:annull\w*|cancell\w*|cancel\w*|disdi\w*|revoc\w*)\b`,
  // "disdire" is only ever about an appointment
  String.raw`\b(?:disdi\w*|disdett\w*|disddire)\b`,
  String.raw`\b(?:non|nn) (?:vengo|verro|posso venire|riesco a venire|ce la faccio)\b.*\b(?:annull|cancell|disd)\w*`,
  String.raw`\b(?:cancel|cancell?ing) (?:it|my visit|the visit|my slot)\b`,
  String.raw`\bdon ?t need (?:the|my) (?:appointment|booking) anymore\b`,
];

/** Changes that can only be about an appointment: a verb of moving, or a booking named. */
const CHANGE = [
  String.raw`\b(?:spost\w*|rimand\w*|posticip\w*|anticipar\w*|anticipiam\w*|anticipat\w*|anticiparl\w*|rinvi\w*)\b`,
  String.raw`\b(?:cambi\w*|modific\w*|variare|varia)\b(?:\s+\w+){0,2}\s+${BOOKING}\b`,
  String.raw`\b(?:reschedul\w*|reshedul\w*|rescedul\w*|postpone\w*|postpon\w*|rebook\w*|re book)\b`,
  String.raw`\b(?:move|push|shift)\b(?:\s+\w+){0,2}\s+(?:it|${BOOKING}|back|forward|later|earlier)\b`,
  String.raw`\bbring\b(?:\s+\w+){0,2}\s+forward\b`,
  String.raw`\b(?:change|chnage|chang|amend|modify|edit)\b(?:\s+\w+){0,2}\s+${BOOKING}\b`,
];

/** Changes that may also describe a new request ("cambio gomme, prendo il taxi"): not beside work named. */
const CHANGE_WEAK = [
  String.raw`\b(?:cambi\w*|modific\w*|variare|varia)\b(?:\s+\w+){0,2}\s+(?:la data|data|il giorno|giorno|l orario|orario|l ora|la mobilita|mobilita|soluzione|l indirizzo|indirizzo)\b`,
  String.raw`\b(?:change|chnage|chang|amend|modify|edit)\b(?:\s+\w+){0,2}\s+(?:date|day|time|slot|mobility|address|solution)\b`,
  String.raw`\b(?:un altra|altra|another|different|other) (?:data|giorno|orario|date|day|time)\b`,
];

/**
 * Work added to a booking already made (#13): a verb of adding ("aggiungete", "add", "include"),
 * "while you're at it", "già che ci siete", an imperative with "anche" ("cambiate anche"), "can
 * you also". Never a plain "also"/"anche" ("devo anche cambiare le gomme", "I also need new
 * tyres"): that is a new request, and the customer is asked.
 */
const ADD = [
  String.raw`\b(?:aggiung\w*|agiung\w*|aggiugn\w*|aggiunt\w*|add|adding|addd|include|including|includ(?:ere|ete|i|iamo))\b`,
  String.raw`\bgia (?:che|ke|ch) (?:ci )?(?:siete|sei|state|stai|c e|ce)\b`,
  String.raw`\bwhile (?:you|u|ya) ?(?:re|are|r)? (?:at it|there|in there|on it)\b`,
  String.raw`\bwhile (?:it|its|it s)(?: is| s)? (?:there|in|in the workshop|in the shop|with you)\b`,
  String.raw`\b(?:fate|fatemi|fatele|cambiate|cambiatemi|controllate|controllatemi|sostituite|mettete|guardate|sistemate|verificate|potete(?: fare| cambiare| controllare)?|potreste(?: fare| cambiare| controllare)?|riuscite a (?:fare|cambiare|controllare)|puoi|potresti|fai|cambia|controlla) (?:anche|anke|pure)\b`,
  String.raw`\b(?:can|could|would|cld|cn|will) (?:you|u|ya) (?:please |pls |plz )?(?:also|too)\b`,
  String.raw`^(?:(?:and|oh|ah|also|ok|oh and|and oh) )?(?:please |pls |plz )?also (?:change|do|check|replace|fix|look at|have a look|swap|rotate|service|sort|put|fit)\b`,
  String.raw`\b(?:please|pls|plz) also\b`,
  String.raw`\b(?:on|in|at|during|with) (?:the same|that|this|my) (?:visit|appointment|booking)\b`,
  String.raw`\b(?:nella|alla|con la) stessa (?:visita|occasione|prenotazione)\b|\bnello stesso appuntamento\b`,
];

const STATUS = [
  String.raw`\b(?:vedere|rivedere|controllare|verificare|ricontrollare|ricordare|ricordarmi|ricorda|ricordi|sapere|dirmi|dimmi|mi dice|mi dica|mostr\w*|fammi vedere|riepilog\w*|dettagli|stato|situazione)\b(?:\s+\w+){0,4}\s+${BOOKING}\b`,
  String.raw`\b(?:quando|a che ora|che ora|che giorno|per quando|per che ora|dov e|com e)\b(?:\s+\w+){0,3}\s+${MY}\s+${BOOKING}\b`,
  String.raw`\b${BOOKING}\b(?:\s+\w+){0,3}\s+(?:e confermat\w*|e andata|risulta|c e ancora|e ancora valid\w*|a che ora e|quando e)\b`,
  String.raw`\b(?:check|see|view|show|look up|lookup|confirm|remind|review|details of|status of|status)\b(?:\s+\w+){0,3}\s+${BOOKING}\b`,
  String.raw`\b(?:when|what time|what day|where)\b(?:\s+\w+){0,2}\s+(?:is|s|was)\s+${MY}\s+${BOOKING}\b`,
  String.raw`\b(?:is|did)\s+${MY}\s+${BOOKING}\b(?:\s+\w+){0,2}\s+(?:confirmed|go through|still on|ok|valid)\b`,
  String.raw`\b${MY} ${BOOKING} (?:details|status|info)\b`,
  String.raw`\b(?:ho (?:gia )?(?:una )?prenot\w*|i have (?:a|an) (?:booking|appointment)|i (?:already )?booked)\b`,
];

const compile = (list: string[]) => list.map((p) => new RegExp(p));
const ACTS: [ManageAct, RegExp[]][] = [
  ['cancel', compile(CANCEL)],
  ['change', compile(CHANGE)],
  ['status', compile(STATUS)],
];
const WEAK_CHANGE = compile(CHANGE_WEAK);
const ADDS = compile(ADD);
/** "Vorrei aggiungere un lavoro", "add some work to my booking": work to add, not named yet. */
const ADD_UNNAMED = /\b(?:aggiung\w*|add|adding|include)\b(?:\s+\w+){0,3}\s+(?:lavor\w*|intervent\w*|work|job|jobs|something|qualcos\w*|altro)\b|^(?:si |ok |yes )?(?:aggiungi|aggiungete|aggiungetel[ao]|aggiungil[ao]|aggiungerl[ao]|add it|add that|add this|add them|add to it)\b/;

/**
 * What the message asks of a booking already made, or `undefined`. `add`: work to add to it (named,
 * beside a way of adding; or "add some work", not named yet). `change` needs a verb that can
 * only mean moving ("spostare", "reschedule") or a booking named; "cambiare la data" counts only
 * when no work is named (`workNamed`: "cambio gomme, prendo il taxi" is a new request);
 * `hasReference` lets a bare verb count ("annulla MC-…").
 */
export function bookingAct(normalised: string, hasReference: boolean, workNamed = false): ManageAct | undefined {
  // #13: work named beside a way of adding it, or work to add not named yet
  if (workNamed && ADDS.some((p) => p.test(normalised)) && !ACTS[0][1].some((p) => p.test(normalised))) return 'add';
  if (!workNamed && ADD_UNNAMED.test(normalised)) return 'add';
  for (const [act, patterns] of ACTS) if (patterns.some((p) => p.test(normalised))) return act;
  if (!workNamed && WEAK_CHANGE.some((p) => p.test(normalised))) return 'change';
  if (hasReference) {
    if (/\b(?:annull\w*|cancel\w*|cancell\w*)\b/.test(normalised)) return 'cancel';
    if (/\b(?:cambi\w*|modific\w*|change|modify)\b/.test(normalised)) return 'change';
  }
  return undefined;
}

/** Which part of a booking a change is about, when the message says it. */
export function changedPart(normalised: string): 'date' | 'mobility' | 'address' | undefined {
  if (/\b(?:indirizz\w*|address|via|domicilio)\b/.test(normalised)) return 'address';
  if (/\b(?:mobilita|soluzione|auto di cortesia|cortesia|taxi|navetta|noleggio|mezzi|ritiro|mobility|courtesy|rental|shuttle|loan(?:er)? car|replacement car|pick ?up|instead of the)\b/.test(normalised)) return 'mobility';
  if (/\b(?:data|giorno|orario|ora|date|day|time|spost\w*|anticip\w*|posticip\w*|rimand\w*|rinvi\w*|reschedul\w*|postpone\w*|move|push|earlier|later)\b/.test(normalised)) return 'date';
  return undefined;
}
