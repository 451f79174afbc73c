/**
 * Reaching a customer after their turn, on their channel: an advisor's words, or the bot's own
 * turn when the conversation is handed back. Each channel brings its relay (src/channels/*).
 * @module
 */
import type { TurnOutput } from '../engine/turn-engine';
import type { Handoff, HandoffChannel } from './handoff';

export type Delivery = { kind: 'advisor'; name: string; text: string } | { kind: 'bot'; turn: Pick<TurnOutput, 'messages' | 'lang'> };

/**
 * `sent`; `forwarded` to the instance holding the customer's connection; `window-closed`
 * (WhatsApp's 24 h); `unreachable` (no relay for the channel, or it failed).
 */
export type RelayResult = 'sent' | 'forwarded' | 'window-closed' | 'unreachable';

export interface ChannelRelay {
  deliver(handoff: Handoff, delivery: Delivery): Promise<RelayResult>;
}

export type Relays = Partial<Record<HandoffChannel, ChannelRelay>>;
