/**
 * The mobility the customer wishes (R4–R7), and which legs of pickup & delivery (R6).
 * Explicit refusals ("non mi serve nulla") come before anything they might mention.
 * @module
 */
import type { Legs, MobilityWish } from '../../../dialogs/model';
import { PhraseSet } from './phrases';

const CAR = '(auto|macchina|vettura|veicolo|mezzo|car|vehicle)';
/** Family and friends: "mi accompagna mia moglie", "my husband will pick me up" mean no mobility from us. */
const KIN = '(moglie|marito|compagn[oa]|fidanzat[oa]|figli[oa]?|mamma|madre|papa|padre|fratello|sorella|amic[oaie]|collega|colleghi|vicin[oa]|cognat[oa]|suocer[oa]|zi[oa]|nonn[oa]|nipote)';
const KIN_EN = '(wife|husband|partner|girlfriend|boyfriend|gf|bf|missus|missis|hubby|other half|fiance|fiancee|son|daughter|mum|mom|mother|dad|father|brother|sister|friend|mate|colleague|coworker|co worker|workmate|neighbou?r|brother in law|sister in law|uncle|aunt|flatmate|boss)';

/** Mobility phrases, in priority order. */
export const MOBILITY = new PhraseSet<MobilityWish>([
  ['none', [
    'non (mi )?(serve|servira|occorre|ho bisogno di) (nulla|niente|nessun\\w*|alcun\\w*)',
    'nessuna (soluzione|auto|mobilita)', 'nessun mezzo', 'sono a posto cosi', 'niente auto', 'nulla grazie', '(?<!(?:riconsegna|consegna|ritiro|andata|ritorno|la macchina di cortesia) )non serve(?! che sia| (chiam|richiam|telefon|scriv)\\w*| (un |l |il )?operat\\w*| che mi)( nulla| niente)?', '(aspetto|attendo|resto|rimango|sto) (in|nella) sala d attesa', '(sit|wait|stay) in the waiting (room|area)',
    'aspetto (in sede|li|da voi|in concessionari\\w*|in officina)', '(resto|rimango) (li|la|qui|in sede|da voi)', '(resto|rimango) ~ (ad|a) aspettare', 'stay and wait', 'i ll stay',
    // their own two wheels: "ho la moto, vengo con quella", "I'll ride home"
    '(ho|porto|prendo|uso) (la|una|mia) (moto|bici|bicicletta|vespa|scooter)', 'vengo con quella', '(torno|vado|vengo|rientro|proseguo)( a casa| al lavoro| in ufficio)? (in|con la) (bici|bicicletta|moto|monopattino|scooter)',
    // waiting for it, or a relative driving: "I'll wait for it", "my sister is driving me home" (#12, twenty-fourth writers)
    '(i ll|i will|i can|happy to) wait (for it|there|while)', '(my|mio|mia) (brother|sister|wife|husband|son|daughter|neighbou?r|friend|colleague|mum|mom|dad|partner|mate) (is |will |ll |can )?(driv(e|es|ing)|pick(ing)? me up|fetch(ing)?|collect(ing)?) me',
    'mi porto (dietro )?la (bici|bicicletta|moto)', '(?<!a )(ride|cycle|bike|scoot) (home|back)', '(got|have|bring) my (bike|motorbike|scooter)', 'attendo (in sede|li|da voi|in concessionari\\w*)',
    'ho (un altra|la seconda|gia un altra) (auto|macchina)', 'mi arrangio(?! (coi|con i|con il|col|in) (mezzi|treno|bus|autobus|taxi|tram|metro|pullman|corriera))', 'faccio da (me|solo|sola)', 'mi viene a prendere', 'mi vengono a prendere',
    'no need(?! to (ring|call|phone|contact|write|text|message|email))', 'don t need (anything|a car|any)', 'no car (needed|required|necessary)', 'car not needed', 'non (mi )?serve (la|una) macchina', 'do not need (anything|a car)', 'nothing( thanks)?( anyway)?$', '^(niente|nulla)( grazie)?( lo stesso)?$', 'i ll wait(?! for)', 'i will wait(?! for)', 'wait (there|at the dealer\\w*|in the lounge)',
    'i have (another|a second) car', '(got|have) the other car', 'ho l altra (auto|macchina)', '(il|un|col|con il|mio) monopattino', 'torno con quello', '(hang|wait|sit) (about |around )?(in|at) (your|the) (showroom|lounge|reception)', 'got another car', 'no mobility', 'not needed', 'none',
    `(mia|mio|un|una) ${KIN} ~ (accompagna|porta|riporta|da un passaggio|viene a prendere|passa a prendere)`,
    `mi (accompagna|porta|riporta|passa a prendere) ~ ${KIN}`,
    `(my|a|the|our) ${KIN_EN} ~ (drive\\w*|take\\w*|run\\w* me|pick\\w* me|giv\\w* me a lift|collect\\w* me|drop\\w* me|bring\\w* me)`,
    // "un collega mi dà un passaggio", "viene mio figlio a prendermi", "wife's picking me up"
    `${KIN} ~ (da|dara) un passaggio`, `${KIN} (mi )?(viene dietro|segue|seguira)`, `(un|mio|mia) ${KIN} ~ (mi )?(da|dara|offre) un passaggio`, `passaggio ~ (un|mio|mia|dal|dalla) ${KIN}`,
    `(viene|verra|passa|arriva) ~ ${KIN} ~ (a )?prendermi`, `${KIN} ~ (viene|verra|passa) a prendermi`,
    `${KIN_EN} (s )?(is )?(picking|collecting|fetching|getting) me`, `${KIN_EN} (s |is |will be )?coming (to get|for|to pick up) me`,
    `${KIN_EN} ~ come (and )?(get|pick up|collect|fetch) me`, `(lift|ride) (from|with) (my|a) ${KIN_EN}`, `(viene|passa|verra) a prendermi ~ ${KIN}`,
    `(venire a prendere|accompagnare|riportare|portare|passaggio) (da|dal|dalla|con) (mio|mia|un|una|il mio|la mia) ${KIN}`,
    // a tenth and eleventh set of voices (#12): waiting there, walking on, one's own driver, family who bring and take back
    '(?<![a-z])i wait(?! for)(?![a-z])', 'i will be waiting (at|in|there|on site|on the premises)', '(be )?waiting at your (premises|place|dealer\\w*|showroom|workshop)', 'walk (to|into|in to) (work|town|the office|the station|the centre|the center|home)',
    '(my|our|the) (driver|chauffeur|autista)(?: [a-z]+){0,7} (wait|waits|will wait|follow\\w*)', '(il mio|la mia|mio|mia) (autista|driver)(?: [a-z]+){0,5} (aspetta|aspettera|segue|seguira)',
    '(vorrei|voglio|posso|preferisco|pensavo di) (restare ad )?aspettar(e|la|lo)( li| la| da voi| in sede| in officina)?', 'e aspettar(e|la|lo)( li| la| da voi)?$',
    '^(in|con la|con) (bici|bicicletta|e ?bike|moto|monopattino|scooter)', `(la|lo) porta e (la|lo) riprende (mio|mia|il mio|la mia) ${KIN}`,
    // their own arrangements, or another car of the family
    'sort myself out', 'make my own way', 'own arrangements', 'mi organizzo', `${KIN_EN} s car`, `(macchina|auto) (di|della|del) (mia|mio) ${KIN}`,
    // a fifth set of voices (#12): waiting there while the work is done, brought and taken back by one's own
    '(aspetto|attendo) (in sala|al bar|nel bar|in zona|nei paraggi|qui vicino|li vicino|fuori)', '(la porto|la lascio|vengo|passo) e (aspetto|attendo)', '(?<!che )(io )?(aspetto|attendo)$', '(e|poi|ed) (aspetto|attendo|aspetterei|attenderei)$', '(porto|portarla|lasciarla)(?: [a-z0-9]+){0,6} e aspettare',
    '(i can|i ll|i will|we ll|we can|we will|i d|happy to) (just )?(wait|hang around|hang about|stick around)(?! for)', '(and|then) wait$', 'bring a book', 'will wait$', '(grab|have) (a )?(lunch|coffee|a coffee)(?: [a-z]+){0,3} (and )?wait',
    `(torno|tornero|vengo|rientro|riparto) (a casa )?con (mio|mia|il mio|la mia|il|la) ${KIN}`, `${KIN} (che )?mi (riaccompagna|riporta|accompagna)`, '(vengo|arrivo|sono) accompagnat[oa](?! (da (voi|un vostro|uno dei vostri)))',
    `(go|come|get|head) (back )?(home )?with my ${KIN_EN}`, `my ${KIN_EN} ~ follow\\w* me`, `${KIN_EN} (can|will|ll|is going to) (drop|drive|take|run|pick) me`,
    // an eighth set of voices (#12): waiting there said every way, a driver who waits, family who come
    '(aspetto|aspettiamo|aspettero|aspettera|aspetteremo|aspetta|aspettando|attendo|attendiamo)( io| lui| lei| noi)? (li|la|lla|dentro|sul posto|in sala|da voi|in sede|insieme|con il (computer|portatile|pc)|col (computer|portatile|pc))',
    '(l )?autista (aspetta|attende|aspettera)', '(e|poi|ed) (aspetto|aspettiamo|aspetta|attendo)(?! (vostr|una|la|il|le|i|notizi|conferm|rispost|che|di|a|un))', '(aspetto|aspettero|aspettiamo) (porto|con|col) (il |un )?(portatile|computer|pc|libro|giornale)',
    'mi fermo (in sala|li|la|da voi|ad aspettare)', `(mio |mia )?${KIN} (mi )?viene (a )?prender\\w*`, `(a casa )?mi ci (riporta|porta|riaccompagna) (mio|mia) [a-z]+`, 'c e chi mi (accompagna|porta|riporta|viene a prendere)',
    '(la |lo )?accompagno io', 'my driver (will|ll|can) wait', `my ${KIN_EN} s (coming|going) to (get|pick up|collect) me`,
    'while i wait', '(posso|potrei) aspettare (li|la|da voi|in sede|in concessionari\\w*)', 'can i wait (there|at the|in the|while)', 'lounge', '^walk$',
  ]],
  // "se c'è una Maserati meglio, se no qualsiasi cosa": the first wish, the other brand only as a fallback
  ['courtesy-car-brand', ['(se c e|if there s|if there is|if you have|if you ve got) (una |a )?maserati',
    // a fifth set of voices (#12): a Maserati while it is in
    '(need|want|like|d like|have|get|use|drive) (a|another) maserati (to (use|drive)|meanwhile|in the meantime|while)', '(serve|servirebbe|vorrei|avrei bisogno di|ho bisogno di) (una|un altra) maserati (nel frattempo|intanto|per|mentre|da usare)',
    `${CAR} (sostitutiv\\w*|di cortesia) maserati`, '^(una|a) maserati,? (if you ve got one|if you have one|se ce l avete|se c e|se posso scegliere|if i can choose)', 'maserati ~ (se ce l avete|se l avete|se disponibile|if you have one|if available)', 'maserati (ideally|preferably|preferibilmente|possibilmente)', '(almeno|comunque) una maserati', 'at least a maserati', '(un altra|another) (ghibli|levante|grecale|quattroporte|granturismo|grancabrio|mc20)']],
  ['courtesy-car-other', ['utilitaria', 'any old car', '(even|anche) (a |una )?(fiat|panda|punto|yaris|polo|golf|clio|smart)', '(qualsiasi|qualunque) (auto|macchina)', '(cortesia|courtesy car|sostitutiva|loan car),? (anche|even) (piccol[ao]|a small one|basic)', '(courtesy car|loan car|car) of any (kind|sort|make)', '(qualsiasi|qualunque) cosa (che abbia|con) (un motore|quattro ruote|le ruote)', 'anything with (an engine|wheels|four wheels)', '(small|little|basic) car', 'macchina piccola', 'non (serve|deve essere|e necessario) che sia (una )?maserati', '(altra|qualsiasi|qualunque|diversa) marca', '(macchina|auto|vettura|car) (qualsiasi|qualunque)', '(qualsiasi|qualunque) (macchina|auto|vettura)', '(una|uno) (qualsiasi|qualunque)', 'non importa (la marca|quale|che macchina|che auto)', 'doesn t matter (which|what) (car|brand|make)', '(any|whatever) car', 'anything will do',
    // (#12, eighteenth voices) "a courtesy car but don't mind what it is", "a small one is fine", "doesn't need to be a Maserati"
    '(don t|do not) mind (what|which) (it is|car|kind|make|one)', 'a small one (is fine|will do|is ok)', '(doesn t|does not|don t|do not|needn t) (need|have) to be a maserati', 'anything with [0-9a-z]+ seats',
    '(una|a) (fiat|panda|cinquecento|500|jeep|alfa|lancia|smart|ford|toyota|vw|volkswagen|renault|peugeot|opel) ~ (va|is|will|would|fine|ok|bene|benissimo)', 'doesn t have to be (a maserati|fancy)', 'anche (non maserati|di un altra)', 'non (per forza|necessariamente) (una )?maserati', '(other|another|different|any) (brand|make)', '(anche|pure) una (fiat|panda|cinquecento|500|jeep|alfa|lancia|smart|ford|toyota|vw|volkswagen|renault|peugeot|opel|dacia)', '(a|any) (fiat|panda|ford|vw|toyota|renault|peugeot|opel|dacia) or (whatever|anything|something)', 'schizzinos\\w*', 'not fussy', 'non sono (esigente|pignol\\w*)', 'doesn t have to be a maserati', 'not necessarily a maserati']],
  ['courtesy-car-brand', ['maserati (di|in) cortesia', 'cortesia maserati', `${CAR} (di cortesia )?maserati`, '(vorrei|preferirei|preferisco|possibilmente|magari|meglio|meglio se|ideally|preferably) (una |a )?maserati', 'sempre (una )?maserati', 'maserati courtesy', 'courtesy maserati', 'a maserati (as|for)', 'another maserati',
    '(una|a) maserati (se possibile|se si puo|possibilmente|per favore|grazie|if possible|please|would be|thanks|thx|ta)', '(se si puo|se possibile|if possible) (una|a) maserati', '^(una|a) maserati$',
    // the brand named with the kind of car: "a Maserati loaner", "una Maserati sostitutiva"
    '(un|una|a) maserati (di cortesia|in cortesia|sostitutiv\\w*|loaner|loan car|loan|courtesy car|replacement( car| vehicle)?)',
    'prefer\\w* (a |una )?maserati', '(un altra|another) maserati', 'same (brand|make)', 'stessa marca', `(una|un|a) (ghibli|levante|grecale|quattroporte|granturismo|grancabrio) (di cortesia|in cortesia|sostitutiv\\w*|as a (loaner|courtesy car|loan car)|loaner|courtesy car)`, `${CAR} (che sia|che e) (una )?maserati`, '(una|a) maserati (ci tengo|i insist|insisto)', 'rather (have )?a maserati', '^maserati (please|per favore|grazie|se c e|se possibile|se si puo|if possible|if you have one)']],
  ['rental-car', ['hire one', 'noleggiarne (una|uno)', 'noleggi\\w*', 'autonoleggi\\w*', 'hertz', 'avis', 'europcar', 'sixt', 'a nolo', 'rent\\w*', 'hire car', 'car hire', 'hire a car']],
  ['taxi', ['taxi', 'radiotaxi', 'taxy', 'tassi', 'cab', 'uber']],
  ['staff-shuttle', ['navetta', 'shuttle',
    // a fifth set of voices (#12): a lift from the dealer asked for in the passive, or by who gives it
    '(need|needs|d need|ll need|would need|will need|need to get) (a ride|a lift|dropping|to be (driven|dropped|taken|run))', '(essere|venire) (ri)?accompagnat[oa]', 'mi (ri)?accompagna (a casa|in ufficio|al lavoro|alla stazione) (qualcuno|uno) (di voi|dei vostri)', 'member of (our |your |the )?staff (drives|drive|driving|takes|take)', 'staff (drives|drive) (you|me)', 'mi accompagna(te)? (un vostro|uno di voi|qualcuno di voi|voi)', 'accompagnarmi', 'mi accompagnate', 'accompagnamento', 'mi (porta|portate|riporta) ~ (casa|ufficio|lavoro|stazione)', '(?<!parlare con |parlare al telefono con |parlo con |sentire |parlarne con )un vostro (dipendente|autista|collaboratore|addetto|ragazzo|meccanico)', 'mi (puo|potete|potrebbe|potreste) accompagnare', 'vostro autista', 'your driver', '(fate|fatemi|farmi) accompagnare', 'accompagnare a casa', 'passaggio (da|con) (uno|qualcuno|un|una) (dei|di|vostr)\\w*',
    '(one of you|someone from the (dealer\\w*|garage|workshop)|someone from yours|one of your (lads|guys|boys|people|team)) ~ (drive|take|run|bring|drop) (me|him|her|us)', 'accompagnat[oa] a casa', 'mi (riportate|riaccompagnate) a casa', 'run me (to|home|back)', '(drive|take) me back', 'someone (to )?(drive|drives|take|takes) me', '(one of )?your (staff|people|team|employees?) (to )?(drive|take|bring) me', '(drive|take) me (home|to (work|the office|the station))', 'riaccompagn\\w*', 'give me a lift', 'a lift', 'drop me (off|at|home|back)', 'courtesy (driver|shuttle)',
    '(uno|qualcuno) dei vostri', '(qualcuno|uno) di voi mi (porti|porta|accompagni|accompagna|riporti)', 'one of your drivers( could| can| to| would)? (take|drive|run|bring|drop) (me|us)', '(you|someone) (can|could) drive me (to|home|back)', '(date|da|dareste|dia|potete dare|potreste dare) un passaggio', 'un passaggio (a casa|in ufficio|al lavoro|alla stazione|fino)']],
  ['public-transport', ['autobus', 'bus(?! (stop|lane|shelter|station stop))', 'treno', 'metro', 'metropolitana', 'tram', 'mezzi pubblici', 'coi mezzi', 'con i mezzi', 'i mezzi', 'trasporto pubblico', 'public transport', 'train', 'subway', 'underground', 'corriera', 'pullman', 'coach', 'tube', 'regionale', 'frecciarossa', 'intercity', '^mezzi$', '(la )?linea [0-9]+']],
  ['pickup-delivery', ['porta a porta', 'venisse ritirat[oa]', '(venirla|venirlo|venitela|venitelo) (a )?prender\\w*', '(venisse|venite|venissero) a prender(la|lo)', 'please collect (it|the car)', 'collect it (from|at)', 'door to door', 'ritirar\\w*', 'ritirate', '(il |solo |servizio di |servizio |per il )ritiro', 'ritiro (a domicilio|e|ed)', 'a domicilio', 'consegna\\w*', 'consegnar\\w*', '(?<!(?:avete|hanno|ha|mi avete|me l avete) )riconsegn\\w*', 'venite a prender\\w*', 'venite ~ a prender\\w*', 'swing by', 'grab it', 'venire a prender\\w*', 'passate a prender\\w*', 'prendete ~ casa', 'riport\\w*', 'pick ?up(?! the phone| il telefono)', 'pick (it|the car|my car|her|the vehicle) up', '(?<!(?:^| )i |when i |i ve |i have |i d )collect\\w*', 'deliver\\w*', '(you|can you|could you|will you|would you) drop (it )?off', 'drop (it )?back', 'bring (it )?back', 'come and get', 'valet (parking|service)?']],
  ['replacement', [`(?<!luce |luci |lampadina |specchietto )${CAR} (di|in) cortesia`, `${CAR} sostitutiv\\w*`, '(?<!per |luce di |luci di |lampadina di |specchietto di |luce |luci )cortesia', 'cortesy', 'sostitutiv\\w*', `(mi |gli |le )?(serve|servirebbe|occorre|vorrei|avrei bisogno di|ho bisogno di|ha bisogno di|avra bisogno di) (un|una|la|l) ?${CAR}`, `un ${CAR} per (muovermi|spostarmi|quei giorni|il periodo)`, 'courtesy(?! light| lights| lamp| mirror)( car)?', 'loan(er)? cars?', 'loaners?', 'replacement (cars?|vehicles?)', 'substitute car', `(need|want|get|have) a ${CAR}`, 'something to drive', 'a car (while|for)', `(una|un) ${CAR} per (muovermi|spostarmi|girare)`, 'something to get around', '(need|some|set of) wheels',
    `(mi )?(date|dareste|prestate|prestereste|presta|prestare|dai) (una|un|la) ${CAR}`, `(give|lend|loan) me a ${CAR}`, '(muletto|muletta)', 'in prestito', `(mi |ci )?lasciate (un|una) ${CAR}`, `${CAR} di scorta`, 'spare car', '(and )?a car (please|pls|thanks|ta)', 'borrow a car', 'lend (out )?(cars|a car)', 'do you lend', 'something to get (about|around)', 'a car to use', 'temporary car', 'runaround']],
  // Walking, last: any solution named beside it wins ("I'll walk home, can you deliver it back?").
  ['none', [
    '(vado|vengo|torno|andro|tornero|ci vado|me ne vado|rientro|faccio|vado e torno) ~ a piedi', 'a piedi (va bene|tranquill\\w*|grazie|nessun problema)', '^a piedi$',
    'due passi', '(abito|sto|vivo) (qui |proprio |molto )?(vicin\\w*|accanto)', 'dietro l angolo',
    'i ll walk', 'i will walk', 'i can walk', 'walk (home|back|there|over|it)', 'walking( distance)?', 'on foot', '(round|around) the corner', 'live (nearby|close by|close|next door|near)', 'short walk',
  ]],
]);

/** Which legs of pickup & delivery: "solo ritiro", "only delivery", "both". */
export const LEGS = new PhraseSet<Legs>([
  ['both', ['(ritiro|ritirare|prendere|prenderla) e (consegna|riconsegna|consegnare|riportar\\w*)', 'andata e ritorno', 'entramb\\w*', 'tutti e due', 'tutte e due', 'both', 'pick ?up and (delivery|deliver|drop off|return)', 'collect\\w* and deliver\\w*', 'both ways', 'there and back']],
  ['pickup', ['(ritir|prender|collect|pick)\\w*( it| la| up)? (si|yes) (riport|consegn|bring|deliver|drop)\\w*( it)?( back| off)? no', 'solo (il )?ritiro', 'solo (l )?andata', 'ritiro (solo|soltanto)', 'solo (a )?(prendere|prenderla|ritirarla)', 'soltanto (il )?ritiro', 'only (the )?pick ?up', 'just (the )?pick ?up', 'pick ?up only', 'just collect\\w*', 'collection only']],
  ['delivery', ['(riport|consegn|bring|deliver|drop)\\w*( it| la)?( back| off)? (si|yes) (ritir|prender|collect|pick)\\w*( it| la| up)? no', 'solo (la )?(consegna|riconsegna)', '(consegna|riconsegna) (solo|soltanto)', 'soltanto (la )?(consegna|riconsegna)', 'riportar\\w*', 'solo (a )?riportar\\w*', 'only (the )?(delivery|drop off|return)', 'just (the )?(delivery|drop off|return)', 'delivery only', 'bring (it )?back', 'deliver (it )?back']],
]);

/** Bare answers when the bot asked "pickup, delivery or both?". */
export const BARE_LEGS = new PhraseSet<Legs>([
  ['both', ['entramb\\w*', 'tutti e due', 'both', 'sia ~ che']],
  ['pickup', ['ritiro', 'il ritiro', 'pick ?up', 'collection']],
  ['delivery', ['consegna', 'la consegna', 'riconsegna', 'delivery', 'drop off']],
]);
