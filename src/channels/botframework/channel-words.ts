/**
 * What /api/messages needs besides the engine: the one renderer (Teams words, dates in the
 * dealer's zone) and the web chat's receipt card for Direct Line.
 * @module
 */
import type { Renderer } from '../../render/render';
import { createReceiptCard, type ReceiptBuilder } from '../webchat/receipt-card';
import { loadWords } from '../webchat/words';

export interface ChannelWords {
  renderer: Renderer;
  receipt: ReceiptBuilder;
}

export interface ChannelWordsOptions {
  renderer: Renderer;
  /** The dealer's IANA zone, for the receipt's times. */
  timeZone: string;
}

/** Built once, when the channel is mounted. */
export function channelWords(options: ChannelWordsOptions): () => Promise<ChannelWords> {
  const words: ChannelWords = { renderer: options.renderer, receipt: createReceiptCard(loadWords(), options.timeZone) };
  return async () => words;
}
