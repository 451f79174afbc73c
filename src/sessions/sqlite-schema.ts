/**
 * The SQLite session store's schema, versioned with SQLite's `user_version` (as the embedded
 * planning's, src/planning/sqlite-schema.ts). Times are epoch milliseconds; every row carries the
 * time it expires at, and the sweep deletes by those indexes.
 * @module
 */
import type { Database } from 'better-sqlite3';
import { migrateSchema } from '../sqlite-migrate';

/** Append only: the database's `user_version` is the number of migrations applied. */
export const MIGRATIONS: readonly string[] = [
  `
  -- One row per conversation. envelope NULL: only a transcript (a turn that stored no snapshot).
  -- sweep_minute: the minute its expiry falls in (rounded up), what the sweep looks up: unlike the
  -- exact expires_ms it moves at most once a minute, so most commits leave its index alone.
  -- The transcript's running totals and next number live here: its caps need no read of the entries.
  CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY,
    conversation     TEXT NOT NULL UNIQUE,
    revision         INTEGER NOT NULL DEFAULT 0,
    envelope         TEXT,
    expires_ms       INTEGER NOT NULL,
    sweep_minute     INTEGER NOT NULL,
    transcript_count INTEGER NOT NULL DEFAULT 0,
    transcript_bytes INTEGER NOT NULL DEFAULT 0,
    transcript_seq   INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX conversations_sweep ON conversations (sweep_minute);
  -- Entries by conversation (its row id), oldest first.
  CREATE TABLE transcript (
    conversation INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    bytes        INTEGER NOT NULL,
    entry        TEXT NOT NULL,
    PRIMARY KEY (conversation, seq)
  ) WITHOUT ROWID;
  -- Message ids whose turn was committed; kept days (Meta retries webhooks for up to 7), beyond
  -- the conversation's own life, as with Redis.
  CREATE TABLE handled (
    conversation TEXT NOT NULL,
    message      TEXT NOT NULL,
    expires_ms   INTEGER NOT NULL,
    PRIMARY KEY (conversation, message)
  ) WITHOUT ROWID;
  CREATE INDEX handled_expiry ON handled (expires_ms);
  -- The reply a message's turn committed, for its duplicate deliveries (minutes).
  CREATE TABLE replies (
    conversation TEXT NOT NULL,
    message      TEXT NOT NULL,
    reply        TEXT NOT NULL,
    expires_ms   INTEGER NOT NULL,
    PRIMARY KEY (conversation, message)
  ) WITHOUT ROWID;
  CREATE INDEX replies_expiry ON replies (expires_ms);
  `,
  `
  -- The tag of the write that stored the envelope (#15: a live actor's turn needs not read it again).
  ALTER TABLE conversations ADD COLUMN tag TEXT;
  `,
];

/** Brings the schema to the latest version (see migrateSchema). */
export function migrate(db: Database): void {
  migrateSchema(db, MIGRATIONS);
}
