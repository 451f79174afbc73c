/**
 * The words for WhatsApp: the engine's renderer (same locales, dates in the dealer's zone), plus
 * the `wa.*` short labels.
 * @module
 */
import type { Lang } from '../../../dialogs/model';
import type { Renderer } from '../../render/render';
import type { WaWords } from '../../render/whatsapp';
import { whatsAppWords } from '../../render/whatsapp-words';

export type WordsFor = (lang: Lang) => WaWords;

export function wordsFrom(renderer: Renderer): WordsFor {
  return (lang) => whatsAppWords(renderer, lang);
}
