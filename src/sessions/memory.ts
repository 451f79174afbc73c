/**
 * The in-memory `SessionStore` (the embedded default), for one instance. Snapshots are kept as JSON
 * text, exactly as the Redis store keeps them, so every turn goes through persist → JSON →
 * restore; turns of a conversation run one at a time (a mutex), and a message id counts as
 * handled once its turn is committed, as with Redis.
 * @module
 */
import { KeyedMutex } from '../engine/keyed-mutex';
import { localTurnLimits } from './local-turn-limits';
import type { Envelope, SessionStore, StoredSession, TranscriptEntry } from './session-store';
import { boundedEntry, MAX_TRANSCRIPT_BYTES } from './transcript-bounds';

const SWEEP_EVERY_MS = 60_000;

interface Entry {
  json: string;
  revision: number;
  expiresAt: number;
  /** The commit's tag (OpenTurn.commit), for a later turn's `held`. */
  tag?: string;
}

export interface MemoryStoreOptions {
  /** How long an idle conversation is kept, in seconds. */
  ttlSeconds: number;
  /** How many message ids are remembered for de-duplication. */
  maxMessageIds?: number;
  /** How long the reply to a message id is kept for its duplicate deliveries, in seconds (default 600). */
  replyTtlSeconds?: number;
  /** Transcript entries kept per conversation, and their bytes (as JSON): the oldest go first. */
  maxTranscript?: number;
  maxTranscriptBytes?: number;
  clock?: () => number;
}

interface Transcript {
  entries: TranscriptEntry[];
  bytes: number[];
  total: number;
}

export interface MemorySessionStore extends SessionStore {
  /** Conversations held (expired ones included until swept): for the operator's metrics and tests. */
  readonly size: number;
}

export function createMemorySessionStore(options: MemoryStoreOptions): MemorySessionStore {
  const sessions = new Map<string, Entry>();
  const transcripts = new Map<string, Transcript>();
  const maxEntries = options.maxTranscript ?? 500;
  const maxBytes = options.maxTranscriptBytes ?? MAX_TRANSCRIPT_BYTES;
  const seen = new Map<string, number>();
  const maxIds = options.maxMessageIds ?? 100_000;
  // Replies by message id, in commit order: with one TTL for all, the oldest expire first.
  const replies = new Map<string, { text: string; until: number }>();
  const replyTtl = (options.replyTtlSeconds ?? 600) * 1000;
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

  // Expired conversations go when met (live), and in a sweep at most once a minute on a write:
  // conversations nobody meets again (a flood of opened web chats) would otherwise stay for good.
  let nextSweep = now() + SWEEP_EVERY_MS;
  const sweep = () => {
    const t = now();
    if (t < nextSweep) return;
    nextSweep = t + SWEEP_EVERY_MS;
    for (const [id, e] of sessions) {
      if (e.expiresAt > t) continue;
      sessions.delete(id);
      transcripts.delete(id);
    }
  };

  const read = (e: Entry | undefined): StoredSession | undefined =>
    e ? { envelope: JSON.parse(e.json) as Envelope, revision: e.revision } : undefined;
  const append = (id: string, entries: TranscriptEntry[]) => {
    const t = transcripts.get(id) ?? { entries: [], bytes: [], total: 0 };
    for (const entry of entries.map(boundedEntry)) {
      const size = Buffer.byteLength(JSON.stringify(entry));
      t.entries.push(entry);
      t.bytes.push(size);
      t.total += size;
    }
    while (t.entries.length > 1 && (t.entries.length > maxEntries || t.total > maxBytes)) {
      t.entries.shift();
      t.total -= t.bytes.shift()!;
    }
    transcripts.set(id, t);
  };
  const keepReply = (key: string, text: string | undefined) => {
    const t = now();
    for (const [k, r] of replies) {
      if (r.until > t && replies.size < maxIds) break;
      replies.delete(k);
    }
    if (text !== undefined) replies.set(key, { text, until: t + replyTtl });
  };
  const replyOf = (key: string): string | undefined => {
    const r = replies.get(key);
    return r && r.until > now() ? r.text : undefined;
  };
  const markSeen = (key: string) => {
    seen.set(key, now());
    // Maps iterate in insertion order: the oldest ids go first.
    if (seen.size > maxIds) seen.delete(seen.keys().next().value as string);
  };

  const limits = localTurnLimits();
  return {
    async turn(id, messageId, task, options) {
      await limits(id, options?.limit);
      return mutex.run(id, async (release) => {
        const key = messageId === undefined ? undefined : `${id}\u0000${messageId}`;
        const duplicate = key !== undefined && seen.has(key);
        // A message already handled: nothing to read, and the next turn may go at once.
        if (duplicate) release();
        const current = duplicate ? undefined : live(id);
        // Still the write the caller holds: no need to parse it again.
        const unchanged = current && options?.held !== undefined && current.tag === options.held ? { revision: current.revision } : undefined;
        const stored = unchanged ? undefined : read(current);
        const expected = stored?.revision ?? unchanged?.revision ?? 0;
        let committed = false;
        return task({
          fence: ++fence,
          duplicate,
          stored,
          ...(unchanged ? { unchanged } : {}),
          ...(duplicate && key !== undefined && replyOf(key) !== undefined ? { reply: replyOf(key) } : {}),
          async commit({ envelope, tag, transcript, release: letIn, ttlSeconds, reply }) {
            const expiresAt = now() + (ttlSeconds === undefined ? ttl : ttlSeconds * 1000);
            if (duplicate) throw new Error('a duplicate turn has nothing to commit');
            if (committed) throw new Error('the turn is already committed');
            committed = true;
            sweep();
            const latest = live(id);
            if (envelope) {
              if ((latest?.revision ?? 0) !== expected) return false;
              sessions.set(id, { json: JSON.stringify(envelope), revision: (latest?.revision ?? 0) + 1, expiresAt, ...(tag !== undefined ? { tag } : {}) });
            } else if (latest) {
              latest.expiresAt = expiresAt;
            }
            if (key !== undefined) {
              markSeen(key);
              keepReply(key, reply);
            }
            append(id, transcript);
            if (letIn) release();
            return true;
          },
        });
      });
    },
    async load(id) {
      return read(live(id));
    },
    async appendTranscript(id, entries) {
      append(id, entries);
    },
    async transcript(id) {
      return [...(transcripts.get(id)?.entries ?? [])];
    },
    get size() {
      return sessions.size;
    },
    async ping() {},
    async close() {
      sessions.clear();
      transcripts.clear();
      seen.clear();
      replies.clear();
    },
  };
}
