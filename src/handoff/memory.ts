/**
 * The in-memory `HandoffStore` (one instance). Handoffs are kept as JSON text, like in Redis, so
 * nothing shares objects with its callers.
 * @module
 */
import { EventEmitter } from 'node:events';
import type { Handoff, HandoffEvent, HandoffMessage } from './handoff';
import { queueOrder, type HandoffStore } from './handoff-store';

export function createMemoryHandoffStore(options: { maxMessages?: number } = {}): HandoffStore {
  const handoffs = new Map<string, string>();
  const messages = new Map<string, HandoffMessage[]>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const max = options.maxMessages ?? 1000;
  const read = (id: string) => {
    const json = handoffs.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as Handoff);
  };

  return {
    async get(id) {
      return read(id);
    },
    async update(id, change) {
      // Single-threaded: read, change and write cannot interleave.
      const next = change(read(id));
      if (next) handoffs.set(id, JSON.stringify(next));
      return next && (JSON.parse(JSON.stringify(next)) as Handoff);
    },
    async list(siteId) {
      return [...handoffs.keys()].map(read).filter((h): h is Handoff => !!h && h.siteId === siteId && h.status !== 'closed').sort(queueOrder);
    },
    async append(id, list, replace) {
      const kept = replace ? [] : (messages.get(id) ?? []);
      messages.set(id, [...kept, ...list].slice(-max));
    },
    async messages(id) {
      return structuredClone(messages.get(id) ?? []);
    },
    async publish(event) {
      // Asynchronous like Redis pub/sub: a listener never runs inside the publisher's call.
      setImmediate(() => bus.emit('event', structuredClone(event)));
    },
    subscribe(listener: (event: HandoffEvent) => void) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    async close() {
      bus.removeAllListeners();
    },
  };
}
