/**
 * Which language a customer asks for, never read backwards: "I don't speak English, italiano per
 * favore" and "non capisco l'inglese" ask for Italian; "scusi non parlo bene italiano" for English.
 * A language named plainly wins over one refused.
 * @module
 */
import type { Lang } from '../../../dialogs/model';

const NAMED: [RegExp, Lang][] = [
  [/(?<![a-z])(?:inglese|english|anglais|in eng)(?![a-z])/g, 'en'],
  [/(?<![a-z])(?:italiano|italian|italien|in ita)(?![a-z])/g, 'it'],
];
const OTHER: Record<Lang, Lang> = { it: 'en', en: 'it' };

/** "non parlo (bene) …", "I don't understand …": the words before a language that refuse it. */
const REFUSED_BEFORE =
  /(?:non|nn|don t|do not|can t|cannot|not)(?: [a-z]+){0,2} (?:parlo|capisco|conosco|so|leggo|parla|speak|understand|read|know)(?: (?:bene|molto|tanto|l|lo|il|la|well|much|very|any|the))* $/;
/** "my English is not good", "il mio inglese è scarso". */
const REFUSED_AFTER = /^ (?:is |e |s )?(?:(?:not|non|isn t|is not)(?: very| molto| so| too| that)? (?:good|great|buono|fluent)|bad|poor|terrible|scarso|pessimo)/;

/** The language asked for in a normalised message, if any. */
export function languageAsked(norm: string): Lang | undefined {
  let refused: Lang | undefined;
  for (const [re, lang] of NAMED) {
    for (const m of norm.matchAll(re)) {
      const before = norm.slice(0, m.index);
      const after = norm.slice(m.index + m[0].length);
      if (REFUSED_BEFORE.test(before) || REFUSED_AFTER.test(after)) refused ??= OTHER[lang];
      else return lang;
    }
  }
  return refused;
}
