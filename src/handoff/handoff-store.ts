/**
 * The `HandoffStore` port: handoffs per conversation (written by compare-and-set), each site's
 * queue (waiting, oldest first, then active), the messages exchanged, and an event bus so that
 * every instance and every advisor console hears about changes. Memory (one instance) and Redis.
 * @module
 */
import type { Handoff, HandoffEvent, HandoffMessage } from './handoff';

export interface HandoffStore {
  get(conversationId: string): Promise<Handoff | undefined>;
  /**
   * Applies `change` to the current handoff and writes the result atomically (retrying on a
   * concurrent write). `change` returns undefined to write nothing; so does `update`.
   */
  update(conversationId: string, change: (current: Handoff | undefined) => Handoff | undefined): Promise<Handoff | undefined>;
  /** The site's open handoffs: waiting ones oldest first, then active ones oldest first. */
  list(siteId: string): Promise<Handoff[]>;
  /** Adds messages; `replace` starts the list again (a new handoff of the same conversation). */
  append(conversationId: string, messages: HandoffMessage[], replace?: boolean): Promise<void>;
  messages(conversationId: string): Promise<HandoffMessage[]>;
  publish(event: HandoffEvent): Promise<void>;
  /** Hears every event from every instance; returns the unsubscribe function. */
  subscribe(listener: (event: HandoffEvent) => void): () => void;
  close(): Promise<void>;
}

/** Orders a site's open handoffs: waiting first, each group oldest first. */
export function queueOrder(a: Handoff, b: Handoff): number {
  const rank = (h: Handoff) => (h.status === 'waiting' ? 0 : 1);
  return rank(a) - rank(b) || Date.parse(a.since) - Date.parse(b.since);
}
