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

export function createMemoryContactWindow(): ContactWindow {
  const last = new Map<string, number>();
  return {
    async recordInbound(conversationId, at) {
      // Webhooks may arrive out of order: the window only ever moves forward.
      last.set(conversationId, Math.max(last.get(conversationId) ?? 0, at.getTime()));
    },
    async lastInbound(conversationId) {
      const t = last.get(conversationId);
      return t === undefined ? undefined : new Date(t);
    },
  };
}

export function isOpen(lastInbound: Date | undefined, now: Date): boolean {
  return lastInbound !== undefined && now.getTime() - lastInbound.getTime() < WINDOW_MS;
}
