/**
 * The in-memory `SessionStore` (the embedded default). Snapshots are kept as JSON text, exactly
 * as the Redis store keeps them, so every turn goes through persist → JSON → restore.
 * @module
 */
import { KeyedMutex } from '../engine/keyed-mutex';
import type { Envelope, SessionStore, StoredSession, TranscriptEntry } from './session-store';

interface Entry {
  json: string;
  revision: number;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** How long an idle conversation is kept, in seconds. */
  ttlSeconds: number;
  /** How many message ids are remembered for de-duplication. */
  maxMessageIds?: number;
  clock?: () => number;
}

export function createMemorySessionStore(options: MemoryStoreOptions): SessionStore {
  const sessions = new Map<string, Entry>();
  const transcripts = new Map<string, TranscriptEntry[]>();
  const seen = new Map<string, number>();
  const maxIds = options.maxMessageIds ?? 100_000;
  const now = options.clock ?? Date.now;
  const ttl = options.ttlSeconds * 1000;
  const mutex = new KeyedMutex();
  let fence = 0;

  const live = (id: string): Entry | undefined => {
    const e = sessions.get(id);
    if (e && e.expiresAt <= now()) {
      sessions.delete(id);
      transcripts.delete(id);
      return undefined;
    }
    return e;
  };

  return {
    async load(id) {
      const e = live(id);
      return e ? ({ envelope: JSON.parse(e.json) as Envelope, revision: e.revision } satisfies StoredSession) : undefined;
    },
    async save(id, envelope, expected) {
      const current = live(id)?.revision ?? 0;
      if (current !== expected) return false;
      sessions.set(id, { json: JSON.stringify(envelope), revision: current + 1, expiresAt: now() + ttl });
      return true;
    },
    async appendTranscript(id, entries) {
      const list = transcripts.get(id) ?? [];
      list.push(...entries);
      transcripts.set(id, list);
    },
    async transcript(id) {
      return [...(transcripts.get(id) ?? [])];
    },
    async firstDelivery(id, messageId) {
      const key = `${id}\u0000${messageId}`;
      if (seen.has(key)) return false;
      seen.set(key, now());
      // Maps iterate in insertion order: the oldest ids go first.
      if (seen.size > maxIds) seen.delete(seen.keys().next().value as string);
      return true;
    },
    withTurnLock(id, task) {
      return mutex.run(id, () => task(++fence));
    },
    async ping() {},
    async close() {
      sessions.clear();
      transcripts.clear();
      seen.clear();
    },
  };
}
