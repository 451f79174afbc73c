/**
 * The SQLite reminders' store's schema, versioned with SQLite's `user_version` (as the sessions'
 * and the planning's). Times are epoch milliseconds; every row carries the time it expires at,
 * indexed for the sweep.
 * @module
 */
import type { Database } from 'better-sqlite3';
import { migrateSchema } from '../sqlite-migrate';

/** Append only: the database's `user_version` is the number of migrations applied. */
export const MIGRATIONS: readonly string[] = [
  `
  -- A customer's yes to the reminder, per booking: the ReminderRecord as JSON (how to reach them).
  CREATE TABLE consents (
    reference  TEXT PRIMARY KEY,
    record     TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX consents_expiry ON consents (expires_ms);
  -- The "sent" mark of a booking's reminder for one appointment time: the row is the right to send.
  CREATE TABLE sent (
    reference      TEXT NOT NULL,
    appointment_at TEXT NOT NULL,
    expires_ms     INTEGER NOT NULL,
    PRIMARY KEY (reference, appointment_at)
  ) WITHOUT ROWID;
  CREATE INDEX sent_expiry ON sent (expires_ms);
  -- The scan's lock (one row, 'scan'), held by the token that took it until it is released or lapses.
  CREATE TABLE locks (
    name       TEXT PRIMARY KEY,
    token      TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];

/** Brings the schema to the latest version (see migrateSchema). */
export function migrate(db: Database): void {
  migrateSchema(db, MIGRATIONS);
}
