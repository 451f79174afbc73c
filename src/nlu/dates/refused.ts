/**
 * A day the customer names to rule it out: "non martedì", "not tomorrow", "can't do Thursday",
 * "domani no", "domani non posso", "tomorrow's no good", "tomorrow doesn't work". Such a day is
 * neither the wish nor an option to ask about when another day is named ("mercoledì, non
 * martedì" is Wednesday). "Se non martedì, mercoledì" ("if not Tuesday…") is a first choice, not
 * a refusal. Works on the accent-free lowercase text chrono reads.
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
