/**
 * The customer's name: "sono Marco Rossi", "mi chiamo giulia bianchi", "my name is John Smith",
 * "I'm Anna", or a bare "marco rossi" when the bot asked for a name.
 * @module
 */
import { EN_WORDS, IT_WORDS } from './language';
import { MODELS } from './models';
import { escapeRegExp } from './phrases';
import { SERVICES } from './services';

/** Common first names: they make a lowercase "sono marco" a name. */
export const FIRST_NAMES = new Set(
  ('marco giulia luca anna andrea francesco alessandro matteo lorenzo davide simone federico giuseppe giovanni antonio ' +
    'paolo stefano roberto mario luigi sara chiara francesca elena laura valentina martina alessia silvia paola maria ' +
    'giorgio fabio massimo riccardo alberto claudio enrico filippo gabriele emanuele nicola daniele michele carlo ' +
    'cristina federica elisa monica barbara serena roberta ilaria beatrice giorgia sofia aurora alice ginevra ' +
    'john james david michael robert william richard thomas mark paul peter george charles daniel oliver harry jack ' +
    'mary sarah emma emily jessica sophie olivia lucy kate hannah laura susan helen anne jane linda ' +
    // more of the names customers sign with ("cheers, dave", "grazie, pietro")
    'pietro vincenzo salvatore gianni franco bruno sergio angelo renato dario fabrizio mauro maurizio valerio tommaso ' +
    'leonardo edoardo jacopo emilio ettore giacomo raffaele umberto vittorio walter aldo alfredo arturo cesare elio ' +
    'ernesto flavio gino mirko nino ottavio piero rocco sandro silvio tiziano vito gianluca gianmarco pierluigi ' +
    'antonella alessandra daniela donatella elisabetta emanuela fabiana gabriella giovanna lucia manuela michela nadia ' +
    'patrizia raffaella rita sabrina simona stefania teresa tiziana veronica viviana carla clara debora eleonora erica ' +
    'gloria irene lisa loredana marta noemi ornella rossella sonia vanessa ' +
    'dave steve mike chris tom sam joe alex nick matt dan tony andrew anthony brian kevin jason ryan gary simon stephen ' +
    'steven edward henry luke adam ian neil graham nigel stuart colin martin philip frank karen rachel rebecca claire amy ' +
    'charlotte chloe megan lauren natalie victoria zoe jennifer elizabeth catherine katie amanda priya raj ahmed mohammed ' +
    'fatima olga hans klaus pierre carlos juan jose omar yuki kenji phil sean rick stefan piotr erik ingrid grace helen ' +
    // more first names, Italian, English and from everywhere (#12, fifth fresh dev corpus)
    'giulio manuel luisa agnese samuele vittoria ludovico rosaria teresa ornella siobhan desmond imogen humphrey rohan ' +
    'bernard margaret maureen reginald katherine kathleen eileen doreen gladys harold arthur albert frederick leonard ' +
    'marcus ollie oliver rahul vikram arjun anil sunil deepak ravi sanjay priyanka anjali neha colm niamh aoife ciaran ' +
    'declan eoin ronan sinead dev jess jessie becky rebekah gemma holly poppy freya isla ellie millie abigail bethany ' +
    'chidi emeka kwame kofi amara ngozi ade adebayo tunde wang wei li ming hui jun chen mei ling hiroshi takeshi akira ' +
    'javier pablo miguel diego alejandro sofia lucia carmen pilar ines joao tiago pedro ana beatriz hugo mateo mathieu ' +
    'francois jacques sylvie nathalie isabelle celine julien nicolas guillaume karl jurgen dieter heinz ursula helga ' +
    'agata bianca camilla caterina cecilia costanza diana emma ester fiorella flavia gaia giada ilenia iolanda lara ' +
    'letizia liliana marina marisa melissa miriam nicoletta ottavia pamela rachele rebecca rosa rosanna sabina samanta ' +
    'sveva tamara vera virginia wanda achille adriano agostino alfonso amedeo armando attilio benito biagio carmine ' +
    'corrado cristian damiano denis domenico elia enzo ezio fausto felice ferdinando fiorenzo gaetano gerardo gianfranco ' +
    'giancarlo gianpaolo giordano guido ivan ivano lamberto lino livio loris luciano marcello mariano mattia nazario ' +
    'oreste orlando osvaldo pasquale patrick raimondo remo romano rosario ruggero samuel saverio settimio severino ' +
    'teodoro tullio ugo valentino valter vasco vittorino zeno ' +
    // names of customers from everywhere (#12, third fresh dev corpus)
    'hassan ahmad ahmed ali karim youssef mehmet mustafa ibrahim amir reza ivan igor dmitri sergei jake molly tessa harriet ' +
    'angela kwame kofi chidi sunita benedict fiona isabella amelie jean baptiste marie luc liam ellen nina kiara iolanda ' +
    'marisa adelina gino pippo bill ben teo max ted rob jo gio').split(' '),
);

/** Frequent Italian surnames: never "corrected" into a rule word ("Conti" is no "costi"). */
export const COMMON_SURNAMES = new Set(
  ('rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti deluca mancini costa giordano ' +
    'rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone longo gentile martinelli ' +
    'vitale lombardo serra coppola devita cattaneo testa pellegrini palumbo sanna farina rizzi monti cattaneo moro parisi ' +
    'fabbri marchi ferri grasso valentini messina sala deangelis gatti pellegrino ruggiero amato silvestri villa bernardi ' +
    'neri verdi gialli fiore orlando benedetti mazza porta ferraro guerra bellini basile riva donati piras sartori').split(' '),
);

/** Words that follow "sono"/"I'm" but are not names. */
const NOT_NAMES = new Set(
  ('human humano umano operatore operator persona person agent advisor adviser consulente ' +
    'schifato schifata disgustato disgustata arrabbiato arrabbiata incazzato incazzata furioso furiosa deluso delusa stufo stufa ' +
    'esasperato esasperata indignato indignata sconvolto sconvolta scosso scossa passo ripasso ' +
    'in panne fermo ferma bloccato bloccata rimasto rimasta interessato interessata disponibile cliente qui qua li la lo ' +
    'un una uno a al alla da dal gia ancora molto proprio appena sempre stato stata io noi voi lui lei tu ve ce dico ' +
    'looking interested stuck here there at on a an the not just calling writing trying sorry fine good ok okay happy glad ' +
    'available free busy back new from with after before about going waiting afraid sure still also really very ' +
    'ghibli levante grecale quattroporte maserati signor signora sig dott ing avv targa plate reg registration telaio vin ' +
    // "boh", "dunno" at the name question are no name (#11: a guessed name hides a misunderstanding)
    // a spelling told, a mood, a word before or after the name (#12, tenth to fourteenth writers)
    'unico unica unique sole single unfortunately sadly honestly actually purtroppo sinceramente scritto scritta scritti male misspelt misspelled staccato staccata attaccato attaccata spelled spelt spelling sbagliato sbagliata giusto giusta corretto corretta nome cognome super annoyed angry upset furious his her its their one minute second moment capo wrong right olandese dutch ' +
    'boh bho mah mha beh bah ehm uhm umm hmm mmm meh dunno whatever idk nah nope im ive under down as near running late later ' +
    'chinese romanian indian moroccan german english italian nigerian french spanish polish ukrainian russian american british elderly cinese rumeno rumena indiano indiana marocchino marocchina tedesco tedesca inglese italiano italiana straniero straniera anziano anziana prima primo seconda secondo terza terzo quarta quarto quinta ultima ultimo volta pls plz thx grz via viale corso piazza strada largo vicolo metti mettete mettila segna segnate scrivi scrivete pure put just ' +
    // months, days, cover and roles are no names: "it's under warranty", "I know it's January", "…, General Manager" (#12, twenty-ninth and thirtieth writers)
    'january february march april june july august september october november december gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre ' +
    'monday tuesday wednesday thursday friday saturday sunday lunedi martedi mercoledi giovedi venerdi sabato domenica warranty garanzia insurance assicurazione ' +
    'manager general executive assistant director fleet office secretary ceo cfo coo head presso sede segreteria ufficio').split(' '),
);

/** Places customers name: "Buongiorno, Modena Centro, …" is no one. */
const PLACES = new Set(
  ('modena bologna milano roma torino firenze napoli reggio emilia parma maranello sassuolo carpi formigine vignola ' +
    'verona padova venezia genova italia centro nord sud est ovest london londra rimini cesena forli ravenna ferrara ' +
    'piacenza mirandola scandiano lecce bari palermo catania cagliari perugia ancona pesaro bergamo brescia como monza ' +
    'lucca pisa livorno siena arezzo trento bolzano udine trieste vicenza treviso rovigo mantova cremona pavia lodi ' +
    'novara alessandria asti cuneo savona imola faenza cento castelfranco pavullo fiorano spilamberto').split(' '),
);

const PARTICLES = new Set(['de', 'di', 'da', 'del', 'della', 'lo', 'la', 'le', 'van', 'von', 'der', 'den', 'dal', 'dos', 'das', 'du', 'des', 'ter', 'ten', 'mc', 'mac', "d'", 'bin', 'ibn', 'abu']);

/** A word of a name: letters, apostrophes ("O'Connor") and hyphens ("Jean-Luc", "Al-Farsi"). */
const WORD = "[A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ'’][A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ'’-]*";
/** Someone else's name the booking is put under: "a nome di mia moglie, Laura", "under my wife's name, Laura". */
const KIN = '(?:moglie|marito|compagn[ao]|figli[ao]|padre|madre|mamma|pap[aà]|fratello|sorella|suocer[ao]|nonn[ao]|zi[ao]|wife|husband|partner|son|daughter|father|mother|mum|mom|dad|brother|sister|grandmother|grandfather|granny|grandma|grandpa|nan|aunt|uncle)';
/** A title after "sono" / "this is", in any case: "sn la sig.ra ferrari", "this is mrs kowalski". */
const TITLE_WORDS =
  "(?:il\\s+|la\\s+|l(?:['’]\\s*|\\s+))?(?:signor[ae]?|sig\\.?(?:ra|na)?|dott(?:or(?:e|essa)?|\\.?ssa)?|avv(?:ocat[oa])?|ing(?:egner[e]?)?|prof(?:essor(?:e|essa)?)?|mr|mrs|ms|miss|dr|doctor)\\.?";
/** Someone else booked for: "per conto di …", "scrivo per mio padre, …", "the customer is …", "on behalf of my boss, Mr …". */
const ON_BEHALF = `(?:per\\s+conto\\s+di(?:\\s+mi[ao]\\s+(?:${KIN}|capo|titolare|cliente))?|on\\s+behalf\\s+of(?:\\s+my\\s+(?:${KIN}|boss|client|customer))?|(?:it'?s|its|is|[eè])\\s+(?:for|per)\\s+(?:my|mi[ao])\\s+(?:${KIN}|dad|boss|capo)(?:\\s+in\\s+law)?|(?:scrivo|prenoto|chiamo|sto\\s+scrivendo)\\s+(?:per|x)\\s+(?:conto\\s+di\\s+)?mi[ao]\\s+(?:${KIN}|capo|titolare)|(?:writing|booking|messaging|texting)\\s+for\\s+my\\s+(?:${KIN}|dad|boss)|(?:il|la)\\s+client[ea]\\s+[eè]|the\\s+(?:customer|client|owner)(?:['’]s\\s+name)?\\s+is)\\s*,?(?:\\s*${TITLE_WORDS}(?=\\s))?`;
const STRONG = new RegExp(
  `(?:(?:nome\\s+e\\s+cognome|nominativo|referente|persona\\s+di\\s+riferimento|contact\\s+person|intestatari[oa]|full\\s+name|name\\s+and\\s+surname|first\\s+and\\s+last\\s+name)\\s*:?|(?:a\\s+nome\\s+mio|under\\s+my\\s+(?:own\\s+)?name)\\s*,|(?:put|write|book|have)\\s+(?:it|me)\\s+down\\s+as|vi\\s+scrive|(?:a\\s+nome\\s+di|intesta[a-z]*\\s+a)\\s+mi[ao]\\s+${KIN}\\s*,?|(?:under|in)\\s+my\\s+${KIN}['’]?s\\s+name\\s*,?|(?:the\\s+)?name\\s+(?:should\\s+be|is|will\\s+be|must\\s+be)(?:\\s+(?:spelled|spelt))?|name['’]?s\\s+(?:spelled|spelt)|(?:il\\s+)?nome\\s+(?:giusto\\s+)?(?:[eè](?!\\s+cognome)|sar[aà]|deve\\s+essere)(?:\\s+sbagliat[oa]\\s*:?\\s*[eè]?)?|(?:^|[.;,!]\\s*)nome\\s*:?(?!\\s+(?:e|ed|and|della|del|dell|di|da)\\b)|mi\\s+chiamo|si\\s+chiama|(?:his|her)\\s+name\\s+is|(?:he|she)['’]?s\\s+called|il\\s+mio\\s+nome\\s+(?:[eè]['’]?)|(?:^|[.!?,;]\\s*)name['’]s|(?:^|[.,;]\\s*)name(?=\\s+[A-ZÀ-Ö])|book(?:ing)?\\s+under(?!\\s+my\\s)|(?:^|just\\s+)put(?:\\s+it)?(?:\\s+down)?(?:\\s+under)?(?=\\s+[A-ZÀ-Ö])|(?:it'?s|its|just|put\\s+it)\\s+under(?!\\s+my\\s)(?=\\s+[A-ZÀ-Ö])|(?:metti|mettete|mettila|mettetela|segna|segnate|scrivi|scrivete)(?:\\s+pure)?(?:\\s+a\\s+nome(?:\\s+di)?)?(?=\\s)|my\\s+name\\s+is|my\\s+name'?s|the\\s+name['’]?s|(?:surname|cognome|last\\s+name)(?!\\s+(?:[eè]|is)\\s)\\s*:?|name\\s*:|nome\\s*:|(?:cliente|customer)\\s*:|a\\s+nome(?:\\s+di)?|intesta[a-z]*\\s+(?:pure\\s+|tutto\\s+)?a|(?:book|put|reserve|make|have)\\s+it\\s+under(?!\\s+my\\s)(?:\\s+the\\s+name(?:\\s+of)?)?|under\\s+the\\s+name(?:\\s+of)?|(?:sono\\s+(?:sempre\\s+|ancora\\s+)?io|it'?s\\s+(?:just\\s+|still\\s+)?me|(?:still|just|only)\\s+me)\\s*,|(?:sono|sn|this\\s+is|it'?s|i'?m|i\\s+am)\\s+${TITLE_WORDS}|(?:sono|sn|i'?m|i\\s+am)\\s+(?:la|il|his|her)\\s+${KIN}\\s*,|(?:sono|sn|i'?m|i\\s+am)\\s+(?:la|il|the)\\s+${KIN}\\s+(?:di|of))\\s+((?:${WORD})(?:\\s+${WORD}){0,3})`,
  'i',
);
const STRONG_ALL = new RegExp(STRONG.source, 'gi');
/** "intestata all'Federica Galli" (the title taken out), "a nome del Luigi Barbieri": a capitalised name after the preposition. */
const UNDER_TITLED = new RegExp(`(?:intestat[oa]|a\\s+nome)\\s+(?:al|alla|all['’]|del|della|dell['’]|dello)\\s*((?:[A-ZÀ-ÖØ-ÞĀ-ɏ]${WORD.slice(WORD.indexOf(']') + 1)})(?:\\s+${WORD}){0,3})`);
/** Someone else's name, capitalised or after a known first name ("il cliente è arrabbiato" names nobody). */
const BEHALF_ALL = new RegExp(`(?:^|[\\s,.;!])${ON_BEHALF}\\s+((?:${WORD})(?:\\s+${WORD}){0,3})`, 'gi');
const MAY_BE_BEHALF = /conto|behalf|client|customer|owner|scrivo|prenoto|chiamo|writing|booking|messaging|texting|for my|per mi/i;

/** A signature: the name after the closing words at the very end ("… Cordiali saluti, Marco Bianchi", "cheers, dave"). */
const SIGNATURE = new RegExp(
  `(?:^|[\\s,.;!?])(?:cordiali\\s+saluti|distinti\\s+saluti|un\\s+saluto|saluti|grazie(?:\\s+mille)?|grz|thanks(?:\\s+a\\s+lot)?|thank\\s+you|many\\s+thanks|kind\\s+regards|best\\s+regards|warm\\s+regards|regards|best|cheers|thx|ty)\\s*[,.!–-]*\\s*((?:${WORD})(?:\\s+${WORD}){0,2})\\s*[.!]*\\s*$`,
  'i',
);
const MAY_SIGN = /saluti|saluto|grazie|grz|thank|regards|best|cheers|thx|\bty\b/i;
/** A last line of two or three capitalised words: "…\nGiulia Conti". */
const LAST_LINE = new RegExp(`\\n\\s*((?:${WORD})(?:\\s+${WORD}){1,2})\\s*[.!]*\\s*$`);
/** At the name question, the name first and then the car: "Rossi Marco, GH123KL", "marco rossi targa gh123kl". */
const LEADING = new RegExp(`^\\s*((?:${WORD})(?:\\s*,?\\s+${WORD}){0,3})(?:\\s*[,;:]|\\s+[–-]|\\s(?=targa|plate|reg|la\\s+targa|the\\s+car|[A-Za-z]{2}\\s?\\d{3}\\s?[A-Za-z]{2}\\b))`, 'i');

/** A stretch of the message between stops: "…insieme. Fabbri Marco. settimana prossima…", "… . Rick". */
const SEGMENTS = /\s*(?:[.;:!?()]+|,|\s[–-]\s)\s*/;
const MONTH_OR_DAY = /^(?:genn|febb|marz|apri|magg|giug|lugl|agos|sett|otto|nove|dice|janu|febr|marc|apri|june|july|augu|sept|octo|nove|dece|lun|mar|mer|gio|ven|sab|dom|mon|tue|wed|thu|fri|sat|sun)/i;
const isPlainName = (w: string) => new RegExp(`^${WORD}$`).test(w) && !isStop(w) && !PLACES.has(w.toLowerCase()) && !(w.length <= 4 && MONTH_OR_DAY.test(w));
/** No service, model or place among the words: "Flat Tyre", "Grecale Folgore", "Modena Centro" are nobody. */
const namesNoThing = (words: string[]) => {
  const lower = words.join(' ').toLowerCase();
  return !SERVICES.first(lower) && !MODELS.first(lower) && words.every((w) => !SERVICES.first(w.toLowerCase()) && !MODELS.first(w.toLowerCase()));
};
/** A known first name, also joined by a hyphen: "mary-kate", "gian-luca". */
const isFirstName = (w: string) => {
  const lower = w.toLowerCase();
  return FIRST_NAMES.has(lower) || (lower.includes('-') && lower.split('-').every((p) => FIRST_NAMES.has(p)));
};
const knownNameWord = (w: string) => isFirstName(w) || COMMON_SURNAMES.has(w.toLowerCase());

/** A name said on its own between the facts: capitalised words, one of them a known name; one word only if a known first name. */
function nameSegment(text: string): string | undefined {
  const segments = text.split(SEGMENTS).map((x) => x.trim()).filter(Boolean);
  if (segments.length < 2) return undefined;
  for (const seg of segments) {
    const words = seg.split(/\s+/);
    // "Professor Marcus Hale, University of Bologna": the title is no part of the name
    while (words.length > 1 && A_TITLE.test(words[0])) words.shift();
    if (words.length > 3 || !words.every(isPlainName) || !namesNoThing(words)) continue;
    if (words.length === 1 ? FIRST_NAMES.has(words[0].toLowerCase()) && isCapitalised(words[0]) : words.every(isCapitalised) && words.some(knownNameWord)) return capitaliseName(words.join(' '));
  }
  return undefined;
}

/** The last stretch of a message, two or three capitalised words that are no common word, service, model or place, a postcode or phone number after: a signature. */
function signedAtTheEnd(text: string): string | undefined {
  const segments = text.replace(/[\s\d+]+$/, '').split(SEGMENTS).map((x) => x.trim()).filter(Boolean);
  if (segments.length < 2) return undefined;
  const words = segments[segments.length - 1].replace(/^[–—-]+\s*/, '').split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => isCapitalised(w) && isPlainName(w)) || !namesNoThing(words)) return undefined;
  return capitaliseName(words.join(' '));
}
const ANYWAY = new RegExp(`(?:comunque|cmq|anyway|anyhow|in ogni caso|whatever)[,:\\s]+((?:${WORD})(?:\\s+${WORD}){0,2})\\s*[.!]*\\s*$`, 'i');

/** A name of one to three words where the first is capitalised or a known first name, and no word is a common one. */
function signedName(words: string[]): string | undefined {
  const first = words[0];
  if (!first || !(isCapitalised(first) || FIRST_NAMES.has(first.toLowerCase()))) return undefined;
  const n = takeName(words, false);
  return n && n.split(/\s+/).length === words.length ? n : undefined;
}
const WEAK = new RegExp(`(?:^|[\\s,.;!])(?:io\\s+sono|sugnu|so['’]|xe|(?:il|la)\\s+sottoscritt[oa]|the\\s+undersigned|sono|i['’]?m|i\\s+am|it'?s|its|it\\s+is|this\\s+is|qui\\s+[eè]|qui|here\\s+is|sn|call\\s+me|chiamami(?:\\s+pure)?|chiamatemi(?:\\s+pure)?|chiamarmi(?:\\s+pure)?)\\s+((?:${WORD})(?:\\s+${WORD}){0,3})`, 'i');

const IT_IS = new RegExp(`(?:^|[\\s,.;!])(?:[eè]|e['’])\\s+(?:la|il)\\s+((?:${WORD})(?:\\s+${WORD}){0,3})`, 'i');

/** "Sarah Jones here, …": a name that introduces the message. */
const HERE = new RegExp(`^\\s*(?:(?:hi|hiya|hello|hey|ciao|salve|buongiorno|buonasera|good\\s+(?:morning|afternoon|evening)|morning|afternoon|evening|ok|okay|sure|yes|s[iì])[\\s,!.]+)?((?:${WORD})(?:\\s+${WORD}){0,2})\\s+(?:here|qui|speaking|parla|scrive)\\b`, 'i');

/** A name of two or three words before "here" / "qui" anywhere in the message. */
const HERE_MID = new RegExp(`(?<![\\p{L}'’])((?:${WORD})(?:\\s+${WORD}){1,3})\\s+(?:here|qui)\\b`, 'giu');
const MAY_BE_HERE = /\b(here|qui|speaking|parla|scrive)\b/i;

function isStop(w: string): boolean {
  const l = w.toLowerCase().replace(/[’']/g, '');
  return NOT_NAMES.has(l) || (IT_WORDS.has(l) && !FIRST_NAMES.has(l)) || (EN_WORDS.has(l) && !FIRST_NAMES.has(l));
}

const isCapitalised = (w: string) => /^[A-ZÀ-Ö]/.test(w);

/** A title is no part of the name: "dott. Rossi", "avv. Bianchi", "ing. Verdi", "Dr Smith", "Mrs Okafor". */
const TITLE =
  "(?:(?:il|la)\\s+|l(?:['’]\\s*|\\s+))?(?:sir|father|lt\\.?\\s+cdr|lt|cdr|capt(?:ain)?|sgt|rev(?:erend)?|cav(?:\\.?\\s+uff|aliere)?|cont(?:e|essa)|marches[ea]|eng|dott(?:or(?:e|essa)?|\\.?ssa)?|avv(?:ocat[oa])?|ing(?:egner[e]?)?|prof(?:essor(?:e|essa)?)?|geom(?:etra)?|arch(?:itetto)?|rag(?:ioniere)?|sig(?:\\.?ra|nor[ae]?|norina)?|dr|mr|mrs|ms|miss|doctor)\\.?";
/** A word that is only a title: "Dr", "Mrs", "dott.". */
const A_TITLE = new RegExp(`^${TITLE}$`, 'iu');
const TITLE_BEFORE_WORD = new RegExp(`(?<![\\p{L}])${TITLE}\\s+(?=(\\p{L}))`, 'giu');
/** Cheap gate: most messages carry no title. */
const MAY_HAVE_TITLE = /(?<![a-z])(?:cont(?:e|essa)|marches[ea]|cavaliere|sir|father|lt|cdr|capt|captain|sgt|rev|reverend|cav|eng|dott(?:or|ore|oressa|\.?ssa)?|avv(?:ocat[oa])?|ing(?:egner|egnere)?|prof(?:essor[ea]|essoressa)?|geom(?:etra)?|arch(?:itetto)?|rag(?:ioniere)?|sig(?:\.?ra|nor[ae]?|norina)?|dr|mr|mrs|ms|miss|doctor)(?:\.|\s)/i;
/** Titles taken out before a capitalised word; at the name question before any word. */
const withoutTitles = (text: string, awaitingName: boolean) =>
  MAY_HAVE_TITLE.test(text) ? text.replace(TITLE_BEFORE_WORD, (title: string, next: string) => (awaitingName || isCapitalised(next) ? '' : title)) : text;

/**
 * A title before a name is a cue of its own: "dott. Marini, ghibli", "mr hughes, levante", "Mrs Adebayo.".
 * Not after "al", "col", "to", "with"…: "ne ho parlato col dott. Ferretti", "I spoke to Mr Barnes" name staff.
 */
const TITLED = new RegExp(
  `(?<![\\p{L}])(?<!(?:al|dal|col|con\\s+il|con\\s+la|dalla|alla|dall['’]|all['’]|to|with|from|by|the|your)\\s+)(?:dott(?:or(?:e|essa)?|\\.?ssa)?|avv(?:ocat[oa])?|ing(?:egner[e]?)?|prof(?:\\.?ssa|essor(?:e|essa)?)?|sig(?:\\.?ra|nor[ae]?|\\.)|dr|mr|mrs|ms|sir|father|lt\\.?\\s+cdr|capt(?:ain)?|sgt|rev(?:erend)?|cav(?:aliere)?|cont(?:e|essa)|marches[ea]|professor)\\.?\\s+(${WORD}(?:\\s+${WORD}){0,2})`,
  'iu',
);

/** What may come before a customer's own title: a greeting, an article ("la sig.ra Zampieri vorrebbe…"). */
const BEFORE_OWN_TITLE = /^\s*(?:(?:hi|hello|hey|ciao|salve|buongiorno|buonasera|bgiorno|good\s+(?:morning|afternoon|evening)|morning|evening|gentil\p{L}*|egregi\p{L}*|spett\p{L}*|dear)[\s,!.]*)*(?:(?:il|la|l['’]?)\s*)?$/iu;
/** Staff and calls named in the message: "il responsabile, il sig. Montanari", "get Mr Bonetti to call me". */
const STAFF_AROUND = /\b(?:manager|responsabile|consulente|advisor|accettazion\p{L}*|accettator\p{L}*|officina|titolare|direttore|reception\p{L}*|service|tecnic\p{L}*|meccanic\p{L}*|mechanic|technician|venditor\p{L}*|salesman|chiam\p{L}*|call|ring|phone|telefon\p{L}*|parla\p{L}*|speak|talk|seguit\p{L}*|looked\s+after|spoke|sentit\p{L}*)\b/iu;
/** "proprietario Sig. Bassi", "per conto della dott.ssa Barbieri", "owner: Mr Hale". */
const OWNER_BEFORE_TITLE = /(?:(?:pa|p\.a\.|assistant|secretary|carer|caregiver|badante|segretari[oa]|assistente|autista|driver|chauffeur)\s+(?:for|of|to|di|del|della|dell['’]?)|(?:il|la)\s+sottoscritt[oa]|the\s+undersigned|proprietari[oa]|owner|intestatari[oa]|cliente|customer|per\s+conto\s+(?:di|del|della)|on\s+behalf\s+of|(?:vi\s+)?scrive\s+(?:il|la|l['’]?)?|segretaria\s+(?:del|della|dell['’]?))\s*:?\s*$/i;
/** A titled name is the customer's at the start of the message, or after a stop when no staff member or call is named. */
const titledIsCustomer = (before: string, text: string) =>
  (BEFORE_OWN_TITLE.test(before) && !(/(?:^|\s)(?:il|la|l['’]?)\s*$/i.test(before) && STAFF_AROUND.test(text))) ||
  OWNER_BEFORE_TITLE.test(before) || (/[.,;:!?]\s*$/.test(before) && !STAFF_AROUND.test(text));

/** Courtesies around a bare name: "Olga Ivanova, thx", "ok, Mario Rossi grazie", "giuseppe verdi x favore". */
const COURTESY_AFTER = /[\s,.;!]+(?:thx|thanks|thank you|ty|cheers|grazie(?: mille)?|grz|please|pls|plz|x favore|per favore|per piacere)[\s.!]*$/i;
const COURTESY_BEFORE = /^(?:(?:ok|okay|s[iì]|yes|sure|certo|allora|ciao|hi|hey|hello|salve|buongiorno|buonasera)[\s,!]+)*(?:(?:under|nome|name|surname|cognome)\s*:?\s+)?/i;
/** "cognome Rossi, nome Mario": the name said in the order of a form. */
const FORM_ORDER = new RegExp(`(?:cognome|surname|last\\s+name)(?:\\s+is|\\s+[eè])?\\s*:?\\s*(${WORD})\\s*[,;]?\\s*(?:e\\s+|and\\s+)?(?:nome|first\\s+name|name)\\s*:?\\s*(${WORD})`, 'i');
const MAY_BE_FORM = /cognome|surname|last\s+name/i;
/** "nome Luca cognome Neri", "first name Tom surname Evans". */
const FORM_ORDER_FIRST = new RegExp(`(?:nome|first\\s+name|name)\\s*:?\\s*(${WORD})\\s*[,;]?\\s*(?:e\\s+|and\\s+)?(?:cognome|surname|last\\s+name)\\s*:?\\s*(${WORD})`, 'i');
const GREETING_FIRST = /^\s*(?:hi|hello|hey|ciao|salve|buongiorno|buonasera|good\s+morning|morning)\b/i;
/** A first message that opens with a name: "Marco Rossi, Levante GH123KL, …", "hi - Priya Shah - …". */
const OPENING = new RegExp(
  `^\\s*(?:(?:hi|hello|hey|ciao|salve|buongiorno|buonasera|good\\s+morning|morning|ok)\\s*[,!.–-]*\\s+)?((?:${WORD})(?:\\s+${WORD}){0,2})\\s*(?:[,;:.!]|\\s[–-]|$)`,
  'i',
);
/** Words that open a greeting or an answer, never a name ("Hi Marco", "Ok Grazie"). */
const OPENERS = new Set(['ciao', 'hi', 'hey', 'ok', 'si', 'sì', 'no', 'yes', 'sure', 'grazie', 'thanks', 'salve', 'hello']);
/** "siobhan o connor", "marco d angelo": the apostrophe left out. */
const ELIDED = /(?<=\S\s+)([OoDd])\s+(?=[A-Za-zÀ-ÿ]{3,}(?:\s|$))/g;

const SMALL_PARTICLE = /^(?:di|da|de|del|della|dello|dei|degli|la|le|lo|van|von|der|den|du|des|dos|das|do|ter|ten|y|e)$/;

/** "marco d'angelo" → "Marco D'Angelo". */
export function capitaliseName(name: string): string {
  const written = name.split(/\s+/);
  return written
    // as written when the capitals inside are the customer's own ("McDonald", "DiCaprio")
    .map((w, i) =>
      // "Khalid bin Rashid": an Arabic particle stays small inside a name
      i > 0 && /^(?:bin|ibn)$/.test(w)
        ? w
        : // "Orsini di Castelvecchio", "van der Berg": a particle written small among capitalised words stays small
          SMALL_PARTICLE.test(w) && written.slice(i + 1).some(isCapitalised)
          ? w
        : /^[A-ZÀ-Ö]/.test(w) && /[a-zà-ÿ]/.test(w) && /[A-ZÀ-Ö]/.test(w.slice(1)) && !/^[A-ZÀ-Ö'’-]+$/.test(w) ? w : w.toLowerCase().replace(/(^|['’-])([a-zà-ÿ])/g, (_, p: string, c: string) => p + c.toUpperCase()),
    )
    .join(' ');
}

/** A capitalised common word after a capitalised name word is a surname: "Ruth Price", "Keith Cost", "Anna Short". */
const capitalisedSurname = (w: string, out: string[]) =>
  out.length >= 1 && isCapitalised(out[0]) && isCapitalised(w) && /[a-zà-ÿ]/.test(w) && !NOT_NAMES.has(w.toLowerCase()) &&
  !PLACES.has(w.toLowerCase()) && !SERVICES.first(w.toLowerCase()) && !MODELS.first(w.toLowerCase()) && !MONTH_OR_DAY.test(w);

/**
 * The name at the start of `words`.
 * @param lowercaseOk a strong cue came before: lower-case words are names too
 * @param capsOk a capitalised common word after a capitalised name word is a surname ("Ruth Price here")
 */
function takeName(words: string[], lowercaseOk: boolean, capsOk = false): string | undefined {
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    const lower = w.toLowerCase();
    // "Roberta Galli di Carpi", "Samuele da Rimini": where one comes from, no part of the name
    if (out.length > 0 && (lower === 'di' || lower === 'da' || lower === 'from') && (out.length >= 2 || lower !== 'di' || PLACES.has((words[i + 1] ?? '').toLowerCase()))) break;
    // "Serena dell'ufficio acquisti", "Roberta del poliambulatorio": a particle written small before a word written small is where one works
    if (out.length > 0 && /^(?:del|dell|della|dello|dei|degli|delle|dal|dalla|dall)['’]?$/.test(w) && !isCapitalised(words[i + 1] ?? 'X')) break;
    if (out.length > 0 && PARTICLES.has(lower)) {
      out.push(w);
      continue;
    }
    if ((isStop(w) && !(capsOk && capitalisedSurname(w, out))) || lower.length < 2) break;
    if (/^[A-Z]{2,3}$/.test(w)) break; // "GH 124 KL" is a plate, not Mr Gh
    // "mi chiamo hans muller spia motore accesa", "Peter Hall battery is flat": the need starts after the name
    if (out.length >= 2 && !isCapitalised(w) && (SERVICES.first(lower) || MODELS.first(lower))) break;
    // after a known first name a lowercase surname is fine: "sono giulia bianchi"
    const afterFirstName = (out.length === 1 && isFirstName(out[0])) || (out.length >= 2 && PARTICLES.has(out[out.length - 1].toLowerCase()) && isFirstName(out[0]));
    if (!lowercaseOk && !afterFirstName && !isCapitalised(w) && !isFirstName(w)) break;
    out.push(w);
    // a fourth word only when all are written capitalised: "María José Fernández Ruiz"
    const named = out.filter((x) => !PARTICLES.has(x.toLowerCase()));
    if (named.length === 4 || (named.length === 3 && !(named.every(isCapitalised) && isCapitalised(words[i + 1] ?? '') && !isStop(words[i + 1] ?? 'a')))) break;
  }
  while (out.length && PARTICLES.has(out[out.length - 1].toLowerCase())) out.pop();
  return out.length ? capitaliseName(out.join(' ')) : undefined;
}

/**
 * The name in a message. With `awaitingName`, a bare one or two to four words are a name.
 * @example findName("sono Marco Rossi, ho una Levante") // "Marco Rossi"
 */
export function findName(text: string, awaitingName: boolean): string | undefined {
  const found = findNameOnce(text, awaitingName);
  // "Clarke's the name": the possessive is no part of it
  // "I'm Matteo's dad": the name of someone else
  if (found && /['’]s$/i.test(found) && new RegExp(`${escapeRegExp(found)}\\s+(dad|father|mum|mom|mother|wife|husband|son|daughter|boss|brother|sister|friend|partner)\\b`, 'i').test(text)) return undefined;
  const name = found?.replace(/['’]s$/i, '');
  return name && !name.includes(' ') ? inFull(name, text) : name;
}

/**
 * A name said once short and again in full: "name's Okafor, Chidi Okafor", "jake. jake morrison",
 * "il mio cognome è Pedrazzi, Luca Pedrazzi": the longest capitalised (or known-name) run with it.
 */
function inFull(name: string, text: string): string {
  const re = new RegExp(`(?<![\\p{L}'’-])((?:${WORD}\\s+){0,2})(${escapeRegExp(name)})((?:\\s+${WORD}){0,2})(?![\\p{L}'’-])`, 'giu');
  let best = name;
  for (const m of text.slice(0, 500).matchAll(re)) {
    const before = m[1].trim() ? m[1].trim().split(/\s+/) : [];
    const after = m[3].trim() ? m[3].trim().split(/\s+/) : [];
    const ok = (w: string) => (isCapitalised(w) || isFirstName(w)) && !isStop(w) && !OPENERS.has(w.toLowerCase()) && !A_TITLE.test(w) && !PLACES.has(w.toLowerCase()) && !SERVICES.first(w.toLowerCase()) && !MODELS.first(w.toLowerCase());
    while (before.length && !before.every(ok)) before.shift();
    // "jake. jake morrison": written in lower case, the surname is too
    const lower = m[2] === m[2].toLowerCase();
    const kept = after.findIndex((w) => !(ok(w) || (lower && !isStop(w) && !PLACES.has(w) && !SERVICES.first(w) && !MODELS.first(w))));
    const tail = kept < 0 ? after : after.slice(0, kept);
    const full = [...before, m[2], ...tail];
    if (full.length > best.split(' ').length && full.length <= 4) best = capitaliseName(full.join(' '));
  }
  return best;
}

function findNameOnce(text: string, awaitingName: boolean): string | undefined {
  const t = withoutTitles(text.slice(0, 500), awaitingName);
  const form = MAY_BE_FORM.test(t) ? t.match(FORM_ORDER) : null;
  if (form && !isStop(form[1]) && !isStop(form[2])) return capitaliseName(`${form[2]} ${form[1]}`);
  const formFirst = MAY_BE_FORM.test(t) ? t.match(FORM_ORDER_FIRST) : null;
  if (formFirst && !isStop(formFirst[1]) && !isStop(formFirst[2])) return capitaliseName(`${formFirst[1]} ${formFirst[2]}`);
  // "a nome della ditta X, referente Gianni Ferri": the contact person is the name, not the firm
  const contact = /referente|riferimento|contact person/i.test(t) ? t.match(/(?:referente|persona\s+di\s+riferimento|contact\s+person)\s*:?\s+(.+)/i) : null;
  if (contact) {
    // "Referente ing. Paolo Mancini Ruggeri. Grazie": the name ends with its sentence
    const n = takeName(contact[1].split(/[.;:!?,]/)[0].trim().split(/\s+/), true, true);
    if (n) return n;
  }
  // "intestata all'avv. Federica Galli", "a nome del Cav. Luigi Barbieri": the title gone, the name follows the preposition
  const under = /intestat|a\s+nome/i.test(t) ? t.match(UNDER_TITLED) : null;
  if (under) {
    const n = takeName(under[1].split(/\s+/), false);
    if (n) return n;
  }
  // "a nome della ditta? no, a nome mio, Carlo Rota": every strong cue is tried
  // every position: ". name is Owen Price" must not stop at ". name" taking "is" for the name
  STRONG_ALL.lastIndex = 0;
  for (let strong = STRONG_ALL.exec(t); strong; strong = STRONG_ALL.exec(t)) {
    // the bare cue ". name Ashworth" needs a capital: "…, name later" names nobody
    const bareCue = /(?:^|[.,;]\s*)name\s*$/i.test(strong[0].slice(0, strong[0].length - strong[1].length));
    const n = bareCue && !isCapitalised(strong[1]) ? undefined : takeName(strong[1].split(/\s+/), true, true);
    if (n) return n;
    STRONG_ALL.lastIndex = strong.index + 1;
  }
  // "dott. Marini, ghibli", "mr hughes, levante": the title is the cue (read before titles are dropped)
  const titled = MAY_HAVE_TITLE.test(text) ? text.slice(0, 500).match(TITLED) : null;
  if (titled && titledIsCustomer(text.slice(0, titled.index), text)) {
    // "mr hughes" in lower case; the words after it only when capitalised ("la sig.ra Zampieri vorrebbe…")
    const [first, ...more] = titled[1].split(/\s+/);
    const lowerCase = titled[1] === titled[1].toLowerCase();
    const n = takeName([capitaliseName(first), ...more], awaitingName || lowerCase, true);
    if (n) return n;
  }
  if (MAY_BE_BEHALF.test(t)) {
    for (const m of t.matchAll(BEHALF_ALL)) {
      const words = m[1].split(/\s+/);
      if (!(isCapitalised(words[0]) || FIRST_NAMES.has(words[0].toLowerCase()))) continue;
      const n = takeName(words, false);
      if (n) return n;
    }
  }
  const here = t.match(HERE);
  if (here) {
    // at the name question "wilson mark here" is a name in lower case too
    const n = takeName(here[1].split(/\s+/), awaitingName, true);
    if (n) return n;
  }
  // "…, roberto casadei qui", "need to bring the car in Francesca Moretti here": a first name or a capital starts it
  if (MAY_BE_HERE.test(t)) {
    for (const m of t.matchAll(HERE_MID)) {
      const words = m[1].split(/\s+/);
      for (let k = 0; k + 1 < words.length; k++) {
        const first = words[k];
        if (!(isCapitalised(first) || FIRST_NAMES.has(first.toLowerCase()))) continue;
        const n = takeName(words.slice(k), true, true);
        if (n && n.split(/\s+/).length >= 2) return n;
      }
    }
  }
  // "ciao, è la Marta Zanetti": only with a known first name ("è la TERZA volta" is no one)
  const itIs = /(?:[eè]|e['’])\s+(?:la|il)\s/i.test(t) ? t.match(IT_IS) : null;
  if (itIs && FIRST_NAMES.has(itIs[1].split(/\s+/)[0].toLowerCase())) {
    const n = takeName(itIs[1].split(/\s+/), false);
    if (n) return n;
  }
  const weak = t.match(WEAK);
  if (weak) {
    const words = weak[1].split(/\s+/);
    const first = words[0];
    // at the name question "sono hans muller", "this is rossi marco" are names too
    if (awaitingName || isCapitalised(first) || isFirstName(first)) {
      const n = takeName(words, awaitingName);
      if (n) return n;
    }
  }
  // a known first or family name opens the message and a separator ends it: no cue needed
  const opening = awaitingName ? null : t.match(OPENING);
  if (opening) {
    const words = opening[1].split(/\s+/);
    const first = words[0].toLowerCase();
    if (FIRST_NAMES.has(first) || (COMMON_SURNAMES.has(first) && isCapitalised(words[0]) && words.length >= 2)) {
      const n = takeName(words, false);
      if (n && n.split(/\s+/).length === words.length) return n;
    }
    // after a greeting, two or three capitalised words: "salve, Hoffmann Klaus, …", "buongiorno Chen Jing, …"
    if (opening[0].length > opening[1].length + 2 && GREETING_FIRST.test(t) && words.length >= 2 && words.every((w) => isCapitalised(w) && isPlainName(w)) && namesNoThing(words)) {
      return capitaliseName(words.join(' '));
    }
  }
  // cheap gates: most messages end with no closing words and hold one line
  const signature = (MAY_SIGN.test(t) ? t.match(SIGNATURE) : null) ?? (t.includes('\n') ? t.match(LAST_LINE) : null);
  if (signature) {
    const n = signedName(signature[1].split(/\s+/));
    if (n) return n;
  }
  // "… venerdì mattina va bene, aspetto. Ludovico Salvemini", "… please. - Imogen Hartley 40033": signed at the end
  if (/[.;:!?,()–-]/.test(t)) {
    const n = signedAtTheEnd(t);
    if (n) return n;
  }
  // at the name question, "perché vi serve? comunque Ornella", "what's that for? anyway, Siobhan"
  const anyway = awaitingName ? t.match(ANYWAY) : null;
  if (anyway) {
    const n = takeName(anyway[1].split(/\s+/), true);
    if (n) return n;
  }
  if (!awaitingName && /[.;:!?,()–-]/.test(t)) {
    const n = nameSegment(t);
    if (n) return n;
  }
  if (awaitingName) {
    const bare = t.trim().replace(/\s*,\s*(?=\S)/g, ' ').replace(COURTESY_AFTER, '').replace(COURTESY_BEFORE, '').replace(/[.!,;]+$/g, '').replace(ELIDED, "$1'");
    const words = bare.split(/\s+/);
    if (words.length >= 1 && words.length <= 4 && words.every((w) => new RegExp(`^${WORD}$`).test(w))) {
      const named = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
      if (named.every((w) => !isStop(w))) return capitaliseName(bare);
      // "Nguyen Van An": every word capitalised, the first no common word
      const opener = OPENERS.has(words[0].toLowerCase());
      if (words.length >= 2 && words.every(isCapitalised) && !opener && (!isStop(words[0]) || words[0].length <= 3) && named.filter(isStop).length * 2 <= named.length) return capitaliseName(bare);
    }
    const lead = t.match(LEADING);
    if (lead) {
      const all = lead[1].replace(/,/g, ' ').trim().split(/\s+/);
      const cut = all.findIndex((w) => /^(?:targa|plate|reg)$/i.test(w) || (isStop(w) && !PARTICLES.has(w.toLowerCase())));
      const words = cut < 0 ? all : all.slice(0, cut);
      if (words.length && OPENERS.has(words[0].toLowerCase())) words.length = 0;
      while (words.length && PARTICLES.has(words[words.length - 1].toLowerCase())) words.pop();
      if (words.length > 0) return capitaliseName(words.join(' '));
    }
    // "book it under my wife, Helen Price": the name on its own after the words around it
    if (/[.;:!?,()–-]/.test(t)) return nameSegment(t);
  }
  return undefined;
}
