/**
 * When the customer wants to come, in the loose words the date parser leaves out: "appena
 * potete", "whenever is soonest", "the earliest you've got"; a part of the day alone at the date
 * question ("stamattina", "stasera", "dopo pranzo", "tomorrow evening"). The workshop closes at
 * the end of the afternoon, so an evening is its latest part: the afternoon.
 * @module
 */
import { DateTime } from 'luxon';
import type { DateWish, DayPart } from '../../../dialogs/model';

const SOONEST = new RegExp(
  '(?<![a-z])(?:' +
    [
      'appena (?:potete|puoi|puo|possibile|riuscite|riesci|riuscirete|avete (?:posto|un buco|tempo)|c e posto|si libera\\w*|si puo)',
      'al piu presto', 'prima (?:si puo|riuscite|potete|riesci|puoi)', 'prima e meglio e', 'il prima possibile',
      'primo (?:buco|posto|giorno|slot|appuntamento|momento)(?: libero| disponibile| utile| che avete)?', 'prima data utile',
      'whenever is soonest', 'soonest(?: possible| you can| available| you have| slot| date)?', 'the sooner the better', 'sooner the better',
      'earliest (?:you have|you ve got|you got|you can|one|possible|available|slot|date|day)', 'the earliest',
      'as (?:soon|early|quick|quickly|fast) as (?:poss\\w*|you can|you could|ya can)', '(?<!as )soon as (?:poss\\w*|you can|ya can)', 'next available',
      // more loose ways (#12)
      'quando (?:vi |ci )?si libera\\w* (?:un |qualche )?(?:posto|buco|qualcosa|slot)', 'appena (?:vi |ci )?si libera\\w*(?: qualcosa| un posto| un buco)?',
      '(?:la )?(?:prima|prossima) disponibilita', 'in tempi brevi', 'non appena (?:possibile|potete|riuscite)', 'il piu presto(?: che potete| possibile)?',
      'prima (?:e|sara) meglio(?: e| sara)?', 'at your earliest (?:convenience|opportunity)', '(?:the )?earlier the better', 'at the earliest',
      'first (?:opening|opportunity|availability)', 'next (?:opening|availability|free (?:slot|day|date))', 'whichever is (?:soonest|first|earliest)',
      'whatever is (?:soonest|first|earliest)', 'appena c e (?:un |qualche )?posto(?: libero)?', '(?:ma|il piu|molto) presto', '(?:mi |ci )?serv(?:e|irebbe) subito',
      'need(?:ed)? (?:it|this|one) (?:straight away|right away|immediately|quickly|fast)', '(?:whenever|when) you can(?: [a-z]+){0,2} quick(?:ly)?', 'first thing you (?:have|ve got|got)', 'quickest (?:you can|possible|date|slot)', '(?:nearest|quickest) (?:available|possible|free)(?: date| slot| day)?', '(?:la |il )?(?:prima|primo) (?:data |data utile |giorno )?(?:libera|libero|disponibile)', 'first (?:day|date|slot) (?:you have|you ve got|available|free)', 'first (?:free|available|open) (?:slot|date|day|appointment|one)?',
    ].join('|') +
    ')(?![a-z])',
);
/** "Subito", "right away": a wish for the earliest day only as an answer to the date question. */
const AT_ONCE = /(?<![a-z])(?:subito|right away|straight away|immediately|urgente|urgent|urgently)(?![a-z])/;
/** Today, without a part: "in giornata", "oggi stesso", "later today" (at the date question). */
const TODAY = /(?<![a-z])(?:in giornata|oggi stesso|entro oggi|later today)(?![a-z])/;
/** "domattina" is tomorrow morning. */
const TOMORROW_MORNING = /(?<![a-z])domattina(?![a-z])/;
/** "tomorrow am", "domani pm": the part after the day. */
const AM_PM = new RegExp(`(?<![a-z])(?:oggi|domani|dopodomani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|\\d{1,2}) (am|a m|pm|p m)(?![a-z])`);

const TODAY_PART: [RegExp, DayPart][] = [
  [/(?<![a-z])(?:stamattina|stamani|stamane|this morning)(?![a-z])/, 'morning'],
  [/(?<![a-z])(?:this afternoon|sto pomeriggio|stasera|tonight|this evening)(?![a-z])/, 'afternoon'],
];
const PART: [RegExp, DayPart][] = [
  [/(?<![a-z])(?:prima di pranzo|before lunch|first thing)(?![a-z])/, 'morning'],
  [/(?<![a-z])(?:dopo pranzo|after lunch|pome)(?![a-z])/, 'afternoon'],
];
const DAY = '(?:oggi|domani|dopodomani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|\\d{1,2})';
/** An evening named with its day ("domani sera", "tomorrow evening"), or alone at the date question. */
const DAY_EVENING = new RegExp(`(?<![a-z])(?:${DAY} (?:in )?(?:sera|serata|evening|night)|stasera|tonight|this evening)(?![a-z])`);
const EVENING = /(?<![a-z])(?:sera|serata|evening|verso sera|in the evening|late afternoon|tardo pomeriggio)(?![a-z])/;

/** No day yet: "quando volete voi", "tra un po'", "not sure yet", "whenever suits you" answer the date question without one. */
export const VAGUE_WHEN =
  /(?<![a-z])(?:quando (?:volete|vuoi|vi va|preferite|vi pare|c e posto)|(?:un )?giorno qualsiasi|qualsiasi giorno|any (?:day|time|date)|whenever(?: you have (?:space|room|a slot))?|tra un po|fra un po|piu avanti|non (?:lo )?so ancora|vi faccio sapere|vediamo|whenever (?:suits|works|you (?:like|want))|in a (?:bit|while)|not sure yet|i ll let you know|sometime|some time|at some point|no rush|no hurry|non ho fretta|ci penso|vi (?:dico|scrivo|faccio sapere|confermo) (?:dopo|poi|piu tardi)|(?:poi|dopo|piu tardi) vi (?:dico|scrivo|faccio sapere)|quando (?:vi|ti|le) (?:fa|e) (?:piu )?comodo|entro (?:natale|pasqua|ferragosto|fine anno|l estate|le feste)|let me (?:have a )?think|(?:check|checking) my (?:diary|calendar|agenda)|whatever s (?:easiest|best|easier)|one of these days|later on|after the (?:holidays|summer|new year)|dopo le (?:feste|vacanze)|by (?:christmas|easter|the new year)|dunno yet|(?:message|text|write|get back to) (?:you )?(?:the day )?later)(?![a-z])/;

/** The dealer's day `days` after the message's. */
function dayIn(now: string, timeZone: string, days: number): string | null {
  return DateTime.fromISO(now, { zone: timeZone }).plus({ days }).toISODate();
}

/** The customer's words for the advisor, each said once. */
function joined(text: string | undefined, words: string): string {
  if (!text || words.includes(text)) return words;
  return text.includes(words) ? text : `${text} ${words}`;
}

/** Whether the customer asks for the earliest free day. */
export function wantsSoonest(norm: string, awaitingDate: boolean): string | undefined {
  return (norm.match(SOONEST) ?? (awaitingDate ? norm.match(AT_ONCE) : null))?.[0];
}

/**
 * A part of the day the date parser did not give: `wish` is what it found (maybe nothing).
 * Today's parts and a bare evening count only at the date question: elsewhere they tell a story
 * ("mi hanno tamponato stamattina", "bring it back in the evening").
 */
export function withLooseDayPart<W extends DateWish>(
  wish: W | undefined,
  norm: string,
  awaitingDate: boolean,
  now: string,
  timeZone: string,
): W | DateWish | undefined {
  // "domattina alle 8": chrono reads the hour, not the day
  if (wish?.time && !wish.date && TOMORROW_MORNING.test(norm)) {
    const tomorrow = dayIn(now, timeZone, 1);
    if (tomorrow) return { ...wish, date: tomorrow, text: joined(norm.match(TOMORROW_MORNING)![0], wish.text) };
  }
  if (wish?.time || wish?.asap || (wish?.part && wish.date)) return wish;
  if (!wish && TOMORROW_MORNING.test(norm)) {
    const tomorrow = dayIn(now, timeZone, 1);
    if (tomorrow) return { date: tomorrow, part: 'morning', text: 'domattina' };
  }
  if (awaitingDate && !wish && TODAY.test(norm)) {
    const date = dayIn(now, timeZone, 0);
    if (date) return { date, text: norm.match(TODAY)![0] };
  }
  const ampm = wish?.date ? norm.match(AM_PM) : null;
  if (ampm) return { ...wish, part: ampm[1].startsWith('a') ? 'morning' : 'afternoon', text: joined(wish?.text, ampm[0]) };
  if (awaitingDate && !wish?.date) {
    for (const [re, part] of TODAY_PART) {
      const m = norm.match(re);
      if (!m) continue;
      const date = dayIn(now, timeZone, 0);
      if (!date) continue;
      return { ...wish, date, part, text: joined(wish?.text, m[0]) };
    }
  }
  if (wish?.part || (!wish?.date && !awaitingDate)) return wish;
  const said = PART.find(([re]) => re.test(norm));
  const evening = norm.match(DAY_EVENING) ?? (awaitingDate ? norm.match(EVENING) : null);
  const part = said ? said[1] : evening ? 'afternoon' : undefined;
  if (!part) return wish;
  const words = said ? norm.match(said[0])![0] : evening![0];
  return { ...wish, part, text: joined(wish?.text, words) };
}
