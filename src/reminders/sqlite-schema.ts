/**
 * The SQLite reminders' store's schema, versioned with SQLite's `user_version` (as the sessions'
 * and the planning's). Times are epoch milliseconds; every row carries the time it expires at,
 * indexed for the sweep.
 * @module
 */
import type { Database } from 'better-sqlite3';

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

/**
 * Brings the schema to the latest version. `BEGIN IMMEDIATE` makes connections opening the same
 * file at once migrate one after the other; the version is re-read inside the transaction.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
