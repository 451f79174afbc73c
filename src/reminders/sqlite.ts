/**
 * The SQLite `ReminderStore` (the embedded default, #15): `DATA_DIR/reminders.sqlite`, beside the
 * conversations' and the planning's files, so that a customer's yes to the reminder and the "sent"
 * marks survive a restart. Same contract as the memory and Redis stores (test/reminders/
 * store-contract.ts). A file of its own rather than tables in sessions.sqlite: its own schema
 * version, no write lock shared with every turn's commit, and the conversations' file can be
 * deleted without losing the consents of bookings that stand (or the other way round).
 *
 * Every row expires: a read ignores an expired one, and every write (a consent kept, a mark
 * claimed) first deletes up to `SWEEP` expired rows of each table in the same transaction — more
 * than a write adds, so the file holds what is alive, not every booking ever (the freed pages are
 * reused by the next rows). The claim and the lock are one statement each on a unique key
 * (`INSERT … ON CONFLICT DO UPDATE … WHERE` the row there has expired): atomic across connections
 * and processes on the file. WAL, `synchronous = NORMAL`, as the sessions' file.
 * @module
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { migrate } from './sqlite-schema';
import type { ReminderRecord, ReminderStore } from './store';

export interface SqliteReminderStoreOptions {
  /** A file path (created if missing), e.g. `DATA_DIR/reminders.sqlite`. */
  file: string;
  /** How long to wait for another connection's transaction, ms (default 10 s). */
  busyTimeoutMs?: number;
  clock?: () => number;
}

export interface SqliteReminderStore extends ReminderStore {
  /** Consents and "sent" marks held (expired ones included until swept). */
  readonly size: number;
}

/** Expired rows deleted per table by one write: a write never holds the file for long. */
const SWEEP = 100;

/**
 * Opens (and migrates) the store.
 * @example
 * const reminders = createSqliteReminderStore({ file: path.join(dataDir, 'reminders.sqlite') });
 */
export function createSqliteReminderStore(options: SqliteReminderStoreOptions): SqliteReminderStore {
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const now = options.clock ?? Date.now;

  const q = {
    keep: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO consents (reference, record, expires_ms) VALUES (?, ?, ?)'),
    forget: db.prepare<[string]>('DELETE FROM consents WHERE reference = ?'),
    get: db.prepare<[string, number], string>('SELECT record FROM consents WHERE reference = ? AND expires_ms > ?').pluck(),
    // Inserted, or taken over once expired: one row changed. Still alive: none.
    claim: db.prepare<[string, string, number, number]>(`INSERT INTO sent (reference, appointment_at, expires_ms) VALUES (?, ?, ?)
      ON CONFLICT (reference, appointment_at) DO UPDATE SET expires_ms = excluded.expires_ms WHERE sent.expires_ms <= ?`),
    unclaim: db.prepare<[string, string]>('DELETE FROM sent WHERE reference = ? AND appointment_at = ?'),
    lead: db.prepare<[string, number, number]>(`INSERT INTO locks (name, token, expires_ms) VALUES ('scan', ?, ?)
      ON CONFLICT (name) DO UPDATE SET token = excluded.token, expires_ms = excluded.expires_ms WHERE locks.expires_ms <= ?`),
    // Only while it is still ours: a holder whose lock lapsed leaves the next one's alone.
    release: db.prepare<[string]>("DELETE FROM locks WHERE name = 'scan' AND token = ?"),
    sweepConsents: db.prepare<[number, number]>(
      'DELETE FROM consents WHERE reference IN (SELECT reference FROM consents WHERE expires_ms <= ? ORDER BY expires_ms LIMIT ?)',
    ),
    sweepSent: db.prepare<[number, number]>(
      'DELETE FROM sent WHERE (reference, appointment_at) IN (SELECT reference, appointment_at FROM sent WHERE expires_ms <= ? ORDER BY expires_ms LIMIT ?)',
    ),
    size: db.prepare<[], number>('SELECT (SELECT COUNT(*) FROM consents) + (SELECT COUNT(*) FROM sent)').pluck(),
  };

  const sweep = (t: number) => {
    q.sweepConsents.run(t, SWEEP);
    q.sweepSent.run(t, SWEEP);
  };
  const keepNow = db.transaction((record: ReminderRecord, ttlSeconds: number) => {
    const t = now();
    sweep(t);
    q.keep.run(record.reference, JSON.stringify(record), t + ttlSeconds * 1000);
  });
  const claimNow = db.transaction((reference: string, appointmentAt: string, ttlSeconds: number) => {
    const t = now();
    sweep(t);
    return q.claim.run(reference, appointmentAt, t + ttlSeconds * 1000, t).changes === 1;
  });

  return {
    async keep(record, ttlSeconds) {
      keepNow.immediate(record, ttlSeconds);
    },
    async forget(reference) {
      q.forget.run(reference);
    },
    async get(reference) {
      const json = q.get.get(reference, now());
      return json === undefined ? undefined : (JSON.parse(json) as ReminderRecord);
    },
    async claim(reference, appointmentAt, ttlSeconds) {
      return claimNow.immediate(reference, appointmentAt, ttlSeconds);
    },
    async unclaim(reference, appointmentAt) {
      q.unclaim.run(reference, appointmentAt);
    },
    async lead(ms) {
      const token = randomUUID();
      const t = now();
      if (q.lead.run(token, t + ms, t).changes !== 1) return undefined;
      return async () => {
        if (db.open) q.release.run(token);
      };
    },
    get size() {
      return q.size.get()!;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
