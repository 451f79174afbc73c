/**
 * What /api/messages needs besides the engine: the one renderer (Teams words, dates in the
 * dealer's zone) and the web chat's receipt card for Direct Line. Passed in by the app when it
 * has them; otherwise built once from the configured dealer file, on the first turn.
 * @module
 */
import type { Config } from '../../config';
import { loadDealer } from '../../dealer/load';
import { createI18n } from '../../i18n/i18n';
import { Renderer } from '../../render/render';
import { createReceiptCard, type ReceiptBuilder } from '../webchat/receipt-card';
import { loadWords } from '../webchat/words';

export interface ChannelWords {
  renderer: Renderer;
  receipt: ReceiptBuilder;
}

export interface ChannelWordsOptions {
  renderer?: Renderer;
  timeZone?: string;
}

export function channelWords(config: Config, options: ChannelWordsOptions): () => Promise<ChannelWords> {
  let words: Promise<ChannelWords> | undefined;
  const build = async (): Promise<ChannelWords> => {
    if (options.renderer && options.timeZone) {
      return { renderer: options.renderer, receipt: createReceiptCard(loadWords(), options.timeZone) };
    }
    const { site } = loadDealer(config.DEALER_CONFIG);
    const renderer = options.renderer ?? new Renderer(await createI18n({ dealer: site.name, phone: site.phone }), site.timeZone);
    return { renderer, receipt: createReceiptCard(loadWords(), options.timeZone ?? site.timeZone) };
  };
  return () =>
    (words ??= build().catch((err: unknown) => {
      words = undefined;
      throw err;
    }));
}
