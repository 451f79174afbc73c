/**
 * An hour said without "alle"/"at" when changing a time: "make it 11", "can we do 11 instead?",
 * "facciamo le 11", "11 invece". Only plausible workshop hours (7 to 20) count, so that other
 * numbers are never taken for times.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';

const AFTER = '(?::(\\d{2}))?(?:\\s*(am|pm))?(?!\\s*(?:st|nd|rd|th|days?|giorni|hours?|ore|%|km|euro|eur|€)\\b)(?![\\w/.:])';
const EN_RE = new RegExp(`(?<![\\w])(?:make\\s+it|can\\s+we\\s+do|could\\s+we\\s+do|can\\s+we\\s+make\\s+it|how\\s+about|what\\s+about|let\\s*s\\s+say|let\\s*s\\s+do|say)\\s+(\\d{1,2})${AFTER}`, 'i');
const IT_RE = new RegExp(`(?<![\\w])(?:facciamo|facciamo\\s+per|mettiamo|meglio|si\\s+puo\\s+fare|possiamo\\s+fare|va\\s+bene)\\s+(?:le\\s+|per\\s+le\\s+)?(\\d{1,2})${AFTER}|(?<![\\w/.:])(\\d{1,2})${AFTER.replace('(am|pm)', '(?:am|pm)')}\\s+invece`, 'i');

function hourComponents(context: ParsingContext, hourText: string | undefined, minuteText: string | undefined, meridiem: string | undefined) {
  if (!hourText) return null;
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  if (meridiem?.toLowerCase() === 'pm' && hour < 12) hour += 12;
  if (hour < 7 || hour > 20 || minute > 59) return null;
  const c = context.createParsingComponents({ hour, minute });
  if (meridiem || hour >= 13) c.addTag('meridiemKnown');
  return c;
}

export class EnglishBareHourParser implements Parser {
  pattern(): RegExp {
    return EN_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    return hourComponents(context, m[1], m[2], m[3]);
  }
}

export class ItalianBareHourParser implements Parser {
  pattern(): RegExp {
    return IT_RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    return m[1] ? hourComponents(context, m[1], m[2], m[3]) : hourComponents(context, m[4], m[5], undefined);
  }
}
