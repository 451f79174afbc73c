/**
 * Messages per WhatsApp conversation per minute (MESSAGES_PER_CONVERSATION_PER_MINUTE), counted
 * in the rate limits' store, so every instance shares the count. Over it a message gets no turn:
 * the first refusal of a window earns the customer one short "slow down" (and the log one line),
 * later ones are dropped in silence, so a flood costs neither turns, nor sends, nor log lines.
 * Meta still gets its 200: it retries anything else, which would make the flood worse.
 * @module
 */
import type { RateLimits } from '../../limits/rate-limits';

/** `take`: under the limit; `slow-down`: the first refusal of this window; `drop`: a later one. */
export type Admission = 'take' | 'slow-down' | 'drop';

export type AdmitMessage = (conversationId: string) => Promise<Admission>;

export function createMessageLimit(rateLimits: RateLimits, perMinute: number): AdmitMessage {
  const messages = rateLimits('whatsapp-messages', { points: perMinute, durationSeconds: 60 });
  const notices = rateLimits('whatsapp-slow-down', { points: 1, durationSeconds: 60 });
  return async (conversationId) => {
    if ((await messages.take(conversationId)).allowed) return 'take';
    return (await notices.take(conversationId)).allowed ? 'slow-down' : 'drop';
  };
}
