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
/** Before lunch and the opening are the morning, after lunch the afternoon: ranges, the planning picks the hour. */
const MORNING = new RegExp(
  '\\b(mattina|mattino|mattinata|stamattina|stamani|in\\s+the\\s+morning|morning|prima\\s+(?:di|del|della)\\s+(?:pausa\\s+)?pranzo|before\\s+lunch(?:time)?|' +
    // "a prima ora", "giovedì prima ora" (not "la prima ora di noleggio", an hour counted), "di buon'ora"
    '(?:a|alla|di|in)\\s+prima\\s+ora|prima(?<!\\b(?:la|nella|una|della|dalla|sulla)\\sprima)\\s+ora|(?:di\\s+)?buon\\s*ora|' +
    `appena\\s+(?:aprite|apre|aprono)|all\\s+apertura|first\\s+thing|(?:as\\s+soon\\s+as|when)\\s+you\\s+open|at\\s+opening(?:\\s+time)?|${short('matt')})\\b`,
);
/** "arvo" is Australian for the afternoon; "pom" / "pome" / "pomer" / "pomerig" Italian chat. */
const AFTERNOON = new RegExp(
  '\\b(pomeriggio|pomerig+i?|pomer|pome|afternoon|in\\s+the\\s+afternoon|(?:in\\s+the\\s+|this\\s+)?arvo|dopo\\s+(?:il\\s+|la\\s+pausa\\s+)?pranzo|dopopranzo|after\\s+lunch(?:time)?|' +
    `${short('pom')})\\b`,
);

/** The part of the day named in accent-free lowercase text, if any. */
export function findDayPart(normalised: string): { part: DayPart; text: string } | undefined {
  const m = normalised.match(MORNING);
  const a = normalised.match(AFTERNOON);
  if (m && !a) return { part: 'morning', text: m[0] };
  if (a && !m) return { part: 'afternoon', text: a[0] };
  if (m && a) return m.index! > a.index! ? { part: 'morning', text: m[0] } : { part: 'afternoon', text: a[0] };
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
