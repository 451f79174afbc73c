/**
 * The in-memory `HandoffStore` (one instance). Handoffs are kept as JSON text, like in Redis, so
 * nothing shares objects with its callers. Like Redis too, a handoff and its messages expire
 * `ttlSeconds` after their last write (#15: the embedded default holds the handoffs of that
 * time, not every handoff ever): kept in the order written, expired ones dropped at every write.
 * @module
 */
import { EventEmitter } from 'node:events';
import type { Handoff, HandoffEvent, HandoffMessage } from './handoff';
import { queueOrder, type HandoffStore } from './handoff-store';

export interface MemoryHandoffOptions {
  /** Messages kept per conversation (the oldest go first). */
  maxMessages?: number;
  /** How long a handoff and its messages are kept after their last write, in seconds (SESSION_TTL_SECONDS); none: for ever. */
  ttlSeconds?: number;
  clock?: () => number;
}

interface Kept<T> {
  value: T;
  until: number;
}

/** Entries in the order written, each until its expiry. */
class Expiring<T> {
  private readonly entries = new Map<string, Kept<T>>();

  constructor(private readonly ttlMs: number, private readonly now: () => number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): T | undefined {
    const e = this.entries.get(id);
    return e && e.until > this.now() ? e.value : undefined;
  }

  set(id: string, value: T): void {
    const t = this.now();
    this.entries.delete(id);
    this.entries.set(id, { value, until: t + this.ttlMs });
    for (const [key, e] of this.entries) {
      if (e.until > t) break;
      this.entries.delete(key);
    }
  }

  *values(): IterableIterator<T> {
    const t = this.now();
    for (const e of this.entries.values()) if (e.until > t) yield e.value;
  }
}

export function createMemoryHandoffStore(options: MemoryHandoffOptions = {}): HandoffStore & { readonly size: number } {
  const ttlMs = options.ttlSeconds === undefined ? Infinity : options.ttlSeconds * 1000;
  const now = options.clock ?? Date.now;
  const handoffs = new Expiring<string>(ttlMs, now);
  const messages = new Expiring<HandoffMessage[]>(ttlMs, now);
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const max = options.maxMessages ?? 1000;
  const read = (json: string | undefined) => (json === undefined ? undefined : (JSON.parse(json) as Handoff));

  return {
    async get(id) {
      return read(handoffs.get(id));
    },
    async update(id, change) {
      // Single-threaded: read, change and write cannot interleave.
      const next = change(read(handoffs.get(id)));
      if (next) handoffs.set(id, JSON.stringify(next));
      return next && (JSON.parse(JSON.stringify(next)) as Handoff);
    },
    async list(siteId) {
      return [...handoffs.values()].map(read).filter((h): h is Handoff => !!h && h.siteId === siteId && h.status !== 'closed').sort(queueOrder);
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
    get size() {
      return handoffs.size + messages.size;
    },
  };
}
