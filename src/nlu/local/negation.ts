/**
 * What a customer refuses is not their choice: "niente noleggio", "non il tagliando", "not a
 * service", "drop the rental car". A bare "no" counts only when nothing separates it from what
 * it refuses ("no taxi"), since "anzi no, mezzi pubblici" refuses what came before.
 * @module
 */
import { escapeRegExp, type PhraseMatch } from './phrases';

const ARTICLES = '(?: (?:il|la|lo|l|i|gli|le|un|una|uno|the|a|an|my|any|more|piu|di|del|della|dell|per|for|that|this|quel|quella|questo|questa))*';

/** Words that refuse what follows, whatever punctuation comes between. */
const REFUSING = new RegExp(
  '(?:^|\\s)(?:niente|nessun[oa]?|senza|not|without|drop|forget|skip|no more|no longer|instead of|rather than|' +
    'invece (?:del|della|dello|dell|dei|di|che)|piuttosto che|anziche|tranne|except|non e|non sono|it s not|isn t|' +
    '(?:don t|do not|won t) (?:need|want)|non (?:mi )?(?:serve|servono|interessa|voglio|vorrei)(?: piu)?)' +
    `${ARTICLES} $`,
);

/** "no"/"non" right before the words, with nothing but spaces (and maybe an article) between. */
const BARE_NO = new RegExp(`(?:^|\\s)(?:no|non)${ARTICLES} $`);

/** Accent-free lowercase text that keeps punctuation, to tell "no taxi" from "no, taxi". */
export function loose(raw: string): string {
  return raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, ' ');
}

/** Cheap gate: without one of these words nothing in the text is refused. */
const MAY_REFUSE = /(?<![a-z])(?:no|non|niente|nessun[oa]?|senza|not|without|drop|forget|skip|instead|rather|invece|piuttosto|anziche|tranne|except|don t|do not|won t|isn t|it s not)(?![a-z])/;
export const mayRefuse = (norm: string) => MAY_REFUSE.test(norm);


/**
 * Whether the phrase found at `m` in the normalised text is refused. `raw` is the text with its
 * punctuation ({@link loose}).
 */
export function refused(norm: string, raw: string, m: Pick<PhraseMatch<unknown>, 'index' | 'text'>): boolean {
  const before = norm.slice(Math.max(0, m.index - 40), m.index);
  if (REFUSING.test(before)) return true;
  if (!BARE_NO.test(before)) return false;
  const first = m.text.split(' ')[0];
  return new RegExp(`(?:^|[^a-z])no[n]?${ARTICLES.replace(/ /g, '\\s+')}\\s+${escapeRegExp(first)}`).test(raw);
}
