/**
 * The words of one conversation for the Teams renderer: the renderer's formatting (dates in the
 * dealer's zone, translated parameters), in the conversation's language.
 * @module
 */
import type { Lang } from '../../dialogs/model';
import type { Renderer } from './render';
import type { TeamsWords } from './teams';

export function teamsWords(renderer: Renderer, lang: Lang): TeamsWords {
  return { text: (key, params) => renderer.text(key, params, lang) };
}
