/**
 * The offline recognizer (Italian + English): rules, typo-tolerant phrase sets and chrono-based
 * dates. No network, no training; indexes are built once by `createLocalRecognizer()`.
 * @module
 */
import type { Lang } from '../../../dialogs/model';
import { createDateRecognizer, type FoundDate } from '../dates';
import type { Entities, RecognizeInput, Recognizer, Understanding } from '../recognizer';
import { findVehicleId } from '../vehicle-id';
import { findAddress } from './address';
import { findChoice } from './choice';
import { understandAct } from './dialogue-act';
import { decideIntent, NOTHING_TO_ADD } from './decide';
import { CALL_BACK, CORRECTION, CUES, URGENT } from './intents';
import { languageAsked } from './language-asked';
import { COMMON_WORDS, detectLanguage, EN_WORDS, IT_WORDS } from './language';
import { REAL_WORDS } from './real-words';
import { legsInVerbs } from './legs-in-verbs';
import { wantsSoonest, withLooseDayPart } from './loose-date';
import { driverMovesCar } from './driver-moves-car';
import { Lexicon } from './lexicon';
import { DateTime } from 'luxon';
import { BARE_LEGS, LEGS, MOBILITY } from './mobility';
import { chooseMobility, TAKES_BACK } from './mobility-choice';
import { MODELS } from './models';
import { SLOTS_REFUSED } from './rejected-offer';
import { loose, mayRefuse, refused } from './negation';
import { COMMON_SURNAMES, FIRST_NAMES, findName } from './names';
import { expandAbbreviations, MAX_INPUT, normalise, tokens } from './normalise';
import { escapeRegExp } from './phrases';
import { QUESTION_CUES } from './question';
import { REJECTED_OFFER } from './rejected-offer';
import { findService, SERVICES } from './services';

const CALENDAR_WORDS =
  'lunedi martedi mercoledi giovedi venerdi sabato domenica domani dopodomani settimana prossima prossimo mattina pomeriggio ' +
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre ' +
  'monday tuesday wednesday thursday friday saturday sunday tomorrow morning afternoon evening ' +
  'january february march april june july august september october november december possibile';

/** Inflected forms of the stems in the phrase sets (a stem cannot be a correction target). */
const INFLECTED =
  'freno freni frenata frenare frenando frenate gomme gomma pneumatici pneumatico riparare riparazione riparazioni ' +
  'richiamo batteria carrozzeria graffio graffi graffiato graffiata ammaccatura ammaccato tagliando tagliandi ' +
  'prenotare prenotazione prenoto appuntamento noleggio noleggiare ritirare ritirarla consegnare consegna riportare ' +
  'riportarmela riportarla vibra vibrazione vibrazioni rumore rumori rumorino cigola cigolio scricchiola pastiglie ' +
  'annullare annulla cancellare ricominciare ricominciamo incidente reclamo reclamare lucidatura climatizzatore ' +
  'sostituire sostituzione rotto rotta guasto guasta diagnosi booking repair repairs replace replacement rental ' +
  'scratch scratched dented collect delivery deliver recall warranty brakes tyres tires noise noisy vibration ' +
  'rattling squeaking leaking leak cancel cancelled thanks thank complaint crashed macchia macchie pozza';

const POSTCODE = /(?<![A-Za-z\d/:.,-])(?<!(?:km|kms|chilometri|miles|odometer|contachilometri)\s*)\d{5}(?![A-Za-z]|\d|[.,:/]\d|\s*(?:km|chilometri|miles|euro|eur|€))/i;

/**
 * Creates the local recognizer.
 * @example
 * const r = createLocalRecognizer();
 * await r.recognize({ text: 'tagliando martedì', lang: 'it', now: '2026-11-30T09:00:00+01:00', timeZone: 'Europe/Rome' });
 */
/** A message's sentences: cut after a word of four letters or more and a full stop, '!' or '?' (not "ven. 3", "10.30"). */
const sentencesOf = (text: string) => text.split(/(?<=\p{L}{4,})[.!?]+\s+/u);

/** "sto a 5 minuti", "I live 10 mins away": a distance, not a time. */
const MINUTES_AWAY = /(?:(?:sto|abito|vivo|e|is|s|only|just|about|circa|solo) (?:a )?)?\b\d+ ?(?:min|mins|minutes|minuti)\b(?: (?:away|walk|a piedi|di distanza|da qui|from here|from you|da voi))?(?=(?: (?:away|walk|a piedi|di distanza|da qui|from|da voi|i ll|vado|torno))|$)/g;
/** Cheap gate before looking for a language asked for. */
const MAY_NAME_LANGUAGE = /ingl|engl|ital|in eng|in ita/;
const withoutDistances = (text: string) => (/\d/.test(text) && /min/.test(text) ? text.replace(MINUTES_AWAY, ' ') : text);
const NOTHING = /^(nulla|niente|nothing|none)( grazie| thanks)?$/;

/** The car ready for the customer to fetch: "ready to collect", "pronta da ritirare". */
const READY_TO_COLLECT = /(?<![a-z])(ready (to|for) (collect|collection|pick ?up|be collected|be picked up)|pront[ao] (da|per (il|essere)) ?(ritirare|ritiro|ritirat[ao]))(?![a-z])/;
/** A leg narrowed on purpose: "only the collection", "just pick it up", "solo il ritiro". */
const ONLY = /(?<![a-z])(?:only|just|solo|soltanto|solamente|unicamente)(?![a-z])/;

/** "Da qualche settimana", "for a few weeks", "since yesterday": how long a symptom has lasted, not a day wished. */
const DURATION = /(?<![a-z])(weeks?|days?|months?|settiman[ae]|giorni|mesi)$/;
const SINCE = /(?<![a-z])(da|dal|dalla|for|since|for the last|for the past)( a| the)? $/;

/**
 * A date that tells when a symptom began, not the day wished: a day already gone beside the work
 * named in words ("la spia si è accesa la settimana scorsa", "picked it up yesterday"), or a stretch of time
 * since it began ("da qualche settimana"). At the date question every date is an answer.
 */
function toldAsHistory(date: FoundDate, norm: string, awaitingDate: boolean, now: string, timeZone: string): boolean {
  if (awaitingDate || !date.date || !date.text) return false;
  if (DURATION.test(date.text)) {
    if (/^(da|dal|for|since) /.test(date.text)) return true;
    const at = norm.indexOf(date.text);
    if (at > 0 && SINCE.test(norm.slice(Math.max(0, at - 20), at))) return true;
  }
  // a day named by number in the past is a slip the dialogue answers ("il 20 novembre" is gone); one in words
  // ("ieri", "last week") tells what happened, with or without work named ("you were brilliant last week")
  return !/\d/.test(date.text) && date.date < todayIn(now, timeZone);
}

let lastNow: string | undefined;
let lastZone: string | undefined;
let lastToday = '';
/** The day of `now` in the time zone, `yyyy-MM-dd` ('' when invalid); the last one kept (a conversation's turns share it). */
function todayIn(now: string, timeZone: string): string {
  if (now !== lastNow || timeZone !== lastZone) {
    lastToday = DateTime.fromISO(now, { zone: timeZone }).toISODate() ?? '';
    lastNow = now;
    lastZone = timeZone;
  }
  return lastToday;
}

/**
 * The typo corrector the rules read through: it corrects to the words the rules know, and leaves
 * alone frequent words, names, `COMMON_WORDS` and the real words of `REAL_WORDS` (dictionary
 * words one slip from a rule word: "curious" is not "furious").
 */
export function createRecognizerLexicon(keepAlso: Iterable<string> = REAL_WORDS): Lexicon {
  return new Lexicon(
    [
      ...SERVICES.words(), ...MOBILITY.words(), ...LEGS.words(), ...MODELS.words(), ...CUES.words(), ...URGENT.words(), ...CALL_BACK.words(),
      ...CALENDAR_WORDS.split(' '), ...INFLECTED.split(' '), ...QUESTION_CUES.words(),
    ],
    new Set([...IT_WORDS, ...EN_WORDS, ...FIRST_NAMES, ...COMMON_SURNAMES, ...COMMON_WORDS, ...keepAlso]),
  );
}

export interface LocalRecognizerOptions {
  /** Told of a bug in the rules (the message is then read as not understood): for the log, once per message. */
  onError?: (err: unknown) => void;
}

export function createLocalRecognizer(options: LocalRecognizerOptions = {}): Recognizer {
  const lexicon = createRecognizerLexicon();
  const findDate = createDateRecognizer();
  /** Cheap gate: a capitalised word after another word. */
  const PROPER = /[\p{Ll}\d,;:)]\s+\p{Lu}\p{Ll}/u;
  /** Words written capitalised inside a sentence (not after a full stop), normalised as the message is. */
  const properNouns = (text: string) =>
    new Set([...text.matchAll(/(?<=[\p{Ll}\d,;:)]\s+)\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)*/gu)].flatMap((m) => tokens(normalise(m[0]))));
  /** A leg the customer does: "a riportarla ci penso io", "I'll collect it myself". */
  const SELF_TAKES_LEG = /(?<![a-z])(ci penso io|myself|lo faccio io|la faccio io)(?![a-z])/;
  /** A leg said and then refused: "… no", "… non serve", "no need to bring it back". */
  const REFUSED_LEG = /(?<![a-z])(no|non serve( piu)?|not needed|no need|non la riportate|don t bring it back)(?![a-z])/;

  /** Normalised, abbreviations expanded, typos corrected: the form every cue is matched on. */
  // The same text is prepared several times per message (the whole, its sentences, its clauses, the question
  // detector): the last few are kept.
  const prepared = new Map<string, string>();
  const prepare = (text: string) => {
    const key = text.slice(0, MAX_INPUT);
    let norm = prepared.get(key);
    if (norm === undefined) {
      // a word written with a capital inside a sentence is a name or a place: "Merano" is no "metano", "Walsh" no "wash"
      const proper = PROPER.test(key) ? properNouns(key) : undefined;
      norm = expandAbbreviations(tokens(normalise(key))).map((w) => (proper?.has(w) ? w : lexicon.correct(w))).join(' ');
      if (prepared.size >= 64) prepared.clear();
      prepared.set(key, norm);
    }
    return norm;
  };

  function understand(input: RecognizeInput): Understanding {
    const raw = typeof input?.text === 'string' ? input.text : '';
    const text = raw.trim();
    const capped = text.slice(0, MAX_INPUT);
    const norm = prepare(capped);
    const words = norm ? norm.split(' ') : [];
    if (!/[a-z0-9]/.test(norm)) return { intent: 'outOfDomain', score: 0.1, entities: {}, text };

    const awaiting = input.awaiting;
    const entities: Entities = {};
    const vehicle = findVehicleId(capped);
    if (vehicle.plate) entities.plate = vehicle.plate;
    if (vehicle.vin) entities.vin = vehicle.vin;
    if (vehicle.bad && !vehicle.plate && !vehicle.vin) entities.badVehicleId = vehicle.bad;

    const punctuated = loose(capped);
    const model = modelMeant(norm, punctuated);
    if (model) entities.model = model;
    const service = findService(norm, punctuated);
    if (service) entities.service = { id: service.label, text: service.text };

    // at the slot question "none of those" turns the slots down: it names no way of getting around
    const refusesSlots = awaiting === 'slot' && SLOTS_REFUSED.test(norm);
    // "ring me when it's ready to collect": the customer collects it, no leg of ours (#12)
    const moving = READY_TO_COLLECT.test(norm) ? norm.replace(READY_TO_COLLECT, ' ') : norm;
    let mobility = refusesSlots ? chooseMobility(moving.replace(SLOTS_REFUSED, ' '), punctuated.replace(SLOTS_REFUSED, ' ')) : chooseMobility(moving, moving === norm ? punctuated : moving);
    const phrased = (awaiting === 'pickupDelivery' ? LEGS.first(moving) ?? BARE_LEGS.first(moving) : LEGS.first(moving))?.label;
    // "venite a prenderla e poi me la riportate" is both, though "riportate" alone names the delivery
    const told = legsInVerbs(moving, mobility === 'pickup-delivery' || awaiting === 'pickupDelivery');
    // "your driver fetches the car and brings it back": the car moves, not the customer
    if (mobility === 'staff-shuttle' && told && driverMovesCar(norm)) mobility = 'pickup-delivery';
    // "collect it yes, bring it back no", "solo il ritiro, la riconsegna non serve": the leg refused is not told
    const refusesALeg = phrased && phrased !== 'both' && told === 'both' && REFUSED_LEG.test(norm);
    // "prendetela voi, a riportarla ci penso io": a leg the customer takes on is not ours, whatever it names
    const selfTaken = phrased && told && told !== 'both' && phrased !== told && SELF_TAKES_LEG.test(norm);
    const legs = (told === 'both' && !refusesALeg) || !phrased || selfTaken ? told ?? phrased : phrased;
    // "nulla", "niente" answer the mobility question only
    if (!mobility && awaiting === 'mobility' && NOTHING.test(norm)) mobility = 'none';
    // "niente, grazie" to the note: nothing to add, no way of getting around
    if (awaiting === 'text' && NOTHING_TO_ADD.test(norm)) mobility = undefined;
    if (mobility) entities.mobility = mobility;
    if (legs && (!mobility || mobility === 'pickup-delivery' || awaiting === 'pickupDelivery')) {
      entities.legs = legs;
      entities.mobility = 'pickup-delivery';
    }

    const expectingChoice = awaiting === 'slot' || awaiting === 'mobility';
    const choice = findChoice(norm, expectingChoice);
    if (choice !== undefined) entities.choice = choice;
    const bareChoice = choice !== undefined && expectingChoice && words.length <= 3;

    if (!bareChoice) {
      // A plate or VIN is never a date: without it, most messages that name one need no date parsing.
      const ids = new Set([vehicle.plate, vehicle.vin?.value].filter((v): v is string => !!v).map((v) => v.toLowerCase()));
      // sentences stay apart: "…brings it back the same evening. Thursday would be great" names Thursday
      // one sentence (most messages): its words are those already corrected
      // (a plate spelled out, "Z-A-9-1-4-H-K", is taken out first: its pieces are no hour)
      const sentences = sentencesOf(vehicle.spread ? capped.replace(vehicle.spread, ' ') : capped);
      const wordsOf = (s: string) => (sentences.length === 1 && !vehicle.spread ? words : prepare(s).split(' ').filter(Boolean));
      const dateText = sentences
        .map((s) => withoutDistances(wordsOf(s).filter((w) => !ids.has(w)).join(' ')))
        .filter(Boolean)
        .join(' ; ');
      // "anzi pomeriggio" at the summary changes the part of the day as an answer would
      const awaitingDate = awaiting === 'date' || awaiting === 'slot' || (awaiting === 'confirm' && CORRECTION.test(norm));
      const found = findDate({ text: dateText, normalised: dateText, lang: input.lang === 'en' ? 'en' : 'it', now: input.now, timeZone: input.timeZone, awaitingDate });
      const soonest = !found?.date && !found?.time && !found?.asap ? wantsSoonest(norm, awaitingDate) : undefined;
      // "first free slot" is the earliest day, not the first of the choices (none were offered)
      if ((soonest || found?.asap) && !expectingChoice) delete entities.choice;
      const date: FoundDate | undefined = soonest ? { asap: true, text: soonest } : withLooseDayPart(found, norm, awaitingDate, input.now, input.timeZone);
      if (date && !toldAsHistory(date, norm, awaitingDate, input.now, input.timeZone)) {
        const { either, ...wish } = date;
        entities.date = wish;
        // "mercoledì o giovedì" is a question to ask back; "mercoledì, anzi giovedì" is not
        if (either && !TAKES_BACK.test(norm) && !CORRECTION.test(norm)) entities.dateOptions = either;
      }
    }

    const name = findName(capped, awaiting === 'name');
    if (name && !(model && name.toLowerCase() === model.toLowerCase())) entities.name = name;

    const address = findAddress(capped);
    if (address) entities.address = address;
    // At the summary, "pick it up from my office instead: <address>" moves the place, not the
    // legs: one leg in a verb beside a new address changes the legs only when said so ("only").
    if (address && awaiting === 'confirm' && told && told !== 'both' && !phrased && !ONLY.test(norm)) delete entities.legs;
    // "troppo caro, avete altro?" at the summary turns the solution down
    if (awaiting === 'confirm' && REJECTED_OFFER.first(norm)) entities.change = 'mobility';

    const postcode = capped.match(POSTCODE)?.[0];
    if (postcode && !entities.plate?.includes(postcode) && !entities.vin?.value.includes(postcode)) entities.postcode = postcode;

    const asked = MAY_NAME_LANGUAGE.test(norm) ? languageAsked(norm) : undefined;
    if (asked && CUES.has('switchLanguage', norm)) entities.language = asked;

    // "alla fine mi ha richiamato il vostro collega": someone phoned, no recall campaign
    if (entities.service?.id === 'recall' && /^richiama/.test(entities.service.text) && /(?<![a-z])mi (ha|hanno|avete) (gia |poi )?richiamat/.test(norm)) delete entities.service;
    const { intent, score, concern } = decideIntent({ text: norm, words, entities, awaiting });
    // "mi può richiamare?", "nessuno mi ha richiamato": a phone call, not a recall campaign ("richiamo")
    if (concern && entities.service?.id === 'recall' && /^richiama/.test(entities.service.text)) delete entities.service;
    if (intent !== 'switchLanguage') delete entities.language;
    if (intent === 'outOfDomain') delete entities.date; // "che tempo fa domani?" wishes no appointment
    // "incidente 5 minuti fa", "stanotte mi hanno rubato…": when it happened; "chiamatemi dopo le 18": when to call
    // and "is Giulia in today?", "thanks for calling yesterday": a person or thanks wishes no appointment (#12)
    if (intent === 'urgent' || intent === 'human' || intent === 'thanks' || concern === 'callback') delete entities.date;
    const detectedLang: Lang | undefined = detectLanguage(words);
    const out: Understanding = { intent, score, entities, text, ...(concern ? { concern } : {}) };
    if (detectedLang) out.detectedLang = detectedLang;
    return out;
  }

  /** The message with the name it gives blanked, as written (any case). */
  const withoutName = (raw: string, awaitingName: boolean) => {
    const name = findName(raw.slice(0, MAX_INPUT), awaitingName);
    if (!name) return raw;
    const written = new RegExp(name.split(/\s+/).map(escapeRegExp).join('\\s+'), 'i');
    return raw.replace(written, ' ');
  };

  return {
    async recognize(input) {
      try {
        return understandAct(input, understand, prepare, (raw) => withoutName(raw, input.awaiting === 'name'));
      } catch (err) {
        // a recognizer bug must never end a conversation: the dialogue treats this as "not understood"
        options.onError?.(err);
        return { intent: 'outOfDomain', score: 0, entities: {}, text: typeof input?.text === 'string' ? input.text.trim() : '' };
      }
    },
  };
}

/** The model meant: the first one named, unless it is refused beside another ("it's the Grecale, not the Levante", "la macchina non è la Ghibli, è la Grecale"). */
function modelMeant(norm: string, punctuated: string): string | undefined {
  const first = MODELS.earliest(norm);
  if (!first || !mayRefuse(norm)) return first?.label;
  const live = MODELS.occurrences(norm).filter((m) => !refused(norm, punctuated, m));
  return (live.length ? live.sort((a, b) => a.index - b.index)[0] : first).label;
}
