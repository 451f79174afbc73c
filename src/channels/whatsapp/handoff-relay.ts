/**
 * Advisor messages (and the bot's words after a hand-back) to a WhatsApp customer, through the
 * sender: inside the 24-hour window only — outside it Meta allows templates alone, so the
 * advisor is told (`window-closed`) and calls the customer instead.
 * @module
 */
import type { Handoff } from '../../handoff/handoff';
import type { ChannelRelay, Delivery, RelayResult } from '../../handoff/relay';
import type { Renderer } from '../../render/render';
import { renderWhatsApp } from '../../render/whatsapp';
import { OutsideWindowError } from './errors';
import type { WhatsAppChannel } from './whatsapp-channel';
import { wordsFrom } from './words';

export function createWhatsAppRelay(channel: Pick<WhatsAppChannel, 'sender'>, renderer: Renderer): ChannelRelay {
  const words = wordsFrom(renderer);
  return {
    async deliver(handoff: Handoff, delivery: Delivery): Promise<RelayResult> {
      const ref = handoff.conversationRef;
      if (ref.channel !== 'whatsapp') return 'unreachable';
      try {
        if (delivery.kind === 'advisor') {
          const label = renderer.text('handoff.advisorLabel', { name: delivery.name }, handoff.lang);
          await channel.sender.sendText(ref.address, `${label}\n${delivery.text}`);
        } else {
          for (const m of delivery.turn.messages) for (const p of renderWhatsApp(m, words(delivery.turn.lang))) await channel.sender.send(ref.address, p);
        }
        return 'sent';
      } catch (err) {
        if (err instanceof OutsideWindowError) return 'window-closed';
        throw err;
      }
    },
  };
}
