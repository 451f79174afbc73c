/**
 * A pick among offered options: "2", "la seconda", "the first one", "opzione 3".
 * @module
 */

const ORDINALS: Record<string, number> = {
  primo: 1, prima: 1, secondo: 2, seconda: 2, terzo: 3, terza: 3, quarto: 4, quarta: 4, quinto: 5, quinta: 5,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5,
  ultimo: -1, ultima: -1, last: -1,
};
const NUMBERS: Record<string, number> = { uno: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };

/** "opzione 2", "n. 3", "#1"; the short forms need a gap or a digit ("none" is no "n one"). */
const EXPLICIT = /(?<![a-z0-9])(?:(?:opzione|option|scelta|choice|numero|number|num)\s*|(?:n|nr)\s+|(?:n|nr|#)\s*(?=\d))(\d|uno|due|tre|quattro|cinque|one|two|three|four|five)(?![a-z0-9])(?! (?:bus|tram|autobus|line|linea))(?<!(?:bus|tram|autobus|line|linea|route|house|casa|civico|door) (?:number|numero|num|n|nr) ?(?:\d|uno|due|tre|quattro|cinque|one|two|three|four|five))/;
const ORDINAL = /(?<![a-z0-9])(?:(?:il|la|l|lo|the)\s+)?(primo|prima|secondo|seconda|terzo|terza|quarto|quarta|quinto|quinta|ultimo|ultima|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)(?!\s+(?:mon|tue|wed|thu|fri|sat|sun|week|month|year|lun|mar|mer|gio|ven|sab|dom|settimana|mese|anno|thoughts?|half|meta|quindicina|parte|pomeriggio|mattin[a-z]*|serata|morning|afternoon|evening|thing|ora|giorno|day|volta|volte|time|times|visit))(?:\s+(?:one|opzione|option|slot|data|proposta|soluzione|orario|appuntamento))?(?![a-z0-9])/;
/** Words after which a bare ordinal is still a pick: "go with second", "prendo prima". */
const CHOOSING = /^(with|take|pick|choose|want|prefer|scelgo|prendo|preferisco|voglio|vorrei|ok|okay|yes|si|per|va|vada|do|and|e|o|or)$/;
/** "2", "la 2 grazie", "2 👍" (the thumb reads "ok"), "ok 3". */
const BARE = /^(?:(?:ok|okay|si|yes|va bene)\s+)?(?:(?:la|il|the)\s+)?(\d|uno|due|tre|quattro|cinque|one|two|three|four|five)(?:\s+(?:is|e|s|works|would be|sarebbe|va|mi va))?(?:\s+(?:grazie|please|pls|per favore|thanks|thx|ok|okay|perfetto|perfetta|perfect|va bene|fine|great|good|bene|benissimo|ideal|ideale))*$/;

/**
 * The 1-based choice, or -1 for "the last one". `expectingChoice` admits bare numbers
 * ("2") and ordinals without a noun ("la seconda"); otherwise only explicit picks count.
 */
export function findChoice(normalised: string, expectingChoice: boolean): number | undefined {
  const e = normalised.match(EXPLICIT);
  if (e) return Number(e[1]) || NUMBERS[e[1]];
  if (expectingChoice) {
    const b = normalised.match(BARE);
    if (b) return Number(b[1]) || NUMBERS[b[1]];
  }
  const o = normalised.match(ORDINAL);
  // without a question pending, an ordinal needs "the ... one"/"option" or to be most of the message
  if (o && (expectingChoice || /\s(one|opzione|option|slot|proposta)$/.test(o[0]) || normalised.split(' ').length <= 3)) {
    // "prima" is also "before"/"first thing": "prima possibile", "prima delle 10"
    if (/^(la |il )?prima$/.test(o[0]) && !expectingChoice) return undefined;
    // an adverb inside a sentence, not a pick: "posso sentire prima Barbara?", "I'd like to discuss that with a colleague first"
    const alone = !/^(il|la|l|lo|the)\s/.test(o[0]) && !/\s(one|opzione|option|slot|data|proposta|soluzione|orario|appuntamento)$/.test(o[0]);
    const before = normalised.slice(0, o.index).trim().split(' ').pop() ?? '';
    if (alone && normalised.split(' ').length > 3 && before && !CHOOSING.test(before)) return undefined;
    return ORDINALS[o[1]];
  }
  return undefined;
}
