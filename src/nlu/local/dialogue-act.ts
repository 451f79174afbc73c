/**
 * Does a message ask, answer, or both? A question alone keeps the whole message's entities as
 * what it is about (the dialogue does not take them as answers); a question beside an answer
 * ("is the taxi free? ok then taxi") gives the answer's intent and entities, with the question.
 * @module
 */
import type { RecognizeInput, Understanding } from '../recognizer';
import { CORRECTION, CUES } from './intents';
import { findQuestion, type FoundQuestion } from './question';

const SLOTS = ['service', 'plate', 'vin', 'badVehicleId', 'model', 'name', 'mobility', 'legs', 'date', 'choice', 'postcode'] as const;
/** Intents the dialogue acts on whatever their form: a question mark does not make them unanswerable. */
const CONTROL = new Set(['human', 'help', 'cancel', 'restart', 'switchLanguage', 'urgent', 'correction']);
/** What a customer gives only to book: with any of them a question is asked on the way to a booking. */
const BOOKING_FACTS = ['plate', 'vin', 'name', 'date', 'choice', 'postcode'] as const;
/** Topics the dialogue answers. */
const ANSWERABLE = new Set(['price', 'workCost', 'deposit', 'documents', 'conditions', 'hours', 'address', 'meaning', 'offered', 'duration']);
/** What a customer needs or must bring, asked, or a booking said not yet wanted: "what do I need to bring when I drop it off", "serve il libretto?", "not booking yet". */
/** Booking named inside the question: "serve una caparra per prenotare?", "a deposit when someone books online?" (#12). */
const ASKED_TO_BOOK = /(?<![a-z])((?<!(want|like|need|wish|going|love|vorrei|voglio|devo|posso|vorremmo|would like) )(per|to|for) (prenotare|book|booking)( online| in chat| qui| here)?|when (someone|one|you|people|i) books?( online)?|(la|una) prenotazione online)(?![a-z])/g;
const NEED_TO_BRING = /(?<![a-z])((do |what do |will )?i (need|have) to (bring|show|have)|(do )?i need|(do |will )?you need|(service|log) ?book|need to bring|(devo|dovrei|bisogna|occorre) portare|(mi )?serv[eo](no)?|occorr[eo](no)?|not booking( just)?( yet)?|non (voglio )?prenot[a-z]*( ancora)?|(when|once) i (drop|bring|leave)(?: [a-z]+){0,3}( off| in)?|quando (vi )?(lascio|porto)(?: [a-z]+){0,3})(?![a-z])/g;
/** A yes said with a condition: "ok, ma…", "prima di confermare", "before I confirm". */
const HELD_BACK = /(?<![a-z])(ma|pero|prima|but|before|first|though|aspett[a-z]*|wait|hold on|hang on)(?![a-z])/;
/** No yes yet: "prima di confermare…", "before I confirm". */
const NOT_YET_CONFIRMED = /(?<![a-z])(prima di (confermare|conferma|confermarlo|dare (l )?ok|prenotare)|before (i |we )?(confirm|confirming|book|booking|say yes))(?![a-z])/;
/** A message that is one question and nothing else: "fate le revisioni anche di sabato?". */
const ONE_QUESTION = /^[^?!.;,\n]+\?+$/;
/** Words that turn a solution named beside a question into a choice: "ok then taxi", "allora prendo il taxi". */
const CHOOSING = /\b(ok|okay|allora|prendo|scelgo|vada per|va bene|perfetto|d accordo|si|then|take|go with|go for|choose|yes|fine|let s do|book)\b/;

/**
 * Understands a message with its question, if any.
 * @param understand the recognizer on one text
 * @param prepare the recognizer's normalisation, for cue matching
 * @param withoutName the message with the customer's name blanked, if it names one
 */
export function understandAct(
  input: RecognizeInput,
  understand: (input: RecognizeInput) => Understanding,
  prepare: (text: string) => string,
  withoutName?: (text: string) => string,
): Understanding {
  const raw = typeof input?.text === 'string' ? input.text : '';
  const found = findQuestion(raw.trim(), prepare);
  if (!found) return understand(input);
  // "Ruth Price here": a surname that is a question word asks nothing
  const unnamed = withoutName?.(raw);
  if (unnamed !== undefined && unnamed !== raw && !findQuestion(unnamed.trim(), prepare)) return understand(input);

  const whole = understand(input);
  // "vorrei essere ricontattata da un consulente per un preventivo": a person first, whatever else is asked
  if (whole.intent === 'human') return { ...whole, question: { ...found.question, alone: true } };
  if (found.rest) {
    const rest = understand({ ...input, text: found.rest });
    if (answers(rest, found, input, prepare)) {
      // what the question itself names stays ("could I book the grecale in for brakes? …"): the rest's own reading wins
      // (not a way of getting around: the one asked about is no choice, R5)
      const { mobility: _asked, legs: _legs, ...named } = whole.entities;
      const both: Understanding = { ...rest, entities: { ...named, ...rest.entities }, question: { ...found.question, alone: false } };
      // the whole message is calmer than its answer alone: "someone keyed it, reported to the police. I'd like a quote" is a booking
      if (rest.intent === 'urgent' && whole.intent !== 'urgent') {
        const { concern: _alarm, ...calmer } = both;
        return { ...calmer, intent: whole.intent, score: whole.score };
      }
      if (movesABooking(found, both)) return { ...both, intent: 'inform' };
      return cancelsABooking(found, both, prepare(raw)) ? { ...both, intent: 'cancel' } : both;
    }
    // "Sì, confermo. Devo portare il libretto?" at the summary: the yes (or no) stands, and the question is answered with it
    // ("ok, ma quanto viene in tutto?", "prima di confermare…" hold the yes back; "no, annulla" is a cancel)
    // (a solution asked about is no change of it: "yes, but is the loan car insured?")
    const asksOfItsSolution = whole.intent === 'correction' && !CORRECTION.test(prepare(raw)) && !!whole.entities.mobility && !!found.question.solutions?.includes(whole.entities.mobility) && !SLOTS.some((k) => k !== 'mobility' && k !== 'legs' && whole.entities[k] !== undefined);
    if (
      input.awaiting === 'confirm' && (rest.intent === 'affirm' || rest.intent === 'deny') && (!CONTROL.has(whole.intent) || asksOfItsSolution) && ANSWERABLE.has(found.question.topic) &&
      !SLOTS.some((k) => rest.entities[k] !== undefined)
    ) {
      // a yes held back by its question is still a yes, which waits for the answer (#12: writers call it a yes)
      if (!HELD_BACK.test(prepare(raw))) return { ...rest, question: { ...found.question, alone: false } };
      if (rest.intent === 'affirm' && !NOT_YET_CONFIRMED.test(prepare(raw))) return { ...rest, question: { ...found.question, alone: false, heldBack: true } };
    }
  }
  // "mi accompagna un vostro dipendente a casa?" asks for a solution: a request, not a question to answer
  // and "can I speak to a person?", "how does this work?" are requests the dialogue knows
  if (found.question.topic === 'other' && (SLOTS.some((k) => whole.entities[k] !== undefined) || CONTROL.has(whole.intent))) return whole;
  // "quando c'è posto?" at the date question answers it (vaguely): no question to answer back
  if (found.question.topic === 'other' && whole.intent === 'inform' && (input.awaiting === 'date' || input.awaiting === 'slot')) return whole;
  const out: Understanding = { ...whole, question: { ...found.question, alone: true } };
  // a question we answer is neither a yes nor a no, nor outside our business ("che orari fate?")
  const notOurs = whole.intent === 'outOfDomain' && CUES.has('outOfDomain', prepare(raw));
  // ... and not answered with our prices: "quanto è il bollo della ghibli?" is a question we have no answer for
  if (notOurs) out.question = { topic: 'other', alone: true };
  // "quanto costa il noleggio per un weekend?", "how long for a windscreen?": a question about what we
  // do is no booking yet, unless the customer says they want one or gives a day, a name, a plate
  // (what one needs to bring is asked, not a wish: "what do I need to bring for the loan car?")
  // (a day asked as an opening day is no booking fact: "fate le revisioni anche di sabato?")
  const facts = found.question.topic === 'hours' && ONE_QUESTION.test(raw.trim()) ? BOOKING_FACTS.filter((k) => k !== 'date') : BOOKING_FACTS;
  if (ANSWERABLE.has(found.question.topic) && whole.intent === 'book' && !facts.some((k) => whole.entities[k] !== undefined) && !CUES.has('book', prepare(raw).replace(NEED_TO_BRING, ' ').replace(ASKED_TO_BOOK, ' '))) {
    out.intent = 'inform';
  }
  // "can I move my appointment from Thursday to Friday?": a question about a booking made, whatever day it names
  if (movesABooking(found, whole)) out.intent = 'inform';
  if (cancelsABooking(found, whole, prepare(raw))) out.intent = 'cancel';
  // "and if something comes up, can I cancel easily?": how cancelling works, asked before booking
  if (whole.intent === 'cancel' && found.question.topic === 'cancelBooking' && !whole.entities.date && CANCEL_SUPPOSED.test(prepare(raw))) out.intent = 'inform';
  // (nor a greeting: "buonasera, che orari fate il sabato?")
  if (ANSWERABLE.has(found.question.topic) && ['affirm', 'deny', 'outOfDomain', 'greeting'].includes(whole.intent) && !notOurs) {
    out.intent = 'inform';
    out.score = Math.max(whole.score, 0.6);
  }
  return out;
}

/** "spostare il tagliando di venerdì", "move my service to Monday": the work named is the booking's. */
const MOVES_WORK = /(spost|anticip|posticip|rimand|move|moving|reschedul|bring forward|push back)[a-z]* (il |la |l |lo |my |the |our )?(tagliando|revisione|appuntamento|service|servicing|mot|appointment|cambio gomme|tyre change)/i;

/** "can I move my appointment from Thursday to Friday?", "I had booked Tuesday, could I bring it Wednesday instead?": a booking made, moved; no new work asked. */
function movesABooking(found: FoundQuestion, u: Understanding): boolean {
  return found.question.topic === 'changeBooking' && u.intent === 'book' && (!u.entities.service || MOVES_WORK.test(u.text ?? '')) && !u.entities.plate && !u.entities.vin;
}

/** Cancelling supposed, not asked for (#12, seventeenth writers): "se poi mi capita un imprevisto posso disdire?", "how late can I cancel without paying?". */
const CANCEL_SUPPOSED = /(?<![a-z])(se (disdico|annullo|cancello|disdicessi|annullassi)|(se|nel caso|in caso|qualora) (poi |mai |per caso )?(non )?(mi|ci|riesco|posso|capita|succede|devo|dovessi|avessi|ho un)|(if|in case) (something|anything|i|we|plans|my plans)|how late|entro quando|fino a quando|penal[a-z]*|cancellation (fee|policy|charge)|without paying|senza pagare|easily|facilmente)(?![a-z])/;
/** How or whether a booking may be cancelled, asked: "se disdico il giorno prima pago?", "can I cancel online?". */
const ASKS_HOW_TO_CANCEL = /(?<![a-z])(how|come|se|if|penal[a-z]*|pag[a-z]*|pay|charge[a-z]*|fee|costa|cost|online|entro quando|how late|deadline|in tempo|in time|devo chiamare|need to call|have to call|or do i)(?![a-z])/;
/** A question form that cancels only when it names the booking's day: "can I cancel my appointment next Monday?". */
const MAY_I = /^(can i|could i|may i|posso|si puo|e possibile)(?![a-z])/;

/** "Avevo prenotato martedì ma non riesco a venire, vorrei annullarlo", "please cancel the appointment on the 22nd": a booking made, cancelled. */
function cancelsABooking(found: FoundQuestion, u: Understanding, norm: string): boolean {
  if (found.question.topic !== 'cancelBooking' || (u.intent !== 'book' && u.intent !== 'inform')) return false;
  if (!CUES.has('cancel', norm) || ASKS_HOW_TO_CANCEL.test(norm)) return false;
  return !MAY_I.test(norm) || !!u.entities.date;
}

/** Whether the clauses beside the question answer something. */
function answers(rest: Understanding, found: FoundQuestion, input: RecognizeInput, prepare: (text: string) => string): boolean {
  const slots = SLOTS.filter((k) => rest.entities[k] !== undefined);
  // at the address prompt the rest is the address ("dove siete? io sto in via Roma 3, Carpi")
  if (input.awaiting === 'address' && slots.length === 0) return prepare(found.rest).split(' ').length >= 3;
  if (slots.length === 0) return false;
  // "taxi, quanto costa?": the solution is what is asked about, unless it is chosen
  const onlyASolution = slots.every((k) => k === 'mobility' || k === 'legs' || k === 'choice');
  return !onlyASolution || CHOOSING.test(prepare(found.rest));
}
