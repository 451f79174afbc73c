/**
 * "A mezzogiorno", "verso mezzogiorno", "mezzogiorno e mezzo": 12:00 and 12:30 (chrono.it gives
 * "mezzogiorno" no hour; English "noon" and "midday" chrono reads).
 * @module
 */
import type { Parser, ParsingContext } from 'chrono-node';

const RE = /(?<![\w])(?:(?:a|verso|per|alle|verso\s+le|intorno\s+a)\s+)?mezzogiorno(\s+e\s+(?:mezzo|mezza|trenta))?(?![\w])/i;

export class ItalianNoonParser implements Parser {
  pattern(): RegExp {
    return RE;
  }
  extract(context: ParsingContext, m: RegExpMatchArray) {
    const c = context.createParsingComponents({ hour: 12, minute: m[1] ? 30 : 0 });
    c.addTag('meridiemKnown');
    return c;
  }
}
