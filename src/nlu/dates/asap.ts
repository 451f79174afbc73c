/**
 * "Prima possibile", "as soon as possible": no date, the earliest free one.
 * @module
 */

const ASAP_RE =
  /\b(?:(?:il\s+|al\s+)?prima\s+possibile|(?:il\s+)?piu\s+presto\s+possibile|appena\s+possibile|quanto\s+prima|prima\s+che\s+(?:potete|si\s+puo)|a\.?s\.?a\.?p\.?|as\s+soon\s+as\s+(?:possible|you\s+can)|earliest\s+(?:possible|available|slot|date)|first\s+available|primo\s+(?:giorno|posto|slot)\s+(?:libero|disponibile)|prima\s+data\s+(?:libera|disponibile))\b/i;

/** The words asking for the earliest date, if any (on accent-free lowercase text). */
export function findAsap(normalised: string): string | undefined {
  return normalised.match(ASAP_RE)?.[0];
}
