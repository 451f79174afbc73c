/**
 * Moments of the day that are hours: meals ("prima di pranzo" 11:00, "dopo pranzo" the afternoon
 * opening), the opening ("a prima ora", "first thing", "appena aprite": the morning opening),
 * "tarda mattinata" / "late morning" 11:00, "primo pomeriggio" / "early afternoon" the afternoon
 * opening, "tardo pomeriggio" / "late afternoon" 17:00, "mezzogiorno (e mezzo)" 12:00 (12:30).
 * The openings default to Modena's (08:30, 14:00) and may be the dealer's.
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';

/** When the dealer opens in the morning and after lunch, `HH:mm`. */
export interface Openings {
  morning: string;
  afternoon: string;
}

export const MODENA_OPENINGS: Openings = { morning: '08:30', afternoon: '14:00' };

type Moment = 'beforeLunch' | 'afterLunch' | 'lateAfternoon' | 'opening' | 'noon' | 'halfPastNoon';

const IT: [string, Moment][] = [
  ['prima\\s+(?:di|del|della)\\s+(?:pausa\\s+)?pranzo|(?:in\\s+)?tarda\\s+mattinata|(?:in\\s+)?tarda\\s+mattina', 'beforeLunch'],
  ['dopo\\s+(?:il\\s+|la\\s+pausa\\s+)?pranzo|dopopranzo|(?:nel\\s+|di\\s+|il\\s+)?primo\\s+pomeriggio|(?:alla\\s+|a\\s+)?prima\\s+ora\\s+del\\s+pomeriggio', 'afterLunch'],
  ['(?:nel\\s+|di\\s+|il\\s+)?tardo\\s+pomeriggio', 'lateAfternoon'],
  ["(?:a|alla|di|in)\\s+prima\\s+ora(?:\\s+del(?:la)?\\s+mattin[ao])?|appena\\s+(?:aprite|apre|aprono|avete\\s+aperto)|all\\s*'?\\s*apertura", 'opening'],
  ['(?:a\\s+|verso\\s+|per\\s+|alle\\s+|verso\\s+le\\s+)?mezzogiorno\\s+e\\s+(?:mezzo|mezza|trenta)', 'halfPastNoon'],
  ['(?:a\\s+|verso\\s+|per\\s+|alle\\s+|verso\\s+le\\s+)?mezzogiorno', 'noon'],
];
const EN: [string, Moment][] = [
  ['before\\s+lunch(?:time)?|(?:in\\s+the\\s+)?late\\s+morning', 'beforeLunch'],
  ['after\\s+lunch(?:time)?|(?:in\\s+the\\s+)?early\\s+afternoon|first\\s+thing\\s+in\\s+the\\s+afternoon', 'afterLunch'],
  ['(?:in\\s+the\\s+)?late\\s+afternoon', 'lateAfternoon'],
  ['first\\s+thing(?:\\s+in\\s+the\\s+morning)?|(?:as\\s+soon\\s+as|when)\\s+you\\s+open|at\\s+opening(?:\\s+time)?', 'opening'],
];

const compile = (forms: [string, Moment][]) => new RegExp(`(?<![\\w])(?:${forms.map(([re]) => `(${re})`).join('|')})(?![\\w])`, 'i');

class MomentParser implements Parser {
  private readonly re: RegExp;
  private readonly times: Record<Moment, string>;
  constructor(private readonly forms: [string, Moment][], opens: Openings) {
    this.re = compile(forms);
    this.times = { beforeLunch: '11:00', afterLunch: opens.afternoon, lateAfternoon: '17:00', opening: opens.morning, noon: '12:00', halfPastNoon: '12:30' };
  }
  pattern(): RegExp {
    return this.re;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    if (i < 0) return null;
    const [hour, minute] = this.times[this.forms[i][1]].split(':').map(Number);
    const c = context.createParsingComponents({ hour, minute });
    c.addTag('meridiemKnown');
    return c;
  }
}

export const italianMoments = (opens: Openings): Parser => new MomentParser(IT, opens);
export const englishMoments = (opens: Openings): Parser => new MomentParser(EN, opens);
