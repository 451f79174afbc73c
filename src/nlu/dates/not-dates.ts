/**
 * Words that look like dates and are none, blanked (same length, so positions hold) before
 * chrono reads the message: durations ("per 2 giorni", "for 3 days", "ready in 2 days?"), rates
 * ("€90 a day"), deadlines ("entro fine mese", "by the end of the month"), amounts ("20.000 km"),
 * "now" ("ora non ricordo la targa": chrono.it reads "ora" as this very minute), seconds ("one sec")
 * and minutes before something unnamed ("chiamatemi cinque minuti prima"). A message
 * that cancels names the booking it cancels, no wish ("cancel today's appointment").
 * @module
 */

const COUNT = '(?:\\d+|un|una|uno|due|tre|quattro|a|one|two|three|four|(?:a\\s+)?couple\\s+of|(?:a\\s+)?few|un\\s+paio\\s+di|qualche)';
/** A few, in numbers or words: what seconds and minutes are counted in. */
const FEW =
  '(?:\\d+|un|una|uno|one|a|an|two|three|four|five|ten|fifteen|twenty|thirty|due|tre|quattro|cinque|dieci|quindici|venti|trenta|' +
  '(?:a\\s+)?few|(?:a\\s+)?couple(?:\\s+of)?|qualche|pochi|un\\s+paio\\s+di)';
const MONTHS =
  'gen\\w*|feb\\w*|mar\\w*|apr\\w*|mag\\w*|giu\\w*|lug\\w*|ago\\w*|set\\w*|ott\\w*|nov\\w*|dic\\w*|' +
  'jan\\w*|may|jun\\w*|jul\\w*|aug\\w*|sep\\w*|oct\\w*|dec\\w*';

const NOT_DATES = new RegExp(
  [
    // a duration: "per 2 giorni", "for 3 days", "in 2 giorni" (Italian says "tra" for a day ahead)
    `(?:per|x|for|da|of)\\s+${COUNT}\\s+(?:giorni|giorno|gg|giornate|days?|settimane|settimana|weeks?|fortnights?|ore|hours?|mesi|months?)`,
    `in\\s+${COUNT}\\s+(?:giorni|giorno|settimane|settimana|ore|hours?|mesi|months?)`,
    // a goodbye that names the day already agreed: "ci vediamo giovedì", "see you Thursday", "a giovedì allora" (#12, eighteenth voices)
    '(?:ci\\s+vediamo|ci\\s+si\\s+vede|see\\s+you|seeing\\s+you|speak\\s+to\\s+you)\\s+(?:on\\s+|il\\s+|the\\s+|next\\s+)?' +
      '(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|domani|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\\b',
    '\\ba\\s+(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domani)\\s+allora\\b',
    // how long one has waited: "sono 20 minuti che scrivo", "for twenty minutes now" (#12, nineteenth voices)
    '(?:sono|e|da|for|per)\\s+(?:\\d+|dieci|venti|trenta|quaranta|ten|twenty|thirty|forty)\\s+(?:minuti|minutes|mins)\\b',
    // "a courtesy vehicle for the day", "leave it all day", "per tutto il giorno": how long, not when (#12, eighteenth voices)
    '(?:for|all)\\s+(?:the\\s+(?:whole\\s+|full\\s+)?)?day\\b(?!\\s+after)', 'per\\s+tutt[oa]\\s+(?:il\\s+giorno|la\\s+giornata)',
    // "will it be ready in 2 days?", "can you get it done in 3 days", "…in a fortnight?": how long, not when
    `(?:ready|done|finished|fixed|repaired|sorted|take|takes|taking|took|last|lasts)\\s+(?:[a-z]+\\s+)?in\\s+${COUNT}\\s+(?:days?|weeks?|fortnights?)`,
    // a deadline is no day: "entro fine mese", "before the end of the month", "by the end of December"
    `(?:entro|prima\\s+(?:di|della|del)|non\\s+oltre|by|before|until|till|no\\s+later\\s+than)\\s+(?:la\\s+|the\\s+)?` +
      `(?:fine|end)\\s+(?:del\\s+|di\\s+|of\\s+)?(?:the\\s+|this\\s+|next\\s+)?(?:mese|month|${MONTHS})(?:\\s+prossimo)?`,
    // and a day of the month or a weekday as a deadline: "entro il 20 deve essere pronta", "ready by the 20th", "by Friday"
    // (not "by 6", an hour, nor "back by 18:00"; a wish day said beside it is still read: "entro il 20, se possibile il 15")
    `(?:entro|non\\s+oltre|no\\s+later\\s+than|(?:ready|done|finished|back|sorted|fixed)\\s+by|by)\\s+(?:il\\s+|the\\s+|l['’]\\s*)?` +
      `(?:\\d{1,2}(?:st|nd|rd|th)\\b|(?<=(?:entro|oltre|than)\\s+(?:il\\s+|l['’]\\s*)?)\\d{1,2}\\b(?![:.]\\d)(?!\\s*(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))|` +
      `luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|monday|tuesday|wednesday|thursday|friday|saturday)\\b`,
    // amounts ("at 1000", "alle 1000" are ten o'clock)
    `(?<!(?:at|alle|ore|h)\\s)\\d+\\s*(?:km|mila|000|mph|kmh|chilometri|miles|anni|years?)`,
    // seconds are never an appointment: "one sec it's on the insurance doc", "for a few seconds", and "first
    // one's fine", "this one's new" (chrono read "one s" as a second from now)
    `${FEW}\\s*(?:s|sec|secs|seconds?|secondi|secondo)`,
    // minutes before or after: "chiamatemi cinque minuti prima", "give me a ring 5 minutes before" (chrono counted them
    // from now, 08:55; "5 minuti prima delle 10" too)
    `${FEW}\\s*(?:minuti|minuto|min|mins|minutes?)\\s+(?:prima|dopo|before|after|earlier|later|in\\s+anticipo|ahead)`,
    // how long the work takes: "ci vogliono 2 ore", "it's 2 hours" (chrono read them as two hours from now)
    `(?:ci\\s+vogliono|ci\\s+vuole|servono|ci\\s+mettete|ci\\s+mette|takes?|it\\s+s|dura|lasts?)\\s+(?:circa\\s+|about\\s+|around\\s+|only\\s+|solo\\s+)?` +
      `${FEW}\\s*(?:ore|ora|h|hours?|hrs?)`,
    // half an hour, an hour, "one of your drivers": how long or who, never when
    `(?:half\\s+an?\\s+hour|an\\s+hour|mezz\\s*ora|mezzora|un\\s+ora)`,
    `one\\s+of`,
    // what is replaced: "alle 11 invece che alle 9", "Thursday instead of Tuesday"
    `(?:invece\\s+(?:che|di)|anziche|instead\\s+of|rather\\s+than)\\s+(?:alle\\s+|le\\s+|at\\s+|il\\s+|the\\s+)?(?:\\d{1,2}(?::\\d{2})?|[a-z]+di|monday|tuesday|wednesday|thursday|friday|saturday|sabato|domenica)`,
    // what is compared away: "meglio alle 11 che alle 9", "10 is better than 9"
    `(?:che|than)(?<=\\b(?:meglio|better|rather|preferirei|preferisco|prefer)\\b[^.;?!]{0,30}(?:che|than))\\s+(?:alle\\s+|le\\s+|at\\s+)?\\d{1,2}(?::\\d{2})?`,
    // the train's or the bus's time is the journey home, not the appointment: "torno col treno delle 8.20", "the train at 8.40"
    `(?:treno|bus|autobus|pullman|corriera|aereo|volo|metro|metropolitana|navetta|train|flight|coach|ferry|shuttle|tram)\\s+` +
      `(?:delle|dell|de|alle|of|at|that\\s+leaves\\s+at|che\\s+parte\\s+alle)\\s+\\d{1,2}(?::\\d{2})?(?:\\s*(?:am|pm))?`,
    // a day of a month as a deadline: "before Jan 15 is ideal", "by March 3"
    `(?:by|before|entro|prima\\s+del)\\s+(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?`,
    // the day one leaves is a deadline: "prima di partire per Cortina il 26", "before I fly out on the 20th"
    '(?:prima\\s+di\\s+partire|before\\s+(?:i\\s+|we\\s+)?(?:leave|leaving|fly|flying|go|going|head|heading))(?:\\s+out)?(?:\\s+(?:per|for|to|a|in|verso)(?:\\s+[a-zà-ÿ]+){1,2})?\\s+(?:il\\s+|the\\s+|on\\s+the\\s+|on\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?![:.]?\\d)',
    // how often is no when: "every 10 minutes", "ogni 2 giorni"
    `(?:every|each|ogni)\\s+${FEW}\\s*(?:minuti|minuto|minutes?|mins?|ore|ora|hours?|giorni|days?|settimane|weeks?|km|chilometri|miles)`,
    // a bus line is no day nor hour: "il 7 passa davanti a voi", "the 7 stops right by you", "fermata del 7", "bus 19" (#12, seventh round)
    '(?:bus|autobus|tram|linea|line|route|filobus|corriera)\\s+(?:n\\.?\\s*|number\\s+|numero\\s+)?\\d{1,3}(?!\\s*(?:[:.]\\d|am|pm))',
    '(?:fermata|stop)\\s+(?:del|dell|della|of\\s+the)\\s+\\d{1,3}', '(?:il|the)\\s+\\d{1,3}\\s+(?:passa|ferma|stops|runs|goes)\\s+(?:davanti|qui|sotto|vicino|proprio|right|outside|near|by|just)',
    // things counted are no hour: "4 tyres", "quanto per 4 gomme?", "2 kids" (chrono read "for 4" as 4 p.m.)
    '(?<!(?:at|alle|ore|h|dalle|by|from|verso|around|about|le)\\s)\\d{1,2}\\s+(?:tyres|tires|gomme|pneumatici|pirelli\\w*|michelin\\w*|wheels|ruote|cerchi|rims|bulbs|lampadine|kids|bambini|figli|people|persone|seats|posti|doors|porte)',
    // a day the customer is away until is no wish: "I'm away until the 10th", "sono fuori fino al 20", "here on holiday until the 2nd"
    `(?:away|abroad|fuori|via|in\\s+ferie|on\\s+holiday|on\\s+vacation|in\\s+vacanza|all\\s*['’]?\\s*estero|in\\s+hospital|in\\s+ospedale)\\s+(?:[a-z]+\\s+){0,2}(?:until|till|fino\\s+al|fino\\s+a|fino\\s+alla)\\s+` +
      `(?:the\\s+|il\\s+|l['’]\\s*)?(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?(?:${MONTHS}))?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?|luned[iì]?|marted[iì]?|mercoled[iì]?|gioved[iì]?|venerd[iì]?|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
    // a day excepted is no wish: "any day except Wednesday", "tutti i giorni tranne il lunedì"
    '(?:except|apart\\s+from|but\\s+not|tranne|eccetto|salvo|fuorche)\\s+(?:il\\s+|la\\s+|the\\s+|on\\s+|di\\s+)?(?:luned[iì]?|marted[iì]?|mercoled[iì]?|gioved[iì]?|venerd[iì]?|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays)',
    // the sat nav is no Saturday
    `sat\\s*-?\\s*navs?`,
    // a headlight bulb's type is no hour: "lampadina h7", "the h7 bulb"
    `(?:lampadin[ae]|lampade?|bulbs?|fari|faro|headlights?|anabbaglianti|abbaglianti)\\s+(?:da\\s+|tipo\\s+)?h\\s?\\d{1,2}`,
    `h\\s?\\d{1,2}\\s+(?:lampadin[ae]|lampade?|bulbs?|led|xenon|lamps?)`,
    // an address's house number is no hour: "via Giardini 400", "22 via sant'eufemia", "corso Canalgrande 12/a"
    `(?:via|viale|corso|piazza|piazzale|strada|largo|vicolo|vicolo|contrada|localita)\\s+(?:[a-zà-ÿ'’.]+\\s+){1,4}\\d{1,4}(?:\\s*\\/\\s*[a-z])?`,
    `\\d{1,4}\\s+(?:via|viale|corso|piazza|street|st|road|rd|avenue|ave|lane|close|way)`,
  ].map((p) => `\\b${p}\\b`).join('|'),
  'gi',
);

/** A rate is no date: "€90 a day", "50 € al giorno", "per trip"; "in a day", "a week on Friday", "a week today" still are. */
const RATES = /(?<!\bin\s)\b(?:a|per|each|every|al|a\s+l)\s+(?:day|week|giorno|settimana)\b(?!\s+on\s|\s+(?:today|tomorrow)\b)/g;

/** "Now" is never the appointment: "ora non ho la targa", "not now" ("a prima ora" is the morning, read apart). */
const NOW = /\b(?:ora|adesso|now)\b/g;

const blank = (m: string) => ' '.repeat(m.length);

/** The message with what is no date blanked. */
export function blankNotDates(text: string): string {
  return text.replace(NOT_DATES, blank).replace(RATES, blank).replace(NOW, blank);
}

/** Cancelling words: the day beside them is the booking's, not a wish. */
const CANCELLING = /\b(?:annull\w*|disdi(?:re|co|ca|ciamo|cete|rei|rla|rlo)|disdett\w*|cancell\w*|cancel\w*|call(?:ing)?\s+off)\b/;

/** Whether an accent-free lowercase message cancels something. */
export function cancels(normalised: string): boolean {
  return CANCELLING.test(normalised);
}
