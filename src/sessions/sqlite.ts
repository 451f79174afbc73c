/**
 * The SQLite `SessionStore` (the embedded default, #15): one file in DATA_DIR beside the
 * planning's, so that conversations survive a restart, with expiry that frees idle ones. Same
 * semantics as the memory and Redis stores (session-store-contract.ts): turns of a conversation
 * one at a time in arrival order (a mutex in this process), snapshots by compare-and-set on their
 * revision, message ids handled once committed, the reply kept for duplicate deliveries, capped
 * transcripts (transcript-bounds.ts). A commit is one transaction of prepared statements; the
 * file is in WAL mode with `synchronous = NORMAL` (a power cut may lose the last commits, never
 * corrupt the file). A sweep on an unref'd timer deletes what expired, gives the freed pages back
 * (incremental vacuum) and truncates the write-ahead log, so the file stays as large as the live
 * conversations. One process serves a file (as with the planning): a second process on the same
 * file gets no turn lock, but its snapshot writes are still refused on a revision it did not read.
 * @module
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { KeyedMutex } from '../engine/keyed-mutex';
import { localTurnLimits } from './local-turn-limits';
import type { Envelope, OpenTurn, SessionStore, StoredSession, TranscriptEntry } from './session-store';
import { migrate } from './sqlite-schema';
import { boundedEntry, MAX_TRANSCRIPT_BYTES } from './transcript-bounds';

export interface SqliteStoreOptions {
  /** A file path (created if missing), e.g. `DATA_DIR/sessions.sqlite`. */
  file: string;
  /** How long an idle conversation (snapshot and transcript) is kept, in seconds (SESSION_TTL_SECONDS). */
  ttlSeconds: number;
  /** How long a handled message id is remembered, in seconds (default 7 days: Meta retries for days). */
  seenTtlSeconds?: number;
  /** How long the reply to a message id is kept for its duplicate deliveries, in seconds (default 600). */
  replyTtlSeconds?: number;
  /** Transcript entries kept per conversation, and their bytes (as JSON): the oldest go first. */
  maxTranscript?: number;
  maxTranscriptBytes?: number;
  /** How often expired rows are deleted, ms (default a minute). */
  sweepEveryMs?: number;
  /** How long to wait for another process's transaction, ms (default 10 s). */
  busyTimeoutMs?: number;
  clock?: () => number;
  /** A sweep that failed (logged by the caller; the next one tries again). */
  onError?: (err: unknown) => void;
}

/** What the file holds: for the operator's metrics and tests. */
export interface SqliteStorage {
  conversations: number;
  transcriptEntries: number;
  handledMessages: number;
  replies: number;
  /** The database's pages (file size / page size) and how many of them are free. */
  pages: number;
  freePages: number;
  /** The write-ahead log's size on disk. */
  walBytes: number;
}

export interface SqliteSessionStore extends SessionStore {
  /** Conversations held (expired ones included until swept). */
  readonly size: number;
  /** Deletes what expired now (the timer does it every `sweepEveryMs`); returns the conversations deleted. */
  sweep(): number;
  storage(): SqliteStorage;
}

interface Row {
  id: number;
  revision: number;
  envelope: string | null;
  tag: string | null;
  expires_ms: number;
  transcript_count: number;
  transcript_bytes: number;
  transcript_seq: number;
}

/** The minute an expiry falls in, rounded up: the sweep deletes a row once that minute is over. */
const minuteOf = (ms: number) => Math.ceil(ms / 60_000);

/** Rows deleted per statement, and statements per sweep: a sweep never holds the file for long. */
const BATCH = 500;
const MAX_BATCHES = 40;

/**
 * Opens (and migrates) the store.
 * @example
 * const sessions = createSqliteSessionStore({ file: path.join(dataDir, 'sessions.sqlite'), ttlSeconds: 30 * 24 * 3600 });
 */
export function createSqliteSessionStore(options: SqliteStoreOptions): SqliteSessionStore {
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 10_000 });
  // Before the first table: freed pages can then be given back to the file system.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A checkpointed log is cut back to this size, whatever a burst made it grow to.
  db.pragma(`journal_size_limit = ${8 * 1024 * 1024}`);
  migrate(db);

  const now = options.clock ?? (() => Date.now());
  const ttl = options.ttlSeconds * 1000;
  const seenTtl = (options.seenTtlSeconds ?? 7 * 24 * 3600) * 1000;
  const replyTtl = (options.replyTtlSeconds ?? 600) * 1000;
  const maxEntries = options.maxTranscript ?? 500;
  const maxBytes = options.maxTranscriptBytes ?? MAX_TRANSCRIPT_BYTES;
  const onError = options.onError ?? (() => undefined);
  const mutex = new KeyedMutex();
  let fence = 0;

  const q = {
    row: db.prepare<[string], Row>(
      'SELECT id, revision, envelope, tag, expires_ms, transcript_count, transcript_bytes, transcript_seq FROM conversations WHERE conversation = ?',
    ),
    insert: db.prepare<[string, number, number]>('INSERT INTO conversations (conversation, expires_ms, sweep_minute) VALUES (?, ?, ?)'),
    write: db.prepare<[number, string, string | null, number, number]>('UPDATE conversations SET revision = ?, envelope = ?, tag = ?, expires_ms = ? WHERE id = ?'),
    expires: db.prepare<[number, number]>('UPDATE conversations SET expires_ms = ? WHERE id = ?'),
    // Its own statement, changing nothing (its index untouched) while the minute is the same.
    sweepAt: db.prepare<[number, number, number]>('UPDATE conversations SET sweep_minute = ? WHERE id = ? AND sweep_minute <> ?'),
    totals: db.prepare<[number, number, number, number]>('UPDATE conversations SET transcript_count = ?, transcript_bytes = ?, transcript_seq = ? WHERE id = ?'),
    forget: db.prepare<[number]>('DELETE FROM conversations WHERE id = ?'),
    forgetTranscript: db.prepare<[number]>('DELETE FROM transcript WHERE conversation = ?'),
    push: db.prepare<[number, number, number, string]>('INSERT INTO transcript (conversation, seq, bytes, entry) VALUES (?, ?, ?, ?)'),
    oldest: db.prepare<[number], { seq: number; bytes: number }>('SELECT seq, bytes FROM transcript WHERE conversation = ? ORDER BY seq LIMIT 1'),
    drop: db.prepare<[number, number]>('DELETE FROM transcript WHERE conversation = ? AND seq = ?'),
    entries: db.prepare<[number], string>('SELECT entry FROM transcript WHERE conversation = ? ORDER BY seq').pluck(),
    handled: db.prepare<[string, string, number], number>('SELECT 1 FROM handled WHERE conversation = ? AND message = ? AND expires_ms > ?').pluck(),
    markHandled: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO handled (conversation, message, expires_ms) VALUES (?, ?, ?)'),
    reply: db.prepare<[string, string, number], string>('SELECT reply FROM replies WHERE conversation = ? AND message = ? AND expires_ms > ?').pluck(),
    keepReply: db.prepare<[string, string, string, number]>('INSERT OR REPLACE INTO replies (conversation, message, reply, expires_ms) VALUES (?, ?, ?, ?)'),
    expired: db.prepare<[number, number], number>('SELECT id FROM conversations WHERE sweep_minute <= ? ORDER BY sweep_minute LIMIT ?').pluck(),
    expiredHandled: db.prepare<[number, number]>(
      'DELETE FROM handled WHERE (conversation, message) IN (SELECT conversation, message FROM handled WHERE expires_ms <= ? LIMIT ?)',
    ),
    expiredReplies: db.prepare<[number, number]>(
      'DELETE FROM replies WHERE (conversation, message) IN (SELECT conversation, message FROM replies WHERE expires_ms <= ? LIMIT ?)',
    ),
    count: db.prepare<[], number>('SELECT COUNT(*) FROM conversations').pluck(),
    ping: db.prepare('SELECT 1').pluck(),
  };

  /** The conversation's row if it has not expired; an expired one is deleted when met. */
  const live = (id: string, t: number): Row | undefined => {
    const row = q.row.get(id);
    if (!row || row.expires_ms > t) return row;
    forget(row.id);
    return undefined;
  };
  const forget = (rowId: number) => {
    q.forgetTranscript.run(rowId);
    q.forget.run(rowId);
  };
  /** The conversation's row, created (without a snapshot) if missing. */
  const rowFor = (id: string, t: number, expiresAt: number): Row => {
    const row = live(id, t);
    if (row) return row;
    const rowId = Number(q.insert.run(id, expiresAt, minuteOf(expiresAt)).lastInsertRowid);
    return { id: rowId, revision: 0, envelope: null, tag: null, expires_ms: expiresAt, transcript_count: 0, transcript_bytes: 0, transcript_seq: 0 };
  };
  const expireAt = (rowId: number, expiresAt: number) => {
    q.expires.run(expiresAt, rowId);
    q.sweepAt.run(minuteOf(expiresAt), rowId, minuteOf(expiresAt));
  };
  const append = (row: Row, entries: TranscriptEntry[]) => {
    let count = row.transcript_count;
    let bytes = row.transcript_bytes;
    let seq = row.transcript_seq;
    for (const entry of entries) {
      const json = JSON.stringify(boundedEntry(entry));
      const size = Buffer.byteLength(json);
      q.push.run(row.id, ++seq, size, json);
      count++;
      bytes += size;
    }
    while (count > 1 && (count > maxEntries || bytes > maxBytes)) {
      const oldest = q.oldest.get(row.id)!;
      q.drop.run(row.id, oldest.seq);
      count--;
      bytes -= oldest.bytes;
    }
    q.totals.run(count, bytes, seq, row.id);
  };

  /** The conversation's row while it holds a snapshot and has not expired. */
  const stored = (id: string): (Row & { envelope: string }) | undefined => {
    const row = q.row.get(id);
    return !row || row.envelope === null || row.expires_ms <= now() ? undefined : (row as Row & { envelope: string });
  };
  const sessionOf = (row: (Row & { envelope: string }) | undefined): StoredSession | undefined =>
    row && { envelope: JSON.parse(row.envelope) as Envelope, revision: row.revision };

  // The end of a turn, in one transaction: false (nothing written) when the revision moved.
  const commitNow = db.transaction((id: string, key: string | undefined, expected: number, end: Parameters<OpenTurn['commit']>[0]) => {
    const t = now();
    const expiresAt = t + (end.ttlSeconds === undefined ? ttl : end.ttlSeconds * 1000);
    let row = live(id, t);
    if (end.envelope) {
      if ((row?.revision ?? 0) !== expected) return false;
      row ??= rowFor(id, t, expiresAt);
      q.write.run(row.revision + 1, JSON.stringify(end.envelope), end.tag ?? null, expiresAt, row.id);
      q.sweepAt.run(minuteOf(expiresAt), row.id, minuteOf(expiresAt));
    } else if (row) {
      expireAt(row.id, expiresAt);
    } else if (end.transcript.length) {
      row = rowFor(id, t, expiresAt);
    }
    if (key !== undefined) {
      q.markHandled.run(id, key, t + seenTtl);
      if (end.reply !== undefined) q.keepReply.run(id, key, end.reply, t + replyTtl);
    }
    if (row && end.transcript.length) append(row, end.transcript);
    return true;
  });

  const appendNow = db.transaction((id: string, entries: TranscriptEntry[]) => {
    const t = now();
    const row = rowFor(id, t, t + ttl);
    // An entry keeps the conversation at least the store's TTL (never shortens it).
    if (row.expires_ms < t + ttl) expireAt(row.id, t + ttl);
    append(row, entries);
  });

  const sweepBatch = db.transaction((t: number) => {
    const ids = q.expired.all(Math.floor(t / 60_000), BATCH);
    for (const rowId of ids) forget(rowId);
    const handled = q.expiredHandled.run(t, BATCH).changes;
    const replies = q.expiredReplies.run(t, BATCH).changes;
    return { conversations: ids.length, more: Math.max(ids.length, handled, replies) === BATCH, any: ids.length + handled + replies > 0 };
  });
  const sweep = (): number => {
    const t = now();
    let deleted = 0;
    let any = false;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = sweepBatch.immediate(t);
      deleted += batch.conversations;
      any ||= batch.any;
      if (!batch.more) break;
    }
    if (any) {
      // The freed pages back to the file system, and the log they went through cut back.
      db.pragma('incremental_vacuum');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return deleted;
  };
  const timer = setInterval(() => {
    try {
      sweep();
    } catch (err) {
      onError(err);
    }
  }, options.sweepEveryMs ?? 60_000);
  timer.unref();

  const limits = localTurnLimits();
  return {
    async turn(id, messageId, task, options) {
      await limits(id, options?.limit);
      return mutex.run(id, async (release) => {
        const duplicate = messageId !== undefined && q.handled.get(id, messageId, now()) !== undefined;
        // A message already handled: nothing to read, and the next turn may go at once.
        if (duplicate) release();
        const reply = duplicate ? q.reply.get(id, messageId, now()) : undefined;
        const row = duplicate ? undefined : stored(id);
        // Still the write the caller holds: no need to parse it again.
        const unchanged = row && options?.held !== undefined && row.tag === options.held ? { revision: row.revision } : undefined;
        const session = unchanged ? undefined : sessionOf(row);
        let committed = false;
        return task({
          fence: ++fence,
          duplicate,
          stored: session,
          ...(unchanged ? { unchanged } : {}),
          ...(reply !== undefined ? { reply } : {}),
          async commit(end) {
            if (duplicate) throw new Error('a duplicate turn has nothing to commit');
            if (committed) throw new Error('the turn is already committed');
            committed = true;
            const written = commitNow.immediate(id, messageId, session?.revision ?? unchanged?.revision ?? 0, end);
            if (end.release) release();
            return written;
          },
        });
      });
    },
    async load(id) {
      return sessionOf(stored(id));
    },
    async appendTranscript(id, entries) {
      if (entries.length) appendNow.immediate(id, entries);
    },
    async transcript(id) {
      const row = q.row.get(id);
      if (!row || row.expires_ms <= now()) return [];
      return q.entries.all(row.id).map((json) => JSON.parse(json) as TranscriptEntry);
    },
    get size() {
      return q.count.get()!;
    },
    sweep,
    storage() {
      const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
      let walBytes = 0;
      try {
        walBytes = fs.statSync(`${options.file}-wal`).size;
      } catch {
        // no log (yet)
      }
      return {
        conversations: count('conversations'),
        transcriptEntries: count('transcript'),
        handledMessages: count('handled'),
        replies: count('replies'),
        pages: db.pragma('page_count', { simple: true }) as number,
        freePages: db.pragma('freelist_count', { simple: true }) as number,
        walBytes,
      };
    },
    async ping() {
      q.ping.get();
    },
    async close() {
      clearInterval(timer);
      if (db.open) db.close();
    },
  };
}
