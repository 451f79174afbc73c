/**
 * Days named that are not the wish. A day the customer names to rule it out: "non martedì", "not tomorrow", "can't do Thursday",
 * "domani no", "domani non posso", "tomorrow's no good", "tomorrow doesn't work". Such a day is
 * neither the wish nor an option to ask about when another day is named ("mercoledì, non
 * martedì" is Wednesday). "Se non martedì, mercoledì" ("if not Tuesday…") is a first choice, not
 * a refusal. And the day the customer leaves ("il 30 parto per la montagna", "parto il 18", "I leave
 * on the 18th", "venerdì sono via", "I'm away from the 18th"): the appointment is before it.
 * Works on the accent-free lowercase text chrono reads.
 * @module
 */

/** Just before the day: "non (il) martedì", "not (on) tuesday", "can't do thursday", "non posso domani". */
const BEFORE = new RegExp(
  '(?<![a-z])(?<!(?:se|if|or|o)\\s)(?:non|not|can\\s*t|cannot|couldn\\s*t)\\s+' +
    '(?:(?:posso|riesco|vengo|do|make|come|manage)\\s+)?(?:(?:il|la|lo|l|the|this|on|on\\s+the|per|di)\\s+)?$',
);

/** Just after the day: "domani no", "martedì non posso", "tomorrow's no good", "thursday doesn't work", "giovedì non ci sono". */
const AFTER = new RegExp(
  '^\\s*(?:(?:s|is|e|proprio|purtroppo|unfortunately|i)\\s+)?' +
    '(?:no(?!\\s+(?:problem|worries|prob))(?![a-z])|no\\s+good|not\\s+(?:good|possible|ok|okay|great)|non\\s+(?:posso|riesco|va|mi\\s+va|ci\\s+sono|e\\s+possibile|si\\s+puo|ce\\s+la\\s+faccio)|' +
    'doesn\\s*t\\s+work|won\\s*t\\s+work|does\\s+not\\s+work|can\\s*t|cannot|isn\\s*t\\s+(?:good|possible)|impossibile)(?![a-z])',
);

/** A span of the text chrono read: where a result starts, and its words. */
interface Span {
  index: number;
  text: string;
}

/**
 * Which of the spans (in the order said) name a day only to rule it out. The words between two
 * days belong to the first: in "domani non posso, il giorno dopo sì" "non posso" rules out
 * tomorrow, not the day after.
 */
export function refusedSpans<T extends Span>(text: string, spans: T[]): Set<T> {
  const refused = new Set<T>();
  let from = 0;
  let previousByAfter = false;
  for (const s of spans) {
    const end = s.index + s.text.length;
    const before = !previousByAfter && BEFORE.test(text.slice(Math.max(from, s.index - 40), s.index));
    const after = AFTER.test(text.slice(end, end + 40));
    if (before || after) refused.add(s);
    previousByAfter = after;
    from = end;
  }
  return refused;
}

/** Leaving, going away, being away (normalised: "i m away", "we re leaving"); not "I'm off" (off work is free). */
const LEAVE =
  '(?:parto|partiamo|sono\\s+via|siamo\\s+via|vado\\s+via|andiamo\\s+via|sono\\s+fuori|siamo\\s+fuori|sono\\s+in\\s+ferie|siamo\\s+in\\s+ferie|' +
  'vado\\s+in\\s+(?:ferie|vacanza)|andiamo\\s+in\\s+(?:ferie|vacanza)|volo|(?:i|we)\\s+(?:leave|fly|go\\s+away)|(?:i\\s+m|i\\s+am|we\\s+re|we\\s+are)\\s+(?:leaving|away|flying|going\\s+away)|' +
  '(?:i|we)\\s+ll\\s+be\\s+away|(?:i|we)\\s+will\\s+be\\s+away)';
/** The verb, then at most three words, then the day: "parto il 18", "parto per Londra il 18", "I fly out on the 18th". */
const LEAVING_BEFORE = new RegExp(`(?<![a-z])${LEAVE}(?:\\s+\\S+){0,3}\\s+$`);
/** The day, then the verb: "il 30 parto", "venerdì sono via", "on friday we're leaving". */
const LEAVING_AFTER = new RegExp(`^\\s*(?:(?:io|noi|che|poi|then|so)\\s+)?${LEAVE}(?![a-z])`);

/**
 * Which of the spans (in the order said) are the day the customer leaves. A verb between two days
 * and right before the second is the second's: "the 14th at 9, I leave on the 18th".
 */
export function leavingSpans<T extends Span>(text: string, spans: T[]): Set<T> {
  const before = spans.map((s, i) => {
    const from = i === 0 ? 0 : spans[i - 1].index + spans[i - 1].text.length;
    return LEAVING_BEFORE.test(text.slice(Math.max(from, s.index - 50), s.index));
  });
  const leaving = new Set<T>();
  spans.forEach((s, i) => {
    const end = s.index + s.text.length;
    const after = !before[i + 1] && LEAVING_AFTER.test(text.slice(end, end + 40));
    if (before[i] || after) leaving.add(s);
  });
  return leaving;
}
