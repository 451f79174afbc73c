/**
 * Does a message need a person at once (R11), and what for? Danger on the road, a complaint, an
 * insurance or legal matter: urgent; a request to be called back: a person, by phone. Ordinary
 * bookings that mention such things are left alone ("ho fatto un incidente l'anno scorso, ora
 * vorrei il tagliando"; "does the rental car include insurance?").
 * @module
 */
import type { Concern, Entities } from '../../../dialogs/understanding';
import { CALL_BACK, CUES, URGENT } from './intents';
import { COMMON_SURNAMES, FIRST_NAMES } from './names';
import { escapeRegExp } from './phrases';

/** An event told as history, not as what is happening now. */
const LONG_AGO = /(?<![a-z])(last (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(lunedi|martedi|mercoledi|giovedi|venerdi|sabato) scorso|domenica scorsa|un anno fa|a year ago|one year ago|(two|three|four|a few|[0-9]+) (years|months) back|qualche mese fa|settimana scorsa|scorsa settimana|last week|(dell )?altra volta|(back )?in (19|20)[0-9][0-9]|nel (19|20)[0-9][0-9]|(vecchia|precedente) (macchina|auto)|macchina di prima|(old|previous|last) car|anno scorso|mesi fa|settimane fa|anni fa|tempo fa|in passato|last (year|month|winter|summer|spring|autumn)|months ago|years ago|weeks ago|a while ago|in the past|(due|tre|quattro|qualche|alcuni|[0-9]+) (inverni|inverno|estati|estate|anni|mesi|settimane) fa|(a few|a couple of|two|three|four|several|some|[0-9]+) (winters?|summers?|years|months|weeks) (ago|back)|(estate|inverno|primavera|autunno|mese) scors[oa]|(a|in|di|since|since the \w+ in) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|january|february|march|april|may|june|july|august|september|october))(?![a-z])/;
/** Thanks for help given then: "il vostro carro attrezzi a luglio è arrivato in mezz'ora, grazie". */
const THANKS_FOR_IT = /(?<![a-z])(grazie|thanks|legend|lifesaver|life saver|thank you|cheers|complimenti|bravissim\w*|top|brilliant|a star|fantastic|great job)(?![a-z])/;
/** Praise of the service: the message thanks, whatever it tells. */
export const PRAISE = /(?<![a-z])((huge|massive|big|many|special) thanks to|thanks to [a-z]+ (at|in|on|from)|un (grande )?grazie (a|alla|al)|grazie mille a|five stars|5 stars|cinque stelle|purrs( again)?|va come un orologio|credit where it s due|bang on time|spot on|brilliantly|(ha|hanno) (sistemato|riparato) (tutto )?(benissimo|alla grande)|complimenti|well done|siete stati (bravissimi|bravi|grandi|grandissimi|fantastici|gentilissimi|velocissimi)|(you|you lot|you guys|you all|your team) (were|was|are) (brilliant|great|amazing|fantastic|stars|superb|so quick)|servizio top|top service|(va|drives|runs|going) (come nuova|like new)|facilissimo|comodissimo|semplicissimo|painless|dead easy|so easy|tutto chiaro|all clear now|grazie a tutto il team|thanks to (all )?the team)(?![a-z])/;
/** "relax, nothing's on fire": a joke, not a fire. */
const NOTHING_ON_FIRE = /(?<![a-z])(nothing s on fire|nothing is on fire|niente (va|e|sta) (a|andando a|prendendo) fuoco|non (va|sta) a fuoco niente)(?![a-z])/;

/** Asking what to do now, or who was at fault: still a matter for a person. */
const WHAT_NOW = /(?<![a-z])((che|cosa) (devo |dovrei )?(fare|faccio|fa)|what (do|should|shall) i do|what now|colpa|fault|constatazione|polizia|carabinieri|police)(?![a-z])/;
/** An emergency or a complaint said not to be one: "the car hasn't broken down", "not complaining", "I'm not in an emergency", "my kids complain lol". */
const SAID_NOT = /(?<![a-z])((didn t|did not|hasn t|has not|haven t|have not|never|not) (break|broken|broke) down|(i m|i am|we re|we are|it s|it is|this is|that s|he s|she s) not (really )?(an? )?(emergency|urgent|complaint|complaining|stranded|stuck|in (an? )?(emergency|trouble|any trouble)|on fire)|not (really )?complaining|no biggie|not a (complaint|big deal)|non (mi )?sto lamentando|non (e|e mica) un reclamo|non (sono|siamo) (rimast[oaie] )?(a piedi|in panne|fermo|ferma|bloccat[oa])|(my|his|her|our|the) (passengers?|wife|husband|kids?|children|son|daughter|mum|mom|dad) (keeps |always |is always |keeps on )?(complain|complains|complaining|complaint|complained|moan|moans|moaning)|useless with (apps|phones?|computers|technology|tech|this)|(negat[oa]|imbranat[oa]) (con|col|coi) (il |i )?(telefon\w*|computer|cellulare|tecnologia|app))(?![a-z])/;

/** Someone else's breakdown or accident, or one only seen: "ho visto una ghibli in panne", "a mio cognato dopo l'incidente", "in coda per un incidente". */
const NOT_MINE = /(?<![a-z])((non|not) (con|with) (la|il|my|the) (maserati|mia|mio|levante|ghibli|grecale|quattroporte)|(di|a) (un|una) (amic[oa]|collega|vicin[oa]|conoscente)( [a-z]+){0,3} (ha preso fuoco|si e (rotta|fermata|incendiata)|in panne|incidentat[oa])|(a|an) (friend|neighbour|neighbor|colleague) s [a-z]+ (caught fire|broke down|crashed)|(c era|c erano|there was|there were) (una|un|a|an) [a-z]+ (ferm[ao]|in panne|broken down|crashed|on the hard shoulder)|(ho |i |we |abbiamo )?(visto|saw|seen|passed|passato)(?: [a-z]+){1,3} (in panne|broken down|incidentat\w*|crashed|on fire)|(coda|queue|queues|traffic|traffico|fermo|fermi|stuck)(?: [a-z]+){0,3} (per|because of|due to|from|after) (un|an|a) (incidente|accident|crash)|(mio|mia|my|a mio|a mia|al mio|alla mia) (cognat[oa]|vicin[oa]|neighbour|neighbor|amic[oa]|friend|fratello|sorella|brother|sister|collega|colleague)(?: [a-z]+){0,6} (incidente|accident|panne|broke down|crash\w*)|accident waiting to happen|the one who crashe[sd])(?![a-z])/;

/** The car still drives after what happened: "io sto bene e la macchina cammina", "the car's fine". */
const STILL_DRIVES = /(?<![a-z])((la macchina|l auto|lei) (cammina|si guida)(?! a )|(la macchina|l auto|lei) (va|funziona|cammina) (ancora|bene|benissimo|lo stesso|tranquillamente)|(the car|it) (still )?(drives|runs) (fine|ok|okay|normally)|the car s fine|(not|non e|niente di|nulla di|nothing) urgent[e]?|(been )?driving (it|her) (like that|like this|around like that|as it is)|la (uso|guido) (cosi|lo stesso)|(adesso|ora) va( bene)?(?! (a|in) )|(it s|it is) (fine|ok|okay) now|now it (works|drives|runs)( fine)?)(?![a-z])/;
/** The work wanted now, beside an event told as history ("ora vorrei fare il lavoro"). */
const WANTS_NOW = /(?<![a-z])((?<!all )ora|adesso|now|vorrei|voglio|i d like|i want|i just want|want the|want a|prenot\w*|book\w*)(?![a-z])/;
/** The car already with us, or a claim already settled: a booking, not an emergency. */
const SETTLED = /(?<![a-z])(liquidat\w*|(ora|adesso) (e|va) (a posto|bene)|(?<!(dite|dicono|detto|diceva|dicevate|dicono sempre|dite sempre) che (e )?)tutto ok|all (ok|good) now|(gia|already) (scaricat[oa]|dropped (it )?off)|perizia (e )?(gia )?fatta|(police |accident )?report (done|filed|made)|denuncia (fatta|sporta)|(insurer|insurance|assicurazione)( company)? (says|said) go ahead|(insurer|insurance|assicurazione) (ha dato|dice|ha detto) (l )?ok|paid out|(la )?pratica (e )?chius[ao]|chiuso la pratica|case (is )?closed|causa (e )?chiusa|reclamo (e )?chiuso|(claim|complaint) (is )?closed|non e piu tornat[ao]|hasn t come back|gia avuto una volta|(done|did|filled (in|out)|fatto|compilato)(?: [a-z]+){0,4} (already|gia)|(l ha |l hanno |l avete )?gia sistemat\w*|tutto risolto|ha risolto|hanno risolto|already sorted|sorted it|got sorted|(l )?abbiamo gia fatt[ao]|already (done|did|filled|made)|filled (in|out) the accident form already|gia fatt[ao](?! (la )?denuncia)|sognato|dreamt|dreamed|all sorted|sorted out|era perfetta|was perfect|runs perfectly|va benissimo|running great|(gia|already) (portat\w*|pagat\w*|brought|towed|paid)|ha (gia )?pagato|has (already )?paid|brought it to you|(e )?tutto a posto|all settled|is settled|settled|(insurer|insurance|assicurazione)(?: [a-z]+){0,3} (handled|sorted|dealt with|took care of|ha gestito|ha sistemato|ha pagato)|handled all (that|of that|of it))(?![a-z])/;


const plainWord = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, ' ').trim().split(' ')[0];

/** "avvocato Giorgio Neri", "avv. Bianchi": a title before the customer's name, no lawyer on the case. */
function withoutTitledName(text: string, entities: Entities): string {
  if (!entities.name || !/avv/.test(text)) return text;
  const first = plainWord(entities.name);
  return first ? text.replace(new RegExp(`(?<![a-z])avv(ocat[oa])? ${first}(?![a-z])`), ' ') : text;
}

/** A complaint that went well: "il reclamo dell'altra volta l'avete gestito benissimo", "you handled my complaint brilliantly". */
const COMPLAINT_SETTLED = /(?<![a-z])(put (it|things|everything) (all )?right|made (it|things) right|(e|e stato|e stata) (risolt[oa]|chius[oa]|chiarit[oa])|(gia )?(chiarito|risolto) tutto|(has been|was|got|been) (sorted|cleared up|resolved)|(s|is) (all )?(sorted|resolved)( now)?|handled (my |the |it )?(complaint )?(brilliant\w*|well|perfect\w*|very well|great)|gestit[oa] (benissimo|bene|alla grande|perfettamente)|(risolt[oa]|sistemat[oa]) (benissimo|bene|alla grande|in fretta)|sorted (it|that|things) (out )?(well|quickly|brilliantly|nicely)|(you|they) (sorted|resolved) it)(?![a-z])/;

/** Only imagined: "hypothetically, if my ghibli broke down…", "if my car were ever written off, would you…". */
const HYPOTHETICAL = /(?<![a-z])(nel caso (in cui )?(facessi|dovessi|avessi|mi capit[a-z]+)|(se|if)(?: [a-z]+){0,8} (faccio|facessi|fa|facesse|fanno|dovessi fare|have|had|has|crash|crashes|crashed) (un |an |a )?(incidente|accident|crash|prang)|in caso di (incidente|guasto|panne|sinistro|foratura)|in case (of )?(an? )?(accident|breakdown|crash|puncture|flat)|(se|if) (mi|si|la|lo|it|i|my|the car|the courtesy car|the loan car)( [a-z]+){0,4} (ferm[a-z]*|piant[a-z]*|rompe|break[a-z]* down|broke down|is in an accident|gets? a flat)|what (would|happens|do i do|should i do|would you do)( [a-z]+){0,4} if|worst case|who do i (call|contact|ring) if|chiedo per (un amico|sapere|il futuro)|just (so i know|to know|checking|asking|planning)|for the future|genuinely asking|nothing (s|has) happened|non (e|e successo) (ancora )?successo niente|non mi serve adesso|hypothetically|ipoteticamente|in theory|in teoria|if (my|the) [a-z]+( car)? (ever|were ever|were to|should ever)|if i ever|se mai|se un giorno)(?![a-z])/;

/** Said not to be one: "nessun incidente", "non è un'emergenza", "breakdown? no no", "wasn't me in the accident". */
const DENIED = /(?<![a-z])((nessun[ao]?|niente|no|non (e|era) (un|una|stat[oa])?|not (an?|really an?)|wasn t (me in )?(the |an? )?)\s?(incident\w*|accident|emergenz\w*|emergency|breakdown|panne|guast\w*)|(incident\w*|accident|emergenz\w*|emergency|breakdown|panne)\s?\?? no( no|\b)|non sono in panne|(le|li|l) ho ritrovat\w*|(ho|i) (visto|saw|seen) (un|an) (incidente|accident)|(e|si e) poi sparit[oa]|(poi|then) (e |si e )?(sparit[oa]|spent[oa])|(?<!airbag )(went|gone) (off|away) (again|by itself)|l ho fatta ripartire|jump ?start\w*|niente multa|no fine|found (them|it)|not broken down|drives fine|(before|so) (it leaves? me|i don t end up|that i don t|it strands)|prima che mi lasci|niente di grave|nothing serious|no big deal|(lo|li|la) chiamo io|i ll call (them|the [a-z]+( people)?) myself|recommended you|mi ha consigliato)/;
const MAY_DENY = /visto|saw|seen|sparit|spent|went|gone|ripartire|jump|multa|no fine|ritrovat|found|before|so i don|fine|not broken|prima che|nessun|niente|non e|non era|non sono|not a|not r|wasn t|(^| )no |chiamo io|myself|recommended|consigliato|nothing|big deal/;

/** The insurance said to cover the work: "il parabrezza è coperto", "glass is covered". */
const COVERED = /(?<![a-z])((e|is|it s|sono|are) (coperto|coperta|coperti|covered)|copre|covers (it|the|glass|windscreens?|the windscreen)|copertura cristalli|glass cover|convenzionat[oi] con)(?![a-z])/;

/** Whether it is covered, asked: "ho una domanda sulla mia assicurazione, copre la riparazione?" (a matter for a person). */
const COVER_ASKED = /(?<![a-z])(domanda|question|chiedo|chiedevo|ask|asking|wondering|sapere se|know (if|whether)|does it|will it|would it|se (mi )?copre|whether)(?![a-z])/;
const FED_UP_TYPING = /(fed up|stufo|stufa) (of|with|di) (typing|writing|scrivere|this bot|the bot|questo bot|chatting)/;
/** Displeasure with the chat itself, not with our work: "this chat is useless", "non con un programma", "ho già scritto tre volte". */
const CHAT_COMPLAINT = /(?<![a-z])((this|the|your) (chat|bot|app|thing)( is|s)? (useless|pointless|rubbish|a joke)|(honestly|seriously)?,? ?this is useless|(questa|sta|la) (chat|app) (e |non serve a )?(inutile|niente)|non con (un|una) (programma|macchina|bot|robot|computer)|not (with |to )?(a|some) (bot|machine|program|robot)|(ho|i ve) (gia )?(scritto|written|typed)(?: [a-z]+){0,4} (tre|3|mille|cento|three|ten|100) (volte|times))(?![a-z])/;

/**
 * Words that only sound urgent, blanked before the cues are read (the rest of the message still
 * counts): "no smoke or anything", "as long as I'm not stranded", "if the loan car breaks down",
 * "the breakdown cover people said…".
 */
const ONLY_SOUNDS_URGENT = /(?<![a-z])((a nome|intestat[a-z]*|per conto)( a| al| dello| allo| di| dell)? studio legale|incidente diplomatico|crash tests?|(no|niente|nessun|not) (smoke|smoking|fumo|flames|fiamme)( or anything)?|not (be |get )?(stranded|stuck)|(if|se) (the |la |il |my )?[a-z]+( car)? (breaks down|si guasta|si rompe|si ferma)|breakdown (cover|insurance)( people| company)?|(ce l avete|avete|fate|offrite|offre|fornite|mandate voi|run|runs|offer|provide|do you (have|do|send|run|offer|provide)|something you (offer|do|provide|run))(?: [a-z]+){0,4} (il |l |un |its own |your own |their own |a |the )?(servizio (di )?)?(soccorso stradale|assistenza stradale|carro attrezzi|tow truck|breakdown recovery|recovery truck|recovery|roadside assistance)|(soccorso stradale|assistenza stradale|carro attrezzi|tow truck|breakdown recovery|roadside assistance)(?: [a-z]+){0,3} (ce l avete|avete|offrite|fate voi|something you (offer|do|provide))|(on|in|from|for|find|finding|dig out|digging out) (the|my) insurance (papers?|docs?|documents?|certificate|card)|(documenti|carte|foglio|certificato) (dell|della) ?assicurazion[ei]|(sul|sulla|dal|dalla|nel|nella) (libretto|polizza|carta|certificato|contrassegno)( dell| di)? ?assicurazion[ei]|(o )?(devo|dovrei|should i|do i|or do i|or should i) (chiamare|call|ring|phone|contact|sentire) (l |la |my |the )?(assicurazion\w*|insur\w*|agenzia|broker)|(se mai|se un giorno|se dovessi|se per caso|in caso (di|che)|if i ever|should i ever|if i (were to|ever)|if ever)(?: [a-z]+){0,4} (restassi|rimanessi|restare|rimanere|resto|rimango|break down|broke down|breaks down|get stranded|got stranded|stranded|in panne|a piedi|guasto|breakdown)(?: in [a-z]+| on [a-z]+| abroad| out of town| fuori citta)?|(do|does) (you|the warranty|it|the car) (do|offer|include|cover|provide|come with) (roadside|breakdown) (assistance|recovery|cover)|(roadside|breakdown) (assistance|recovery) (is )?(included|part of)|(offrite|avete|c e|include|incluso|compreso|comprende) (il |l )?(soccorso|assistenza) stradale|(soccorso|assistenza) stradale (e )?(inclus[ao]|compres[ao]))(?![a-z])/g;
const MAY_ONLY_SOUND = /crash test|diplomatico|studio legale|smoke|smoking|fumo|flames|fiamme|strand|stuck|breaks down|guasta|si rompe|si ferma|breakdown cover|breakdown insurance|roadside|breakdown (assistance|recovery)|stradale|attrezzi|tow truck|recovery|se mai|se un giorno|se dovessi|se per caso|in caso|if i ever|should i ever|if i were|if ever|insurance (paper|doc|cert|card)|devo chiamare|dovrei chiamare|should i (call|ring)|do i (call|ring)|(libretto|polizza|carta|certificato|contrassegno|documenti)( dell| di)? ?assicura/;

/** A question about the roadside service itself: "do you do roadside recovery at weekends?", "il soccorso stradale lo fate voi?". */
export const ROADSIDE_ASKED = /(?<![a-z])((il )?vostro (carro attrezzi|soccorso stradale) (va|arriva|lavora|copre|viene|esce)|your (tow truck|recovery truck|breakdown service|roadside service) (go|goes|come|comes|cover|covers|work|works)|do you (tow|recover cars)|(ce l avete|avete|fate|offrite|offre|fornite|mandate voi|do you (have|do|send|run|offer|provide)|is (it|that) something you)(?: [a-z]+){0,4} (soccorso stradale|assistenza stradale|carro attrezzi|tow truck|breakdown recovery|roadside (assistance|recovery|help)|recovery)|(soccorso stradale|assistenza stradale|carro attrezzi|tow truck|breakdown recovery|roadside (assistance|recovery))(?: [a-z]+){0,3} (ce l avete|avete|offrite|lo fate|la fate|fate voi|something you (offer|do|provide)))(?![a-z])/;

/** Laughing it off, or a figure of speech: "scherzo", "just kidding", "lol", "nel senso che". */
const JOKING = /(?<![a-z])(?<!(not|non|no) )(?<!non sto )(?<!(stiamo|state|mi state|ma stiamo|are you|you re|you must be) )(scherz[a-z]*|a parte gli scherzi|just kidding|kidding|joking|jk|lol|lmao|haha[a-z]*|ahah[a-z]*|nel senso che|in the sense that|i mean)(?![a-z])/;
/** The only alarming word is "emergency" itself: "emergency!!! the car is a tip inside, can you valet it?". */
const BARE_ALARM = /(?<![a-z])(?<!corsia (d|di|della) )(emergenz[a-z]*|emergency|emergencies|urgent[ei]?)(?![a-z])(?! (lane|services|stop|brake|number|room))/;
const BARE_ALARMS = new RegExp(BARE_ALARM.source, 'g');
const BARE_ALARM_ONLY = new RegExp(`^${BARE_ALARM.source}$`);
/** Stopped where it is in the way now: even "niente di grave" does not make it wait. */
/** Pulled over just now: "the bonnet flew up, pulled over" (a past repair named beside it does not make it history). */
const PULLED_OVER = /(?<![a-z])(pulled over|pulled onto the (hard shoulder|verge)|ho accostato|ho dovuto accostare)(?![a-z])/;
const STRANDED_NOW = /(?<![a-z])(pulled over|pulled onto the (hard shoulder|verge)|(sono|siamo) (fermo|ferma|fermi|bloccat[oa]) (sul|sulla|sull|in|nel|al|alla)|mi girano intorno|rimast[oa] a piedi|mandate(mi)? qualcuno|mi mandate|send (someone|somebody|help)|accostat[oa]|ho accostato|in (superstrada|autostrada|tangenziale|corsia)|on the (motorway|hard shoulder|ring road|verge)|blocking|blocca[a-z]*|in mezzo alla (strada|carreggiata))(?![a-z])/;
/** A past event dated by its month, told beside the work wanted now: "ho avuto un incidente a dicembre…", "a small crash in December, the body shop fixed it". */
const PAST_MONTH = /(?<![a-z])((ho|abbiamo|avevo|ha) (avuto|preso|fatto)|had|was in|got)(?: [a-z0-9]+){0,6} (a|in|di|nel mese di|back in|il [0-9]{1,2}) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)(?![a-z])|(?<![a-z])(a|in) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december) (ho|abbiamo|i|we) (avuto|preso|fatto|had|hit|got)(?![a-z])/;
/** An event dated by its month or season: "since the breakdown in December", "from the accident in the summer", "a Natale" (#12, twenty-first writers). */
const PAST_SEASON = /(?<![a-z])((since|after|from|dal|dalla|dopo) (the |l |il |la )?(accident|crash|prang|breakdown|incidente|guasto|tamponamento|panne)(?: [a-z]+){0,2} (in|a|di|nel|last|back in|of|del) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)|(broke down|si e (rotta|guastata|fermata|rotto|guastato|fermato)|crashed|had (an|a|the) (accident|crash|prang)) (in|a|di|nel|back in|last) (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)|(in|during|over) the (summer|winter|spring|autumn|holidays)|this (summer|winter|spring|autumn)|(at|over|before|after) (christmas|easter|new year)|(a|prima di|dopo) (natale|pasqua|capodanno)|quest (estate|inverno|autunno)|quest ultima estate|in estate|d estate|(di|durante) (ferragosto|le feste))(?![a-z])/;
/** Happening as this is written: the past month does not count then. */
const JUST_NOW = /(?<![a-z])(adesso|ora|appena|just|right now|stamattina|this morning|oggi|today)(?![a-z])/;
/** Stuck as this is written: "I'm stranded in Sassuolo", "we're stuck at the services". */
const STUCK_AS_WE_SPEAK = /(?<![a-z])(i m|i am|we re|we are) (now |currently |still )?(stranded|stuck)(?![a-z])/;
/** Thanks for a rescue that went well: "the tow truck was there in 15 minutes, thank you". */
const RESCUE_PRAISED = /(?<![a-z])((arrivat[oa]|came|was there|there) in (un quarto d ora|mezz ora|[0-9]+ min[a-z]*)|(was|were|e stato|sono stati) (amazing|brilliant|great|fantastic|bravissim[a-z]*|gentilissim[a-z]*)|mi avete salvato|you saved)(?![a-z])/;

/**
 * Damage that happened and is now only to be repaired, told calmly (#12, seventeenth writers): "mi
 * hanno tamponato martedì, niente di grave, il paraurti è da rifare", "broken into overnight, the
 * window's taped up, can you replace the glass?", "insurance is paying, can I book it in?", "ve la
 * porto io col carro attrezzi".
 */
const CALM_DAMAGE = /(?<![a-z])(niente di grave|nulla di (grave|urgente|che)|niente di urgente|no rush|no hurry|nobody (was )?hurt|no one (was )?hurt|nessun ferito|nessuno si e fatto male|just a (dent|scratch|scuff|scrape|small dent)|(small|little|tiny) (dent|scratch|scrape|knock|bump)|minor (prang|bump|knock|scrape|accident|collision|dent)|piccol[oa] (tamponamento|urto|incidente|botta|bozzo|ammaccatura)|(solo|soltanto) (un|una) (bozzo|graffio|ammaccatura|botta|righ[ae])|(insurance|insurer|assicurazione)(?: [a-z]+){0,3} (is paying|pays|paying|will pay|ll pay|is covering|covering|covers|will cover|paga|pagher[aà]|copre|coprira)|paga l assicurazione|(domani|dopodomani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday)(?: [a-z0-9]+){0,4} (potete|riuscite|can you|could you|possible|possibile)|quando (potete|riuscite) (sostituir|cambiar|sistemar|ripar)[a-z]*|(riuscite|potete|potreste|riuscireste) a (sostituir|cambiar|sistemar|ripar)[a-z]*|(can i|could i|can we|i d like to|want to|vorrei|posso|quando posso|when can i) (book|prenot[a-z]*|portar[a-z]*|bring it)|(i d like|i would like|vorrei|mi serve|need)(?: [a-z]+){0,4} (book|booking|prenot[a-z]*|quote|preventivo|carrozzeria|bodywork)|when can you (fit|take|have|see)|need a slot|quando avete (posto|un buco)|avete (un buco|posto)|mi date un appuntamento|(lo|la|li|le) (cambiate|sistemate|riparate|sostituite) voi|can you (replace|fix|repair|sort)|va (sostituit[oa]|cambiat[oa]|rifatt[oa]|sistemat[oa])|(e|sono) da (rifare|cambiare|sostituire|sistemare)|needs? (replacing|fixing|a new|to be replaced|to be fixed|sorting)|need (it|her) (fixed|repaired|sorted|done|looked at)|devo (rifare|sistemare|far sistemare|cambiare|far cambiare|far rifare)|(ve la|ve lo|la|lo|te la) (porto|portiamo) (io |noi )?(col|con il|con un|con la|in) (carro|rimorchio)|(we ll|we will|i ll|i will) (bring|take|tow) it( over| in| to you)? on a (trailer|tow truck|flatbed|low loader)|(ll|will|can|going to) tow it (over |in )?(to you|in|there)|have it towed (to you|in|over))(?![a-z])/;
/** Still happening, or hurt (read beside STRANDED_NOW, which holds the stranded ones): the calm words do not make it wait ("mi hanno appena tamponato, il paraurti è da rifare, che devo fare?"). */
const HAPPENING_NOW = /(?<![a-z])(sono a piedi|non si accende|appena|just now|just (had|been|got)|right now|in questo momento|proprio ora|still (here|there|at the scene)|sono ancora (qui|li|sul posto)|non (parte|cammina|si muove|riparte)|won t (start|move)|can t (drive|move)|undrivable|ferit[oaie]|injured|ambulan[a-z]+|shouting|urla|litig[a-z]*|sono (fermo|ferma|bloccat[oa])|i m (stuck|stranded)|(send|mandate|mandatemi|serve|need|organise|organize|arrange|get|call|chiamate|chiamatemi|organizzate) (a |the |un |il |me a )?(tow|carro|soccorso|recovery|flatbed)|soccorso|che (devo|dovrei) fare|cosa (devo|dovrei) fare|what (do|should) i do|now what|adesso (mi|ho|e successo)|(happened|e successo) (just|adesso|ora|poco fa)|poco fa|minutes ago|minuti fa)(?![a-z])/;

/**
 * A fault right after our work (#12, seventeenth writers): "picked it up on Friday after the
 * service, now oil all over the floor", "dopo il cambio gomme di ieri la ruota balla", "la Ghibli
 * che mi avete ridato ieri perde liquido dei freni". All three: our work, lately, a fault now.
 */
const OUR_WORK_NAMED = /(?<![a-z])((serviced|fixed|repaired|looked at|worked on) (with|by|at) (you|yours|your workshop)|picked (it |her |the car |my car |the (levante|ghibli|grecale|quattroporte|mc20|granturismo|grancabrio|car|maserati) )up|collected (it|her|the car|my car|the [a-z]+)|got (it|her|the car|my car) back|(you|your (guys|team|mechanics?|workshop)) (serviced|fixed|repaired|changed|did|worked on|returned|gave back|gave (it |her |the car )?back|handed (it |the car )?back|replaced|fitted)|picked (it|her|the car|my car) up from you|(the )?(car|one) you (serviced|fixed|repaired|worked on)|(you|you ve) (put|fitted|installed) (a |the )?new|(after|since) (the|your|my|its) (service|servicing|tyre change|tire change|tyre fitting|brake job|repair|oil change|mot|work|inspection|new tyres)|(?<!\b(venga|sia|essere|viene|verra|vorrei|la|lo) )ritirat[ao]|l ho ritirat[ao]|(?<!\b(venga|sia|essere|viene|verra|vorrei|e|la|lo) )riconsegnat[ao](mi|ci)?|ridat[ao](mi|ci)?|restituit[ao](mi|ci)?|vi ho lasciato (la|il|l) [a-z0-9]+( [a-z0-9]+)? per|collected (my|the) [a-z0-9]+|i collected|paid for (new|the|a)|ho pagato (per )?(le|il|la|i|gli) [a-z]+ nuov[eiao]|you (reset|switched off|turned off|cleared)|(mi|ci) avete (ridato|riconsegnato|restituito|riportato|fatto|cambiato|sistemato|riparato|montato)|(mi|ci) avete (sostituito|ricaricato|controllato|montato)|che (mi |ci )?avete (ridato|riconsegnato|restituito|riportato|fatto|cambiato|sistemato|riparato|tagliandato|montato|ricaricato|sostituito|controllato|regolato|rabboccato|smontato|rimontato|verniciato|lucidato|saldato|rifatto)|dopo (il|la|lo|l|i|le) (vostro |vostra )?(tagliando|cambio( delle| dei| della| del)? (gomme|olio|freni|pastiglie|dischi|batteria|frizione|cinghia|ammortizzatori|parabrezza)|sostituzione|intervento|riparazione|revisione|lavoro|gomme nuove|montaggio)|(dopo|after|since) (il|la|lo|l|i|le|the|my|its) [a-z]+( [a-z]+){0,2} (da voi|at yours|at your place|with you|in your workshop|you did))(?![a-z])/;
/** Our work named, in any form ("picked it up from you", "you replace(d) it"). */
const OUR_WORK = { test: (text: string): boolean => OUR_WORK_NAMED.test(text) || YOU_DID.test(text) };
const LATELY = /(?<![a-z])(monday|tuesday|wednesday|thursday|friday|saturday|ieri|stamattina|stamani|oggi|l altro ieri|ieri sera|ieri pomeriggio|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|yesterday|this morning|today|on (monday|tuesday|wednesday|thursday|friday|saturday)|last (monday|tuesday|wednesday|thursday|friday|saturday|week|night)|(a few|a couple of|2|3|two|three) days ago|(pochi|due|tre|2|3) giorni fa|settimana scorsa|scorsa settimana|appena|just (picked|collected|got)|sto tornando( a casa)?|(dopo|after) (solo )?(2|3|due|tre|a few|two|three|only two|only three) (settimane|weeks)|(2|3|due|tre|two|three) (settimane|weeks) (fa|ago|later|dopo)|(on my way|driving|heading|crawling) (back )?home|this afternoon|this evening|oggi pomeriggio|stasera|an hour ago|(an|one|two|five|ten|fifteen|twenty|thirty|[0-9]+) (hour|hours|minutes|mins) (after|later|ago)|(un ora|[0-9]+ minuti|mezz ora|due ore) (dopo|fa))(?![a-z])/;
const FAULT_NOW = /(?<![a-z])(oil (all over|everywhere|dripping|on)|dripping|leak[a-z]*|perde[a-z]*|perdita|macchia d olio|pozza|puddle|knock[a-z]*|wobbl[a-z]*|balla|traballa|loose|allentat[oa]|(is |are |s )missing|manca (un|una|il|la)|smok[a-z]*|fuma|fumo|grinding|liquido (dei )?freni|brake fluid|spia rossa|(spia|spie)(?: [a-z]+){0,3} acces[ae]|(warning )?lights? (has |have )?(came|come|is|are|gone|went) on|red (warning )?light|si stacc[a-z]*|come off|coming off|came off|fell off|cadut[oa]|pericolos[oa]|dangerous|won t (go|start|move|engage)|non (parte|entra|si accende)|stuck|(blowing hot|not cooling|non raffredda)( again)?|again already|already again|(completely |totally |stone )?dead( again)?|morta|(came|come|comes) back on|riaccesa|riacceso|trema[a-z]*|vibra[a-z]*|shak(es|ing)|judder[a-z]*|si spegne|spegne da sol[ao]|si e spent[ao]|cutting out|cuts out|keeps (stalling|dying|cutting out)|stall(s|ing)|piove dentro|entra (l )?acqua|(water|rain) (is )?(coming|pouring|getting|leaking) in|(water|rain) (comes?|gets?|leaks?|pours?) in|(already|gia) (a |una )?(crack|crepa)\w*|non frenano( bene)?|freni che non|not braking (properly|well)|rumore metallico|fischi(a|ano|ando)|cigol\w*|squeal\w*|(fortissimo|tremendo|terribile|assurdo|horrible|terrible|awful|horrendous|loud) (rumore|noise|grinding|clunk\w*|bang\w*)|rumore (metallico )?(fortissimo|tremendo|terribile|assurdo)|rain[a-z]* inside|rattl[a-z]*|ferraglia|(not sure|don t know if) i (ll|will|can) (make it|get) home|non so se (arrivo|ci arrivo|riesco ad arrivare)|aria calda|blows hot|(only )?blows hot air|frena (male|malissimo|poco)|non frena|ho rischiato|rischiato di|nearly (crashed|hit)|almost (crashed|hit))(?![a-z])/;
/** Said not to be serious: "niente di tragico", "nothing major", "no rush". */
const NOT_SERIOUS = /(?<![a-z])((niente|nulla) di (grave|tragico|urgente|serio|drammatico)|nothing (serious|urgent|major|dramatic|too serious)|no (rush|hurry)|nessuna fretta|non e urgente|not urgent)(?![a-z])/;
const afterOurWork = (text: string): boolean => OUR_WORK.test(text) && LATELY.test(text) && FAULT_NOW.test(text);

/** Someone else did it: "some idiot keyed it", "qualche vandalo", thieves. */
const THIRD_PARTY = /(?<![a-z])((someone|somebody|qualcuno) (has |had |just |ha |mi ha |me l ha |l ha )?(keyed|hit|scratched|stole|broke|smashed|dented|reversed|backed|clipped|rigat[a-z]*|urtat[a-z]*|graffiat[a-z]*|rubat[a-z]*|spaccat[a-z]*|rott[a-z]*|tamponat[a-z]*|ammaccat[a-z]*)|some (idiot|guy|driver|kid|kids|moron|clown)s?|qualche (idiota|cretino|deficiente|vandalo|ragazzino)|vandal\w*|thie(f|ves)|ladr[io])(?![a-z])/;
/** Our people or our work named: "your mechanic", "after your premium polish". */
const OURS_NAMED = /(?<![a-z])((your|vostr[oaie]) (mechanic|mechanics|meccanic[oi]|guys|team|staff|valet|driver|autista|ragazzi|people|workshop|officina)|accettazione|reception|service desk|front desk|(after|dopo) (your|il vostro|la vostra|i vostri|le vostre))(?![a-z])/;
/** Our own work named: "you fixed", "l'avete riparata", "after your service". */
const OUR_DOING_NAMED = /(?<![a-z])((were|was) (meant|supposed) to (fix|sort|repair)|dovevate (sistemare|riparare|risolvere)|(you|you ve|you have|you lot|you guys|your [a-z]+) (fixed|repaired|serviced|changed|replaced|sorted|worked on|charged|did)|(avete|l avete|la avete|lo avete|mi avete|ci avete) (riparat|sistemat|cambiat|sostituit|fatt|mess)[a-z]*|dopo (il vostro|la vostra)|after (your|the) (service|repair|work))(?![a-z])/;
/**
 * "you replace(d) my windscreen last Tuesday" as the typo corrector leaves it ("replaced" becomes "replace"): our work
 * told in the present form, not a request ("can you replace", "should you replace", "if you fix").
 */
const YOU_DID = /(?<![a-z])(?<!(can|could|will|would|please|did|do|should|if|when|to|shall|might|must|may) )you (replace|change|fix|fit|service|repair|polish|clean)(?! (it|them|my|the|a) (for me|please|tomorrow|next|on|this|when))(?![a-z])/;
/** Our own work named, in any form. */
const OUR_DOING = { test: (text: string): boolean => OUR_DOING_NAMED.test(text) || YOU_DID.test(text) };
/** A grumble about last time, let go: "last time the wait was ridiculous but ok", "l'altra volta un disastro, ma va bene". */
const LAST_TIME_BUT_OK = /(?<![a-z])(last time|l ultima volta|l altra volta|la volta scorsa)(?: [a-z]+){1,10} (but ok|but okay|but fine|but whatever|ma va bene|ma pazienza|ma vabbe|anyway)(?![a-z])/;
/**
 * The car at home, or no hurry said: "non parte, ma è in garage, non in strada", "it's on the drive,
 * can someone fetch it?", "nessuna fretta" (#12, main corpus cross-validated). A booking, with a
 * collection; unless something is dangerous there (smoke, someone locked in).
 */
const CALM_PLACE = /(?<![a-z])(non la (uso|sto usando|muovo|guido)( piu)?|la tengo ferma|(i m|i am) not (using|driving) it|not driving it|won t drive it|(e|sta|ferm[ao]|parcheggiat[oa]|lasciat[oa]|l ho lasciat[oa]) (a casa|in garage|nel garage|in cortile|nel cortile|nel box|in box)|in the garage|in my garage|(it s|it is|left it|parked) (at home|on (my|the) drive(way)?|in the driveway)|non (e )?in strada|not on the road|nessuna fretta|no rush|no hurry|non (mi )?serve il soccorso|non serve (il )?carro|don t need (a )?(tow|recovery))(?![a-z])/;
/** On a road now: a stop there is never calm. */
const ON_ROAD_NOW = /(?<![a-z])(autostrada|tangenziale|superstrada|motorway|highway|ring road|hard shoulder|(?<!non )(?<!non e )in strada(?! tranquill)|(?<!not )on the road(?! again)|sulla strada)(?![a-z])/;
/** What is asked instead of help now: a collection, or no hurry. */
const COLLECT_OR_WAIT = /(?<![a-z])(venite a prender[a-z]*|passate a prender[a-z]*|venirla a prendere|prenderla voi|ritirarla|potete ritirar[a-z]*|mandate (il|un) carro per|(can|could) (you|someone|somebody) (collect|fetch|pick (it|her) up|come and get)|collect it|fetch it|nessuna fretta|no rush|no hurry|non (mi )?serve il soccorso|non serve (il )?carro|don t need (a )?(tow|recovery))(?![a-z])/;
const DANGER_THERE = /(?<![a-z])(fumo|fuma|fuoco|fiamm[a-z]*|smoke|smoking|fire|flames|ferit[oaie]|hurt|injur[a-z]*|bambin[oaie]|baby|child|kid|chius[oa] dentro|locked (inside|in)|trapped|intrappolat[oa]|gas|benzina|petrol|fuel|rubat[oa]|stolen|non c e piu|rolled|went into|crashed|sbattut[oa]|urtat[oa])(?![a-z])/;

/** The legal cues that only name an insurer or a claim: beside the work wanted, the insurer pays for a booking (#12, twentieth writers). */
const INSURANCE_ONLY = /^(insurance|insurer|assicurazion[a-z]*|assicurativ[a-z]*|polizza|sinistro|kasko|perizia|perito)$/;
/** The claim in dispute: refused, contested, not paid. */
const DISPUTED = /(?<![a-z])(refus[a-z]*|reject[a-z]*|contest[a-z]*|disput[a-z]*|won t pay|will not pay|not paying|denied|rifiut[a-z]*|contest[a-z]*|non (vuole|vogliono|mi vuole|mi vogliono) pagare|non paga|negat[oa]|litig[a-z]*)(?![a-z])/;

/** "ora è tutto ok", "nothing wrong right now": a now that says all is well. */
const ALL_FINE_NOW = /(?<![a-z])((ora|adesso) (e )?(tutto )?(ok|bene|a posto|tranquillo)|non ho (nessun )?problem[ai] (adesso|ora)|(nothing|nothing s) wrong (right )?now|(all|everything s|everything is) (fine|ok|good) (right )?now|no (problems|issues) (right )?now)(?![a-z])/g;

/** Someone hurt: "I've got a cut on my arm", "mi sono ferito". */
const HURT = /(?<![a-z])(i (ve got|have) a cut|(a )?cut on my|ho un taglio|(i m|i am|sono|mi sono) (ferit[oa]|injured|hurt)|bleeding|sanguin[a-z]+|ambulanz[a-z]*|ambulance)(?![a-z])/;

/** Why the message must go to a person at once, or `undefined`. */
export function urgentConcern(said: string, entities: Entities): Exclude<Concern, 'callback'> | undefined {
  const titled = withoutTitledName(said, entities);
  const text = MAY_ONLY_SOUND.test(titled) ? titled.replace(ONLY_SOUNDS_URGENT, ' ') : titled;
  const denied = (MAY_DENY.test(text) && DENIED.test(text)) || NOTHING_ON_FIRE.test(text);
  const imagined = HYPOTHETICAL.test(text) && !/(?<![a-z])(now|adesso|ora|right now|proprio ora)(?![a-z])/.test(text.replace(ALL_FINE_NOW, ' '));
  const matches = URGENT.all(text);
  // a joke or the bare word "emergency" beside the work wanted is a booking (#12, fourteenth writers)
  const wantsWork = !!(entities.service || entities.date || WANTS_NOW.test(text) || /(?<![a-z])(can you|could you|si puo|si sistema|potete|riuscite)(?![a-z])/.test(text));
  const onlyAlarm = matches.length > 0 && matches.every((m) => BARE_ALARM_ONLY.test(m.text)) && URGENT.first(text.replace(BARE_ALARMS, ' ')) === undefined;
  if (wantsWork && (onlyAlarm || (JOKING.test(text) && !STRANDED_NOW.test(text)))) return undefined;
  // something besides the car told (a service, a day, a plate, an address...): the message is on its way to a booking
  const told = Object.keys(entities).some((k) => k !== 'model');
  const calm = !!entities.service && CALM_DAMAGE.test(text) && !COVER_ASKED.test(text) && !HAPPENING_NOW.test(text) && !STRANDED_NOW.test(text) && !STUCK_AS_WE_SPEAK.test(text);
  const insuranceOnly = matches.every((m) => m.label !== 'legal' || INSURANCE_ONLY.test(m.text));
  const found = matches
    .map((m) => m.label)
    .find((label) => {
      if (label === 'complaint' && SAID_NOT.test(text)) return false;
      // "some idiot keyed it, I'm fuming, can I bring it in on the 20th?": anger at someone else, beside the work wanted
      if (label === 'complaint' && told && THIRD_PARTY.test(text) && !OUR_DOING.test(text) && !OUR_WORK.test(text) && !OURS_NAMED.test(text)) return false;
      // "the same warning light as last winter is back, book me in": a fault come back, not after our work
      if (label === 'complaint' && told && (LONG_AGO.test(text) || PAST_SEASON.test(text)) && !OUR_DOING.test(text) && !OUR_WORK.test(text)) return false;
      // "last time the wait was ridiculous but ok": a grumble about then, beside the answer now
      if (label === 'complaint' && told && LAST_TIME_BUT_OK.test(text) && !/(?<![a-z])(again|di nuovo|ancora una volta)(?![a-z])/.test(text)) return false;
      if (label === 'road' && THANKS_FOR_IT.test(text) && RESCUE_PRAISED.test(text)) return false;
      // an accident long ago, told beside the work wanted now, is a booking
      // (but not when stuck now: "the car you serviced last week is overheating AGAIN and I'm stranded")
      if (label === 'road' && (LONG_AGO.test(text) || ((PAST_MONTH.test(text) || PAST_SEASON.test(text)) && !JUST_NOW.test(text))) && !STUCK_AS_WE_SPEAK.test(text) && !PULLED_OVER.test(text) && (told || WANTS_NOW.test(text) || THANKS_FOR_IT.test(text))) return false;
      // praise for a rescue that went well: "il vostro carro attrezzi è arrivato in 20 minuti, servizio top"
      if (label === 'road' && PRAISE.test(text)) return false;
      // "io sto bene, la macchina cammina": told, not an emergency
      // (unless they ask what to do, or who was at fault: "la macchina cammina ma l'altro dice che non è colpa sua, che devo fare?")
      if (label === 'road' && STILL_DRIVES.test(text) && !WHAT_NOW.test(text)) return false;
      // a complaint handled well last time: the work is what is left to book
      if (label === 'complaint' && (COMPLAINT_SETTLED.test(text) || (SETTLED.test(text) && (entities.service || WANTS_NOW.test(text))))) return false;
      // "nessun incidente, solo un graffio", "breakdown? no no, it's for the service"
      if (label === 'road' && denied && !STRANDED_NOW.test(text) && !HURT.test(text)) return false;
      // "the car hasn't broken down, but…", "not complaining, just saying": said not to be one, beside the work wanted
      if ((label === 'road' || label === 'complaint') && SAID_NOT.test(text) && (entities.service || entities.date || WANTS_NOW.test(text))) return false;
      // someone else's breakdown, or one seen, beside the work wanted: a booking
      if (label === 'road' && NOT_MINE.test(text) && (entities.service || entities.date || WANTS_NOW.test(text))) return false;
      if ((label === 'road' || label === 'legal') && imagined) return false;
      // fed up with typing is a wish for a person, not a complaint about our work
      if (label === 'complaint' && (FED_UP_TYPING.test(text) || CHAT_COMPLAINT.test(text)) && !OUR_DOING.test(text)) return false;
      // towed to us already, or the insurer has paid: the work is what is left to book
      if ((label === 'road' || label === 'legal') && SETTLED.test(text)) return false;
      // "anni fa mi avete gestito un sinistro benissimo, ora il tagliando"; "l'assicurazione copre il parabrezza, vorrei cambiarlo"
      if (label === 'legal' && entities.service && (LONG_AGO.test(text) || (COVERED.test(text) && !COVER_ASKED.test(text)))) return false;
      // "windscreen, insurance job, could you do it Thursday?": the insurer pays for the work wanted
      if (label === 'legal' && entities.service && insuranceOnly && !DISPUTED.test(text) && !(COVER_ASKED.test(text) && !WANTS_NOW.test(text) && !entities.date) && !HAPPENING_NOW.test(text) && !STRANDED_NOW.test(text)) return false;
      // insurance named beside a solution asks about that solution's conditions
      if (label === 'legal' && entities.mobility) return false;
      // insurance to buy for a car ("quanto costa assicurare una grecale?") is not our business
      if (label === 'legal' && CUES.has('outOfDomain', text)) return false;
      // the car at home or no hurry said, nothing dangerous there: a booking with a collection
      if (label === 'road' && CALM_PLACE.test(text) && (COLLECT_OR_WAIT.test(text) || told) && !DANGER_THERE.test(text) && !STRANDED_NOW.test(text) && !STUCK_AS_WE_SPEAK.test(text) && !ON_ROAD_NOW.test(text)) return false;
      // damage that happened, told calmly beside the repair wanted: a booking
      if ((label === 'road' || label === 'legal') && calm && !afterOurWork(text)) return false;
      return true;
    });
  if (found) return found;
  // a fault right after our work: the workshop must look at it now
  // ("una ruota vibra sopra i 90, niente di tragico, ma vorrei ricontrollare": told calmly, a booking)
  if (afterOurWork(text) && !denied && !imagined && !SAID_NOT.test(text) && !(NOT_SERIOUS.test(text) && WANTS_NOW.test(text))) return 'complaint';
  return undefined;
}

/** "Mi può richiamare?", "can reception call me back?" */
export const asksForCallBack = (text: string): boolean => CALL_BACK.first(text) !== undefined;

const plain = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** "Il consulente mi ha detto di prenotare qui", "the operator told me to use the chat": someone who spoke, not someone asked for. */
const TOLD_ME = /(?<![a-z])(collega|consulente|operator\w*|operatrice|advisors?|addett[oa]|responsabile|manager|reception|accettazione|accettator\w*|receptionist)((?: [a-z]+){0,7} (mi ha|mi hanno|mi aveva|mi avevano|told|had told|advised|suggested|recommended|said|had said|was|were|is|e stat[oa]|mi da|mi danno|mi porta|mi accompagna|gives me|will give me|drives me|gave me|sent me|mi ha dato|mi ha mandato) )/g;
/** "Mi ha detto il vostro consulente di prenotare qui": the one who spoke after the verb. */
const TOLD_ME_AFTER = /(?<![a-z])(me (lo|la|l) (ha|aveva|hanno|avevano) (detto|consigliato|suggerito)|mi ha detto|mi aveva detto|mi hanno detto|mi ha consigliato|mi hanno consigliato|mi ha suggerito|told me|said|recommended by|suggested by|(i |we )?(already )?(discussed|spoke about|talked about|went through) (it|this|that)( [a-z]+){0,4} with|(ne )?(ho|abbiamo) (gia )?(parlato|sentito|discusso)( [a-z]+){0,4} (con|col)) (il |la |l |lo )?(vostr[oa] |your )?(colleague|collega|consulente|operator\w*|operatrice|advisors?|addett[oa]|responsabile|manager|reception|accettazione|accettator\w*|receptionist)(?: (?!(?:is|e|was|era|could|can|puo|potrebbe|to|di|a)\b)[a-z]+)?(?![a-z])/g;
const MAY_NAME_ROLE = /collega|colleague|consulente|operat|advisor|addett|responsabile|manager|reception|accettazione|accettator|discussed|spoke|talked|parlato/;
const MAY_ASK_CALL = /chiam|call|ring|phone/;
/** "Chiamatemi solo se il prezzo cambia", "call me if there are any problems": a call only should something happen. */
const CALL_IF = /(?<![a-z])((ri)?chiamatemi|(ri)?chiamami|mi (ri)?chiamate|mi (ri)?chiami|(call|ring|phone) me)( pure| only| just| solo)? (solo |only |just )?(se|if|in caso|in case|qualora|when (the car|it|my car|she|he) (is )?(ready|done|finished)|quando (la macchina |l auto )?e pronta)(?![a-z])/g;
const IF_CALL = /(?<![a-z])(se|if|in caso|in case)(?: [a-z0-9]+){1,8} (mi (ri)?chiamate|mi (ri)?chiami|(ri)?chiamatemi( pure)?|(ri)?chiamami( pure)?|feel free to (call|ring) me|(call|ring|phone) me)(?![a-z])/g;

/** The car ready: "quando è pronta", "when it's done", "once it's finished" (#12, twenty-first writers). */
const WHEN_READY = /(?<![a-z])((when|once) (he|she|they) (is|s|are|re|gets|get|arrives|arrive) (outside|here|there|downstairs)?|(il giorno|la sera) prima( dell appuntamento)?|per ricordarmelo|(the day|the evening|the night) before|as a reminder|to remind me|se serve|if needed|if necessary|se necessario|((mezz ora|un ora|[0-9]+ minuti|qualche minuto|dieci minuti|cinque minuti|un quarto d ora) )?prima di (venire|passare|arrivare|partire)|((half an hour|an hour|[0-9]+ (minutes|mins)|ten minutes|five minutes|a few minutes) )?before (you come|coming|you arrive|arriving|you set off|setting off|the driver (comes?|arrives?|gets here)|your driver (comes?|arrives?))|quando (arriva|arrivate|arrivano|siete qui|e qui|e fuori|e sotto)|(when|once) (you re|you are|the driver is|your driver is|he s|she s) (outside|here|there|downstairs|at the (door|gate))|quando (siete|e|sara|arrivate|arriva) (qui )?(fuori|qui|sotto|arrivat[oa])|(as soon as|once|when) you (know|find out)( what)?|appena (sapete|scoprite)|before (starting|doing|you start|you do) (anything|any)|before any (extra |additional |further )?(work|job|repair)s?|prima di (fare|iniziare|cominciare) (qualsiasi|qualunque|altri|altro|lavor[a-z]*)|(quando|appena|non appena) (e |sara |la macchina e |l auto e |la macchina sara |avete finito|e tutto )?(pront[ao]|finit[ao]|fatto|sistemat[ao]|riparat[ao])|(when|once|as soon as) (it s|it is|the car s|the car is|she s|she is|it s all|you re|you are|you ve|you have) (ready|done|finished|sorted|fixed))(?![a-z])/;
/** The call asked for beside it, blanked: "chiamatemi pure", "ring my wife", "la telefonata fatela a mia moglie". */
const READY_CALL = /(?<![a-z])((i d like|i would like|i want|i d prefer|vorrei|preferisco|preferirei) (a |una )?(phone call|call|telefonata|chiamata)|mi (potete|puo|potreste|potrebbe|potrete) (ri)?(chiamare|telefonare)|(could|can|would) you (ring|call|phone)( me)?|(ri)?chiamatemi( pure| voi)?|(ri)?chiamami( pure)?|mi (ri)?chiamate( voi)?|mi (ri)?chiami|mi telefonate|telefonatemi|(just )?(call|ring|phone|text) (me|my [a-z]+|him|her)|(la )?telefonata|fatela|give me a (call|ring|bell)|(mi )?fa(te)? uno squillo|fatemi uno squillo|to call me|di chiamarmi)(?![a-z])/g;
/** A phone named, nobody asked for (#12): "already booked it by phone", "do you need my phone number?". */
const PHONE_MENTIONED = /(?<![a-z])(((ci siamo|mi sono|ci eravamo) (gia )?sentit[oaie]( [a-z]+){0,3} (al|per) telefono|(we|i) (ve |have )?(already )?(spoke|spoken|talked)( [a-z]+){0,3} (on|over|by) the phone)( [a-z]+){0,3}?( (con|with) (un |il |la |una |one of |your |a )?(vostr[oa] |your )?[a-z]+)?|(numero|number)( di telefono)? (su cui|a cui|per|to|on which to) (chiamarmi|call me|reach me)|(numero|number)( di telefono)? (da|to) (chiamare|call)( [a-z]+){0,3} (se|if|in caso|for updates|per aggiornamenti)|gave me a number to call|(numero( fisso)?|landline|phone number|number)( [a-z]+){0,5} (ancora attivo|funziona ancora|still (working|active|valid|in use|the same)|e ancora quello)|(already )?(booked|made the booking|prenotat[oa]|ho prenotato|ha prenotato|ha gia prenotato|hanno prenotato)( it| with you| gia)?( [a-z]+){0,3} (by|over the|on the|per|al) (phone|telephone|telefono)|(do you need|vi serve|serve|ti serve|you need|need) (my|il mio|mio) (phone |mobile |cell )?(number|numero)( di telefono| di cellulare)?)(?![a-z])/g;
const TALK_TO_SOMEONE = /(?<![a-z])((il |un )?(contatto|recapito|numero) (diretto|telefonico diretto) (del|dell|della|di|per)|direct (contact|line|number) (for|of|to) (the |your )?(service|workshop|reception|desk|advisor|service desk|body ?shop)|(can|could|may) i (discuss|talk|go through|talk through) (this|it|that)( through| over)? with (?!(my|our|his|her|him|them|the|a|you|u|mum|mom|dad|wife|husband|partner|family|boss)(?![a-z]))[a-z]+|discuss (this|it|that) with (someone|somebody|a person|one of you|a human)|(posso|possiamo|potrei) parlarne con (qualcuno|una persona)|(can|could|would) (he|she) (ring|call|phone) me|(addetto|persona|qualcuno|uno) che mi (risponda|rispondesse)|parlare con (l|il|la|lo) ?(autista|driver|meccanico|tecnico|ragazzo|responsabile)|(talk|speak) to (the|your) (driver|guy|person|mechanic|technician|one)|(sort|arrange|organise|organize|discuss|do)( out)? (the|this|it|that)( [a-z]+)? (on|over) the phone|(someone|somebody|a person|one of you) to (phone|call|ring) (her|him|them|me)|(?:preferisco|preferirei|vorrei|posso|devo) (?:prima )?sentire|(mi fate|fatemi|farmi|mi fa) parlare con|(could|can|would) (the|your) (guy|man|lady|woman|girl|person|bloke|chap|one|driver|fellow)(?: [a-z]+){0,6} (call|ring|phone) me|sentire prima|(?:detto|dicono) di chiedere di|(?:anyone|anybody|someone|somebody) (?:i|we) (?:could|can) (?:speak|talk) to|discuss (?:that|this|it) with|(?:parlare|parlarne) (?:col|con il|con la) [a-z]+|(somebody|someone|anyone|qualcuno) (call|ring|phone|chiam[a-z]*|telefon[a-z]*) me|(ask|get|have) (an?|the|your|one of your) [a-z]+ to (ring|call|phone) me|(uno dei vostri|un vostro|una vostra|qualcuno di voi|one of your (team|staff|people|guys|mechanics|technicians))(?: [a-z]+){0,3} (mi )?(spiegasse|spieghi|spiegherebbe|illustrasse|walk me through|talk me through|explain)|(get|have|ask) (him|her)( to)? (pick|take|handle|deal with) (it|this|that)|(fatelo|fatela|fate) (riprendere|seguire|gestire) (a|da) (lui|lei)|(talk|speak) to (someone|somebody|a person|whoever|an advisor|a human)|(parlare|sentire) (con )?(qualcuno|una persona|il responsabile|la responsabile|un addett[oa]|un consulente|un operatore|una operatrice))(?![a-z])/;

/** No person wanted: "non serve che mi richiamate", "no need to call me", "a person? no thanks", "typed operator by mistake". */
const NO_PERSON = /(?<![a-z])((non serve|non c e bisogno|nessun bisogno|no need|don t need|do not need|non voglio|i don t want|i do not want|non ho bisogno)( di| to| che| of| the| l| il| un| una| mi| me| essere| be)*( [a-z]+)?( (chiam|richiam|telefon|call|phon|ring|operat|person|human|umano)\w*)|(persona|person|operatore|operator|human|umano)\s?\?? (no|nah|nope)( no| grazie| grz| thanks| thx| ta| the bot| il bot| this is fine| va bene)|mi (ri)?chiama (lui|lei|poi)|(he|she|they) ll (ring|call|phone) me|(he|she|they) (will|is going to|are going to) (ring|call|phone) me|aspetto che mi (ri)?chiami|(mates|friends|everyone|people|they all|amici|tutti) (call me|mi chiamano)|non sono (l|un|il|la) (operatore|operatrice|operator)|(who|chi) (will|ll|is going to|mi) (call|ring|phone|chiam\w*)|i m not (the|an|a) (operator|human)|non mi serve (un |l )?operat\w*|(scritto|typed|written|wrote) (operatore|operator|human|persona)( [a-z]+){0,2} (per sbaglio|by mistake)|non (chiamatemi|mi chiamate|telefonatemi|mi telefonate)(?! voi)|(don t|do not|please don t) (call|ring|phone) me|(?<!nessuno )(?<!non )(mi ha|mi hanno) (gia |poi )?(richiamat\w*|chiamat\w*|telefonat\w*)|(called|rang|phoned) me (back )?(already|in the end)|referente (sono io|e)|(was going to|volevo|i wanted to) (ask to )?(speak|talk|parlare)(?: [a-z]+){0,8} (but|ma|no ok|pero|l ho trovato|found it)(?![a-z])|grazie per (avermi|averci|aver) (ri)?(chiamat\w*|telefonat\w*)|thanks for (calling|ringing|phoning) (me|us)( back)?|the (call ?back|callback|call) from your [a-z]+ (this morning|yesterday|earlier)|(persona|ragazz[oa]|addett[oa]|consulente|signora) gentilissim[oa]|gentilissim[oa] (l|la|il) (addett[oa]|ragazz[oa]|signora|consulente)|complimenti|(aspetto|attendo) (la|una) (vostra )?(telefonata|chiamata) di conferma|wait for (your|the) confirmation (call|text))/;
const MAY_REFUSE_PERSON = / nah | nope |was going to|volevo|wanted to|grazie per|thanks for|callback from|call back from|call from your|non mi serve|gentilissim|complimenti|conferma|confirmation|who |chi |non sono|i m not|non serve|bisogno|no need|don t|do not|non voglio| no |sbaglio|mistake|chiama lui|chiama lei|chiama poi|ll ring|ll call|ll phone|will ring|will call|going to|aspetto che|non chiam|non mi chiam|non telefon|non mi telefon|mi ha|mi hanno|called me|rang me|phoned me|referente/;

/**
 * A request for a person, or to be called back. "Call me a cab" is about a taxi; at the name
 * question "call me Marco Rossi" is a name, but "mi chiamo Anna Verdi, mi passa un consulente?"
 * asks for a person too.
 */
const IF_THERE = /(?<![a-z])((se|if) (c e|ce|is in|is there|is around|s in|s around|is working) (il |la |lo |mr |mrs |ms )?(signor |signora |sig )?[a-z]+|(se|if) (c e da|i need to|i have to|devo|ho bisogno di|dovessi) (parlare|speak|talk)( (col|con il|con la|to the|with the|to|with) [a-z]+)?)(?![a-z])/g;

/** Who usually handles my car, said as context: "mi segue sempre lui", "always looks after my Ghibli". */
const FOLLOWS_ME = /(?<![a-z])((che )?mi segue (sempre|da anni)( lui| lei)?|(always|usually|normally) (looks after|handles|deals with|sorts out) (me|my [a-z0-9]+))(?![a-z])/g;

/**
 * A person asked for in passing, whatever the message also names (#12, twenty-seventh writers): "put me
 * through to Stefano", "vorrei sentirlo prima al telefono", "sort this out in person with one of your
 * team", "go through it with the service manager", "what's the number?" to ring the workshop.
 */
const PERSON_DIRECT = /(?<![a-z])((arrange|discuss|sort|organise|organize|go through)(?: [a-z0-9]+){0,8} (with|con) (one of your|uno dei vostri|un vostro|una vostra|your) [a-z]+ (by|over the|on the|al|per) (telephone|phone|telefono)|(speak|talk) (with|to) whoever|(a |an )?real (advisor|adviser|person|human)|(better|rather|meglio se|preferisco che) (if )?you (call|ring|phone) me|you d better (call|ring|phone) me|(put|transfer|connect|pass) me through to (?!(a|the) (bot|machine|chat))[a-z]+|(transfer|connect) me to (?!(a|the) (bot|machine|chat))[a-z]+|(passarmi|passatemi|mi (potete|puoi|potreste|può|puo) passare|passami) (lui|lei|il signor\w*|la signora|[a-z]+ (dell|del|della))|a qualcuno(?: [a-z]+){0,3} di (ri)?(chiamarmi|telefonarmi|contattarmi)|(quando|when) (e|is|s) (liber[oa]|free|available|in) (il |la )?(signor\w*|sig|mr|mrs|ms|dott\w*) [a-z]+|(can|could|may) i (have|get) [a-z]+ s (direct |mobile |phone |cell )?(number|mobile|phone|email|contact)|sentir(lo|la|li|vi) (prima )?(al|per) telefono|(sort|do|go through|discuss|talk about|finish)( this| it| that)?( out| over)? in person with|in person with (one of your|someone|somebody)|(go through|go over|discuss|talk through) (it|this|that)( [a-z]+)? with (the|your|a|one of your)( [a-z]+)? (manager|advisor|adviser|mechanic|technician|person|colleague)|(what s|what is|whats) (the|your) (phone |telephone )?number$|(qual e|mi date|datemi|mi dai) il (vostro )?numero$)(?![a-z])/;

export function asksForPerson(text: string, entities: Entities, awaitingName: boolean): boolean {
  // "call me a taxi" is about the taxi; "talk to someone about the loan car" still asks for a person
  if (entities.mobility && !TALK_TO_SOMEONE.test(text) && !PERSON_DIRECT.test(text)) return false;
  if (MAY_REFUSE_PERSON.test(text) && NO_PERSON.test(text)) return false;
  // "a nome della ditta, referente Gianni Ferri": the contact person is the name given, nobody asked for
  const contact = entities.name && /referente|riferimento|contact person/.test(text) ? text.replace(new RegExp(`(referente|persona di riferimento|contact person)( [a-z]+){0,2} ${escapeRegExp(plain(entities.name))}`), ' ') : text;
  // "call me Marco Rossi" at the name question, "puoi chiamarmi Teo" anywhere: a name, not a call
  const named = entities.name ? contact.replace(new RegExp(awaitingName ? `((can you |could you |puoi |potete |potreste )?(call me|chiamami|chiamatemi|chiamarmi)( pure)? )?${escapeRegExp(plain(entities.name))}` : `(call me|chiamami( pure)?|chiamatemi( pure)?|chiamarmi( pure)?) ${escapeRegExp(plain(entities.name))}`), ' ') : contact;
  // "Franco always looks after my Quattroporte, usual service please": who follows me, beside the work wanted
  const followed = entities.service && FOLLOWS_ME.test(named) ? named.replace(FOLLOWS_ME, ' ') : named;
  // cheap gates: most messages name no role and no call
  const told = MAY_NAME_ROLE.test(followed) ? followed.replace(TOLD_ME, ' $2').replace(TOLD_ME_AFTER, ' ') : followed;
  const calls = MAY_ASK_CALL.test(told) ? told.replace(CALL_IF, ' ').replace(IF_CALL, ' ') : told;
  // "quando è pronta chiamatemi pure", "when it's done ring my wife": a call to say the car is ready, no person now
  const readied = WHEN_READY.test(calls) ? calls.replace(READY_CALL, ' ') : calls;
  // "my husband already booked it by phone", "do you need my phone number?": a phone named, nobody asked for
  const phoned = MAY_ASK_CALL.test(readied) || /telefon|numero|number|direct|diretto|diretta/.test(readied) ? readied.replace(PHONE_MENTIONED, ' ') : readied;
  // "giovedì, se c'è il signor Neri meglio": someone wished present, if they are, is nobody asked for now
  const rest = /(?<![a-z])(se|if) /.test(phoned) ? phoned.replace(IF_THERE, ' ') : phoned;
  // (a colleague asked for is no name given: "Is Luca in? He normally looks after my car")
  return CUES.has('human', rest) || asksForCallBack(rest) || asksForSomeoneNamed(rest) || (named !== contact && asksForSomeoneNamed(contact)) || PHONE_INSTEAD.test(rest) || PERSON_DIRECT.test(rest);
}

/** A title before a name: "il signor Bellei", "la signora Carla", "Mr Rossi". */
const TITLE = '(?:(?:il |la |lo )?(?:signor[a-z]*|sig|sigra|dott[a-z]*|ing|avv|geom|mr|mrs|ms|miss|signor) )?';
/** Someone of ours asked for by name (#12, fourteenth writers): "vorrei sentire la signora Carla", "voglio parlare con Marchetti", "il cellulare di Simone", "is Roberto around?", "get me Paolo". */
const ASKS_NAMED = new RegExp(
  '(?<![a-z])(?:' +
    `(?:vorrei|voglio|preferisco|preferirei|posso|potrei|devo|fatemi|mi fate) (?:prima )?(?:sentire(?: prima)?|parlare (?:con|col)|parlarne (?:con|col)|chiamare|chiedere di|(?:concordare|decidere|fissare|vedere)(?: [a-z]+){0,3} (?:direttamente )?(?:con|col)) ${TITLE}([a-z]+)` +
    `|(?:detto|dicono|scritto|consigliato) di (?:chiedere|cercare) (?:di|a|per) ${TITLE}([a-z]+)|(?:sei|e) tu ${TITLE}([a-z]+)` +
    `|(?:forward|pass|send) (?:this|it|my message|the message|this message) (?:on )?to ${TITLE}([a-z]+)|(?:inoltrate|girate|passate) (?:questo|il messaggio|la richiesta|questa richiesta) (?:a|al|alla) ${TITLE}([a-z]+)` +
    `|(?:mi passate|mi passa|mi passi|passatemi|passami|cerco|c e) ${TITLE}([a-z]+)` +
    `|(?:cellulare|numero|contatto|whatsapp|email|mail) (?:diretto )?(?:di|del|della|dello) ${TITLE}([a-z]+)` +
    `|(?:speak|talk|speaking|talking) (?:to|with) ${TITLE}([a-z]+)` +
    `|(?:get me|put me through to|i want|i d like|can i have|i need) ${TITLE}([a-z]+)(?: please| pls| now)?$` +
    `|(?:is|s) ${TITLE}([a-z]+) (?:around|there|in|in today|available|about|working today|working tomorrow|(?:in|working|there) (?:today|tomorrow|this morning|this afternoon|on [a-z]+))` +
    `|(?:number|mobile|phone|email) (?:of|for) ${TITLE}([a-z]+)` +
  ')(?![a-z])', 'g');
const NOT_OURS = new Set(['mia', 'mio', 'miei', 'mie', 'my', 'lui', 'lei', 'him', 'her', 'them', 'you', 'voi', 'te', 'wife', 'husband', 'moglie', 'marito', 'figlio', 'figlia', 'son', 'daughter']);

function asksForSomeoneNamed(text: string): boolean {
  if (!MAY_NAME_SOMEONE.test(text)) return false;
  for (const m of text.matchAll(ASKS_NAMED)) {
    const titled = /(?<![a-z])(signor[a-z]*|sig|sigra|dott[a-z]*|ing|avv|geom|mr|mrs|ms|miss) [a-z]/.test(m[0]);
    const name = m.slice(1).find((g) => g !== undefined);
    if (!name || NOT_OURS.has(name)) continue;
    const role = ROLE_AFTER.test(text.slice((m.index ?? 0) + m[0].length));
    if (titled || role || FIRST_NAMES.has(name) || COMMON_SURNAMES.has(name)) return true;
  }
  return false;
}
/** A role after the name: "Marchetti, il capo del service", "Bellei dell'accettazione", "Sara in reception". */
const ROLE_AFTER = /^ (il |la |lo )?(capo|responsabile|direttore|direttrice|titolare|manager|consulente|meccanico|capofficina)|^ (dell|del|della|dello|from|in|at|of) (accettazione|service|officina|reception|carrozzeria|workshop|bodyshop|body shop|front desk|ufficio)/;
const MAY_NAME_SOMEONE = /(is|s) [a-z]+ in\b|sei tu|e tu|chiedere|cercare|forward|inoltrate|girate|concordare|decidere|fissare|vedere|sentire|parlar|chiamare|chiedere|pass|cerco|c e |cellulare|numero|contatto|whatsapp|mail|speak|talk|get me|put me|i want|i d like|can i have|i need|around|there|in today|available|about|working|number|mobile|phone/;

/** The phone instead of the chat: "non si può fare per telefono?", "can I just ring you?", "what is the phone number for the workshop?". */
const PHONE_INSTEAD = /(?<![a-z])((preferisco|preferirei) (chiamare|telefonare)( io| voi)?|(i d|i would) rather (ring|call|phone)( you)?|a che numero (vi trovo|posso chiamare|chiamo)|what s the number (for|to) (book|booking|call)|(non si puo|possiamo|posso|si puo|meglio|preferisco) (fare |farlo |sentirci |parlarne |prenotare )?(per|al) telefono|telefonare e basta|(ditemi|datemi|mi date|mi dite|qual e|mi da|mi dai) (il )?numero (dell officina|del service|della carrozzeria|diretto|di telefono|dell accettazione)|numero diretto|(parlarne|sentirci) al volo con qualcuno|qualcuno che (me lo |me la |mi )?(spieghi|spiega|spiegasse) a voce|can i (just )?(ring|call|phone) (you|u)( instead)?|(over|on) the phone instead|(phone|telephone) number (for|of) (the workshop|the service|your|the garage|the dealer[a-z]*)|(sort|do|book|arrange|discuss)( it| this| that| the dates| the date)? over the phone|book over the phone|stop the bot|talk to someone (first|about (the|this|that|it))|someone i (can|could) (actually )?(speak|talk) to)(?![a-z])/;

/**
 * "Sei un bot?", "am I talking to a computer?", "persona o programma?": whether the chat is a
 * machine. Asked alone, a person is wanted (R11; the tenth and eleventh writers as the sixth to
 * eighth): the bot says what it is and hands over.
 */
export const ASKS_IF_MACHINE =
  /(?<![a-z])((ma |scusi |scusa )?(sei|siete|lei e) (solo )?(un |una )?(bot|robot|chatbot|computer|programma|intelligenza artificiale|risponditore automatico)(?![a-z])|(parlo|sto parlando|sto scrivendo|sto chattando|scrivo|parliamo) (con|a) (un |una )?(bot|robot|chatbot|computer|programma|macchina|intelligenza artificiale)(?![a-z])|(are you|is this|am i (talking|chatting|writing|texting|speaking) (to|with)|is that) (a |an |just a |just an |some )?(bot|robot|chatbot|computer|machine|program|programme|ai|real person|real human|human|person)(?![a-z])(?! (you|that|which|for|to|of|we|they|where|with|from|on|in)(?![a-z]))|(persona|umano|essere umano|person|human|real person) o (con )?(un |una |sei |e )?(un |una )?(bot|robot|programma|macchina|computer|intelligenza artificiale)(?![a-z])|or (is it |just )*(a |an )?(bot|robot|computer|program|ai)\??$|sei (vero|vera|reale|una persona)(?![a-z])|^are you real(?![a-z])|(any|some) real (people|person|humans?)(?![a-z]))/;
