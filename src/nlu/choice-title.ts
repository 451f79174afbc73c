/**
 * A customer who types a choice's title ("la data", "Taxi", "Confermo") instead of clicking it
 * means that choice: matched against the titles the last prompt showed, in the conversation's
 * language, without accents, case or punctuation.
 * @module
 */
import type { RenderedChoice } from '../render/render';

const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The token of the one choice the text names, or `undefined` (none, or ambiguous). */
export function matchChoiceTitle(text: string, choices: RenderedChoice[] | undefined): string | undefined {
  const said = fold(text);
  if (!choices?.length || said.length < 2) return undefined;
  const exact = choices.find((c) => fold(c.title) === said);
  if (exact) return exact.value;
  // "data" for "La data", "noleggio" for "Auto a noleggio": a whole-word part of exactly one title.
  if (said.length < 4) return undefined;
  const padded = ` ${said} `;
  const partial = choices.filter((c) => ` ${fold(c.title)} `.includes(padded));
  return partial.length === 1 ? partial[0].value : undefined;
}
