/**
 * From cues and entities to one intent with an honest score. Handing over comes first (urgent,
 * human), then conversation control, then what the message is about; out of domain scores low.
 * @module
 */
import type { Awaiting } from '../../../dialogs/model';
import type { Entities, Intent } from '../recognizer';
import type { Concern } from '../../../dialogs/understanding';
import { CORRECTION, CUES } from './intents';
import { VAGUE_WHEN } from './loose-date';
import { SLOTS_REFUSED } from './rejected-offer';
import { ASKS_IF_MACHINE, asksForCallBack, asksForPerson, PRAISE, ROADSIDE_ASKED, urgentConcern } from './person-needed';

/** What the decision looks at. */
export interface DecideInput {
  /** Normalised, corrected text. */
  text: string;
  words: string[];
  entities: Entities;
  awaiting?: Awaiting;
}

const SLOT_KEYS: (keyof Entities)[] = ['service', 'plate', 'vin', 'badVehicleId', 'model', 'name', 'mobility', 'legs', 'date', 'choice', 'postcode', 'change', 'address'];
const WEAK_CORRECTION = /^(no|nope|non|anzi)\b.*\b(meglio|preferisco|preferirei|piuttosto|rather|better|prefer|invece|instead)\b/;
const STARTS_NO = /^(no|nope|nah)\b/;
/** How to be reached, said as a wish: "scrivetemi qui", "text me here, I can't take calls", "non telefonatemi, rispondo solo ai messaggi". */
const CONTACT_WISH = /(?<![a-z])((scrivetemi|scrivete|scrivimi|message me|text me|write to me|messaggiatemi)( pure)? (qui|here|on here|in chat|su whatsapp|on whatsapp)|(rispondo|reply|answer|can only (reply|answer))( solo| only)?( to)?( ai| the)? messag\w*|(can t|cannot|can not|non posso|non riesco a) (take|answer|rispondere)( [a-z]+){0,2} (calls|al telefono|telefonate|the phone)|(please )?(do not|don t) (phone|call|ring)( me)?( please)?(?= [a-z])|(no|niente) (calls|phone calls|telefonate|chiamate)( please| per favore| grazie| thanks)?|(messages|texts) only|solo messaggi|preferisco scrivere|al telefono non (sento|riesco)|(keep|do|have|put) (it|everything|things)( all)? in writing|preferisco (tutto )?per iscritto|non (telefonatemi|chiamatemi|mi telefonate|mi chiamate)(?! (se|solo se|voi)))(?![a-z])/;
/** A scare that came to nothing: "turns out it was just the floor mat", "falso allarme". */
const RESOLVED = /(?<![a-z])((turns|turned) out (it was|it s|its) (just|only)|false alarm|falso allarme|(era|e) solo (il|la|un|una|lo)|mi sono spaventat[oa] per niente|ho (gia )?risolto (da solo|da sola)|sorted it (myself|out myself))(?![a-z])/;
/** A question about what we do, asked as such: "do you work on older models?", "è normale che…?", "what happens if…?". */
/** The customer will do the calling: "I'll call you next week", "vi richiamo io". */
const I_CALL_YOU = /(?<![a-z])((i ll|i will|i d rather|let me) (call|ring|phone) (you|them|back)|(i ll|i will|let me) give (you|them) a (call|ring|bell)|vi (chiamo|richiamo|telefono)|(chiamo|richiamo|telefono) io)(?![a-z])/;
/** Cancel said in so many words (not "lascia stare", which may only leave the chat). */
const SAYS_CANCEL = /(?<![a-z])(cancel\w*|annull\w*|disdi\w*|scrap|call (it|the whole thing) off)(?![a-z])/;
/** A question only asked, nothing happening: "just asking", "per curiosità", "if it ever…". */
const JUST_ASKING = /(?<![a-z])(just asking|just curious|out of curiosity|per curiosita|chiedo per (curiosita|sapere)|se dovess[ei]|(if|when) (it|the car|my car) (breaks|broke) down|se (si guasta|si rompe|si ferma))(?![a-z])/;
const ASKS_ABOUT = /^((qual e|what s|what is|whats) (il |the )?(vostro |your )?([a-z]+ ){0,2}(numero|number|phone number)|(is|e) (the |il |your |vostro )?([a-z]+ ){0,2}(numero|number|landline|line)|(il )?numero (fisso|di telefono)|(if|se) (i|devo|dovessi)( [a-z]+){0,8} (is there|c e) (a |un )?(direct|numero)|hypothetically|ipoteticamente|in theory|in teoria|do you|does|is it normal|is that normal|is there|are there|what happens|what do i (need|bring)|what should i bring|should i (worry|be worried)|e normale|devo preoccuparmi|cosa (devo|serve|succede)|che cosa (devo|serve|succede)|fate anche|lavorate (anche )?su|se dovessi|what (do|should) i do if|who do i (call|ring|phone)|chi (devo )?chiam\w*)(?![a-z])/;
/** "No need to call me" at the summary says nothing about the booking: the yes or no is in the rest. */
const NO_CALL_NEEDED = /(?<![a-z])(no need to (call|ring|phone) me|(non serve|non c e bisogno) che mi (ri)?(chiamiate|telefoniate|chiamate))(?![a-z])/g;
/** Not our business, though a way of getting around is named: "any good restaurant near you while I wait?", "noleggiate Maserati con autista per i matrimoni?". */
const NOT_OURS_ASKED = /(?<![a-z])(?:(noleggi\w*|rent\w*|hire|affitt\w*)(?: [a-z0-9]+){0,3} (maserati|con autista|chauffeur|with a driver|a driver)(?: [a-z0-9]+){0,6} (matrimoni\w*|wedding|cerimoni\w*|sposi|esperienza regalo|gift|driving experience|photo ?shoot|servizio fotografico)|(recommend|consigliate|consigli|consigliami|any good|know a good|know any|suggest)(?: [a-z]+){0,3} (restaurants?|ristorant\w*|pizzeri\w*|bar|cafe|caffe|hotel|trattori\w*|place to eat|pub))(?![a-z])/;
/** At the summary, agreed but for one thing: "sì ma alle 10 e mezza", "tutto giusto tranne il mezzo", "swap the train for a taxi", "the plate's wrong". */
const BUT_FOR = /^(si|yes|ok|okay|va bene|(quasi )?tutto (ok|giusto|bene|perfetto)|all (good|fine|correct)|fine|perfetto|looks (good|fine|right|ok)|sounds (good|fine)|(almost|nearly) (all )?(right|correct|good))( [a-z]+)?,? (ma|pero|but|tranne|except|apart from)\b|\b(tranne|except|apart from) (il|la|l|lo|the) [a-z]+|\b(swap|switch|change) (the |my )?[a-z]+ (for|to) (a |an |the )?[a-z]+|\b(plate|date|day|time|name|car|model|service|address|postcode|targa|data|orario|nome|servizio|lavoro|indirizzo|cap)( is| s|s| e) (wrong|sbagliat[oa]|not right|not correct|non (e )?giust[oa])\b|\b(typed|wrote|put|gave you|spelt|spelled) (the |my )?[a-z]+ (wrong|wrongly|incorrectly)\b|\bho (scritto|messo|dato) (male|sbagliat[oa])\b/;
/** "mercoledì, non martedì", "Matthew not Mark", "sorry not thursday, friday": what was said is taken back. */
const NOT_THAT = new RegExp(
  '^(sorry|scusa|scusate|scusi) (non|not)\\b|\\b(non|not) (il |la |i |le |l |the )?(lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[0-9]+|mattina|pomeriggio|morning|afternoon|january|february|march|april|may|june|july|august|september|october|november|december|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|freni|gomme|tagliando|brakes|tyres|levante|ghibli|grecale|quattroporte|granturismo|grancabrio|mc20|folgore|revisione|service|mot|half [0-9]+|[0-9]+(st|nd|rd|th)|(a|an|un|una) (tagliando|service|revisione|mot))\\b|' +
    // "the car isn't the Levante, it's…", "non è la Ghibli, è la Grecale" (#12, twelfth voices)
    '\\b(isn t|is not|non e) (il |la |lo |l |the |a |an |un |una )?(levante|ghibli|grecale|quattroporte|granturismo|grancabrio|mc20|tagliando|service|revisione)\\b|' +
    '(mi chiamo|name s|name is) [a-z]+ (non|not) [a-z]+',
);
/** A way of getting around taken back after it was chosen: "not pick-up, …", "no scusate non il ritiro" (at the mobility question it is the choice itself). */
const NOT_THAT_SOLUTION = /(?<![a-z])(non|not) (il |la |the |a )?(taxi|bus|treno|train|navetta|shuttle|noleggio|rental|ritiro|pickup|pick up|riconsegna|delivery)(?![a-z])/;
/**
 * Something said before taken back (#12, tenth and eleventh writers): "prima ti ho detto Levante",
 * "la targa che ti ho dato era sbagliata", "spelled with an e", "the summary says taxi", "I typed
 * Levante but…", "the plate I gave you is my husband's".
 */
const TAKEN_BACK = new RegExp(
  '(?<![a-z])(prima (ti |vi |le )?(ho|avevo) (detto|scritto|dato|messo)|(che|quella|quello|quanto) (ti|vi|le) (ho|avevo) (dato|detto|scritto)|di prima (era|e) (sbagliat[a-z]*|di mi[oa] [a-z]+)|quell[ao] di prima|' +
    '(targa|nome|cognome|data|indirizzo|orario|modello|cap) (giust[ao]|corrett[ao]) (e|era)|(nome|cognome) e [a-z]+ con (due|una|la|il|doppia) [a-z]{1,5}|nel riepilogo|avete (scritto|messo|segnato)|' +
    '(non e|isn t|is not|it s not) (il|la|lo|l|the|a|un|una) [a-z]+( [a-z]+)? (ma|but)|spel(led|t) [a-z]+|spel(led|t) with|with an? [a-z]{1,2},? (not|non)|the summary (says|has|shows|said)|' +
    'i (typed|wrote|put) [a-z]+ but|autocorrect|i said [a-z0-9]+( [a-z0-9]+)? (earlier|before)|(earlier|before) i said|(the|that) [a-z]+ i gave you( before| earlier| first)? (is|was)|the (right|correct) one is|quell[ao] giust[ao] e|gave you the wrong|wrong (address|postcode|name|surname|number|plate|car|day|date|time|one) (earlier|before)|' +
    'i (typed|wrote|put|gave you|spelt|spelled) (the |my )?[a-z]+ (wrong|wrongly|incorrectly)|(e|sono|is|are|s|was|been) (scritt[oaie]|spelt|spelled|written) (male|sbagliat[oaie]|wrong|wrongly|incorrectly)|misspel(t|led)|ho (scritto|messo|dato|sbagliato) (male|sbagliat[oa]) (il|la|l) [a-z]+|ho scritto male)(?![a-z])',
);
/** At the summary, one thing dropped beside what replaces it: "forget the taxi, my wife will drop me off", "togli la macchina di cortesia, mi accompagna mio fratello" (#12). */
const DROPS_ONE = /^(forget|scratch|drop|skip|ditch|lose|no more|togli|togliete|toglimi|levate|leva|lascia perdere|lasciamo perdere|niente piu|elimina|eliminate|via) (about )?(il|la|lo|l|i|le|the|that|my)? ?[a-z]+/;
/** Taking the car elsewhere: "forget it, I'll take it to the garage round the corner", "la porto dal meccanico sotto casa" (#12). */
const ELSEWHERE = /(?<![a-z])((take|taking|bring|brought) it (to |somewhere )?(else|elsewhere|another|a different|the garage|my (usual|local|own|regular))|(another|a different|my (usual|local|own|regular)) (garage|mechanic|workshop|dealer\w*)|(garage|mechanic|workshop) (round|around|near|down) the (corner|road|street)|(la|lo) porto (da|dal|in|all|al) ?(un altro|un altra|altro|altra|mio|un)? ?(meccanico|officina|garage|carrozzeria|concessionari[ao])|(meccanico|officina|gommista) (sotto casa|di fiducia|vicino a casa|qui vicino)|(un altro|un altra|altro|altra) (meccanico|officina|concessionari[ao]|garage))(?![a-z])/;
const GIVES_UP = /^(forget it|forget about it|never ?mind|you know what|lascia(te)? (stare|perdere)|lasciamo (stare|perdere)|fa niente|no thanks|no grazie|ok ciao|vabbe|va beh|nah)(?![a-z])/;
const PREFERENCE = /(?<![a-z])(meglio|preferisco|preferirei|better|rather|i d prefer|prefer)(?![a-z])/g;
/** "definitely not", "that isn't correct": the no outweighs the yes word it carries. */
const ENDS_NEGATIVE = /\b(no|not)$|\b(isn t|is not|not|non e) (correct|right|giusto|corretto)\b/;
const SOFT_NO = /^(no )?(dai )?(lascia|lasciamo|lasci) (stare|perdere)( per (ora|adesso|il momento))?$|^(no )?(let s )?(leave it|never ?mind)( for (now|the moment|today))?$/;

/** About owning or trading the car, whatever else is named ("mi ritirate la quattroporte in permuta?"). */
const OWNING = /(?<![a-z])(permuta|part ex\w*|trade ?in|bollo|superbollo|passaggio di proprieta|change of ownership|lungo termine|long term (rental|lease|hire))(?![a-z])/;
const VALUATION = /(?<![a-z])valutazion\w*(?![a-z])/;
const NEGATED = /^(no|non|nn|nope|nah|don t|do not|not)\b/;
/** Vehicles the workshop does not service: a repair question about them is out of domain ("mettere in moto" is starting the car). */
const NOT_OUR_VEHICLE = /\b((?<!in )moto|motorbikes?|motorcycles?|scooter|ducati|bici|bicicletta|bikes?|camper|trattore)\b/;

/** Talk about the name asked for, without giving it: "same name as last time", "whose name it's under". */
const NAME_TALK = /(?<![a-z])(nome|name|cognome|surname|intestat\w*)(?![a-z])/;
/** The choice left to us: "decidete voi", "up to you", "as long as I get to work". */
const UP_TO_YOU = /(?<![a-z])(fate voi|decidete voi|decidi tu|scegliete voi|fate come volete|basta che (arrivo|arrivi|arrivare)|l importante e che|up to you|you decide|you choose|as long as i (get|can get|make it)|whatever works|whatever s easiest)(?![a-z])/;
/** Where one comes from: "i'm Italian", "half italian half welsh" asks for no language. */
const NATIONALITY = /(?<![a-z])(i m|i am|im|sono|siamo|we re|we are|half|mezz[oa]|mia moglie e|my wife s|my husband s)( an?)? (italian[oa]?|english|inglese|british)(?! (please|per favore|pls|grazie|thanks))/g;

/** At the summary, a no for now: "not yet", "per ora non prenotare", "aspetta a prenotare, devo sentire il capo" (#12, seventeenth writers). */
/** "aspetta, cosa devo portare?": a wait that asks something is the question (#12). */
const ASKS_THEN = /(?<![a-z])(cosa|che cosa|quanto|quanti|quanta|come|dove|perche|what|how|where|why|which|is there|are there|do i|does it|will (it|i|you|the))(?![a-z])/;
/** Nothing to add to the note: "niente, grazie", "nothing thanks". */
export const NOTHING_TO_ADD = /^(no|nope|niente|nulla|nothing|none|nessuna( nota)?|no note|non serve|not needed|niente da aggiungere|nothing to add|nothing else|nient altro|tutto ok|all good)( grazie| thanks| thank you| thx| ciao| tutto ok)?$/;
const HOLD_ON = /^(aspett[a-z]*|wait|hold on|hang on|un attimo|un momento|one sec|one second|just a sec|prima di confermare|before i confirm)(?![a-z])/;
const NOT_YET = /(?<![a-z])(not yet|(don t|do not|dont) book (it |anything )?yet|per ora|per adesso|per il momento|non ancora|ancora no|hold (on|off)|aspett[a-z]*( a prenotare)?|wait|un attimo|un momento|give me a (minute|sec|second|moment|bit)|devo (sentire|chiedere|parlarne|pensarci)|(need|have) to (check|ask|think)|let me (check|ask|think))(?![a-z])/;
/**
 * The slots turned down with a reason, no other day named (#12, seventeenth writers): "purtroppo
 * no, a quell'ora lavoro", "nah, those are all during work hours", "in quei giorni sono via".
 */
const SLOTS_NO = /^(not (those|these|them)|non (quelli|questi|quelle|queste)|no(?! (problem|problema|problemo|worries|prob|probs)\b)|nope|nah|purtroppo no|sadly no|sorry no|unfortunately not|unfortunately no|mmm+ no|mm+ no|eh no|ehm no|hmm+ no|uhm no|ma no|niente da fare|no way|neither|none)\b/;
/** The slots pointed at: with a leading no, a refusal of them ("mmm no, quegli orari"); alone, nothing ("sì, quegli orari vanno bene"). */
const SLOTS_NAMED = /(?<![a-z])((a )?quell[ae]? or[ae]|quegli orari|quei giorni|quelle date|those (times|days|hours|dates|slots)|(all|any) of (those|them|these)|at those times)(?![a-z])/;
/** A reason the slots do not suit, a refusal by itself: "a quell'ora lavoro", "I'm on shift then", "non riesco". */
const CANNOT_THEN = /(?<![a-z])((i m|i am|we re|we are) (at work|working|away|busy|on shift|out)|during (work|working|office) hours|work (hours|then)|on shift|lavoro|sono (in ufficio|fuori|via|al lavoro|impegnat[oa]|in viaggio)|non (posso|riesco|ce la faccio))(?![a-z])/;

/** Something said before taken back: "no aspetta, avevo detto martedì", "no scratch that" (a correction, not a no to the slots). */
const TAKES_IT_BACK = /(?<![a-z])(aspetta|wait|scratch that|avevo detto|volevo dire|i meant|intendevo|i said)(?![a-z])/;
/** A message that opens with a yes: "yes, …", "confermo …", "sì, …". */
const STARTS_YES = /^(yes|yeah|yep|si|ok|okay|confermo|confermato|confirmed|confirm|perfetto|perfect|va bene|tutto giusto|all good|correct|giusto|esatto)(?![a-z])/;
/**
 * At the slot question a plain no turns the slots down, with another wish beside it or not ("no purtroppo, avreste
 * giovedì?", "nope, anything later in the day?", "no, troppo presto, meglio giovedì"); not a taken-back word ("no
 * aspetta, avevo detto martedì"), a pick, a yes ("no, va benissimo giovedì"), the work, a way of getting around, the car
 * or a person.
 */
function slotsTurnedDown(text: string, entities: Entities, cues: Set<string>): boolean {
  return SLOTS_NO.test(text) && !TAKES_IT_BACK.test(text) && entities.choice === undefined && !entities.service && !entities.mobility &&
    !entities.plate && !entities.vin && !entities.name && !cues.has('human') && !cues.has('affirm');
}
/** The options asked for: "what are my options?", "che opzioni ci sono?". */
const OPTIONS_ASKED = /(?<![a-z])(what are (my|the|our) options|what options (do i have|are there|have i got)|(che|quali) (opzioni|alternative|possibilita|soluzioni) (ci sono|avete|ho|mi date|mi offrite))(?![a-z])/;
/** The car's fresh start with its services ("ripartire da zero con i tagliandi", "to start from scratch"), beside the work wanted. */
const FRESH_START = /(?<![a-z])((per |e |to |and )?(ripartire|ricominciare|ripartiamo|ricominciamo|start(ing)?|begin(ning)?) (da zero|da capo|from scratch|from zero|fresh|afresh))(?![a-z])/;
/** Put off at the summary: "no grazie, ci penso su", "I'll think about it over the weekend" (a no, not a new day). */
const THINK_IT_OVER = /(?<![a-z])(ci (devo )?(penso|pensero|rifletto|ripenso)( su| sopra| un attimo| un po| bene)|ci penso e vi (faccio sapere|scrivo|richiamo)|devo pensarci|ci devo pensare|let me think( about it| it over)?|i ll think (about )?it( over)?|(think|thinking) it over|sleep on it|need to think (about )?it)(?![a-z])/;
const THANKS_AT_END = /(?<![a-z])(grazie|grazie mille|thanks|thank you|thx|cheers|ty)$/;
const THANKS_FIRST = /^(grazie|thanks|thank you|many thanks|molte grazie|mille grazie|thx|cheers)(?![a-z])/;
/** The intent of a message and how sure we are (never 1.0; out of domain ≤ 0.35). */
/** "quasi", "almost", "tutto giusto tranne": a yes with a change in it. */
const ALMOST = /(?<![a-z])(quasi|almost|nearly|not quite|tranne|except|apart from|a parte)(?![a-z])/;
/**
 * A change said as one, not only a fact: a contrast or a correction word ("non GD280LK", "wrong", "instead"), or an
 * order to write it ("mettete le 11", "put it under…"). A fact alone at a yes/no question may be a new request
 * ("I also need new tyres on the Ghibli FX456AB" after a booking, at the reminder question).
 */
const CHANGE_SAID = /(?<![a-z])(quasi|almost|nearly|not quite|tranne|except|non|not|invece|instead|rather|wrong|sbagliat[oa]|errat[oa]|no)(?![a-z])|^(put|metti|mettete|mettila|segna|segnate|scrivi|scrivete|change|cambia|cambiate|make it|fate)(?![a-z])/;
/** The facts of a booking a customer changes at the summary by naming them (not a way of getting around or the work: those are also asked about). */
const FACT_KEYS = ['plate', 'vin', 'name', 'date', 'postcode'] as const;

export function decideIntent({ text, words, entities, awaiting }: DecideInput): { intent: Intent; score: number; concern?: Concern } {
  const hasSlot = SLOT_KEYS.some((k) => entities[k] !== undefined);
  const short = words.length <= 4;
  const cues = new Set(CUES.all(text).map((m) => m.label));
  const domain = entities.service !== undefined || entities.mobility !== undefined;
  const strong = domain || ['plate', 'vin', 'name', 'choice', 'badVehicleId', 'postcode', 'legs'].some((k) => entities[k as keyof Entities] !== undefined);

  const urgent = urgentConcern(text, entities);
  // an insurance or legal question with a person asked for: a person, for that matter
  if (urgent === 'legal' && CUES.has('human', text)) return { intent: 'human', score: 0.88, concern: urgent };
  if (urgent) return { intent: 'urgent', score: 0.9, concern: urgent };
  if (!hasSlot && CONTACT_WISH.test(text)) return { intent: 'inform', score: 0.6 };
  if (RESOLVED.test(text) && !entities.date) return { intent: 'inform', score: 0.6 };
  // "cancel this, I'll call you next week instead": the customer will call, nobody is asked for
  if (cues.has('cancel') && !entities.mobility && I_CALL_YOU.test(text) && SAYS_CANCEL.test(text)) return { intent: 'cancel', score: 0.85 };
  // "sei un bot?" with nothing else to book: a person, told what the bot is
  if (!hasSlot && ASKS_IF_MACHINE.test(text)) return { intent: 'human', score: 0.85, concern: 'machine' };
  if (asksForPerson(text, entities, awaiting === 'name')) {
    return { intent: 'human', score: 0.88, ...(asksForCallBack(text) ? { concern: 'callback' as const } : {}) };
  }
  // "una Ghibli usata, vorrei un tagliando per ripartire da zero": a fresh start for the car is the work wanted, not the chat's
  if (cues.has('restart') && !(entities.service && FRESH_START.test(text) && !CUES.has('restart', text.replace(FRESH_START, ' ')))) return { intent: 'restart', score: 0.85 };
  // "niente, grazie" to "anything to add?": a no
  if (awaiting === 'text' && NOTHING_TO_ADD.test(text)) return { intent: 'deny', score: 0.8 };
  // "aspetta, cosa devo portare?" at the summary: the question, not a no
  if (awaiting === 'confirm' && !hasSlot && HOLD_ON.test(text) && ASKS_THEN.test(text)) return { intent: 'inform', score: 0.6 };
  if (NOT_OURS_ASKED.test(text)) return { intent: 'outOfDomain', score: 0.3 };
  // "do you do roadside recovery at weekends?": a question about us we cannot answer, not out of our business
  if (!hasSlot && ROADSIDE_ASKED.test(text)) return { intent: 'inform', score: 0.6 };
  // at a yes/no question, "lascia stare" / "leave it" is a no; elsewhere it calls the booking off
  if (cues.has('cancel') && awaiting === 'confirm' && SOFT_NO.test(text)) return { intent: 'deny', score: 0.85 };
  // "no grazie, per ora non prenotare", "don't book it yet": not now, the request stays
  if (awaiting === 'confirm' && !hasSlot && NOT_YET.test(text) && !SAYS_CANCEL.test(text) && !ASKS_THEN.test(text) && (cues.has('cancel') || cues.has('deny') || !cues.has('affirm'))) {
    if (cues.has('cancel') || cues.has('deny') || /^(not yet|non ancora|ancora no|per ora no|aspett|hold|wait)/.test(text) || /(?<![a-z])(book|prenot[a-z]*)(?![a-z])/.test(text)) return { intent: 'deny', score: 0.85 };
  }
  if (cues.has('cancel') && !entities.mobility) return { intent: 'cancel', score: 0.85 };
  // "forget it, I'll take it to the garage round the corner": the request dropped, whatever way of getting around it names
  if (awaiting && GIVES_UP.test(text) && ELSEWHERE.test(text) && !entities.date && entities.choice === undefined) return { intent: 'cancel', score: 0.8 };
  if (cues.has('switchLanguage') && entities.language && (words.length <= 8 || !hasSlot) && CUES.has('switchLanguage', text.replace(NATIONALITY, ' '))) return { intent: 'switchLanguage', score: 0.9 };
  // answering a question, "meglio di mattina" is the answer; at the summary it changes something
  // in a first message there is nothing yet to correct: "io preferisco giovedì" is a wish
  const answering = awaiting !== 'confirm' && awaiting !== 'text';
  const corrects = CORRECTION.test(answering ? text.replace(PREFERENCE, ' ') : text) || NOT_THAT.test(text) || TAKEN_BACK.test(text) || (awaiting !== 'mobility' && NOT_THAT_SOLUTION.test(text));
  // "no thanks, I'll think about it over the weekend": put off, no day wished
  if (awaiting === 'confirm' && THINK_IT_OVER.test(text) && !cues.has('affirm') && !entities.date?.time && !CORRECTION.test(text)) return { intent: 'deny', score: 0.8 };
  // at the slot question a plain no turns the slots down, whatever day it prefers beside it ("no, troppo presto, meglio giovedì")
  if (awaiting === 'slot' && slotsTurnedDown(text, entities, cues)) return { intent: 'deny', score: 0.8 };
  // a first message has nothing to correct: "io invece vorrei il tagliando" contrasts, it is the wish
  if (hasSlot && awaiting && (corrects || WEAK_CORRECTION.test(text) || (awaiting === 'confirm' && (STARTS_NO.test(text) || BUT_FOR.test(text) || DROPS_ONE.test(text))))) {
    return { intent: 'correction', score: 0.85 };
  }
  // "yes, Thursday at 10, confirmed", "Confermo la prenotazione. Cordiali saluti, Rebecca Tosi": a yes that says the facts again
  // (the dialogue books it only when they are the summary's own; any other value is shown as a change)
  if (awaiting === 'confirm' && STARTS_YES.test(text) && cues.has('affirm') && !cues.has('deny') && !I_CALL_YOU.test(text) && !CHANGE_SAID.test(text) && !CORRECTION.test(text) && !entities.service && !entities.mobility && FACT_KEYS.some((k) => entities[k] !== undefined)) {
    return { intent: 'affirm', score: 0.8 };
  }
  // at the summary a new plate, name, day or time said as a change is one: "quasi: la targa è GD208LK non GD280LK" (#12)
  // ("confermo, a giovedì", "confirmed, see you on the 17th" say yes to the day shown; "I'll call you next week" names no new day)
  if (awaiting === 'confirm' && FACT_KEYS.some((k) => entities[k] !== undefined) && !cues.has('help') && (!cues.has('affirm') || ALMOST.test(text)) && !I_CALL_YOU.test(text) && CHANGE_SAID.test(text)) {
    return { intent: 'correction', score: 0.8 };
  }
  // "none of those", "nessuna va bene": the slots offered turned down, no other day named
  // (with another day in the same breath the slots are still turned down: "nessuna delle tre, avete sabato?"; the day is kept and searched)
  const onlyAWhen = SLOT_KEYS.every((k) => k === 'date' || entities[k] === undefined);
  if (awaiting === 'slot' && onlyAWhen && SLOTS_REFUSED.test(text)) return { intent: 'deny', score: 0.85 };
  if (awaiting === 'slot' && !hasSlot && (CANNOT_THEN.test(text) || (SLOTS_NO.test(text) && SLOTS_NAMED.test(text)))) return { intent: 'deny', score: 0.8 };
  // "quando volete voi", "not sure yet": an answer to the date question that names no day
  if ((awaiting === 'date' || awaiting === 'slot') && !hasSlot && VAGUE_WHEN.test(text)) return { intent: 'inform', score: 0.6 };
  // "il nome è quello della volta scorsa", "boh decidete voi": the question answered, if only to put it off
  if (awaiting === 'name' && !hasSlot && NAME_TALK.test(text)) return { intent: 'inform', score: 0.5 };
  if (awaiting === 'mobility' && !hasSlot && UP_TO_YOU.test(text)) return { intent: 'inform', score: 0.5 };
  if (NOT_OUR_VEHICLE.test(text) && !entities.plate && !entities.vin && !entities.model && !entities.mobility) return { intent: 'outOfDomain', score: 0.35 };
  // "I said the afternoon, not the morning" at the summary: something taken back, even where nothing new is read
  if (awaiting === 'confirm' && !hasSlot && (NOT_THAT.test(text) || TAKEN_BACK.test(text))) return { intent: 'correction', score: 0.7 };
  if (awaiting === 'confirm' && !hasSlot && NO_CALL_NEEDED.test(text)) {
    const rest = text.replace(NO_CALL_NEEDED, ' ');
    if (CUES.has('affirm', rest) && !CUES.has('deny', rest)) return { intent: 'affirm', score: 0.9 };
  }
  if (awaiting === 'confirm' && !hasSlot) {
    if (cues.has('deny') && (!cues.has('affirm') || NEGATED.test(text) || ENDS_NEGATIVE.test(text))) return { intent: 'deny', score: 0.92 };
    if (cues.has('affirm')) return { intent: 'affirm', score: 0.92 };
    if (cues.has('deny')) return { intent: 'deny', score: 0.85 };
  }
  // "what do I do if it breaks down on the way? just asking": a question about us, not a call for help with the chat
  if (cues.has('help') && !hasSlot && JUST_ASKING.test(text)) return { intent: 'inform', score: 0.6 };
  // "what are my options?" at the mobility question asks for the options, which the question lists: asked again, not help
  if (awaiting === 'mobility' && !hasSlot && OPTIONS_ASKED.test(text)) return { intent: 'inform', score: 0.5 };
  if (cues.has('help') && !hasSlot) return { intent: 'help', score: 0.8 };
  if (short && !hasSlot) {
    if (cues.has('thanks') && !(STARTS_NO.test(text) && cues.has('deny'))) return { intent: 'thanks', score: 0.85 };
    // in a short answer the first cue decides between yes and no ("no grazie", "sì grazie")
    if (cues.has('deny') && (!cues.has('affirm') || NEGATED.test(text) || ENDS_NEGATIVE.test(text))) return { intent: 'deny', score: 0.85 };
    if (cues.has('affirm')) return { intent: 'affirm', score: 0.85 };
  }
  // "che tempo fa domani?", "how much is a new Grecale?": a date or a model alone is not our business
  // ("una valutazione per la conversione a GPL" asks for work: a valuation is the car's only without it)
  if (cues.has('outOfDomain') && (!strong || OWNING.test(text) || (VALUATION.test(text) && !entities.service))) return { intent: 'outOfDomain', score: 0.3 };
  // praise, with nothing to book: "siete stati bravissimi, la ghibli va come nuova", "booking through this was painless"
  if (PRAISE.test(text) && !entities.plate && ((!entities.service && !entities.mobility) || !CUES.has('book', text))) return { intent: 'thanks', score: 0.8 };
  // a question about what we do, with no wish to book and nothing only a booking needs
  if (ASKS_ABOUT.test(text) && !entities.date && !entities.plate && !entities.name && !CUES.has('book', text.replace(ASKS_ABOUT, ' '))) return { intent: 'inform', score: 0.6 };
  // an answer to the question asked is information, whatever else it says
  if (awaiting && awaiting !== 'text' && hasSlot) return { intent: 'inform', score: 0.85 };
  if (domain || (cues.has('book') && !awaiting)) return { intent: awaiting ? 'inform' : 'book', score: domain ? 0.9 : 0.7 };
  if (hasSlot) return { intent: 'inform', score: 0.8 };
  // a note that ends with thanks is the note: "chiamatemi prima di fare lavori extra, grazie"
  if (cues.has('thanks') && (awaiting === 'text' || awaiting === 'address') && words.length > 4 && THANKS_AT_END.test(text) && !THANKS_FIRST.test(text)) return { intent: 'inform', score: 0.5 };
  if (cues.has('thanks')) return { intent: 'thanks', score: 0.9 };
  if (cues.has('greeting')) return { intent: 'greeting', score: 0.9 };
  if (awaiting === 'text' || awaiting === 'address') return { intent: 'inform', score: 0.5 };
  // at a question, a message we read nothing in is still the customer's answer ("anything with an engine will do"):
  // not understood, asked again, never out of our business
  if (awaiting && awaiting !== 'confirm') return { intent: 'inform', score: 0.35 };
  return { intent: 'outOfDomain', score: 0.2 };
}
