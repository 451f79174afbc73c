/**
 * The web chat's limits, from the settings (docs/webchat.md, "Limits"): conversations opened per
 * client address per hour and messages per conversation per minute — counted through Redis when
 * there is one, so every instance shares them — and, per instance, the bounded table of
 * conversations and the places for event streams.
 * @module
 */
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { pacedLog } from '../../http/paced-log';
import type { RateLimit, RateLimits } from '../../limits/rate-limits';
import { DEFAULT_LIMITS, type ConversationLimits } from './conversations';
import { DEFAULT_HUB_OPTIONS, type HubOptions } from './hub';

export interface WebChatLimits {
  /** Key: the client's address (TRUST_PROXY_HOPS). */
  opens: RateLimit;
  /** Key: the engine's conversation id, `webchat:<id>`. */
  messages: RateLimit;
  conversations: ConversationLimits;
  hub: HubOptions;
  /** Logs a refusal at warn, at most once a minute per kind, so that a flood does not flood the log too. */
  refused(kind: 'opens' | 'full' | 'messages', details: Record<string, unknown>): void;
}

type LimitSettings = Pick<
  Config,
  'WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR' | 'WEBCHAT_MAX_CONVERSATIONS' | 'UNUSED_CONVERSATION_TTL_SECONDS' | 'MESSAGES_PER_CONVERSATION_PER_MINUTE' | 'STREAMS_PER_CONVERSATION' | 'STREAMS_MAX'
>;

export function webChatLimits(config: LimitSettings, rateLimits: RateLimits, logger: Logger): WebChatLimits {
  const log = pacedLog(logger);
  return {
    opens: rateLimits('webchat-opens', { points: config.WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR, durationSeconds: 3600 }),
    messages: rateLimits('webchat-messages', { points: config.MESSAGES_PER_CONVERSATION_PER_MINUTE, durationSeconds: 60 }),
    conversations: { ...DEFAULT_LIMITS, max: config.WEBCHAT_MAX_CONVERSATIONS, unusedMs: config.UNUSED_CONVERSATION_TTL_SECONDS * 1000 },
    hub: { ...DEFAULT_HUB_OPTIONS, streamsPerConversation: config.STREAMS_PER_CONVERSATION, streamsMax: config.STREAMS_MAX },
    refused: (kind, details) => log(kind, 'warn', details, 'web chat refused a request over its limit'),
  };
}
