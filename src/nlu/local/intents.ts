/**
 * Cue phrases for each intent. Which cue wins, and how sure we are, is decided in `decide.ts`.
 * @module
 */
import type { Concern } from '../../../dialogs/understanding';
import { PhraseSet } from './phrases';

const STOPPED_EN = '(lost power|lost all power|flat|puncture|stuck|stopped|died|cut out|conked out|stalled|broke down|broken down|packed up|won t (re)?start|can t (re)?start|won t move|just stopped|blew out|blown out|burst|(isn t|not|won t|stopped) braking)';
const ROAD_EN = '(motorway|highway|freeway|road|roadside|a ?[0-9]{1,2}|m ?[0-9]{1,2}|roundabout|junction|tunnel|ring road|slip road|bypass|toll( booth)?|(traffic )?lights|hill start)';
const ON_ROAD_EN = '(on|in) the (motorway|highway|freeway|middle of the road|tunnel)';
const STOPPED_IT = '(mollat[oa]|perso potenza|bucato|forato|gomma a terra|lasciato a piedi|lasciata a piedi|fermat\\w*|spent\\w*|piantat\\w*|bloccat\\w*|morta|morto|non (parte|riparte|si muove)|guast\\w*|in avaria|scoppiat\\w*|non frena\\w*)';
const ROAD_IT = '(per strada|in strada|mezzo alla strada|autostrada|complanare|tangenziale|superstrada|galleria|rotonda|incrocio|raccordo|statale|casello|semaforo|traffico)';
/** Up to four words between. */
const NEAR = '(?: [a-z]+){0,4} ';
/** Displeasure with our work is a complaint; with a price or a missing car it is not. */
const DISPLEASED = '(unhappy|not happy|disappointed|delus[oa]|insoddisfatt[oa]|scontent[oa]|non (sono )?(per niente |affatto )?content[oa])';
const YOUR_WORK = '(service|servicing|work|repair|repairs|job|workshop|dealer\\w*|garage|officina|servizio|lavoro|riparazione|assistenza|tagliando|vostro lavoro)';
const NOT_EXHAUST = '(?!(?: [a-z]+){0,3} (scarico|marmitta|exhaust|tailpipe))';
/** A burning smell alone is a symptom to book; with a warning light, smoke or flames it is happening now. */
const BURNING = '((odore|puzza|sento|sa) di bruciato|sento bruciato|burning smell|smell\\w* (of |like )?(something )?burning)';
const SIGN = '(spia|spie|light|lights|fumo|smoke|smoking|fiamm\\w*|flames)';
const SIGN_NEAR = '(?: [a-z0-9]+){0,6} ';
/** On a road now: "sono sull A1", "sono in coda sul raccordo", "i m on the motorway", "on the M-way". */
const ON_ROAD_NOW = '((sono|siamo|mi sono fermat[oa]|fermo|ferma) (in coda )?(sull|sulla|sul|in) ((ss|sr|sp) ?[0-9]{1,3}|a ?[0-9]{1,2}|autostrada|tangenziale|raccordo|statale|superstrada|provinciale|via emilia)|(i m|i am|we re|stopped|stuck) on (the |a )?(a ?[0-9]{1,2}|m ?way|motorway|autostrada|highway|main road|ring road|via emilia|slip road)|on the m ?way|in autostrada|on the autostrada|(sono|siamo) a [0-9]+ (km|chilometri) da casa|(i m|i am|we re|we are) (about |around |some )?[0-9]+ (km|miles|kilometres) from home)';
/** The car failing now. */
const FAULT = '(non da (piu |nessun )?segn[oi] di vita|no signs? of life|lampegg\\w*|non accelera\\w*|singhiozz\\w*|judder\\w*|knocking|batte|non (parte|si accende|riparte)( proprio| piu)?|won t start|dead|e morta|morta|died|spia rossa|red (warning|light)|fumo|smoke|fischia|errore|fault)';
/** Away from home: a car park, an airport, a hospital, the mountains, the services. */
/** Where a car can leave someone stuck now (#12, second fresh dev corpus). */
const PLACE_IT = '(galleria|casello|traghetto|parcheggio|autogrill|area di servizio|incrocio|rotonda|dal passo|sul passo|al passo|in salita|in discesa|in coda|tangenziale|raccordo|autostrada|a ?[0-9]{1,2}|superstrada|statale|provinciale|sulla bassa|centro commerciale|aeroporto|spiaggia|in viaggio|per strada|in strada)';
/** The car failing now, in everyday Italian and what non-native customers write. */
const FAULT_IT = '(batteria (a terra|scarica|morta|a secco)|a secco di batteria|non si riaccende|non da (piu |nessun )?segn[oi] di vita|non si apre (piu|nemmeno|neanche)|s e fermat[ao]|nun parte|s e spent[ao]|si e spent[ao]|spent[ao]|non vuole (saperne di )?(ripartire|partire|accendersi)|non (si )?(avvia|accende|parte|riparte)|non frena|nn frena|ammutolit\\w*|ferm[ao] (a|al|all|sul|sulla|in)|si (e )?fermat[ao]|potenza ridotta|perde potenza|trascina|colpo metallico|perde (liquido|benzina)|puzza di benzina|spia rossa|oprita|stehen)';
/** English: where a car can leave someone stuck now, and the car failing there (#12). */
const PLACE_EN = '(slip road|petrol station|tangenziale|raccordo|autostrada|variante|tunnel|toll( booth)?|ferry|multi ?storey|car park|carpark|dual carriageway|the verge|verge|hard shoulder|country road|roundabout|junction|seafront|the pass|a pass|bridge|forecourt|pump|motorway|ring road|the services|lay ?by|halfway through|(at|in) the( [a-z]+){1,2} services|outside my house|shopping centre|courtyard|car wash)';
const FAULT_EN = '((won t|wont|will not|would not|wouldn t) (even )?((re)?start|unlock|open)|(went|turned|gone) red|limping( along| home)?|(in|into) limp (home )?mode|judder\\w*|stuck in [0-9a-z]+ gear|stuck in (1st|2nd|3rd|4th|5th|6th|first|second|third|fourth|fifth|sixth)|(won t|wont) turn on|won t start again|no start|(just )?died( on me)?|conked out|cut(ting|s)? out|standstill|click click|blew out|blown out|dragging|clunk|leaking fluid|losing power|hammering|smoke come|spluttered|stopped|stop now|not braking|tailgate error|don stop|no gree start|gone dead)';
const AWAY = '(parcheggio|car park|carpark|aeroporto|airport|ospedale|hospital|montagna|mountains|area di servizio|autogrill|the services|stazione di servizio|sotterraneo|underground)';

/**
 * Cues that hand the conversation to a person at once (R11), by what the person is needed for:
 * danger on the road first (an accident, a breakdown, smoke or a burning smell, stopped at the
 * roadside), then a complaint, then an insurance or legal matter.
 */
export const URGENT = new PhraseSet<Exclude<Concern, 'callback'>>([
  ['road', [
    // seventh round (#12, twenty-third writers): a knock just now with a part dragging, a truck asked for
    // a lake of brake fluid, steam from the bonnet and what do I do, the car blocking a way out, someone needed at once
    'lago (di [a-z]+ )?sotto (la macchina|l auto|la vettura)', '(un|una) (lago|pozza) (d |di )?(olio|acqua|liquido|benzina|gasolio)', 'perde (il )?liquido (dei )?freni', 'brake fluid (leak\\w*|everywhere|all over|pouring)',
    '(cofano|motore)(?: [a-z]+){0,3} vapore', 'steam (coming|pouring|billowing) (out|from)',
    '(spia rossa|vapore|fumo|spia (della |dell )?(temperatura|olio))(?: [a-z]+){0,10} (che faccio|cosa faccio|che devo fare|cosa devo fare|che si fa)(?! per (prenotare|fissare|portarla|portarlo))',
    'blocc\\w* (l uscita|il passaggio|il passo carrabile|la strada|il traffico|il cancello)', '(blocking|blocks) (the )?(exit|entrance|driveway|gate|road|traffic)',
    '(mandate|send) (qualcuno|someone|somebody) (subito|now|right now|asap|urgentemente|immediately)', 'serve qualcuno subito$',
    '(brake|brakes|brake pedal|pedal|freni|freno|pedale)(?: [a-z]+){0,5} (soft|spongy|spugnos[oa]|gone)(?: [a-z]+){0,6} (on the way home|just now|sulla strada di casa|tornando a casa|adesso)',
    'just had (a|an) (little |small )?(bump|knock|shunt)', '(bumper|paraurti|exhaust|marmitta|scarico)(?: [a-z]+){0,3} (dragging|hanging off|hanging down|striscia (per|a) terra|strisciando|penzol\\w*)',
    'incident\\w*', 'tamponat\\w*', 'tamponament\\w*', 'in panne', 'panne', 'sono (fermo|ferma|bloccat\\w*) (in|sulla|sull|per)', 'fermo in autostrada',
    'in autostrada ~ (non parte|ferm\\w*|bloccat\\w*|rott\\w*|spent\\w*)', '(non parte|si e spenta|si e fermata|ferm\\w*) ~ (autostrada|tangenziale|strada|superstrada)',
    'carro attrezzi', 'soccorso stradale', 'assistenza stradale', 'emergenza',
    // a seventh set of voices (#12): hit just now, the car that will not move, power lost, a tyre gone, a temperature in the red
    '(smashed|ran|drove|crashed|went|slammed) into the back of (me|my car|us|the car)', '(flashing|blinking)(?: [a-z]+){0,12} (motorway|autostrada|highway|right now)', 'lampeggi\\w*(?: [a-z]+){0,10} (autostrada|tangenziale|superstrada|in questo momento)',
    '(just )?been hit (at|on|in|by)', 'at the scene', 'still at the scene', '(?<!(sedile|sedili|finestrin\\w*|specchiett\\w*|volante|tendin\\w*|tettuccio|tetto|portellone|bocchett\\w*|tergicristall\\w*|tergi|seat|seats|window|mirror|sunroof|roof|tailgate|wiper\\w*|motorin\\w*|motor)(?: [a-z]+){0,5} )non si muove( piu| di un metro)?', 'frizione (andata|partita|saltata|rotta)', 'lost (all )?(power|drive|propulsion)', 'coasting',
    '(tyre|tire) (has |just )?(shredded|blown|burst|exploded|blew)', 'stuck on the (ss|sp|sr|a|m)[0-9]+', '(engine )?temperature (is )?(in|into) the red', 'temperature through the roof', 'stop warning', 'temperatura (nel|in) rosso',
    // the car's own warning to stop (#12, twenty-first writers): "fermare il veicolo in sicurezza", "oil pressure low - stop engine"
    'stop (the )?(vehicle|engine|car)( safely| immediately| now)?', '(fermare|arrestare) (il )?(veicolo|motore|la vettura)', 'rivolgersi (immediatamente|subito) (all|a|presso)', 'anomalia grave',
    'temperatura (e )?(al massimo|alle stelle|altissima)', '(fermo|ferma|bloccat[oa]|a piedi)(?: [a-z]+){0,3} (al|dal|in un|a un|sulla|sull|nella) (distributore|benzinaio|piazzola|area di servizio|autogrill)',
    '(stuck|stranded|bloccat[oa])(?: [a-z]+){0,8} (won t (start|go|move)|wont start|non parte|non si accende)', '(won t (start|go|move)|wont start|non parte)(?: [a-z]+){0,6} (i m|i am|we re|sono|siamo) (stuck|stranded|bloccat[oa])',
    'stuck (on|in) (via|viale|piazza|corso|strada) [a-z]+', '(stuck|stopped) (on|in) the (middle of|motorway|roundabout|junction|bridge|hard shoulder)', 'i stop in (the )?(roundabout|road|street|middle|tunnel)',
    '(steering|steering wheel|sterzo|volante) (locked|blocked|jammed|seized|bloccat[oa])', 'car (not|no) (start|go|move)', '(fermo|ferma) (sul|sulla|sull|sui|in mezzo al|nel) (ponte|viali|incrocio|rotonda|passaggio a livello)',
    'di traverso (all|nell|in mezzo)', 'mi suonano (tutti|dietro|addosso)', 'everyone (is )?(honking|beeping)', '(people|everyone|cars|drivers) (are )?(honking|beeping|hooting)( at me)?', 'traffic piling up',
    // sixth round (#12, twenty-fifth writers): stopped where the car failed, just hit, a part lost on the road, burning now
    '(sono|mi trovo|siamo) (al|in|sul|sulla|nel|nella) (casello|galleria|autogrill|area di servizio)(?: [a-z0-9]+){0,10} (si (e|sia) rott[oa]|rotto qualcosa|rumore metallico|fischio fortissimo|ho spento|non (parte|riparte|va))', '(i am|i m) (stop|stopped|stuck) on (the )?road',
    '(lost|perso|persa) (the |my |il |la |lo )?(whole |entire |intero )?(front |rear )?(bumper|paraurti|wheel|ruota|exhaust|marmitta|scarico)(?: [a-z]+){0,4} (on the|in|sulla|sull|sul) (motorway|ring road|autostrada|tangenziale|road|strada)',
    '(mi e|mi sono|ci e|ci sono) (appena )?venut[oa] addosso', '(staccat[oa]|pers[oa]) (una|la) (ruota|gomma)', '(sono|siamo) (fermo|ferma|fermi|bloccat[oa]) (davanti|vicino|accanto|fuori) (a|al|alla|allo|all)',
    `${BURNING}(?: [a-z]+){0,4} (adesso|ora|in questo momento|right now|now)`, '(mi devo|devo|dovrei) fermar(mi|e)', '(should|do|must) i (stop|pull over)', '(feel|felt) (unsafe|not safe) (driving|to drive)( it| her)?( right)? now',
    // a windscreen gone at speed, brakes failing while driving (#12, twenty-fourth writers)
    '(windscreen|windshield|parabrezza)(?: [a-z]+){0,3} (just |appena )?(shattered|exploded|esploso|frantumat[oa]|andato in frantumi)', '(can|could) (barely|hardly) see', 'non vedo quasi (niente|nulla)',
    '(isn t|not|won t|stopped|non) (braking|frena)(?: [a-z]+){0,8} (i m|sono) (doing|driving|going|a) [0-9]+',
    // happening now, said plainly (#12, main corpus cross-validated)
    // afraid to drive it on from where they are (not "non mi fido a guidarla, vorrei un controllo": a booking)
    '(ho paura|ho timore) (a|di) (guidarla|guidarlo|guidare|muoverla|ripartire)(?: [a-z]+){0,4} (fino a casa|anche solo|oltre|sono (sull|sulla|sul|sui|in|a))', '(scared|afraid|frightened) to (drive|move) (it|her|the car)( [a-z]+){0,2} (any further|further|home|from here)',
    // a car that stopped, and where I am now: "gomma a terra, sono sulla via Emilia davanti al distributore", "died, I'm on Via Giardini"
    '(gomma a terra|ruotino sgonfio|si e (rotta|fermata|spenta)|mi si e (rotta|fermata|spenta)|non (parte|riparte|va oltre)|died|won t (start|restart|go)|flat tyre|flat tire|no spare|puncture)(?: [a-z0-9]+){0,8} (sono|siamo|i m|i am|we re|we are) (sulla|sul|sui|sull|in|al|alla|on|at) (via|viale|viali|piazza|corso|strada|the (petrol station|services|roundabout|junction|side of the road|road)|a [a-z]+ (station|car park))',
    '(sono|siamo|i m|i am|we re|we are) (sulla|sul|sui|sull|on) (via|viale|viali|corso|strada)(?: [a-z0-9]+){0,8} (gomma a terra|si e (rotta|fermata|spenta)|non (parte|riparte|va oltre)|died|won t (start|restart|go)|flat tyre|flat tire|puncture)',
    '(brake|brakes|brake pedal|pedal|freni|freno|pedale)(?: [a-z]+){0,5} (soft|spongy|spugnos[oa]|gone|went to the floor|va giu|non frena)(?: [a-z]+){0,8} (traffic|traffico|in coda|sto guidando|guidando|while driving|motorway|tangenziale|autostrada)',
    '(car|macchina|engine|motore|bonnet|cofano|it)( is| s| e)? (now )?(making|pouring|billowing|belching|fa|butta|sta facendo) (smoke|fumo)', '(mi )?stanno rubando', '(being|getting) stolen', '(is|are|s|re) stealing (my|the|our)', '(adesso|ora) (la macchina|l auto|il motore|il cofano|lei) (fuma|sta fumando|prende fuoco)', '^(aiuto )?(adesso|ora) (la macchina )?fuma', '(fuma|fumo|vapore|fiamm[a-z]*|benzina|odore|puzza|testa|spia)(?: [a-z]+){0,8} mi fermo$', '(the car|my car|la macchina|l auto) (is not|isn t|non e|non c e) (there|li|piu)( anymore| any more| piu)?(?! yet)(?! ancora)',
    '(bonnet|hood|cofano)( just)? (flew|flown|popped|came) (up|open)', 'cofano (si e )?(alzat|apert)[oa] (in|mentre|sulla|sull)',
    'accident', 'crash\\w*', 'prang\\w*', 'fender bender', 'rear ended', 'hit me', 'bumped into', 'ran into', 'collision', 'hit by', 'broke(n)? down (on|in)', 'breakdown', 'breaks? down', 'stranded', 'stuck on the (motorway|highway|road)', 'tow truck', 'towing(?! (the |a |my |our )?(boat|caravan|trailer|horse\\w*|camper|jet ?ski))', 'roadside', 'emergency',
    `${BURNING}${SIGN_NEAR}${SIGN}`, `${SIGN}${SIGN_NEAR}${BURNING}`, '(fumo|fumi) ~ (cofano|motore)', 'fiamm\\w*', '(prende|preso|prendendo) fuoco', 'ho accostato', 'accostat\\w*', 'corsia (di|d|della) emergenza', 'emergency lane', '(a|al|sul) bordo (della )?strada',
    // stopped where the road goes on: "car died on the motorway", "mi si è fermata per strada"
    `${STOPPED_EN}${NEAR}${ROAD_EN}`, `${ON_ROAD_EN}${NEAR}${STOPPED_EN}`, 'broke(n)? down', 'middle of the road',
    `${STOPPED_IT}${NEAR}${ROAD_IT}`, `${STOPPED_EN}${NEAR}(while|whilst) (i was )?driving`, '(spenta|spento|spegne) (mentre guidavo|in marcia|guidando|mentre ero in viaggio)',
    '(reversed|backed|drove|crashed) into (me|my car)', '(rimasto|rimasta) (a piedi|fermo|ferma|in panne)', '(piantato|piantata) (in|per|sulla|sull)',
    '(fatto|preso|avuto) un botto', 'sbattut\\w* contro', 'guard ?rail', '(someone|somebody|a car|a van|a truck|a lorry) (hit|crashed into|smashed into|went into) (me|my car|the car|my)',
    '(chiuso|chiusa) fuori', 'chiavi dentro', 'locked out', 'keys (locked )?(inside|in the car)',
    '(hit|hitting) a (barrier|deer|tree|boar|animal|fox|guard ?rail)', '(centrato|investito|preso in pieno) un', 'cinghiale', 'capriolo',
    '(ruota|gomma) (staccata|persa)', 'wheel (came|come|has come) off', '(perde|perdendo|perdita di) (benzina|carburante|gasolio)', 'leak\\w* (petrol|fuel|diesel|gas)', '(petrol|fuel) leak',
    // smoke from the exhaust is a symptom to book ("fa fumo bianco dallo scarico")
    `smoke (is )?(coming|pouring|billowing|rising)${NOT_EXHAUST}`, `smoke (just )?(came|poured|billowed) (out|from)${NOT_EXHAUST}`, `(esce|uscendo|usciva|e uscito) (del |tanto |un sacco di )?fumo${NOT_EXHAUST}`, `c e (del )?fumo${NOT_EXHAUST}`, `(sta|stava) fumando${NOT_EXHAUST}`,
    'smoke ~ (bonnet|hood|engine)', 'flames', 'on fire', 'caught fire', 'pulled over', 'hard shoulder', 'side of the road', 'left me stranded',
    // fire, failing brakes or steering, a heavy leak, someone shut in the car, a driver who fled (#12)
    '(a|in) fuoco', 'incendi\\w*', 'non (frena|frenava|frenano) piu', 'senza freni', '(perso|persi) i freni', '(sterzo|volante) (si e |e )?(bloccat\\w*|inchiodat\\w*)',
    'brakes (have |had )?(failed|gone|stopped working|gave out)', 'no brakes', '(isn t|not|won t|stopped) braking(?: [a-z]+){0,6} (road|motorway|highway|driving)', 'lost (the |my |all )?(brakes|steering)', 'steering (has |had )?(locked|seized|jammed|went)',
    'pozz[ae]', 'a fiotti', 'perde (tantissim\\w*|moltissim\\w*|un sacco di|un mare di) (olio|liquido|acqua|benzina)', 'puddle', 'pouring (out|from)', 'gushing', 'leaking (loads|heaps|a lot|badly|heavily)',
    '(chius[oa]|bloccat[oa]|intrappolat[oa]) (dentro|in macchina|nella macchina|nell auto|in auto)', 'chiavi (sono )?dentro', 'locked (inside|in the car|in my car)', 'keys are (inside|in the car)', 'trapped (inside|in)',
    // the car itself failing or gone: airbags, off the road, stolen or broken into, stuck controls (#12)
    'airbags? (went off|deployed|have gone off|has gone off|exploded|esplos\\w*|scoppiat\\w*)', '(esplos\\w*|scoppiat\\w*|aperti) (gli |l )?airbag', 'skidded (off|into)', 'ditch', '(went|came|drove|spun) off the road', 'fuori strada', 'uscit[oa] di strada', 'fosso', 'cunetta',
    'broken into', 'break in', '(car|it|maserati|levante|ghibli|grecale|quattroporte) (has been|s been|was|got) stolen', 'rubat[oa] (la|l|il)', '(hanno|ha) rubato', 'spaccato (il|i) (finestrin\\w*|vetr\\w*)',
    '(car|door|doors|it|levante|ghibli|grecale|quattroporte) won t (unlock|open)', '(kid|child|baby|son|daughter|dog|bambin[oa]|figli[oa]|cane) (is |are |e )?(still )?(inside|locked in|in the car|dentro|chius[oa])', 'dentro c e (il |la |mio |mia |un |una )*(bambin[oa]|figli[oa]|cane)',
    'need (a )?recovery', 'recovery (truck|vehicle|lorry|service)', 'need a tow', '(?<!pronto )soccorso(?! il mio paese)', 'vapore ~ (cofano|motore)', 'steam ~ (bonnet|hood|engine)',
    `(red|flashing) (warning )?light${SIGN_NEAR}(lost power|cut out|died)`, `light flashing${SIGN_NEAR}(lost power|cut out|died)`, `(rossa|lampeggiant\\w*)${SIGN_NEAR}(perso potenza|spent\\w*)`,
    'flew open', 'aperto il cofano', 'exploded', 'esplos[ao] (una|la) (gomma|ruota)', 'stuck (at|in|on) (the |a )?(petrol station|fast lane|car park|level crossing|middle)', 'fast lane', 'level crossing', 'passaggio a livello',
    'fermo al distributore', 'pedal\\w* (went |goes )?(straight |right )?(to the floor|all the way down)', `pedale${SIGN_NEAR}(fino in fondo|a terra)`, '(car|brakes?) (won t|can t|wouldn t) stop', '(accelerator|throttle) (is |s )?stuck', 'acceleratore (e )?bloccat\\w*',
    'side ?swiped', 'preso di striscio', 'smoking badly', 'fuma tantissimo', '(gearbox|engine|cambio|motore) (has |e )?(failed|seized|blew up|blown up|esploso|fuso|grippato)',
    `surriscaldat\\w*${SIGN_NEAR}(spent\\w*|fermat\\w*)`, `overheat\\w*${SIGN_NEAR}(cut out|died|stopped)`,
    // on a road now with a fault, afraid to go on, stuck somewhere away from home (#12, fresh dev corpus)
    `${ON_ROAD_NOW}${SIGN_NEAR}${FAULT}`, `${PLACE_EN}${SIGN_NEAR}${FAULT_EN}`, `${FAULT_EN}${SIGN_NEAR}${PLACE_EN}`,
    `${FAULT_EN}${SIGN_NEAR}((can|should|do) i (keep going|stop|carry on|drive on|continue)|i m scared|im scared|i fear|scared|(dunno|don t know|not understand) what to do|panicking|in a panic|wetin i go do|in shock|getting dark|alone)`,
    '(can|should|do) i (keep going|carry on|drive on)', 'do i stop or not', 'catch fire', 'head on', '(now|just (had|got)) (an? )?accident', 'accident with (other|another|a) car', 'i now accident',
    '(car|it|grecale|levante|ghibli|quattroporte) (was|s|is|has been) (gone|nicked|pinched|taken)', 'stolen', 'window smashed', 'they took', 'slashed', 'just (saw|found|noticed|discovered)(?: [a-z]+){0,4} (keyed|scratched|smashed|slashed|damaged)', 'report it to the police', 'police',
    'put (diesel|petrol|benzina|gasolio) in(to)? instead of', 'wrong fuel', 'carburante sbagliato', '(messo|fatto) (benzina|gasolio|diesel) (invece|al posto)', `(lost|lose|perso|persa) (the|my|le|la) ([a-z]+ )?(keys|key|chiavi|chiave)${SIGN_NEAR}(here|qua|qui|tonight|stasera|stuck|bloccat[oa]|beach|spiaggia|drive back|tornare)`,
    'wheels? (just |nearly |almost )?(came|come|has come) off', 'ruota (si e )?staccat\\w*', '(ruota|ruote)( dietro| davanti| posteriore| anteriore)? (quasi )?si (stacca|staccava|e staccata|e quasi staccata)',
    // a sixth set of voices (#12): stuck in a car park or a tunnel, pulled onto a track, smoking, burning from the engine
    '(i m|i am|we re|we are) stuck (in|at|on|inside) (a |the |my )?(multi ?storey|car park|carpark|underground car park|garage|airport|station|petrol station|motorway|ring road|tangenziale|tunnel|services|lay ?by)( car park)?',
    '(i m|i am|we re|we are) (in|inside) the tunnel', '(pulled|pulling|pulled over) (onto|into|in to|on to) (a|the) (farm track|lay ?by|side road|verge|field|bus stop|bus lane|petrol station|services)',
    '(just |has |have )?started smoking', '(urgent|urgente)(?: [a-z]+){0,4} (smell\\w*|puzza|odore)(?: [a-z]+){0,2} (burning|bruciato)',
    '(sto guidando|while (i m |i am )?driving|i m driving)(?: [a-z0-9]+){0,8} (vapore|steam|fumo|smoke)', '(vapore|steam|fumo|smoke)(?: [a-z0-9]+){0,8} (sto guidando|while (i m |i am )?driving|i m driving)',
    '(potevo|poteva|potevamo|could have|could ve) (ammazzarmi|ammazzarci|morire|uccidermi|uccidere qualcuno|killed (me|us|someone)|died)',
    // said to be urgent beside being stuck; told as a near miss (#12)
    '(urgente|urgent|urgentissimo|emergenza)(?: [a-z0-9]+){0,3} (sono|i m|i am|we re|siamo) (bloccat\\w*|stuck|stranded|ferm[oa]|a piedi)', '(miracolo|fortuna) che (sono|siamo) viv[oi]', 'lucky to be alive', '(could|might) have (been )?kill\\w*', 'nearly (killed|died)',
    // a fifth set of voices (#12): smoke from the car itself, an engine that will not stop, a car that ran into something, shunted
    `(sta fumando|fumava|fuma|fumare) (da )?(sotto|dal cofano|da sotto il cofano|dal motore|dal vano motore|dalle ruote|dalla ruota)`, `(macchina|auto|ghibli|levante|grecale|quattroporte|mc20|granturismo|grancabrio) che (fuma|sta fumando)${NOT_EXHAUST}`,
    '(started|starts|is|keeps|was) smoking from (the )?(bonnet|hood|engine|under|wheel|wheels|back|rear|front|boot|dash|dashboard|battery)',
    // failing brakes told as a warning (#12, eighteenth voices)
    'brake (failure|fail)', 'avaria (ai |dei |del )?(freni|impianto frenante)', 'smoking from (the )?(bonnet|hood|engine bay|under the (bonnet|hood|car))',
    '(il motore )?(resta|rimane) acceso (anche )?(senza|se tolgo|tolta|togliendo)', 'non si spegne (piu|proprio|neanche)', 'won t (switch|turn|shut) off', '(engine|car) keeps running (even )?(with|without) the key',
    '(finit[oa]|andat[oa]|schiantat[oa]) (contro|addosso a) (il |la |lo |l |un |una )?(cancello|muro|muretto|palo|portone|basculante|macchina|auto|vetrina|albero)', '(went|rolled|slid|crashed|ran) (back )?(into|onto) (the |a |my |our )?(garage door|gate|wall|fence|tree|shop window|parked car)',
    '(shunted|rear ended|went into the back of|piled into) (me|us|my)', `(puzza|odore) di (benzina|gasolio|bruciato)(?: [a-z0-9]+){0,12} (siamo|sono) in viaggio`, `(puzza|odore) di (benzina|gasolio|bruciato)(?: [a-z0-9]+){0,12} ${ON_ROAD_NOW}`, `${ON_ROAD_NOW}(?: [a-z0-9]+){0,12} (puzza|odore) di (benzina|gasolio|bruciato)`, `(smell|smells|smelling|stinks?) (of )?(fuel|petrol|diesel|burning)(?: [a-z0-9]+){0,12} ${ON_ROAD_NOW}`, `${ON_ROAD_NOW}(?: [a-z0-9]+){0,12} (smell|smells|smelling|stinks?) (of )?(fuel|petrol|diesel|burning)`, `(reversed|backed|drove|crashed|ran|went) into (me|my|the)(?: [a-z0-9]+){0,14} (smell|smells|smelling) (of )?(fuel|petrol|diesel)`, `(tamponat\\w*|urtat\\w*|investit\\w*)(?: [a-z0-9]+){0,14} (perde|puzza di|odore di) (benzina|gasolio|olio|liquido)`, `(siamo|sono) in viaggio(?: [a-z0-9]+){0,12} (puzza|odore) di (benzina|gasolio|bruciato)`, `${PLACE_IT}${SIGN_NEAR}${FAULT_IT}`, `${FAULT_IT}${SIGN_NEAR}${PLACE_IT}`,
    `fuma\\w*${SIGN_NEAR}(cosa|che) (devo )?fa(re)?(?![a-z])`, `${FAULT_IT}${SIGN_NEAR}((ho )?paura|non so se posso|mi fermo o no|aggia ferma|(cosa|che) (devo )?fa(re)?(?![a-z])|come fare|nun parte|cchiu)`, 'non so se posso (continuare|proseguire|andare avanti|guidare|ripartire)', 'mi fermo o no', 'non riesco (piu )?a tornare( a casa)?', '(can t|cannot|can not) get (back )?home',
    '(fatto|avuto|preso) un frontale', 'frontale (leggero|con)', '(ho )?appena (fatto|avuto|preso) (un|una) (incidente|frontale|botto|tamponamento|urto)', 'mi hanno appena (preso|tamponato|urtato)',
    '(hanno|mi hanno|ha) (tagliato|squarciato|bucato) (tutte|le|i|tutti)', '(hanno|mi hanno) portato via', '(finestrino|vetro|lunotto) spaccato', '(appena (visto|notato|scoperto|trovato)|trovat[oa] (adesso|ora)|(ho visto|vedo|ho notato) (adesso|ora))(?: [a-z]+){0,4} (rigat\\w*|graffiat\\w*|spaccat\\w*|ammaccat\\w*|rott[oa]|rubat\\w*|danneggiat\\w*|portato via)', `${FAULT}${SIGN_NEAR}${ON_ROAD_NOW}`, `${FAULT}${SIGN_NEAR}${AWAY}`, `${AWAY}${SIGN_NEAR}${FAULT}`,
    '(paura|timore) (a|di) (ripartire|guidare|rimettermi in marcia|proseguire|andare avanti)', '(scared|afraid|frightened|too scared) to (drive|carry on|keep driving|go on|move)',
    '(can t|cannot|can not) drive it', 'non (posso|riesco a) (guidarla|guidare|ripartire|proseguire)', '(fermarmi|fermarsi|accostare) (subito|immediatamente)', 'stop (the (vehicle|car) )?immediately',
    '(4|quattro) frecce', 'hazards? (on|lights on)', '(mandate|mandatemi|mi mandate|send|sending) (qualcuno|someone|somebody|help)(?! (a|per|to) (ritirar\\w*|prender\\w*|collect\\w*|pick\\w*))', 'a lato della strada', 'lay ?by',
    `${FAULT}${SIGN_NEAR}((che|cosa) (faccio|devo fare)|what (do|should) i do|spengo|should i (stop|pull over|turn it off))`, '(i m|i am|sono) (stopped|stuck|fermo|ferma) (on|in) (a |una )?(hill|salita)', 'stopped on a hill',
    '(sterzo|volante) (e |diventato |e diventato )?(durissimo|pesantissimo|bloccato)', 'steering (s |is |has )?(gone |got |become )?(really |super |very )?(heavy|stiff|locked)',
    '(truck|lorry|van|camion|furgone|tir) (mi ha preso|took off|hit|clipped|ha preso)', 'middle of the junction', 'in mezzo (all|a un) incrocio', '(stole|nicked|stolen) (my |the )?(wheels|tyres|car)', 'on bricks',
    'locked (the |my )?keys? in', 'locked (myself|ourselves|meself) out', 'keys? s inside', '(year old|toddler|baby|bimb[oa]|bambin[oa]) (is |e )?(inside|dentro|in macchina)', 'wild boar',
    'pirata della strada', '(sono|e|si sono) (scappat\\w*|fuggit\\w*)', 'hit and run', '(drove|driven|ran) off', 'mi ha lasciat\\w* a piedi', 'sono (bloccat[oa]|rimast[oa]) (qui|qua|li|la)( |$)',
    // a third set of voices (#12, third fresh dev corpus): nobody to call, failing brakes on the way down, a motorway kilometre,
    // a flooded underpass, a break-in or a theft just found, keys down a drain, an airbag gone off, "come and get us"
    `${FAULT_IT}${SIGN_NEAR}non so (chi|a chi) (chiamare|rivolgermi)`, `${FAULT_EN}${SIGN_NEAR}(don t|do not|dont) know (who|whom) to (call|ring|turn to)`, `(non si accende|not start|won t start)${SIGN_NEAR}(non so|don t know|do not know)`,
    'in mezzo (alla|a una|a un|al) (rotonda|strada|incrocio|piazza)', 'middle of (a|the) (roundabout|junction|crossroads)',
    '(fuma|fumando|fumava|esce fumo) (dal|dalla|da sotto il|da sotto al) (cofano|motore)', 'piazzola',
    'freni (non frenano|non funzionano|non vanno)', 'non frenano quasi', 'brakes (are )?(barely|hardly|not) (working|work)', '(vengo|vengo li|proseguo|continuo|vado avanti) o mi fermo', 'do i (come in|keep (going|driving)|carry on|drive (in|on)) or (stop|pull over)', 'should i stop',
    `(non frena\\w*|freni non|brakes? (are )?(barely|hardly|not|aren t|don t|won t|failing|gone))${SIGN_NEAR}(scendendo|in discesa|downhill|coming down)`,
    '(a ?[0-9]{1,2}|autostrada|tangenziale|statale|superstrada) (al )?km [0-9]+', 'al km [0-9]+',
    'allagat\\w*', 'sottopasso', 'flooded', 'acqua (alle|fino alle|dentro le) portiere', 'water (s |is |was )?up to (the )?(doors?|seats?|wheels?|windows?)', 'water came in',
    'forzat[oa] (la|le|lo) (portier\\w*|serratur\\w*|bagagliaio)', 'forced (the|my) (door|lock|boot)', '(smashed|broke|broken) (my|the) (window|windscreen|side window)', '(sfasciat|spaccat)\\w* (il|er|lo|i) (finestrin\\w*|vetr\\w*)',
    'rubat\\w* tutto', '(nicked|stole|stolen|took) (everything|my laptop|my bag|my stuff)', '(me l|l) (hanno|abbiano|avranno) rubat\\w*', 'sparit[ao] dal', '(car|it|levante|ghibli|grecale|quattroporte) (has )?(gone|vanished|disappeared) from',
    'tombino', '(dropped|lost|fell) (my |the )?keys? (down|in|into) (a|the) drain', 'keys? (fell|went|dropped) (down|in|into) (a|the) drain',
    '(partito|esploso|scoppiato|aperto) l airbag', 'airbag (e |si e )?(partito|esploso|scoppiato|aperto)', 'sotto shock', 'in shock',
    'come and get us', 'please come and get me', 'venite a prenderci',
    // a fourth set of voices (#12, fourth fresh dev corpus)
    'dove mi fermo', 'where (do|should) i (stop|pull over)', '(went|drove|ran|crashed|gone) into the back of', '(siamo|sono) (scesi|scese|uscit[ie]) tutti', '(we re|we are) all out', 'siamo fuori',
    '(fuma|fumo|smoke|smoking)(?: [a-z]+){0,4} (sedile|seat|bocchette|vents|abitacolo|cabin|cruscotto|dashboard)', 'plastica bruciata', 'burning plastic',
    'non rallenta', '(won t|doesn t|will not) slow down', '(freno|brake pedal|pedale)(?: [a-z]+){0,4} (duro come|durissimo|rock hard|solid)',
    'non c era piu', '(?<!(poi|poi e|e poi|poi si e|then) )sparit[ao]', 'carabinieri', 'polizia', 'sui mattoni', 'senza (le )?ruote', 'ruote smontate', '(esploso|scoppiato) (il|er|lo|un) copertone', '(co|con) le frecce',
    '(perso|persa) una ruota', '(caduto|caduta|crollato) (un|una|il|la) (ramo|albero|pianta)', 'tree (came|fell) down', 'roof caved in', 'tetto sfondato',
    'ferm[ao] vicino', '(rumore|noise)(?: [a-z]+){0,5} (e poi niente|and then nothing|and stop|and stopped|then nothing)',
    '(partita|partito) (da sol[ao] )?di scatto', '(colpito|preso) (una|la) vetrina', '(shot|lurched) forward (by itself|on its own)',
    '(took|nicked|stole|pulled out) the (radio|stereo|sat ?nav)', '(i m|i am) (standing )?next to (it|the car) now',
 'please come (quick|quickly|now|asap)', 'big bang', '(very|really|getting) dark', 'fa buio',
    // a tenth and eleventh set of voices (#12): danger while driving, now; fire; a child locked in; the car stolen
    '(brake )?pedal(?: [a-z]+){0,3} (goes|going|went|is going) (down )?to the floor', '(brake )?pedal (went|is|was) (completely )?dead', 'brakes? (failed|have failed|did nothing|gone completely)', 'barely stops', 'won t stop properly',
    'pedale(?: del freno)? (e |era )?(molle|spugnoso|morbido|a fondo)(?: [a-z]+){0,4} (non (si )?ferma\\w*|non frena\\w*|sto guidando|mentre guido|guidando)', 'pedale (va|andava|e andato) (giu|a fondo)', 'non si ferma(va)? (bene|piu)', 'non frena(va)? (bene|piu)',
    '(overheating|overheated)(?: [a-z]+){0,3} (right now|now|as we speak)', 'needle (is )?(at|on|in) (max|the max|the red)', '(surriscald\\w*|temperatura)(?: [a-z]+){0,3} (adesso|ora|in questo momento)',
    '(smell|stink|stench|puzza|odore) (of|di) (petrol|fuel|gas(?! di scarico)|benzina|gasolio)(?: [a-z]+){0,8} (while i drive|while driving|whilst driving|dizzy|headache|mentre guido|guidando|gira la testa|mal di testa|in the cabin|in abitacolo|nell abitacolo|dentro l abitacolo)',
    '(cabin|abitacolo)(?: [a-z]+){0,3} (smell\\w*|stink\\w*|puzza|odore) (of|di) (petrol|fuel|benzina|gasolio)',
    'steering(?: [a-z]+){0,3} (went|gone|got|is|has gone) (very |really |suddenly )?(heavy|stiff|locked)', 'nearly (hit|ran over|crashed into) (a|an|the|someone)', 'quasi (investito|preso|tamponato) (un|una|qualcuno)', 'sterzo (durissimo|bloccato|pesantissimo|indurito)',
    'wobbl\\w*(?: [a-z,]+){0,8} (pulled over|stopped|i m stopped|horrible noise|tollbooth|hard shoulder)', 'wheel(?: [a-z]+){0,3} came off',
    '(fire|flames) (coming )?(from|in|under|out of) (the|my|under)', 'on fire', 'caught fire', 'fire brigade', 'vigili del fuoco', 'pompieri',
    '(daughter|son|baby|kid|child|toddler|dog|puppy|[0-9]+ ?(yr|year|yo)s? old)(?: [a-z]+){0,3} (is |s |got )?(locked|stuck|trapped) in', '(bimb[oa]|bambin[oa]|figli[oa]|cane|neonat[oa]|piccol[oa])(?: [a-z]+){0,3} (e )?(rimast[oa] )?(chius[oa]|bloccat[oa]) (in|dentro)', '(key|keys) (is|are) (inside|in the car|locked in)',
    '(sul|al) ciglio( della strada)?', '(blocking|blocks|blocca|bloccando) (a |una |the |la |il )?(lane|corsia|carreggiata|traffic|traffico|exit|uscita|toll|casello)', 'mi sono fermat[oa] (sul|al|in|a) (ciglio|bordo|corsia)',
    '(mi hanno|m hanno|hanno) (appena )?rubato (la|il|l|lo|mia|mio)', '(e stata|e stato|me l hanno|ce l hanno) rubat[ao]', '(was|been|got|has been|ve been) stolen', 'stole (my|our)', 'just stolen',
  ]],
  ['complaint', [
    'lavoro di (m|merda|cacca|schifo)', 'fatto (un )?(lavoro )?(schifo|di merda)', 'are you (kidding|joking) me', 'mi prendete in giro', '(what a|total|complete) (joke|shambles|disgrace)',
    // anger at our work said plainly, the fix we were meant to make (#12, fifth round)
    'absolutely (raging|livid|furious|fuming)', 'raging', 'livid', 'arrabbiat[oa] ner[oa]', '(sono )?ancora arrabbiat\\w*', 'arrabbiatissim\\w*',
    '(i )?want (an|some) explanation', 'i want answers', '(voglio|pretendo|esigo) (una |delle )?(spiegazion\\w*|risposte)', '(euro|soldi) buttati', 'money down the drain',
    '(you|you lot|you guys|your (guys|mechanics|workshop|team)) (were|was) (meant|supposed) to (fix|sort|repair)', 'dovevate (sistemare|riparare|risolvere)',
    // the work paid for, the fault back (#12, eighteenth voices): "mi avete cambiato la frizione e slitta di nuovo", "ho pagato 900 euro e fa lo stesso rumore"
    // (not a wish for the same work again: "mi avete cambiato le gomme, ora vorrei di nuovo il cambio")
    '(mi avete|ci avete|avete) (cambiato|riparato|sistemato|sostituito|rifatto)(?: (?!vorrei|voglio|ora|adesso|devo|vorremmo)[a-z0-9]+){0,10} (di nuovo|come prima|lo stesso|la stessa|stesso rumore|stessa spia|peggio di prima)',
    'ho pagato(?: (?!vorrei|voglio|ora|adesso|devo|vorremmo)[a-z0-9]+){0,10} (di nuovo|come prima|lo stesso|la stessa|stesso rumore|stessa spia|peggio di prima)',
    '(since|after) (picking|collecting|getting) (the car|it|her|my car|the [a-z]+) (up|back)(?: [a-z0-9]+){0,12} (oil|leak\\w*|puddle|warning|again|worse)',
    // the same fault brought back again (#12)
    '(second|third|fourth|2nd|3rd|4th) time (that )?(you( have| ve)? )?(sent|given|handed|brought|returned|give|send|hand) (my car|it|the car|me the car)( back)?', '(seconda|terza|quarta) volta che mi (ridate|restituite|riconsegnate|rimandate|ridai)',
    // a fifth set of voices (#12): smoke or oil everywhere right after our work
    '(fuma\\w*|fumo|perde olio|olio (su tutto|dappertutto|ovunque)|smok\\w*|leaking oil|oil (all over|everywhere))(?: [a-z0-9]+){0,8} (after|dopo) (your|il vostro|vostro|la vostra) (service|tagliando|intervento|work|lavoro|repair|riparazione)',
    // displeasure with the dealer, the one in charge asked for (#12, fourth fresh dev corpus)
    'furibond\\w*', 'fuming', 'sloppy', 'non vi pago', 'not paying (you )?another', '(terza|quarta) volta che pago', '(third|fourth) time paying', 
    'dealer principal', 'whoever runs the place', 'expect an apology', '(want|voglio che) (his|her|il) (manager|responsabile) (to know|lo sappia)',
    '(ridat|riconsegnat|restituit)\\w*(?: [a-z]+){0,4} con (il|la|lo) [a-z]+(?: [a-z]+){0,2} (aperto|aperta|mancante|rotto|rotta)', '(gave|handed) (my|the) [a-z]+ back with',
    'segnalazione formale', 'formal complaint', 'not acceptable', '(gave|handed|returned|brought) (it|the car|my car) back with', 'you left (grease|stains|marks|dirt|scratch\\w*|dents?|oil|it dirty)', 'grease stains', 'is ruined', 'are ruined',
    '(three|four|five|several|multiple|many) visits', 'this can t go on', 'in and out of your (workshop|garage)', 'i demand', 'dissatisf\\w*', 'rude', 'nobody apologi\\w*', '(want|going) to report (it|this|him|her)',
    'want (to be )?reimburs\\w*', 'reimburse me', 'any more excuses', 'this is serious', 'dumped (all )?(its|the) oil', 'responsabilita', 'non e accettabile',
    '(restituit\\w*|riconsegnat\\w*|ridat\\w*|tornat[ao])(?: [a-z]+){0,3} con (un|una|il|la|dei|delle|i)(?: [a-z]+){0,2} (rovinat\\w*|rigat\\w*|graffiat\\w*|danneggiat\\w*|rott[oaie]|sporc\\w*|macchiat\\w*|spia accesa)',
    'avete lasciato', 'pien[oa] di (grasso|macchie|sporco)', 'pretendo', 'disappunto', 'trattat[oa] (male|malissimo)', 'maleducat\\w*', 'scortes\\w*', 'segnalarlo',
    'non (avevo |ho )?autorizzat\\w*', 'indietro i (miei )?soldi', 'soldi indietro', 'chiedo (il )?rimborso', 'voglio (essere )?rimborsat\\w*', 'diffid\\w*', 'sentire scuse',
    '(tre|quattro|cinque|diversi|vari|troppi) interventi', '(va e viene|avanti e indietro) (dalla|dalla vostra|in) officina', 'soluzione definitiva', 'non si puo andare avanti', 'ritirat[ao] da voi(?: [a-z]+){0,6} (pers[oa]|rott[oa]|rovinat[ao]|danneggiat[ao])', '(graffi|righe|ammaccatur\\w*|danni|bozz\\w*) che prima non c erano', '(weren t|wasn t|was not|were not) there before', '(came|come|has come|have come) back (from you )?with (the same|a new|a brand new|another)',
    '(mi )?avete (rigato|graffiato|ammaccato|danneggiato|rovinato|rotto)', 'you (scratched|dented|damaged|scraped|marked) (my|the)',
    'disgust\\w*', '(riaverla|riaverlo|get it back|got it back|getting it back)(?: [a-z]+){0,6} (ancora|still) (li|there|uguale|the same)', '(after|dopo) (your|il vostro|la vostra)(?: [a-z]+){0,3} (polish|lucidatura|valet|wash|lavaggio|detailing)(?: [a-z]+){0,6} (swirl|marks|graffi|aloni|righe|segni|scratches)', 'lost for words', '(i )?expect an explanation', '(pretendo|esigo|voglio) (una )?spiegazion\\w*', '(scratch|dent|mark|scuff|chip|crack|damage|graffi|bozz|righ)[a-z]*(?: [a-z]+){0,6} that (wasn t|was not|weren t|were not) there', '(nobody|no one|nessuno) (is |s |has been |e )?(working on|touched|touching|ci sta lavorando|l ha toccata|ci ha messo mano)', 'sapete (fare il vostro lavoro|quello che fate|cosa state facendo)', '(do|does) (you|you lot|you guys|anyone)( there)?( even)? know what (you re|you are|they re) doing', '(if|whether) you know what you re doing', 'nessuno (mi )?ha autorizzato', '(never|nobody|no one) authori[sz]ed', 'stiamo scherzando', '(molto|davvero|veramente|parecchio) arrabbiat[oa]', 'arrabbiatissim[oa]', '(very|extremely|really|so|bloody|absolutely) angry', '(la|lo) state usando', '(state|stanno) usando la mia', '(foto|photo|picture)(?: [a-z]+){0,6} (in giro|driven (a)?round|being driven)', 'nobody (can|could|will|is able to) tell me (anything|what)', '(i was|we were) promised', '(mi|ci) avevate (promesso|garantito|assicurato)', 'nessuno (mi )?(sa|sapeva|riesce a) dir(mi|e) (niente|nulla|qualcosa)',
    // "la portiera non si chiude più da quando me l'avete riconsegnata": a fault since our work
    '(non|not|won t|wont|doesn t|don t|isn t|can t)(?: [a-z]+){1,4} (piu|anymore|any more)(?: [a-z]+){0,2} (da quando|since) (me l |ce l |l |la |lo )?(avete|you) (riconsegnat|ridat|restituit|riparat|sistemat|gave|returned|fixed|repaired|serviced)[a-z]*',
    '(da quando|since) (me l |ce l |l |la |lo )?(avete|you) (riconsegnat|ridat|restituit|riparat|sistemat|gave|returned|fixed|repaired|serviced)[a-z]*(?: [a-z]+){0,3} (non|doesn t|won t|isn t|hasn t|can t)(?: [a-z]+){1,4} (piu|anymore|any more|properly|bene)',
    'reclam\\w*', 'lamentela', '(?<!che )vergogn\\w*', 'is this a joke', '(?<!non )e uno scherzo', 'inaccettabil\\w*', 'complain\\w*', 'complaint', 'unacceptable', 'disgrace\\w*',
    '(seconda|terza|quarta|ennesima) volta che ~ (scrivo|chiamo|telefono|contatto|scriviamo)', 'furios\\w*', 'incompetent\\w*', 'peggio di prima', 'nessuno fa (niente|nulla)', '(peggior|pessim[oa]) (servizio|esperienza|officina|concessionari\\w*)',
    '(in|al|a|finire in|vederci in|ci vediamo in|portarvi in|vi porto in) tribunale(?! (il|la|lo|domani|alle|per (un|l) udienza))(?!(?: [a-z0-9]+){0,4} (vorrei|tagliando|udienza|lavoro))', 'vi (denuncio|denuncero|querelo)', '(avete|vostro [a-z]+ ha|vostri [a-z]+ hanno) (danneggiat\\w*|rovinat\\w*|rott[oa]) (la mia|il mio|la macchina|l auto|il cerchio|la vettura)', '(tornata|riconsegnata|restituita) con (un |una )?(ammaccatura|graffio|danno|bozz\\w*|righ\\w*)', 'nessuno ~ (risponde|ha risposto|ha mai risposto|richiama|ha richiamato|si e fatto sentire|si fa sentire)',
    'non mi ha ~ (risposto|richiamato) nessuno', 'ancora nessuna risposta', 'sono (stufo|stufa)', 'ridicol\\w*', 'scandalos\\w*', 'pessimo servizio', 'servizio pessimo',
    '(ho|abbiamo) (gia )?scritto (due|tre|piu|diverse) volte', 'vi ho (gia )?scritto (due|tre|piu|diverse) volte',
    'furious', 'incompetent', '(?<!(he s|she s|he is|she is|i m|i am) )useless(?! (with|at) (chats?|phones?|computers?|technology|tech|apps?))', 'escalate', 'worst (service|experience|garage|dealer\\w*)', 'trading standards', '(take|taking|see|drag|dragging|bring|sue|suing|end up)( you| this| it| us)? (to|in|into) court', 'court (case|action|proceedings)', '(you|you ve|you have|your [a-z]+( has)?) (damaged|ruined|broke|broken|wrecked) (my|the)', 'came back with (a |an )?(dent|scratch|damage|mark)', 'worse than (before|it went in|when i brought it)', 'nobody (does|did) anything',
    '(second|2nd|third|fourth|umpteenth) time (i|i ve|that i) ~ (write|written|writing|call|called|calling|contact|contacted|message|messaged|email|emailed|ask|asked)',
    '(nobody|no one|noone) ~ (answers|answered|replies|replied|responds|responded|calls|called|got back|gets back|rang)', 'still no (answer|reply|response|call)',
    // brought back again for the same fault
    '(terza|quarta|quinta|ennesima) volta ~ (porto|riporto|portata|portato|riportata|riportato|torno|vengo|ridate|riconsegnate|restituite|stesso problema|stesso difetto)',
    'stesso (problema|difetto) ~ (terza|quarta|quinta|ennesima) volta', '(portata|portato|riportata|riportato) (gia )?(due|tre|piu|diverse|tante|troppe) volte',
    'ancora non (risolto|sistemato|riparato)', 'non (l )?avete (risolto|sistemato|riparato) (niente|nulla|il problema)',
    '(third|fourth|fifth|umpteenth|nth) time ~ (bring|bringing|brought|taking|took|take|back|in here|same (problem|fault|issue|thing))',
    '(brought|taken|had) it (back |in )?(twice|three times|again|several times|multiple times|so many times)', 'still (not|isn t|hasn t been|wasn t) (fixed|sorted|resolved|repaired)',
    'still nothing (from|back from) (you|anyone|anybody|the workshop)', '^still nothing', '^ancora niente', `${DISPLEASED}(?: (?:with|by|about|in|con|da|dal|dalla|del|della|di))?(?: (?:the|your|il|la|lo|vostro|vostra))? ${YOUR_WORK}`, `^(?:i m |i am |sono )?(?:really |very |so |molto |proprio )?${DISPLEASED}$`,
    '(voglio|vorrei|pretendo|esigo) (un |il )?rimborso', '(i want|i demand|i expect|i d like) (a |my )?refund', 'refund me', '(my )?money back', 'rivoglio i (miei )?soldi',
    `(seconda|terza|quarta|quinta|ennesima) volta${NEAR}(porto|riporto|portata|portato|riportata|riportato|torno|vengo)`, '(2nd|3rd|4th|5th|second|third|fourth) time ~ (same|fault|problem|issue|back|again)',
    '(broken|broke|failed|wrong|faulty) again', 'di nuovo (rott\\w*|guast\\w*)', `(avete|hai) (riparat\\w*|sistemat\\w*)${NEAR}(di nuovo|ancora)`, 'fed up', 'ridiculous', 'outrageous', 'appalling', 'terrible service', '(written|wrote|called) (twice|three times|several times)',
    // a tenth and eleventh set of voices (#12): the same fault after our work, new damage, paid for nothing
    '(same|identical) (thing|fault|problem|issue|noise|rattle|light|warning|warning light|knock|leak|vibration|error|jerk\\w*)(?: [a-z]+){0,4} (again|is back|came back|has come back|back on|is still there|still there|as before)', 'doing exactly the same( thing)?',
    '(scratch\\w*|dent\\w*|mark\\w*|scuff\\w*|chip\\w*|crack\\w*|damage)(?: [a-z]+){0,6} (that )?(was not|wasn t|weren t|were not) there before', '(you told me|you said|you swore) (it was|it s|it had been|it d been) (fixed|sorted|repaired|done)',
    'paid [0-9]+( [0-9]+)? (euro|eur|euros|quid|pounds)? ?for nothing', '(again|di nuovo)(?: [a-z]+){0,4} same as before',
    '(graffi\\w*|strisciat\\w*|ammaccatur\\w*|righ\\w*|bozz\\w*|segn[oi])(?: [a-z]+){0,6} che prima non c (era|erano)', '(di nuovo|ancora|tornat[oa]|riaccesa|riacceso)(?: [a-z]+){0,4} (identic[ao]|uguale) a prima', '(e tornat[ao]|tornat[ao]) (uguale|identic[ao])',
    '(avete|l avete|la avete) (riparat\\w*|sistemat\\w*|aggiustat\\w*)(?: [a-z]+){0,8} (di nuovo|ancora una volta)', 'pagato per (niente|nulla)',
    'dopo (il vostro |la vostra |il |la )?(intervento|tagliando|riparazione|lavoro)(?: [a-z]+){0,8} (di nuovo|ancora accesa|come prima)', '(di nuovo|come prima)(?: [a-z]+){0,6} dopo (il vostro |la vostra |il |la )(intervento|tagliando|riparazione)',
  ]],
  ['legal', [
    // "il sinistro" is the insurer's word for an accident: a claim
    // (not a side: "il faro sinistro", "lato sinistro", "the left one")
    '(?<!(faro|fari|fanal\\w*|lato|specchiett\\w*|parafango|cerchi\\w*|pneumatic\\w*|gomm\\w*|ruot\\w*|posterior\\w*|anterior\\w*|port\\w*|finestrin\\w*|sedile|fianco|braccio|piede|mano|parte|freccia|fendinebbia|stop|tergicristall\\w*|retrovisore) )sinistro', 'kasko', 'denunc\\w*', 'avvocat\\w*', 'assicurazion\\w*', 'assicurativ\\w*', 'polizza', 'perizia', 'perito', 'risarciment\\w*', 'vie legali', 'legale', 'fare causa', 'class action', 'constatazione amichevole',
    'lawyer', 'solicitor', 'attorney', 'insurance', 'insurer', '(?<!(road|street) )legal', 'lawsuit', 'sue (you|the dealer\\w*|maserati)', 'small claims', 'compensation', 'loss adjuster',
  ]],
]);

/** "Can reception call me back?": a person, by phone (not a recall campaign, not a taxi). */
export const CALL_BACK = new PhraseSet<'callback'>([
  ['callback', [
    'mi (puo|puoi|potete|possono|potreste|potrebbe|potrebbero|fate|fa|faccia|fareste|fai) (ri)?(chiam\\w*|telefon\\w*)', '(ri)?chiamarmi', '(ri)?telefonarmi', 'essere (ri)?chiamat\\w*',
    '(potete|puo|potrebbe|potreste|qualcuno (puo|potrebbe)) (ri)?(telefonargli|telefonarle|chiamarlo|chiamarla)', '(could|can|would) (someone|somebody|you|one of you) (ring|call|phone) (her|him|my (mum|mother|dad|father|husband|wife|son|daughter|office))', 'have (someone|somebody) (ring|call|phone)', 'mi (ri)?telefona qualcuno', '(posso|potrei) (avere|ricevere) una (chiamata|telefonata)', '(could|can|would) [a-z]+ (get back to me|give me a shout)', 'give me a shout', '(one of you|uno di voi) (calls|call|rings|ring|mi chiami|mi chiama|mi telefoni)( me)?', '(hear|sentire) (from )?(someone|somebody|a person|qualcuno|una persona)', '(talk|go|think) (it|this|things) over with', 'essere (ri)?contattat[oa]', '(be|get) contacted( back)?', 'farmi (ri)?chiamare', 'fammi (ri)?chiamare', 'fammi (ri)?contattare', 'mi (richiami|richiamate|chiami|chiamate|telefonate)', '(uno|un) squillo', 'mi cercate', 'cercatemi', 'try me (on|at)', 'mi (ri)?chiama (qualcuno|qualcuna|un vostro|una vostra|un consulente|un addetto|il consulente|il responsabile)',
    '(call|ring|phone) me( back)?', 'give me a (call|ring|bell)', 'call (me )?back',
    '(richiamatemi|chiamatemi|richiamami|chiamami|telefonatemi|telefonami)', 'fatemi (richiamare|chiamare)', '(una )?richiamata',
    'callback', '(una|la) telefonata', '(sentirci|parlarne|parlare|sentiamoci|sentirvi) (per|al) telefono', '(talk|speak|chat) (on|over) the phone', 'by phone', '(get|have|like|want|need|request|arrange) a (call|ring|phone call)( back)?', '(a|your) (phone )?number (to|i can) call', 'numero (di telefono )?da chiamare',
  ]],
]);

/** The remaining intent cues, in priority order. */
export const CUES = new PhraseSet<
  'human' | 'cancel' | 'restart' | 'help' | 'switchLanguage' | 'thanks' | 'greeting' | 'book' | 'affirm' | 'deny' | 'outOfDomain'
>([
  ['human', [
    // to be contacted, a call arranged, whoever handles my case, someone who answers now (#12, fifth round, main corpus cross-validated)
    '(to be|be|being) (contacted|called|rung|phoned) (back )?by', '(essere|venire) (ri)?contattat[oa] da', 'fissare una (chiamata|telefonata)', '(please )?have (the|your|a|an) [a-z]+( [a-z]+)? (call|ring|phone)',
    '(puo|potrebbe|puoi|potreste|potete) (ri)?contattarmi', '(ri)?contattarmi (lui|lei)', '(meglio|preferisco|preferirei) che (mi|lo|la|ci) (chiamaste|chiamiate|telefonaste|telefoniate)', '(lo|la|mi|ci) chiamaste voi',
    'better if (a|the|your|someone|somebody|one of your)( [a-z]+)? (calls?|rings?|phones?) (me|him|her)', 'can i (just )?(ring|call|phone)( you| someone| somebody| the (office|workshop|desk))?(?! (me )?(a |an )?(taxi|cab|uber))',
    '(a )?chi (segue|ha in mano|gestisce|si occupa del?la) (la )?mia (pratica|garanzia|richiesta)', '(who|whoever) (is )?(handling|handles|follows|looks after|has) my (case|claim|file|warranty)',
    // the question closing a message about a claim: "…con il perito, chi mi segue?", "who's handling this?"
    '(a )?chi (mi segue|se ne occupa|segue (la pratica|il sinistro))$', '(who s|who is|who will be|who ll be) (handling|dealing with|looking after) (this|it|that|the claim)$',
    '(addetto|persona|qualcuno|uno) che mi (risponda|rispondesse)', '(someone|somebody|a person|anyone|a member of (your|the) (team|staff)|someone on your team)( [a-z]+){0,2} (who ll|who will|who can|that will|that can) (answer|reply|respond|pick up)',
    'qualcuno che (ragioni|capisca|mi capisca)', '(sentire|parlare con) (prima )?(l|la|il) ?(accettazione|officina|service|reception)', 'get me [a-z]+ (from|at|in) (the )?(service desk|reception|workshop|office|front desk)',
    '(mechanic|advisor|manager|technician|meccanico|consulente|capofficina) s (direct |personal |mobile )?(email|number|phone|mobile)', '(mobile|direct|personal) (number|line|email) of (the|your)',
    'speak (one|a|to a|with a|to one) person', 'who do i (speak|talk) to', '(an )?actual (maserati )?(employee|person|human)', 'in carne e oss[ai]',
    // a voice, a word with the mechanic, someone to talk to, a call arranged (#12, twenty-first writers)
    'voce (vera|umana|reale)', '(real|human|actual) voice', 'hear a (real )?(voice|person|human)', '(per|fare|scambiare) due parole', '(il|la) (meccanico|consulente|capofficina|capo officina|accettatore|accettatrice|tecnico|carrozziere) c e', 'due parole (sulla|sul|su|riguardo|a proposito)',
    '(qualcuno|una persona|uno) con cui (parlare|parlarne)', '(someone|somebody|a person|anyone) to (talk|speak) to', '(mi fate|fatemi|farmi|mi fa) parlare con', 'mi (fa|fate) chiamare (da|dal|dall|dalla)',
    'mi (ri)?(telefona|chiama) (la|il|lo|l) [a-z]+ (dell|della|del|dal|in)', 'ci (ri)?chiamate', 'ci (ri)?telefonate', 'is (she|he) (around|in|there|available|free)( today| now)?$', '(always|usually) (dealt|deal|dealing) with [a-z]+',
    '(could|can|would) (one of you|someone|somebody|anyone|one of your [a-z]+)( [a-z]+)? (phone|call|ring) (him|her|them)',
    // an office, a role, the phone, the machine refused (#12, eighteenth and nineteenth voices)
    '(con chi|a chi) (posso|devo|potrei|dovrei) (parlare|rivolgermi)', 'who (can|should|do) i (speak|talk) to (about|regarding)',
    '(mi serve|serve|ho bisogno di|vorrei|voglio) (parlare con )?qualcuno (dell|del|della|in|dall) ?(amministrazione|contabilita|ufficio|accettazione|garanzi\\w*|ricambi)',
    '(need|want|like) (to speak to |to talk to )?(someone|somebody) (from|in) (accounts|admin\\w*|billing|the office|reception|warranty|parts)',
    '(?<!non )(c e|ce) nessuno', '(can|could|may) i (discuss|talk|go through|talk through) (this|it|that)( through| over)? with (?!(my|our|his|her|him|them|the|a|you|u|mum|mom|dad|wife|husband|partner|family|boss)(?![a-z]))[a-z]+', '(detto|devo|dovrei|vorrei|posso|told me|said|asked me|need|should|can i|could i|want|d like) (di |to )?(cercare|cercate|chiedere di|chiedere del|chiedere della|contattare|sentire|ask for|look for|contact|speak to|talk to) (il |la |lo |l |the )?(signor[a-z]*|sig|sigra|dott[a-z]*|ing|mr|mrs|ms) [a-z]+', 'non c e nessuno (che|a) (mi )?rispond\\w*', 'non c e nessuno (in accettazione|al banco|in sede|in officina|allo sportello)', '(il |un )?(contatto|recapito|numero|riferimento) (diretto|telefonico diretto) (del|dell|della|di|per)', '(a |the |your )?direct (contact|line|number) (for|of|to) (the |your )?(service|workshop|reception|desk|advisor|service desk|accettazione|body ?shop)', 'is (anybody|anyone|somebody|someone) (alive|there|home|awake|real)', '(anybody|anyone) (alive|home) (over )?there',
    '(parlare|parlarne|sentire) (col|con il|con la|coi|con i|con lo) (ragazzo|ragazza|signore|signora|collega|meccanico|autista|tecnico|consulente|responsabile|capofficina|biondino|venditore)',
    '(discuss|talk about|go through|go over) (that|this|it) with (a|one of your|your|the) (colleague|mechanic|advisor|adviser|manager|human|person)', '(discuss|talk about|go through|go over) (that|this|it) with (someone|somebody|one of you|a real person)', '(posso|possiamo|potrei) parlarne con (qualcuno|una persona)', '(anyone|anybody|someone|somebody) (i|we) (could|can) (speak|talk) to',
    'basta (con )?(il |i |le )?(robot|bot|chatbot|chat|macchine|risposte automatiche)', '(any|some) real (people|humans?)', 'persone vere', 'non ?bots?( please| pls| thanks)?', 'no (more )?bots',
    'preferisco (spiegare|parlare|raccontare|dire)(?: [a-z]+){0,3} (al telefono|a voce|di persona)', '(rather|prefer to) (explain|talk|tell|describe)(?: [a-z]+){0,3} (on the phone|over the phone|in person|to a (person|human|mechanic))',
    '(do you have|have you got|what s|give me|can i have|could i have) (a |your |the )?(phone|telephone) number', '(can|could) (someone|somebody) (phone|call|ring) (him|her|them|my [a-z]+)', 'easier if (someone|somebody|you|[a-z]+(?: [a-z]+){0,5}) (calls?|rings?|phones?) me', '(sort|arrange|organise|organize|discuss)( out)? (the|this|it|that)( [a-z]+)? (on|over) the phone', '(someone|somebody|a person|one of you) to (phone|call|ring) (her|him|them)',
    // an eighth set of voices, Italian (#12): human help, a colleague's WhatsApp, said aloud to a person, a mechanic who hears it
    'assistenza umana', '(whatsapp|cellulare|numero|telefono) (del|della|dell) (responsabile|capofficina|capo officina|consulente|meccanico|accettazione|tecnico)',
    'a voce a (una persona|qualcuno|un operatore)', 'c e [a-z]+ (del|dell|della) (service|officina|accettazione|carrozzeria|magazzino|ufficio)', '(un|il) (meccanico|tecnico|consulente) mi (senta|chiami|richiami|telefoni)',
    // an eighth set of voices (#12): someone asked to ring, a mechanic to talk to directly, the one who always did the car
    '(ask|get|have) (an?|the|your|one of your) [a-z]+ to (ring|call|phone) me', '(someone|somebody) (just )?(ring|call|phone) me', '(explain|talk it through|go through it) (it |this |that )?(to|with) (a|the|your) (mechanic|technician|person|human|advisor)',
    'who (should|do|does|shall) (i|he|she|we|they) ask for', '(d like|want|prefer|rather) to deal with (him|her)', 'still work(ing|s)? (there|with you|for you)',
    // a seventh set of voices (#12): a colleague asked for by name, a number of an actual advisor, the one in charge
    'mi (passate|passi|passa|passereste|passeresti)( il| la| l)? [a-z]+ (dell|della|del|dal|dalla|in|di)', 'me (lo|la) (passate|passi|passa|passereste|passeresti)',
    '(number|numero)(?: [a-z]+){0,4} (advisor|adviser|consulente|agent|addett[oa]|accettazione|service desk)', 'who s (in charge|the boss|the manager)( there| over there| here)?', 'who (is|runs) (in charge|the (place|workshop|show|desk))',
    // a sixth set of voices, Italian (#12): a call wished in the subjunctive, hand me someone, writing to a computer, a number
    'mi (ri)?(chiamasse|chiamassero|telefonasse|telefonassero|contattasse|contattassero)', 'passami (uno|una|qualcuno|chi)', 'sto (scrivendo|parlando) (a|con) un (computer|robot|bot|programma|macchina)', '(am i|are we) (texting|talking to|writing to|chatting with) a (machine|bot|robot|computer)',
    '(datemi|dammi|mi date|mi dai) un (recapito|numero)( telefonico| di telefono)?', 'a che ora posso (chiamarvi|chiamare|telefonarvi|telefonare)', 'what time can i (call|ring|phone)',
    'mi (ri)?chiama (il|la|lo|un|uno|una|qualche) (capofficina|capo officina|responsabile|meccanico|consulente|tecnico|titolare|accettatore|accettatrice)',
    // (#12, fifth round) a consultation with a technician, the one who does the deliveries asked to ring
    '(consultation|consult|a word|a chat|a call) with (one of your|a|an|your|the) (technicians?|mechanics?|advisors?|advisers?|specialists?|engineers?)', '(could|can|would) (the|your|one of your) [a-z]+(?: [a-z]+){0,6} (call|ring|phone) me', '(parlare|parlarne|sentire) (direttamente )?con (lui|lei)',
    // a sixth set of voices (#12): through someone in particular, face to face, talking to a wall, a number asked for
    '(rather|prefer\\w*) (go|going) through (him|her)', 'face to face', 'di persona (con|col)', '(parlarne|parlare|parlarvi|vedervi) di persona', 'talking to a (wall|brick wall)', 'parlare (al|con un) muro', 'phone number\\?*$', 'numero di telefono\\?*$',
    'who (should|do) i ask for', 'chi (devo )?chiedo', '(rather|prefer\\w*) (discuss|talk about|do|sort|go over)(?: [a-z]+){0,2} (on|over) the phone', 'preferisco (parlarne|sentirci|discuterne) al telefono',
    '(somebody|someone|anyone|qualcuno) (call|ring|phone|chiam\\w*|telefon\\w*) me',
    // a fifth set of voices (#12): a word with a mechanic, said aloud, the one who always follows me, is anyone reading
    '(c e|ce) qualcuno (in ufficio|in officina|in sede|in accettazione|li)', '(anybody|anyone|somebody|someone) (in|at) the (office|workshop|desk|reception)( right)? now',
    '(fate|fatemi) (che )?(mi )?(contatt\\w*|chiam\\w*)', 'mi contatti [a-z]+', '(have|get|ask) [a-z]+( from [a-z]+)?( to)? get in touch', 'get in touch with me',
    '(uno dei vostri|un vostro|una vostra|qualcuno di voi|one of your (team|staff|people|guys|mechanics|technicians))(?: [a-z]+){0,3} (mi )?(spiegasse|spieghi|spiegherebbe|illustrasse|walk me through|talk me through|explain)', 'walk me through', 'talk me through',
    '(farmi|mi fate|fatemi|mi potete far|potete farmi) sentire (dal|dalla|da|con)', 'al telefono (facciamo|ci mettiamo|si fa|risolviamo|faccio|ci vuole)', '(quicker|easier|faster|simpler) (on|over) the phone',
    'vi telefono io', 'i ll (just )?(phone|ring|call) you(?: [a-z]+){0,3} (instead|myself)', '(do|dico|darei|direi|preferisco dare)(?: [a-z]+){0,2} (per|al) telefono', '(per|al) telefono,? preferisco', '(give|explain|discuss|do this|do it|talk it through|go through)(?: [a-z]+){0,3} over the phone',
    '(chat|conversation|word|talk) with (a|the|one of your|your) (mechanic|technician|engineer)', '(technician|mechanic|engineer|advisor)(?: [a-z]+){0,4} on the phone', '(spare|give me) (five|ten|two|a few|[0-9]+) minutes',
    'landline', 'avete un (numero )?(fisso|telefono)', '(chat|bot|app)(?: [a-z]+){0,3} (is not|isn t|non fa|non e) (for me|per me)', '(talk|speak) to [a-z]+ about (this|it|that)', '(she|he) (dealt with|handled|did|sorted) (it|this|that) last time',
    '(confrontarmi|confrontarsi|parlarne|parlare|sentirmi|sentire) con (un|il|uno dei vostri|un vostro) (meccanico|tecnico|meccanici|tecnici)', '(talk|speak)( it| this| things)?( through| over)? (to|with) (a|the|one of your|your) (mechanic|technician|engineer|mechanics|technicians)',
    '(spiegasse|spiegarmi|spiegare|spiegarlo|dire|dirmi|fare sapere|farmi sapere|parlarne|sentirci|sentirvi|sentirla|parlarvi|rispiegare)(?: [a-z]+){0,3} a voce', '(explain|say|talk|discuss)( it| this| things)? out loud', '(quicker|easier|faster) by voice', 'sempre (lei|lui) che mi segue', 'mi segue sempre', '(she|he) always (sorts me out|looks after me|deals with me|handles my)', '(she|he) (has been|s been|is|was) (looking after|dealing with|handling|following) (me|my)', '^is (?!(it|that|this|there|the|my|your|a)\\b)[a-z]+ (in|around|on|about|available)( today| now| at the moment| this morning| this afternoon)?$', '(c e|ce) (il |la )?(?!(posto|tempo|spazio|un|una|la possibilita)\\b)[a-z]+ oggi$', '^(la signora|il signor|la sig|il sig|la dottoressa|il dottor|signora|signor) [a-z]+( [a-z]+)? (c e|ce|e in (ufficio|sede)|e disponibile)',
    '(fatelo|fatela|fate) (riprendere|seguire|gestire) (a|da) (lui|lei)', '(get|have|ask) (him|her)( to)? (pick|take|handle|deal with) (it|this|that)', 'pick (it|this) up from (him|her)',
    '(legge|leggete|read|reads)( davvero| actually| really)? (questi|these|i vostri|your)( [a-z]+)? (messaggi|messages|chats)', '(tutto|solo) (in )?automatico', 'all automatic', 'just a (bot|machine|program)',
    '(get|got) hold of me', 'appreciate a (call|ring)', '(a )?call from (your|the) [a-z]+ (manager|advisor|adviser|department)',
    // a fourth set of voices (#12): a ring, someone real, a named person in a department, a word with a mechanic
    'squillare il telefono', 'give me a buzz', 'passami uno vero', 'uno vero', 'mi arrendo', '(farmi )?ricontattare', 'someone with a pulse', 'going round in circles',
    '(parlare|parlo|sentire) con [a-z]+ (del|della|dell) (magazzino|ricambi|service|officina|accettazione|carrozzeria|vendite|amministrazione)', '(speak|talk) to [a-z]+ (in|from|at) (the )?(parts|service|sales|workshop|reception|bodyshop|accounts)',
    'a word with', 'an actual (person|human|bloke|guy)', 'is [a-z]+ still there', '(c e|ce) ancora (la signora|il signor|la|il) [a-z]+', 'someone who can think', 'canned answer', 'foreman', 'get in touch with (your|the|a)', 'phone call with (an|a|the)',
    // a third set of voices (#12): someone real, the one in charge of a thing, a named person asked for, a hard time with the chat
    'qualcuno (di|de) vero', 'quarcuno', '(contatto|parlare|sentire) (diretto )?(con |col )?(il )?(direttore|titolare)', 'telefono con (una )?persona', 'con (una )?persona per favore', '(una )?persona per favore',
    'chiedere di (lui|lei)', 'ask for (him|her)', '(in )?difficolta con (la|questa) chat', '(struggling|having trouble|can t cope) with (the|this) chat', '(passatemi|passami|mi passi|mi passate) un cristiano',
    '(parlare|sentire|parlo) con (il|la) responsabile', 'a voce (a|con) qualcuno', '(talk|speak) to whoever', 'whoever (handles|deals with|is in charge of|looks after)', 'let me (speak|talk) to',
    '(parlare|parlo|parla) (con )?(un|una|l|il|la|qualcuno|persona)(?! po)', 'operatore(?! (ecologic|socio|sanitari|di borsa|turistic))', 'operatrice(?! (ecologic|socio|sanitari))', 'persona (vera|reale|fisica)', 'essere umano', 'umano',
    'consulente', 'accettatore', 'addetto', 'mi (chiami|chiamate|richiami|richiamate|telefonate|richiama)', 'farmi chiamare', 'parlare con (voi|qualcuno)',
    'human', 'real person', 'a person', 'someone real', '(speak|talk) (to|with) (someone|somebody|a|an|the)', 'agent', 'operator', 'advisor', 'call me( back)?', 'representative',
    // "is there a real person?" (#11)
    'c e (qualcuno|una persona|un umano|un operatore|un consulente)( li| di vero| vero| reale)?$', 'in carne e ossa',
    '(passami|passatemi|mi passate|mi passi|mi passa|passarmi) (qualcuno|una persona|un collega|un responsabile)', 'parlarne con (qualcuno|una persona|un)', 'put me through( to)?',
    '(numero|number)(?: [a-z]+){0,4} (persona|person|human|operatore|operator)', '^(is )?(anyone|anybody|someone|somebody) (there|here|around)$',
    '^is there (anybody|anyone|someone|somebody)( there| real| human| in)?$', 'a (real|live) (human|person)', 'human being', 'live (agent|person)',
    // the boss, reception, a voice on the phone (#12)
    '(voglio|vorrei|passatemi|passami|mi passi|mi passa|mi passate) (il |la |un |una )?(vostro |vostra |tuo )?(manager|capo|responsabile|direttore|direttrice|titolare|reception|accettazione)',
    // contact, a voice, a colleague (#12); "sei un robot?" alone is a question we answer
    'contatt\\w* (diretto|telefonico)', 'essere contattat\\w*', 'contattatemi', 'contattami', 'mi contatt(ate|a|i)', 'fatemi contattare', 'parlare a voce', '(a )?che numero (vi|la|ti) (posso|possiamo) (chiamare|telefonare)',
    'datemi un numero', '(un|il) (vostro )?collega', 'referente', 'in comunicazione', '(parlare|parlo|parla) (col|coi|con chi)', 'c e un (responsabile|referente|tecnico|meccanico)',
    '(passami|mi passi|mi passa|passatemi|mi passate) (il |la |l )?(reparto|ufficio|service|officina)', 'aspetto (una|la) (vostra )?(chiamata|telefonata)', 'una vostra (chiamata|telefonata)',
    'dei bot', '(voglio|vorrei) (una persona|qualcuno)',
    'contact me', 'get in touch with me', 'have someone (contact|email|text) me', 'what number (can|do|should) i (call|ring)', 'i want a (person|human)',
    '(mi )?serve una persona', 'dipendente', 'member of staff', 'servizio clienti', 'customer (service|care|support)', 'chi posso (chiamare|sentire|contattare)', 'who (can|should|do) i (speak|talk) to',
    '(il vostro|your) (numero di telefono|phone number)', '(parlare|speak|talk) (con|to|with) (un |a |the )?(meccanico|mechanic|tecnico|technician)', 'mettete in contatto', 'put me on to', 'connect me', 'transfer me',
    // more ways to ask for someone (#12, fresh dev corpus)
    'sentire (il|la) (responsabile|titolare|capo|direttore|consulente|tecnico)',
    'speak on the (telephone|phone)', '(i want|get me|i need) the (workshop|service|after ?sales) manager', 'workshop manager', 'head of (after ?sales|service|the workshop)', 'a word with (them|him|her|someone)',
    'proper person', 'speak person', 'want speak', 'not the machine', 'give (us|me) a bell', 'put me in touch', 'set up a call', 'put someone on', 'hear someone s voice', 'someone in charge',
    'ask someone over the phone', '(telephone|phone|ring|call) me on', '(talk|speak) to (him|her)$', 'telephone me',
    '(vorrei|voglio|preferirei|preferisco|posso|potrei|possiamo)(?: [a-z]+){0,3} parlare al telefono', 'capo officina', 'vorrei sentire (lui|lei|qualcuno|la voce)', 'sentire la voce', '(lo|la) vorrei sentire', 'parlo da sol[oa]',
    'contattare telefonicamente', 'telefonicamente', '(volesse|potete|potreste|vorreste|dovreste|vogliate)( cortesemente)? contattarmi', '(omm|uomo|persona|cristiano|umano) vero',
    'non (la|il|co|con|sto|questo|questa|sta) (macchinetta|coso|computer|robot|bot|chat)', 'chiama\\w* da (qualcuno|quarcuno)', 'me fai chiama', 'fatemi chiama', 'parla co', 'na persona',
    'incaricat\\w*', 'chiama me', 'numero fisso', 'per favore telefono', 'parlare con uomo', 'scrivere direttamente (a|al|alla|con)', '(message|text|write to|email) (her|him|them) directly', 'direct (line|number|contact)',
    '(datemi|dammi|mi date|mi dai|give me|send me)(?: [a-z]+){0,3} (numero|number|contatto|contact)', 'qualcuno (che risponde|che mi risponde|vero)', 'is (anyone|anybody|someone) (actually |really )?(there|real|reading)',
    'parlarne a voce', '(vorrei|voglio|preferirei|preferisco|meglio|possiamo) (parlare |sentirci |spiegar\\w* )?a voce', '(talk|speak|discuss|chat|go through|walk) (me |it )?(through it |about it )?(on|over) the phone', 'phone contact', '(talk|speak) to one of your', 'pass me (on )?to', 'real one', '(passamelo|passamela|passatemelo) a',
    'non capisci (niente|nulla|un cavolo)', 'you (don t|do not) understand', 'you re not getting it', 'ricevere una (chiamata|telefonata)', '(get|receive) a (call|phone call)', 'just call me',
    'sentire (una persona|qualcuno)', 'una persona al telefono', 'supervisor', '(your|the) (boss|manager)', '(speak|talk) (to|with) (reception|the front desk|someone at|your)', 'give me a ring', 'ring me',
  ]],
  ['cancel', [
    'disdir\\w*', '(bin|scrap|ditch) it', '(found|got|going with) (another|a different|a cheaper) (garage|dealer|place|workshop|mechanic)', '(trovato|preso) (un altra|un altro|un altra) (officina|concessionaria|meccanico|posto)', 'annull\\w*', 'disdic\\w*', 'disdett\\w*', '(?<!\\b(il|al|del|dal|nel|sul|un|ai|dei|codice|code) )cancell(?!(?:o|i) (?:verde|rosso|nero|grigio|bianco|automatico|elettrico|rotto|aperto|chiuso|di casa|del garage|del condominio|d ingresso|carrabile|e |e rotto|sono))\\w*', 'lascia (stare|perdere)', 'lasciamo (stare|perdere)', 'lascio (stare|perdere)', 'lasciate (stare|perdere)', 'ci ripenso', '(scrap|ditch|bin) (all )?(this|that|everything)( all)?', 'non (voglio|vorrei) piu', 'non mi interessa piu', 'basta cosi', '^stop$',
    '(?<!\\b(il|al|del|dal|nel|sul|un|ai|dei|codice|code) )cancel(?!l(?:o|i) (?:verde|rosso|nero|grigio|bianco|automatico|elettrico|rotto|aperto|chiuso|di casa|del garage|del condominio|d ingresso|carrabile|e |sono))\\w*', '^(scrap|ditch|bin|drop) (that|this|it)( pls| please| thanks)?$', 'forget (it|about it)', 'never ?mind', '^leave it$', 'let s leave it', 'forget the whole thing',
    'non (prenoto|prenotare|prenotate)(?! (ancora|per ora|adesso|subito))', '(won t|don t|do not|will not) book', 'changed my mind ~ (not|won t|don t)', 'ci ho ripensato ~ non', 'call it off', 'don t want (it|to book) anymore', '^(quit|exit)$',
  ]],
  ['restart', [
    'daccapo', '(go|get|going) back to the (start|beginning)', 'tornare (all|al) (inizio|principio)', 'ricomincia\\w*', 'rincominci\\w*', 'da capo', 'dall inizio', 'ripart\\w* da (zero|capo)', 'reset\\w*', 'nuova prenotazione', 'rifacciamo',
    'start (over|again|from scratch)', '(?<!(after|before|with|dopo|a|an) )restart(?! (the )?(car|engine|it|her))', 'begin again', 'from the (beginning|top)', 'new booking',
  ]],
  ['help', [
    'aiuto', 'aiutami', 'help', 'non capisco', 'non ho capito', 'come funziona', 'cosa (posso|devo) (fare|scrivere|dire)', 'cosa (mi )?chiedi', 'che cosa devo',
    'how does (this|it|the chat|this chat|the bot|this bot|this thing|the app|this app) work', 'what (can|should|do) i (do|say|type|write)', 'cosa (posso|devo) (chiederti|chiedere|rispondere)', 'che opzion\\w*', 'mi sono pers\\w*', 'come si usa',
    'what (are|re) my options', 'what can i ask', '(i m|i am) lost', 'lost me', 'how do i use', 'explain how', 'don t get what', 'didn t (understand|get) the question', 'what am i (meant|supposed) to', 'i don t understand', 'confused', 'what do you mean', 'che significa', 'cosa significa', 'istruzioni',
  ]],
  ['switchLanguage', [
    '(in|parla|parli|parlate|parlare|scrivi|scrivere|scrivete|rispondi) ?(in )?(inglese|italiano)', 'inglese per favore', 'italiano per favore', 'english', 'italian', 'in italiano', 'parla italiano', 'sai l italiano',
    '(parliamo|passiamo|torniamo|passare|tornare|cambiamo|continuiamo|proseguiamo|switch|go back|back) ~ (inglese|italiano|english|italian)',
    '(capisco|parlo|conosco|non so)(?: [a-z]+){0,3} (inglese|italiano)', 'il mio (inglese|italiano)', '^(italiano|inglese|english|italian)( please| per favore| grazie| thanks)?$',
    'prefer\\w* (l )?(italiano|inglese|english|italian)',
  ]],
  ['thanks', ['grazie\\w*', 'grazi', 'graize', 'ti ringrazio', 'la ringrazio', 'vi ringrazio', 'gentilissim\\w*', 'thank\\w*', 'thx', 'cheers', 'much appreciated', 'ringrazio', 'appreciate it', '^ta$']],
  ['greeting', ['^(good )?(morning|afternoon|evening)( all| folks| everyone| guys| team| there| lads| ladies)?$', 'ciao', 'salve', 'buongiorno', 'buondi', 'ehi', 'heya', 'hey there', 'buon giorno', 'buonasera', 'buona sera', 'buon pomeriggio', 'hello', 'hi', 'hey', 'good (morning|afternoon|evening)', 'hiya', 'howdy', 'greetings', '^g ?day( mate)?$']],
  ['book', [
    // "this time just a valet", "stavolta solo il tagliando": the work wanted now, after a story about last time
    '(this time|questa volta|stavolta)( it s| i need| i d like| we need| mi serve| vorrei| serve)? (just|only|solo|soltanto)',
    'prenot\\w*', 'appuntament\\w*', 'fissare', 'fissiamo', 'portare (la|l|la mia|la macchina|l auto)', 'porto (la|l)', 'portarla', 'devo (fare|portare)', 'vorrei (fare|portare|prenotare)',
    'avrei bisogno', 'ho bisogno', 'dovrei fare', 'deve fare', 'serve (fare|il|la|un|una)', 'vorrei', 'quando (posso|potrei|potete)', 'disponibilita', 'posto libero', 'slot',
    'book\\w*', 'appointment', 'schedule', 'reserve', 'bring (it|my|the) ~ in', 'bring in', 'drop (it|my car|the car) off', 'i need', 'i d like', 'i would like', 'i want', 'need (a|an|to|the)', '(need|want|would like) (someone|somebody|you|one of you) to (check|look at|have a look|take a look|see)', 'can you (fit|take)', 'availability', 'when can i', 'due (for|a|an|its|her)',
  ]],
  ['affirm', [
    'si', 'sì', 'sii', 'certo', 'certamente', 'esatto', 'esattamente', 'giusto', 'corretto', 'confermo', 'conferma', 'confermato', 'va bene', 'va benissimo', 'vabene', 'vabbene', 'ok', 'okay', 'perfetto', 'benissimo', 'd accordo', 'daccordo', 'sicuro', 'ottimo', 'procedi', 'procediamo', 'assolutamente', 'volentieri', 'per me va bene', 'bene',
    '^vai( pure| vai| tranquillo)?$', '^(go|go on|go for it|crack on)$', 'go go( go)?', 'e vai', 'va benone', 'confermiamo( pure)?', 'yes', 'yeah', 'yep', 'yup', 'sure', 'correct', 'right', 'exactly', 'confirm\\w*', 'go ahead', 'sounds good', 'that s (fine|great|right|perfect)', 'perfect', 'fine', 'great', 'absolutely', 'of course', 'alright', 'all right', 'do it', 'please do', 'book it', 'works for me', 'y',
    // everyday short yeses
    'go for it', 'definitely', 'certainly', 'vabbe\\w*', 'vabbuo', 'vabene', 'sisi', 'si si', 'ci sta', 'daje', 'andata', 'ok dai', 'dai ok',
    'ya', 'yea', 'yeah', 'yh', 'ye', 'va be', 'yes please', '(looks|sounds|all) (good|great|fine|perfect)', 'lovely', 'brilliant', 'cool', 'deal', 'that works', 'works', 'spot on', 'sure thing',
  ]],
  ['deny', [
    'no', 'nope', 'nah', '^negative$', 'non (va bene|mi va|confermo|e giusto|e corretto|e cosi|proprio)', 'negativo', 'assolutamente no', 'per niente', 'sbagliato', 'non e quello',
    'not (really|quite|right|correct)', 'that s (wrong|not right|incorrect)',
    // put off at the summary (#12, twenty-eighth writers): not now, leave it for now, don't confirm yet
    'not (for )?now', '(non )?per (ora|adesso) no', 'non per (ora|adesso)', 'let s leave it( for (now|the moment|today))?', 'leave it for (now|the moment)', 'hold off( on it)?', 'non confermare( ancora)?', 'aspetta a (prenotare|confermare)',
    // everyday short noes
    'macche', 'nono', 'no no', '(neanche|nemmeno|neppure|manco) per (sogno|idea)', 'per carita', 'proprio no', 'ma no', 'ma che',
    'not at all', '(definitely|absolutely|certainly|of course) not', '^not yet$', '^non ancora$', '(that|it) (isn t|is not|s not) (correct|right)', 'no way', 'nope not', 'no chance', 'wrong', 'incorrect', 'don t confirm', 'do not confirm', 'no thanks', 'no thank you', 'n',
  ]],
  ['outOfDomain', [
    // a visit, a club, a car sold to us (#12, twenty-eighth writers); the weather; insurance priced roughly
    '(going to|will it|gonna|is it going to) (snow|rain)', 'se nevica', 'forecast', 'previsioni del tempo', 'to insure an', 'quanto (mi |ci )?(costa|costerebbe|verrebbe|viene) (piu o meno|circa|all incirca|indicativamente|grosso modo) (l |un |una |la )?(assicura\\w*|kasko|polizza|rc auto)',
    'visit\\w* (la |the |alla |lo )?(fabbrica|factory|stabilimento|plant)', 'factory (tour|visit)\\w*', 'tour\\w* (of|della|dello) (the )?(fabbrica|factory|stabilimento|plant)', 'owners? club', 'club (maserati|dei proprietari)', 'radun\\w*', '(would|will) you (buy|be interested in buying)', 'buy my (car|levante|ghibli|grecale|quattroporte|mc20|granturismo|grancabrio|maserati)', 'thinking of selling', 'interessat\\w* a comprar\\w*',
    '(recommend|consiglia\\w*|consigli|any good|know a good|know any|suggest)(?: [a-z]+){0,3} (restaurants?|ristorant\\w*|pizzeri\\w*|bar|cafe|caffe|hotel|trattori\\w*|place to eat|pub)', 'meteo', 'piove', 'pioggia', 'tempo (fa|che fa|domani)', 'barzellett\\w*', 'calcio', 'partita', 'juve\\w*', 'serie a', 'scudetto', 'ricett\\w*', 'cucin\\w*', 'pizza', 'politica', 'elezioni', 'oroscopo',
    'quanto costa (una|la nuova|un|comprare)', 'comprare (una|la|un)', 'acquist\\w*', 'listino', 'nuova maserati', 'usato', 'usate', 'finanziament\\w*', 'leasing', 'permuta', 'test drive', 'prova su strada', 'curriculum', 'assunzion\\w*', 'poesia', 'canzone',
    // about owning the car, not servicing it: tax, insurance cover to buy, its value, its specifications, a job
    '(fate|vendete|offrite|fai|vendi) (anche )?(le |la |delle )?(assicurazion\\w*|polizz\\w*)( auto)?', '(do|can) you (also )?(sell|offer|do|arrange) (car |motor )?insurance', 'my insurance (go up|premium)',
    '(consigli\\w*|recommend|suggest|best)(?: [a-z]+){0,3} (assicurazion\\w*|insurance|insurer)', 'crash test',
    'bollo', 'superbollo', 'tassa (auto|automobilistica|di possesso|di proprieta)', 'passaggio di proprieta', 'valutazion\\w*', 'quanto (vale|valuta\\w*)',
    'quanto (mi )?(date|dareste|dai|valutate|offrite|ritirate)', 'quanto (mi |ci )?(costa|costerebbe|verrebbe|viene|verra) (l |un |una |la )?(assicura\\w*|kasko|polizza|rc auto)', 'assicurare (una|la|il|un|l)', 'preventivo ~ (assicura\\w*|rc auto|kasko)',
    'quanto consuma', 'consumi', 'quanti cavalli', 'velocita massima', 'cercate personale', '(mandare|inviare|lasciare) (il |un |mio )?(cv|curriculum)',
    '(car|road|vehicle|ownership) tax', 'how much (is|s) ~ worth', 'what s ~ worth', '(is|s) ~ worth now', 'worth these days', 'worth (today|second hand)', 'valuation', 'give me for (my|the|a)',
    '(how much|what) (is|s|does|would|will) (the |my |a )?(fully comprehensive |comprehensive |fully comp |third party )?insurance', 'insurance (quote|premium|cost|price)', 'to insure (a|my|the)',
    'part ex\\w*', '(che|quale) assicurazione', '(insurance|assicurativ[a-z]*) broker', 'broker assicurativ\\w*', '(my )?premium (has )?(just )?(doubled|tripled|went up|gone up)', '(which|what) insurance', 'second hand', '(range|autonomia) (of|on|della|del|ha)', 'autonomia',
    'con una (sola )?ricarica', 'on a (single |full )?charge', 'lungo termine', 'long term (rental|lease|hire)', 'ristorante', 'restaurant', 'change of ownership',
    '(top|max|maximum) speed', 'how many (hp|horsepower|bhp|cv)', '0 (60|62|100)', '4x4', 'trazione integrale', 'carplay', 'android auto', 'tax (my|the|a|it)', 'to tax',
    'mi valutate', 'valutarmi', 'vendete', 'in vendita', 'for sale', 'do you sell', 'available to order', 'usata', 'usati',
    '(new|nuova|nuovo) (maserati|grecale|ghibli|levante|quattroporte|mc20|granturismo|grancabrio)', 'fuel (economy|consumption)', 'mpg', 'horsepower', 'bhp', 'how fast (is|does|can)',
    'weather', 'rain\\w*', 'joke\\w*', 'football', 'soccer', 'recipe\\w*', 'cook\\w*', 'politic\\w*', 'election\\w*', 'horoscope', 'poem', 'song', 'movie', 'film', 'stock', 'bitcoin', 'crypto',
    'buy (a|the|one)', 'purchase', 'how much (is|does|for) (a|the) (new|used)', 'price of (a|the) new', 'new maserati', 'used (car|cars|maserati)', 'finance deal', 'lease deal', 'trade ?in', 'job (offer|opening|vacanc\\w*)', 'hiring', 'capital of', 'who (is|was|won)', 'what is the meaning', 'tell me (a|something)', 'chatgpt', 'homework',
  ]],
]);

/** Correction markers: "anzi", "no aspetta", "actually", "make it" (not "prima è meglio è", "the sooner the better"). */
export const CORRECTION = /(?<![a-z])(intendevo|did i (say|write|put)|rettific\w*|corregg\w*|cambia (pure|il|la|l|giorno|data|orario|nome|targa|modello|lavoro)|change (the )?(day|date|time|name|plate|model|work|service|car) to|change (it )?to|al posto (del|della|dei|delle|di)|(?<!(operator|operatore|human|agent|persona) )(by mistake|per sbaglio)|mixed up|sbagliat[oa] (modello|targa|nome|giorno|data|cognome)|(cognome|nome|targa|modello|giorno|data) (errat[oa]|sbagliat[oa])|mis ?(clicked|read|typed|spelt|spelled)|got the [a-z]+ wrong|i think i wrote|ho scritto (male|sbagliato)|mi so sbajat[oa]|anzi|no aspetta|aspetta|mi sono sbagliat\w*|ho sbagliato|correggo|correzione|cambiamo|cambia (in|con)|sorry wrong|wrong (plate|date|day|car|model|time|one)|invece|piuttosto|preferisco|meglio(?! e(?![a-z]))|scusa(te)? (no|volevo dire)|volevo dire|ho detto male|actually|make it|change (it|that) to|instead|sorry i meant|i meant|correction|rather|no wait|wait no|scratch that|on second thoughts?|(?<!the )better|cambio idea|ho cambiato idea|change of plans?|changed my mind|ho scritto male|typo|mi sono confus\w*|got confused|sbagliato (il|la|l|giorno|targa|nome)|^(ah|oh) no)(?![a-z])/;
