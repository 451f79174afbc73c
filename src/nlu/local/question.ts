/**
 * Questions as dialogue acts: "quanto costa il noleggio?", "what time do you open?", "cos'è
 * l'accompagnamento?", "can I change the date?". A message is cut into clauses; a clause with a
 * topic cue, or ending with "?", asks; the other clauses may still answer ("is the taxi free? ok
 * then taxi"). "Can you do Thursday at 10?" names no topic: it is an answer, not a question.
 * @module
 */
import { type MobilityWish, REPLACEMENT_VEHICLES } from '../../../dialogs/model';
import type { Question, QuestionTopic } from '../../../dialogs/understanding';
import { CUES } from './intents';
import { MOBILITY } from './mobility';
import { PhraseSet } from './phrases';
import { findService } from './services';

type Cue = Exclude<QuestionTopic, 'other' | 'workCost'> | 'freeOf' | 'followUp' | 'bringAsked' | 'lateReturn' | 'ofTheCar';

/** Topic cues on normalised text, most specific first: "quanto costa la cauzione" is the deposit. */
export const QUESTION_CUES = new PhraseSet<Cue>([
  ['cancelBooking', [
    'annull\\w*', 'disdi\\w*', 'disdett\\w*', 'cancell\\w*',
    'cancel\\w*', 'call (it )?off',
  ]],
  ['changeBooking', [
    '(spostare|spostarla|spostarlo|spostarle|spostiamo|spostate|sposta|spostato|spostata|sposterei|sposteresti|sposterebbe)', 'rimand\\w*', 'posticip\\w*', 'rinvi\\w*', 'anticipare', 'anticiparl\\w*', 'anticipiamo', 'anticipate',
    '(cambiare|cambia|cambiamo|cambiarla|cambiarlo|modificare|modifica|modificarla|modificarlo) ~ (data|giorno|orario|ora|appuntamento|prenotazione)',
    '(un altra|altra) data', '(un altro|altro) (giorno|orario)',
    'reschedul\\w*', 'postpone\\w*', 'rebook', '(move|push|shift) (it|the|my|this)', 'bring (it|the appointment|the booking) forward',
    'change ~ (date|day|time|appointment|booking)', '(another|different|other) (date|day|time)',
    // a booking made, another day asked (#12, eighth fresh dev corpus)
    '(had |have |already )?booked(?: [a-z0-9]+){0,4} (could|can) (i|we) (bring|come|move|do|change|make)', '(bring|bring it|portarla|portarlo|come|come in|venire|do it|farlo|farla)(?: [a-z0-9]+){0,3} (instead|invece)$', '(avevo|ho|abbiamo) (gia )?prenotato(?: [a-z0-9]+){0,4} (posso|possiamo|potrei) (portarla|portarlo|venire|spostar\\w*|fare)',
  ]],
  ['deposit', [
    'cauzion\\w*', 'deposito', 'caparra', '(un|l) anticipo', 'blocc\\w* ~ carta', 'franchigia',
    'deposit\\w*', 'hold on (my|the) card', 'pre ?authorisation', 'pre ?authorization',
  ]],
  ['documents', [
    'document\\w*', '(cosa|che cosa|che) (devo|dovrei|bisogna|serve|occorre) portare', 'cosa (mi )?serve (portare|avere)', 'serve la patente', 'serve (la )?carta di credito',
    'paperwork', 'what (do|should|shall|must) i (need to |have to )?bring', 'what to bring', 'do i need (my |a |the )?(licence|license|credit card|id)',
    'international (driving )?(licen[cs]e|permit)', 'patente internazionale',
    // anything at all to bring, asked (#12, seventh round)
    '(do|should|shall|must) (i|we) (need to |have to )?bring (anything|something)', 'anything (i|we) (need|have|should) to bring', '(devo|dovrei|bisogna|serve) portare (qualcosa|qualche (documento|cosa))', 'qualcosa da portare',
  ]],
  // what to bring or leave, asked (a clause ending with "?"): "porto il libretto?", "do you need the service book?" (#12, seventeenth voices)
  ['bringAsked', [
    '(porto|portare|porta|lascio|lasciare|serve|servono|vi serve|vi servono|occorre|bisogna portare) (solo |anche |pure )?(il |la |i |le |l |lo )?(libretto|libretti|carta di circolazione|patente|chiave|chiavi|seconda chiave|chiave di scorta|codice (radio|chiave))',
    '(need|bring|leave|want|have) (the |my |a |your )?(service book|service history|logbook|log book|registration( document)?|v5\\w*|spare key|second key|keys|key|licence|license|passport|libretto)',
  ]],
  ['hours', [
    // a day of the week asked as an opening day, not a wish: "lavorate anche il sabato?", "open on the 27th?" (#12, seventeenth voices)
    '(lavorate|lavora|aprite|apre|siete aperti|siete apert\\w*|fate|fa) (\\w+ )?(anche |pure )?(il |di |la )?(sabato|domenica|sabati|domeniche|festivi|festiv\\w*)', '(anche|pure) (il|di) (sabato|domenica)',
    '^(are you )?open (on )?((the )?[0-9]+(st|nd|rd|th)?|saturday\\w*|sunday\\w*|weekend\\w*|bank holiday\\w*)', 'do you (work|open) (on )?(saturday|sunday|weekend)\\w*',
    'orari\\w* (di )?apertur\\w*', 'orari (di lavoro|dell officina|della concessionaria|del sabato)', '(che|quali) orari (fate|avete|ha|fa)', 'orari (fate|fa)', '^orari$',
    'siete aperti', 'siete apert\\w*', '(a che ora|quando|che ora) (aprite|chiudete|apre|chiude|siete aperti|si apre)', 'aprite', 'chiudete', 'orario continuato',
    'opening (hours|times)', 'business hours', 'office hours', 'what time do you (open|close)', 'when (do|are) you (open|close)', 'are you open', 'what are your hours', 'your hours', 'hours of operation', 'when do you open',
  ]],
  ['address', [
    'dove (siete|state|vi trovate|si trova la concessionaria|si trova l officina|vi trovo|devo (venire|andare|portarla|portare))', 'dov e (la concessionaria|l officina|la sede)',
    'vostro indirizzo', '(qual e|mi da|mi dai|mi date|mi puo dare) l indirizzo', 'l indirizzo (della|dell|del) (concessionaria|officina|sede)', 'come (vi )?(raggiungo|si arriva)',
    'where (exactly |abouts )?are you', 'whereabouts are you', 'where (exactly |abouts )?(is|s) (the )?(dealer\\w*|workshop|garage|showroom|body ?shop|service (centre|center|department))', 'where (is|s) your (dealer\\w*|workshop|garage|showroom|place)', 'dove (si trova|e|sta) (esattamente )?(l officina|la carrozzeria|il service|l accettazione)', 'your address', 'what (is|s) the address', 'the dealer\\w* address', 'how do i get (there|to you)', 'where (do|should) i (bring|take|drop)',
  ]],
  ['duration', [
    'quanto (tempo )?(ci vuole|ci mette|ci mettete|dura|impiegate|resta|rimane|sta) ?(da voi|in officina)?', 'quanto tempo', // "me la riportate quando è pronta" tells when, it does not ask
    '(?:^|(?<=(?:^| )(?:ma|e|allora|scusi|senta|ok|sapete|dirmi|dire|dice) ))quando (e|sara) pronta', 'quante ore', 'quanti giorni',
    'how long', 'when will (it|the car|my car) be ready', 'how many (hours|days)',
  ]],
  // "se la riporto in ritardo pago qualcosa?", "any penalty if I bring it back late?": the solution's rules, not its price (#12, seventeenth voices)
  ['lateReturn', [
    'in ritardo', '(con|di) (un|una|qualche|[0-9]+) (giorno|giorni|ora|ore) di ritardo', 'penal[ei]', 'multa', 'multe', 'contravvenzion\\w*',
    'late', 'late fee', 'penalt(y|ies)', '(speeding|parking|traffic) (fines?|tickets?)', '(gets?|get|got|any) (a )?fines?', 'fined',
  ]],
  ['price', [
    'quanto (costa|costano|costera|costerebbe|costerebbero|viene|vengono|verrebbe|verra|pago|pagherei|paghero|spendo|spenderei|si paga|si spende)',
    'quanto (mi|ci) (costa|costano|costera|costerebbe|viene|verrebbe|verra)', 'quanto (devo|dovrei) pagare', 'qnt\\w* (costa|viene)',
    'prezz\\w*', 'costo', 'costi', '(c e )?da pagare', 'si deve pagare', 'have to pay', 'tariff\\w*', 'e gratis', 'sono gratis', 'gratis', 'gratuit\\w*', 'a pagamento', 'si paga', '(lo|la|li) (pago|pago io)', '(e|sono) (compreso|compresa|compresi|incluso|inclusa|inclusi)',
    'how much', 'what (does|would|will|d) ~ cost', 'cost', 'costs', 'price\\w*', 'pricing', '(do you|you) charge', '(a|an|extra) charge', 'fee', 'fees', 'rates',
    'is (it|that|this) free', 'are (they|those|these) free', 'do (i|we) (have to |need to )?pay', 'is it paid', 'is (it|that) included',
    // who pays (#12, seventh fresh dev corpus)
    'chi (la |lo |le |li )?paga', '(lo|la|li|le) pagate voi', 'pagate voi', 'who pays', '(do|will|would) you pay( for)?', 'who foots the bill',
    // a quote for the work (#12, seventeenth voices)
    'preventiv\\w*', 'a quote', 'quote (for|on)', 'an estimate', 'rough (idea|estimate)', 'ballpark',
  ]],
  ['freeOf', [
    'is (the|a|an) ~ free', 'free of charge', 'for free', 'included', '(free|cost) anything', 'pay for (the|a|it)',
  ]],
  ['meaning', [
    '(cosa|che cosa|che) (vuol dire|vuole dire|significa|intendete|intende|s intende|si intende)', 'cos e', 'cosa e', 'in cosa consiste', 'come funziona', 'di cosa si tratta',
    'what (does|do)( [a-z0-9]+){1,8} mean', 'what (exactly )?(is|s) (a|an|the|this|that|it)', 'meaning of', 'how does ~ work', 'what do you mean by', 'explain',
  ]],
  ['offered', [
    // which cars they are: "è una Maserati o un'altra marca?", "are they Maseratis?" (#12, seventeenth voices)
    '(e|sono) (una|un|delle|dei) maserati (o|oppure)', 'maserati o (una|un|altr\\w*)', 'maseratis', 'what (kind|sort|type|make) of (car|cars|vehicle|vehicles)', 'che (tipo di |marca di )?(macchina|macchine|auto|vettur\\w*) (e|sono|date|avete|mi date)',
    'c e', 'ce', 'ci sono', 'avete', 'offrite', 'fate (il|la|l|anche)', 'e disponibile', 'e (previsto|prevista)',
    'do you (have|offer|provide|do)', 'is there', 'are there', 'is (a|the) ~ available', 'can you offer',
    // what the customer may choose from: "what options do I have for getting around?", "che alternative ho per spostarmi?"
    '(what|which) (options|choices|alternatives) (do i have|have i got|are there|do you have|have i)', '(che|quali) (opzioni|alternative|soluzioni) (ho|avete|ci sono)',
  ]],
  // "e il taxi?", "what about the rental?": the same question about another solution, most often its price
  ['followUp', ['^(e|ed) (il|la|l|lo|i|le|per|invece|se|un|una)', '^invece', '^(and|what about|how about)']],
  // a solution's own car: abroad, insured, automatic, winter tyres; counted with a solution named (#12, seventeenth voices)
  ['ofTheCar', [
    'all estero', 'fuori (italia|dall italia|regione)', '(posso|si puo|possiamo) (andare|andarci|portarla|portarlo|uscire) (in|all|fuori|a) ', '(svizzera|francia|austria|germania|slovenia|san marino)',
    'abroad', '(take|drive) (it|them|the [a-z]+( car)?) (to|into|across|over|out of)', 'out of (the )?(country|italy)', '(switzerland|france|austria|germany|slovenia)',
    'assicurat\\w*', 'kasko', 'insured', 'insurance', 'cover(ed)?',
    'automatic\\w*', 'cambio (automatico|manuale)', 'manual', 'gomme (invernali|da neve|termiche)', 'pneumatici invernali', 'catene', 'winter tyres', 'snow (chains|tyres)',
  ]],
  // "condizioni", not "aria condizionata" / "condizionatore"
  ['conditions', [
    'condizion[ei]', 'regole', 'terms', 'conditions', 'rules',
    // who may drive, whether it is allowed (#12, eighth fresh dev corpus)
    '(can|may|could) (my|his|her|our|another|someone|somebody|anyone|anybody)( [a-z0-9]+){0,3} (also )?drive (it|them|the [a-z]+( car)?)', 'drive (it|the [a-z]+( car)?) (too|as well)', 'is (that|it|this) allowed', 'are (we|they) allowed',
    '(puo|possono|potrebbe|potrebbero) guidar\\w*', 'guid[ai] anche', 'e (consentito|permesso) (che|guidare)', '(e|sono) (ammess[oi]|consentit[oi])',
    // kilometres, fuel, age, how long it is kept, how far we go (#12, tenth and eleventh fresh dev corpora)
    '(quanti|limite (di )?|massimo (di )?|max )(km|chilometri)', '(km|chilometri) (posso|si possono) fare', '(km|mileage|kilometre|kilometer|mile)s? (limit|cap|allowance)', 'how many (km|kilometres|kilometers|miles)',
    '(col|con il|a) pieno', '(full|same) tank', 'benzina (la )?(devo|metto|rimett\\w*|rifaccio)', '(rimettere|rimetto|metto io) (la )?benzina', '(fuel|petrol) (policy|level)', 'fill (it|the tank) (up|back up)',
    'neopatentat\\w*', 'patente da (poco|[0-9]+ mesi)', 'new(ly qualified)? driver', 'under 25', '(eta|age) (minima|limit|minimum)', 'minimum age',
    '(fino a quando|per quanto (tempo )?) (la |lo )?(tengo|posso tenere|la posso tenere|lo posso tenere)', '(fino a quando|per quanto) la posso tenere', '(do|can|could) i keep (the|it|my)', 'keep (it|the [a-z]+( car)?) (longer|until|for longer)',
    '(how far|fino a dove) (do|will|does|would|arrivate|andate|venite)', 'arrivate fino a', 'venite fino a', 'raggio di', 'radius',
    'parking (ticket|fine) (in|with) (the|a|your)', 'speeding (ticket|fine) (in|with) (the|a|your)',
  ]],
]);

const INTERROGATIVE =
  /^(avete|c e|ci sono|e possibile|si puo|posso|potete|potrei|come|perche|dove|quando|chi|cosa|che cosa|quale|quali|quanto|quanti|sapete|mi sa dire|do|does|is|are|can|could|how|why|where|when|who|what|which|will|would)\b/;

/** A clause of the message: its text as written and whether it ends with a question mark. */
interface Clause {
  text: string;
  asked: boolean;
}

/** Cut at sentence ends, question marks, semicolons and commas; "10.30" and "MC-AB12" stay whole. */
function clausesOf(raw: string): Clause[] {
  const out: Clause[] = [];
  for (const m of raw.matchAll(/[^?!;,\n]+?(?:[?!;,\n]+|\.(?=\s|$)|$)/g)) {
    const text = m[0].trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    out.push({ text, asked: /\?/.test(text) });
  }
  return out.length ? out : [{ text: raw, asked: raw.includes('?') }];
}

/** What question a message asks, and the rest of it, which may still answer. */
export interface FoundQuestion {
  question: Omit<Question, 'alone'>;
  /** The clauses that do not ask, as written; empty when the whole message asks. */
  rest: string;
}

/**
 * The question a message asks, if any.
 * @param raw the message as written (punctuation matters)
 * @param prepare the recognizer's own normalisation (lowercase, abbreviations, typos)
 * @example findQuestion('il taxi è gratis? ok allora taxi', prepare) // price of the taxi, rest "ok allora taxi"
 */
export function findQuestion(raw: string, prepare: (text: string) => string): FoundQuestion | undefined {
  const whole = prepare(raw);
  // "quanto costa una Grecale nuova?" is not our business; "quanto costa un tagliando?" is
  if (!whole || SALES.test(whole) || (CUES.has('outOfDomain', whole) && !findService(whole) && solutionsIn(whole).length === 0)) return undefined;
  const clauses = clausesOf(raw).map((c) => ({ ...c, norm: prepare(c.text) }));
  const asking: typeof clauses = [];
  const rest: string[] = [];
  const topics: QuestionTopic[] = [];
  for (const c of clauses) {
    const found = topicsOf(c.norm, c.asked);
    for (const t of found) if (!topics.includes(t)) topics.push(t);
    if (found.length || c.asked) asking.push(c);
    else rest.push(c.text);
  }
  if (topics.length === 0) return looksLikeQuestion(raw, whole) ? { question: { topic: 'other' }, rest: '' } : undefined;

  // what is asked about: named in the question, or, when it names nothing, beside it ("taxi, quanto costa?")
  const asked = asking.map((c) => c.norm).join(' ');
  const namesSubject = solutionsIn(asked).length > 0 || findService(asked) !== undefined;
  const about = namesSubject ? asked : whole;
  const solutions = solutionsIn(about);
  const service = findService(about)?.label;
  // what a solution is comes before what it costs; "is there a km limit on the loan car?" asks the limit, not whether there is a car
  const rank = (t: QuestionTopic) => (t === 'meaning' ? -1 : t === 'offered' ? 1 : 0);
  topics.sort((a, b) => rank(a) - rank(b));
  const [topic, ...also] = topics.map((t) => (t === 'price' && service && solutions.length === 0 ? 'workCost' : t));
  return {
    question: { topic, ...(also.length ? { also } : {}), ...(solutions.length ? { solutions } : {}), ...(service ? { service } : {}) },
    // the clauses keep their own punctuation: "via Giardini 200, Modena" stays one address
    rest: rest.join(' ').replace(/[,;\s]+$/, ''),
  };
}

/** A wish said politely: a request, not a question. */
const ASKED_FOR = /(?<![a-z])(please|pls|plz|per favore|per piacere|grazie|thanks|thx|ta)$/;

/** The topics a clause asks about ("what is it and is it free?": what it means, and its price). */
function topicsOf(norm: string, asked: boolean): QuestionTopic[] {
  const found = QUESTION_CUES.all(norm).map((m) => topicOf(m.label, norm, asked)).filter((t): t is QuestionTopic => t !== undefined);
  return [...new Set(found)];
}

/** Whether a cue found in a clause asks about its topic: cues that need a solution named count only with one. */
function topicOf(cue: Cue, norm: string, asked: boolean): QuestionTopic | undefined {
  const solutions = solutionsIn(norm);
  if (cue === 'freeOf') return solutions.length ? 'price' : undefined;
  // "porto il libretto?" asks; "vi porto anche il libretto" tells
  if (cue === 'bringAsked') return asked ? 'documents' : undefined;
  if (cue === 'lateReturn' || cue === 'ofTheCar') return solutions.length && asked ? 'conditions' : undefined;
  // "and a car please" asks for the car, not what it costs
  if (cue === 'followUp') return solutions.length && norm.split(' ').length <= 6 && !ASKED_FOR.test(norm) ? 'price' : undefined;
  // "avete posto giovedì?" asks for a slot, "c'è la navetta?" about a solution
  // "se c'è", "if available" is a wish with a condition, not a question
  if (cue === 'offered') return (solutions.length || GETTING_AROUND.test(norm)) && !CALENDAR.test(norm) && !CONDITIONAL.test(norm) ? 'offered' : undefined;
  // "cosa significa?" without a solution is a request for help
  // (or a service: "cosa si intende per revisione?")
  if (cue === 'meaning') return solutions.length || findService(norm) ? 'meaning' : undefined;
  return cue;
}

/** Buying a car is the showroom's business, not the workshop's: "the price list for new cars". */
const SALES = /\b(new|used|second hand) (car|cars|vehicle|vehicles|model|models|maserati)\b|\b(auto|macchin\w*|vettur\w*|modell\w*) (nuov\w*|usat\w*)\b/;
/** Getting around said in general: "what options for getting around?", "come mi sposto?" (#12). */
const GETTING_AROUND = /\b(getting around|get around|spostarmi|muovermi|mi sposto|while (my|the) car is (in|with you|in the workshop)|mentre (la macchina|l auto) e (da voi|in officina))\b/;
const CONDITIONAL = /\b(se|if) (c e|ce|ci sono|avete|possibile|disponibil\w*|there s|there is|there are|you have|available|possible)\b/;
const CALENDAR = /\b(lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|domani|dopodomani|settimana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|week)\b/;

/** The solutions named, in the order they are named. */
function solutionsIn(norm: string): MobilityWish[] {
  const found = MOBILITY.all(norm).filter((m) => m.label !== 'none').sort((a, b) => a.index - b.index);
  const named = [...new Set(found.map((m) => m.label))];
  // "the Maserati courtesy car" also says "courtesy car": the specific one is meant
  return named.some((s) => (REPLACEMENT_VEHICLES as readonly string[]).includes(s)) ? named.filter((s) => s !== 'replacement') : named;
}

/** A question with no topic we know: a question mark or an interrogative opening, and a few words. */
function looksLikeQuestion(raw: string, norm: string): boolean {
  return norm.split(' ').length >= 3 && (raw.trim().endsWith('?') || INTERROGATIVE.test(norm));
}

