/**
 * WhatsApp's customer service window: free-form and interactive messages only within 24 hours
 * of the customer's last message. In memory here (one instance); shared through Redis when there
 * is one (shared-state.ts), behind this same interface.
 * @module
 */
export const WINDOW_MS = 24 * 3600 * 1000;

export interface ContactWindow {
  recordInbound(conversationId: string, at: Date): Promise<void>;
  lastInbound(conversationId: string): Promise<Date | undefined>;
}

/**
 * Bounded (#15): kept in the order customers last wrote, and a customer whose window closed a
 * window ago (by the latest message seen: the clock of the messages) is forgotten, so memory holds
 * the customers of the last two days, not every customer ever.
 */
export function createMemoryContactWindow(): ContactWindow & { readonly size: number } {
  const last = new Map<string, number>();
  let latest = 0;
  return {
    async recordInbound(conversationId, at) {
      // Webhooks may arrive out of order: the window only ever moves forward.
      const t = Math.max(last.get(conversationId) ?? 0, at.getTime());
      last.delete(conversationId);
      last.set(conversationId, t);
      latest = Math.max(latest, t);
      for (const [id, seen] of last) {
        if (seen > latest - 2 * WINDOW_MS) break;
        last.delete(id);
      }
    },
    async lastInbound(conversationId) {
      const t = last.get(conversationId);
      return t === undefined ? undefined : new Date(t);
    },
    get size() {
      return last.size;
    },
  };
}

export function isOpen(lastInbound: Date | undefined, now: Date): boolean {
  return lastInbound !== undefined && now.getTime() - lastInbound.getTime() < WINDOW_MS;
}
