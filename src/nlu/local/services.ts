/**
 * The customer's need → a `ServiceCategory` (R1). Most specific first: "richiamo" before
 * "riparazione", "spia accesa" before "tagliando".
 * @module
 */
import type { ServiceCategory } from '../../../dialogs/model';
import { mayRefuse, refused } from './negation';
import { type PhraseMatch, PhraseSet } from './phrases';
import { TAKES_BACK } from './takes-back';

const NO_START = "(non parte|non partiva|non si avvia|non si accende|non (si )?mette in moto|fatica ad? (partire|mettersi in moto|avviarsi|accendersi)|won t start|doesn t start|wouldn t start|won t turn over|(hard|slow) to start|struggl[a-z]* to start)";
const COLD_MORNING = '(mattina|mattino|stamattina|stamani|freddo|inverno|morning\\w*|cold)';
/** A noise that, heard when slowing down, is the brakes. */
const NOISE = '(squeal\\w*|squeak\\w*|grind\\w*|noise\\w*|whistl\\w*|screech\\w*|rumor\\w*|fischi\\w*|stride\\w*|cigol\\w*)';
/** Up to four words between. */
const NEAR = '(?: [a-z]+){0,4} ';

/** Service phrases, in priority order. */
export const SERVICES = new PhraseSet<ServiceCategory>([
  ['recall', ['(?<!(?:avermi|averci|aver|per) )richiam\\w*', 'campagna ~ richiamo', 'campagna tecnica', 'recall\\w*', 'service campaign']],
  ['warranty-repair', ['in garanzia', 'sotto garanzia', 'coperto dalla garanzia', 'garanzia', 'under warranty', 'warranty( repair| claim| work)?', 'guaranty']],
  ['lpg-conversion', ['gpl', 'impianto (a )?gas', 'metano', 'lpg', 'autogas']],
  ['tuning', ['mappatura', '(performance|sports?|aftermarket|custom) exhaust', 'scarico (sportivo|maggiorato|aftermarket)', 'lowering (springs|kit)', 'assetto (ribassato|sportivo)', 'limitatore', 'speed limiter', '(piu|more) (cavalli|potenza|horsepower|bhp|power)', 'rimappatura', 'rimappa\\w*', 'centralina', 'tuning', 'remap\\w*', 'chip ?tuning', 'elaborazione', 'potenziamento', 'ecu', 'stage (1|2|one|two)']],
  ['inspection', ['revisione', 'revisionare', 'collaudo', 'mot', 'mot test', 'roadworthiness', 'inspection']],
  ['tyres', ['new rubber', '(are|is|r) bald( ish)?', 'gomm\\w*', 'pneumatic\\w*', 'penumatic\\w*', 'cambio (gomme|ruote)', 'ruote', 'invernali', 'estive', 'termiche', 'forat\\w*', 'convergenza', 'equilibratura', 'tyres?', 'tires?', 'winter tyres', '(winter|summer|snow) wheels', 'puncture', 'flat tyre', 'wheel alignment', 'alignment', `(buca|pothole)${NEAR}(cerchi\\w*|ruota|ruote|rim|rims|wheel|tyre|tire)`, '(cerchi\\w*|rim|rims) (e |is |s )?(storto|stort\\w*|piegat\\w*|bent|buckled|cracked|damaged)']],
  ['brakes', ['revisione (generale )?(dell |del |della |dei )?(impianto frenante|impianto dei freni|freni)', 'fren\\w*', 'pastigli\\w*', 'dischi', 'brakes?', 'braking', `${NOISE}${NEAR}(when (i )?(stop|stopping|slow\\w*)|quando (rallento|mi fermo))`, 'hand ?brake', 'parking brake', 'spongy', 'pedale ~ (morbido|spugnoso|lungo|va giu)', 'brake pads?', 'pads and discs', 'rotors', '(front|rear|back) pads']],
  ['glass', ['parabrezza', 'vetro', 'vetri', 'lunotto', 'finestrino', '(rear|side|back) window', 'window (shattered|smashed|broken|cracked)', 'cristallo', 'scheggiatura', 'windscreen', 'windshield', 'glass', 'chip in the', 'cracked screen', '(chipped|cracked) (screen|windscreen|windshield)', 'crepa\\w* ~ (vetro|parabrezza)']],
  ['air-conditioning', ['aria condizionata', 'condizionatore', 'clima\\w*', 'ricarica ~ gas', 'air ?con\\w*', 'a c', 'aircon', 'climate control', 'sanificazione', 'regas', 'the ac', 'ac (recharge|not|doesn|isn|is|blows|blowing|regas|warm|hot)',
    // warm air where it should be cold
    '(aria|air) ~ (calda|tiepida|warm|hot)', 'heater', 'heating', 'riscaldamento', 'igienizzazione (del |dell )?(clima\\w*|impianto|aria condizionata)', '(blows|blowing|butta|esce) (solo |only )?(aria )?(cold|fredda)( air)?', '(non|nn) (raffredda|rinfresca|fa (piu )?fresco|fa (piu )?freddo)', '(blowing|blows) (warm|hot)']],
  ['battery', ['batteri\\w*', 'battery', 'batt', 'clicks but',
    // a car that will not start on cold mornings has a tired battery
    `${NO_START}${NEAR}${COLD_MORNING}`, `${COLD_MORNING}${NEAR}${NO_START}`]],
  ['detailing', ['lavaggio', 'lavare', 'lucidatur\\w*', 'lucidata', 'lucidato', 'lucidare', 'pulizia ~ interni', 'igienizzazione', 'detailing', 'detailed', 'deep clean\\w*', 'pulizia (completa|profonda|degli interni|interni)', 'valet\\w*', 'car wash', 'wash', '(?<!(?:i m|i am|im|she s|he s|we re|we are|sono|here) )polish\\w*(?! (living|working|from|guy|girl|man|woman|lady|driver|national))', 'ceramic coating', '(full|complete|interior|exterior|proper) detail', 'ceramic( coat\\w*)?', 'leather (clean\\w*|condition\\w*|treatment)']],
  ['bodywork', ['carrozzeri\\w*', 'ammaccatur\\w*', 'bozz\\w*', 'botta', 'urtat\\w*', '(preso|urtato|toccato|beccato) (un|il|una|la) (palo|paletto|muretto|pilastro|colonna|cancello)', 'into a (post|pole|wall|pillar|bollard|gate)', 'muso', 'smashed', 'strisciat\\w*', 'keyed', 'ding', 'dinged', 'graffi\\w*', 'rigat\\w*', 'paraurti', 'fiancata', 'portiera', 'specchietto', 'verniciatura', 'riverniciat\\w*', 'respray\\w*', 'bodywork', 'body work', 'dent(s|ed|ing)?', 'scratch\\w*(?! that)(?<!from scratch)', 'bumper', 'paint ?work', 'scrape\\w*', 'body shop', 'bodyshop', 'wing mirror', 'splitter', 'front lip', 'spoiler', 'diffuser', 'minigonn\\w*', 'sottoporta']],
  ['diagnosis', ['(proper|full|general|thorough|complete) check', 'rumor\\w*', 'rumorino', 'spia', 'spie', 'vibra\\w*', 'trema\\w*', 'batte in testa', 'scalda', 'surriscald\\w*', 'temperatur\\w*', 'ticchett\\w*', 'non tira( piu)?', '(perde|poca|persa) potenza', 'sterzo', 'macchi\\w* d olio', '(puzza|odore) di (benzina|gasolio|olio)', 'messaggio (di )?errore', 'bruciato', 'burning', 'strattoni', 'avaria', 'colpo secco', 'colpi', 'fischi\\w*', 'fumo', 'fuma', 'lucin\\w*', 'accesa sul (cruscotto|quadro)', 'perde (olio|acqua|liquido)', 'perde un goccio', 'condensa', 'condensation', 'tergicristall\\w*', 'wipers?', 'perdita', 'non parte', 'non partiva', 'non si avvia', 'non si accende', 'non (si )?mette in moto', 'fatica a (partire|mettersi in moto|avviarsi)', 'strappa', 'cigol\\w*', 'scricchiol\\w*', 'tira (a destra|a sinistra)', 'diagnos\\w*', 'controllare', 'controllo', 'dare un occhiata', 'check engine', 'warning light', 'light (is )?on', 'noise', 'noisy', 'rattl\\w*', 'squeak\\w*', 'vibrat\\w*', 'judder\\w*', 'tick(ing|s)', 'loss of power', 'overheat\\w*', 'stall\\w*', '(engine|car|it) (dies|cuts out)', 'si spegne', '(lost|no|lacks|lacking) power', 'sluggish', 'steering', 'smell\\w* (a bit |a little )?(of )?(petrol|fuel|diesel|oil)', 'error (message|code)', 'triangle', 'clunk\\w*', 'bang\\w*', 'whistl\\w*', '(engine|gearbox) (fault|error)', '(says|shows|showing|segna) ~ (fault|error|avaria|errore|guasto)', 'shift\\w* ~ (harsh\\w*|rough\\w*|hard|jerk\\w*)', 'shudder\\w*', 'shake', 'shakes', 'shaking', 'wobbl\\w*', '(light|lights) on the (dash|dashboard)', '(yellow|orange|amber|red) light', 'engine (symbol|light)', 'light of the engine', '(light|symbol) ~ (dash|dashboard)', 'smoke', 'smok\\w*', 'squeal\\w*', 'knock\\w*', 'grind\\w*', 'leak\\w*', 'won t start', 'doesn t start', 'wouldn t start', 'won t turn over', 'check up', 'have a look', 'look at it', '(get|have|want) (it|her|the car|my car) (looked at|checked( out| over)?)', '(oil|fluid) (spot|stain|patch)', 'darle un occhiata', 'dargli un occhiata', 'farla (vedere|controllare)', 'something wrong', 'weird', 'strange',
    // the part that fails, named with what it does not do (#12)
    `(navigatore|sat ?nav|navigation|bluetooth|infotainment|schermo|display|screen|radio|telecamera|camera|sensori|sensors|chiave|key|key ?fob|portellone|tailgate|baule|bagagliaio|boot|trunk|sedile|seat|specchiett\\w*|mirror|tettuccio|sunroof|finestrin\\w*|window|alzacristall\\w*|serratur\\w*|lock|locks|centralina|usb|carplay|android auto)${NEAR}(bloccat\\w*|non (funziona|va|si (apre|chiude|collega|accende|regola|ripiega|carica))|doesn t work|does not work|not working|won t (open|close|connect|adjust|fold|lock|unlock|charge|turn on|work)|frozen|freez\\w*|keeps (rebooting|restarting|crashing|switching)|reboot\\w*|dead|beep\\w*|suona\\w*|impazzit\\w*)`,
    // a fifth set of voices (#12): a sound, a light, a picture, a system that stopped
    '(creak|creaks|creaking|whine|whines|whining|ticks|ticking|hums|humming|buzz|buzzes|buzzing)', '(coolant|oil|engine|battery|temperature|temp|airbag|abs|esp|service|pressure) (warning )?light', 'blurry',
    '(stopped|stops|has stopped) working', '(doesn t|does not|isn t|is not|won t) work( anymore| properly)?', 'not working( properly)?', 'idles? (a bit |quite |very )?(rough|roughly|lumpy)', 'rough idle', 'limp mode', 'keeps (showing|flashing|beeping)',
    'scende di giri', 'non (funziona|funzionano)( piu)?', 'chiusura centralizzata', '(volante|sterzo)(?: [a-z]+){0,4} storto', '(won t|doesn t|does not|will not) (lock|unlock|open|close)', '(fuel|petrol|diesel) smell', 'smell of (fuel|petrol|diesel)', '(temp|temperature) gauge', '(sembra|sembrava) (spegnersi|che si spenga)', 'il minimo',
    'consuma (tanto |molto |troppo )?olio', '(burning|burns|using|uses|drinking) (a lot of |lots of |loads of |too much )?oil', '(cambio|marce|gearbox|gears?) (gratta|grattano|crunch\\w*|grind\\w*)',
    'acqua (nel|nell|in|dentro) (bagagliaio|abitacolo|baule|auto|macchina)', 'water (in|inside|getting into) the (boot|cabin|car|footwell|trunk)',
    '(faro|fari|fanal\\w*|headlights?|lights?) (e |is |are )?(appannat\\w*|misty|fogged|foggy|steamed)', 'pulls to the (left|right)', 'tira (verso|da una parte)']],
  ['maintenance', ['tagliand\\w*', 'tagliano', 'coupon', 'manutenzione', 'cambio olio', 'oil (changed|change)', 'serviced', 'looked over', 'olio e filtri?', 'filtri', '(?<!(?:responsabile del|ufficio|reparto|collection|shuttle|taxi|breakdown|customer|pickup|delivery|courtesy|rental|top|great|good|excellent|brilliant|amazing|fantastic|superb|fast|quick|lovely|in|your) )service(?! (manager|department|desk|advisor|adviser|reception|team|dept|line|number|phone|centre|center|book|history|is wrong|s wrong|is not right|isn t right))', '(the )?(yearly|annual) one', 'quello annuale', 'servicing', 'annual service', 'oil change', 'oil and filters?', 'filters', 'maintenance', 'scheduled maintenance', 'check up annuale', 'routine']],
  ['repair', ['ripara\\w*', 'riparo', 'ripari', 'riparazion\\w*', 'rott[oaie]', 'guast[oaie]', 'sostitu\\w*', 'cambiare ~ (pezzo|frizione|cinghia)', 'frizione', 'cinghia', 'marmitta', 'scarico', 'sospension\\w*', 'ammortizzator\\w*', 'shock absorbers?', 'shocks', 'repair\\w*', 'fix\\w*(?! (the|a|an|un|una|il|la) (date|day|time|appointment|call|meeting|data|giorno|ora|orario|appuntamento))', 'broken(?! (leg|arm|wrist|ankle|foot|hip|hand|finger|toe))', 'broke(?! down)', 'replace\\w*', 'snapped( off)?', 'clutch', 'exhaust', 'suspension', 'gearbox', 'cambio automatico', 'gancio (di )?traino', '(?<!with a )tow ?bar', '(?<!with a )towbar', 'tow hitch',
    // a part that moves by a motor, stuck (#12, eighteenth voices): "il sedile non si muove più", "the mirror won't fold"
    '(sedile|sedili|specchiett\\w*|alzacristall\\w*|finestrin\\w*|portellone|tettuccio|seat|seats|mirror|mirrors|window|windows|tailgate|sunroof) ~ (non si (muove|muovono|regola|regolano|alza|alzano|abbassa|abbassano|chiude|chiudono|apre|aprono|richiude)( piu)?|won t (move|adjust|fold|go up|go down|close|open)|(doesn t|don t) (move|adjust|fold|close|open)|(motor|motore|motorino) (died|dead|is dead|has died|gone|is gone|broken|is broken|e morto|e andato|andato|rotto|bruciato|non va( piu)?)|(is |got )?stuck)']],
]);

/** A car lent meanwhile is no work on the customer's car: "un'auto sostitutiva", "a replacement car". */
const LENT_CAR = /(?<![a-z])(?:sostitutiv[aoei]|(?:replacement|substitute) (?:car|vehicle|auto|one))(?![a-z])/g;
const blankLentCar = (text: string) => text.replace(LENT_CAR, (m) => ' '.repeat(m.length));

/** What is wanted now, after what was done before: "ora devo solo", "now it just needs", "this time I'd like". */
const NOW_WANTED = /(?<![a-z])(?:ora|adesso|now|this time|stavolta|questa volta)(?: [a-z]+){0,2} (?:solo|just|only|devo|vorrei|voglio|mi serve|serve|(?:it )?(?:just |only )?needs?|i need|i d like|i want|faccio|facciamo)(?![a-z])/;

const ENTITLEMENT: ServiceCategory[] = ['recall', 'warranty-repair'];
const GENERIC: ServiceCategory[] = ['diagnosis', 'repair'];

/**
 * The need a message states. A recall or warranty claim decides who pays, so it wins; then the
 * first specific job mentioned ("tagliando e gomme" → maintenance); symptoms and "broken" only
 * when nothing specific is named ("rumore quando freno" → brakes).
 */
export function findService(said: string, raw?: string): PhraseMatch<ServiceCategory> | undefined {
  const text = blankLentCar(said);
  const found = raw === undefined || (!mayRefuse(text) && !TAKES_BACK.test(text)) ? SERVICES.all(text) : meant(text, raw);
  // "la carrozzeria l'ha già sistemata l'assicurazione, ora devo solo fare il tagliando": what is wanted now
  const now = found.length > 1 ? NOW_WANTED.exec(text) : null;
  const after = now ? found.filter((m) => m.index > now.index) : [];
  const all = after.length ? after : found;
  const entitlement = all.find((m) => ENTITLEMENT.includes(m.label));
  if (entitlement) return entitlement;
  // at the same place the longer phrase says more: "revisione dell'impianto frenante" is the brakes
  const specific = all.filter((m) => !GENERIC.includes(m.label)).sort((a, b) => a.index - b.index || b.text.length - a.text.length)[0];
  return specific ?? all.find((m) => m.label === 'diagnosis') ?? all.find((m) => m.label === 'repair');
}

/**
 * The services named and not refused ("non è il tagliando, sono i freni"), the first occurrence
 * of each; after words that take something back ("tagliando, anzi i freni"), only the last one.
 */
function meant(text: string, raw: string): PhraseMatch<ServiceCategory>[] {
  const all = SERVICES.occurrences(text);
  const live = all.filter((m) => !refused(text, raw, m));
  if (live.length === all.length && !TAKES_BACK.test(text)) return SERVICES.all(text);
  const labels = new Set(live.map((m) => m.label));
  if (TAKES_BACK.test(text) && labels.size > 1) return [live.reduce((a, b) => (b.index > a.index ? b : a))];
  return [...labels].map((label) => live.find((m) => m.label === label)!);
}
