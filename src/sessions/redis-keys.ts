/**
 * The Redis key layout of one conversation. Every key carries the conversation id as a hash tag
 * (`{…}`), so all of them live in one Cluster slot and one Lua script may touch them together.
 * @module
 */

export interface ConversationKeys {
  /** Hash `{ rev, env }`: the snapshot envelope (JSON) and its revision. */
  snapshot: string;
  /** List of transcript entries (JSON), oldest first, capped in entries and bytes. */
  transcript: string;
  /** Counter: the bytes the transcript list holds (its byte cap is kept without reading the list). */
  transcriptBytes: string;
  /** The turn lock: the holder's token, with a lease (PX). */
  lock: string;
  /** Counter: the fencing token, incremented on every acquisition. */
  fence: string;
  /** List of waiting tokens, in arrival order (the fair queue). */
  queue: string;
  /** Hash token → deadline (ms, Redis time): a waiter that stops polling is skipped. */
  waiters: string;
  /** Counter: the conversation's turns in the current window of its turn limit (TurnOptions.limit), with the window's TTL. */
  turns: string;
  /** One key per channel message id: `pending:<fence>` while its turn runs (BEGIN), `done` once committed (COMMIT). */
  seen(messageId: string): string;
  /** The reply committed with a message id (a short TTL): what a duplicate delivery gets back. */
  reply(messageId: string): string;
  /** The channels' own state beside the conversation (docs/sessions.md, "Channel state"). */
  channel: ChannelKeys;
}

export interface ChannelKeys {
  /** Hash: a web chat conversation (token hash, times, activity counter). */
  webChat: string;
  /** List: the web chat's backlog of pushed activities for late or reconnecting streams, capped. */
  webChatBacklog: string;
  /** String: the answer (JSON) to a web chat post, by its clientActivityID, for a re-post on any instance. */
  webChatAnswer(clientActivityId: string): string;
  /** String: the time (ms) of the customer's last WhatsApp message, which opens the 24-hour window. */
  whatsAppWindow: string;
  /** String: a WhatsApp message id already taken by an instance. */
  whatsAppSeen(messageId: string): string;
}

/**
 * Braces would break the hash tag and `%` the escaping: all three are percent-encoded. An empty
 * tag would not count as one, so '' becomes a lone '%' (which escaping never produces).
 */
const escape = (s: string) => (s === '' ? '%' : s.replace(/[{}%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));

export function conversationKeys(prefix: string, conversationId: string): ConversationKeys {
  const base = `${prefix}{${escape(conversationId)}}:`;
  return {
    snapshot: `${base}snapshot`,
    transcript: `${base}transcript`,
    transcriptBytes: `${base}transcript:bytes`,
    lock: `${base}lock`,
    fence: `${base}fence`,
    queue: `${base}queue`,
    waiters: `${base}waiters`,
    turns: `${base}turns`,
    seen: (messageId) => `${base}seen:${messageId}`,
    reply: (messageId) => `${base}reply:${messageId}`,
    channel: {
      webChat: `${base}webchat`,
      webChatBacklog: `${base}webchat:backlog`,
      webChatAnswer: (clientActivityId) => `${base}webchat:answer:${clientActivityId}`,
      whatsAppWindow: `${base}whatsapp:window`,
      whatsAppSeen: (messageId) => `${base}whatsapp:seen:${messageId}`,
    },
  };
}

/** Keys of the instances' shared web chat state that belong to no one conversation. */
export function webChatKeys(prefix: string) {
  return {
    /** Sorted set: live web chat conversation ids by the time they expire (ms, the app's clock): the bounded table. */
    table: `${prefix}webchat:table`,
    /** Pub/sub channel: pushed activities and forgotten conversations, for the streams every instance holds. */
    events: `${prefix}webchat:events`,
  };
}

/** A prefix with braces would become the hash tag and put every conversation in one slot. */
export function checkPrefix(prefix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`REDIS_KEY_PREFIX must not contain braces: "${prefix}"`);
  return prefix;
}
