/**
 * The words of one conversation for the WhatsApp renderer: the renderer's formatting (dates in
 * the dealer's zone, money, translated parameters) plus whether a short `wa.*` variant exists.
 * @module
 */
import type { Lang } from '../../dialogs/model';
import type { Renderer } from './render';
import type { WaWords } from './whatsapp';

export function whatsAppWords(renderer: Renderer, lang: Lang): WaWords {
  return {
    has: (key) => renderer.has(key, lang),
    text: (key, params) => renderer.text(key, params, lang),
  };
}
