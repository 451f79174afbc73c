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
  /** One key per channel message id: `pending:<fence>` while its turn runs (BEGIN), `done` once committed (COMMIT). */
  seen(messageId: string): string;
  /** The reply committed with a message id (a short TTL): what a duplicate delivery gets back. */
  reply(messageId: string): string;
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
    seen: (messageId) => `${base}seen:${messageId}`,
    reply: (messageId) => `${base}reply:${messageId}`,
  };
}

/** A prefix with braces would become the hash tag and put every conversation in one slot. */
export function checkPrefix(prefix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`REDIS_KEY_PREFIX must not contain braces: "${prefix}"`);
  return prefix;
}
