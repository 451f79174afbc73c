/**
 * Parts of the day are ranges, not hours: chrono turns "mattina" into 06:00, we keep 'morning'.
 * "Prima di pranzo", "before lunch", "a prima ora", "first thing" are the morning; "dopo pranzo",
 * "after lunch" the afternoon (as the corpus labels them): the planning offers that part's slots.
 * Chat and regional words too: "pom" / "pome", "matt", "di buon'ora", "prima ora", "mid-morning", the Australian "arvo".
 * @module
 */
import type { Component, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import type { DayPart } from '../../../dialogs/model';

/**
 * Where a chat abbreviation of a part of the day ("pom", "matt") is one: after a day ("giov 17 pom",
 * "il 21 pom", "domani matt", "di matt") or said alone (an answer to the date question); elsewhere
 * "matt" is a paint finish or a name.
 */
// the word first, then what is before it (a look-behind tried at every position costs)
const short = (word: string) =>
  `(?:${word}(?<=(?:^|\\s)(?:oggi|domani|dopodomani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|lun|mar|mart|mer|merc|gio|giov|ven|sab|dom|\\d{1,2}|il|di|nel|al|del|in|per|x)\\s${word})|^${word}$)`;
/**
 * A plural part of the day is a wish only beside a wish ("mornings only", "any afternoons", "in 3
 * weeks, mornings"): "cold mornings", "some mornings", "in the mornings" tell when a fault shows.
 */
const wished = (plural: string) =>
  `(?:(?<=\\b(?:only|any|prefer\\w*|preferably|ideally|just|free|available|do|solo)\\s+(?:\\w+\\s+)?)${plural}|${plural}(?=\\s+(?:only|preferably|ideally|if\\s+possible|please|pls|are\\s+best|are\\s+better|work|suit|would))|(?<=(?:^|\\b(?:weeks?|settimane|days?|giorni|months?|mesi|\\d+)\\s+))${plural}$)`;
/** Before lunch and the opening are the morning, after lunch the afternoon: ranges, the planning picks the hour. */
const MORNING = new RegExp(
  '\\b(mattina|mattino|mattinata|stamattina|stamani|in\\s+the\\s+morning|morning|' + wished('mornings') + '|prima\\s+(?:di|del|della)\\s+(?:pausa\\s+)?pranzo|before\\s+lunch(?:time)?|' +
    // "a prima ora", "giovedì prima ora" (not "la prima ora di noleggio", an hour counted), "di buon'ora"
    '(?:a|alla|di|in)\\s+prima\\s+ora|prima(?<!\\b(?:la|nella|una|della|dalla|sulla)\\sprima)\\s+ora|(?:di\\s+)?buon\\s*ora|' +
    `appena\\s+(?:aprite|apre|aprono)|all\\s+apertura|first\\s+thing|(?:as\\s+soon\\s+as|when)\\s+you\\s+open|at\\s+opening(?:\\s+time)?|${short('matt')})\\b`,
);
/** "arvo" is Australian for the afternoon; "pom" / "pome" / "pomer" / "pomerig" Italian chat. */
const AFTERNOON = new RegExp(
  '\\b(pomeriggio|pomerig+i?|pomer|pome|afternoon|in\\s+the\\s+afternoon|' + wished('afternoons') + '|(?:in\\s+the\\s+|this\\s+)?arvo|dopo\\s+(?:il\\s+|la\\s+pausa\\s+)?pranzo|dopopranzo|after\\s+lunch(?:time)?|' +
    `${short('pom')})\\b`,
);

/** Busy at that part of the day, said right after it: "la mattina lavoro", "mornings I'm at work". */
const BUSY_THEN = /^\s*(?:(?:io|i)\s+)?(?:(?:are|is|sono|e)\s+(?:impossible|impossibil[ei]|out|no\s+good|a\s+no)|lavoro|work|i\s+work|i\s+m\s+at\s+work|sono\s+in\s+ufficio|sono\s+impegnat[oa]|non\s+posso|can\s+t|cannot|i\s+can\s+t|no\b|impossibile|i\s+m\s+busy|sono\s+al\s+lavoro)/;

/** The part of the day named in accent-free lowercase text, if any. */
export function findDayPart(normalised: string): { part: DayPart; text: string } | undefined {
  const m = normalised.match(MORNING);
  const a = normalised.match(AFTERNOON);
  if (m && !a) return { part: 'morning', text: m[0] };
  if (a && !m) return { part: 'afternoon', text: a[0] };
  if (m && a) {
    const later = m.index! > a.index! ? 'morning' : 'afternoon';
    const [first, second] = later === 'morning' ? [a, m] : [m, a];
    // "solo di pomeriggio perché la mattina lavoro": the part given as busy is the reason, not the wish
    // and "morning not afternoon": the part said not to be is no wish either
    const busy = BUSY_THEN.test(normalised.slice(second.index! + second[0].length, second.index! + second[0].length + 30)) || /\b(not|non|no)\s+$/.test(normalised.slice(Math.max(0, second.index! - 5), second.index!));
    const part = busy ? (later === 'morning' ? 'afternoon' : 'morning') : later;
    return { part, text: (busy ? first : second)[0] };
  }
  return undefined;
}

const CERTAIN = ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'meridiem', 'timezoneOffset'] satisfies Component[];

/**
 * Drops chrono's parts of the day that carry nothing certain ("afternoon", "this morning"): the
 * part is {@link findDayPart}'s, and chrono merged "afternoon on Wednesday 16th", "morning on
 * Thursday" into one result without the day. Runs before chrono's own refiners.
 */
export class BarePartRefiner implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => !!r.end || CERTAIN.some((c) => r.start.isCertain(c)));
  }
}
