/**
 * The embedded planning's schema, versioned with SQLite's `user_version`, and the fleet copied
 * from the dealer file at every open.
 *
 * Every reservation holds "claims" on capacity: an advisor's acceptance span, job hours on a
 * day, a car's [handover, return) span, a rental-quota day, a driver's or shuttle's half-day.
 * Checking a slot is counting overlapping claims; cancelling deletes them.
 * @module
 */
import type { Database } from 'better-sqlite3';
import { migrateSchema } from '../sqlite-migrate';
import type { Dealer } from '../dealer/schema';
import { addDays, startOfDay } from './calendar';

/** Append only: the database's `user_version` is the number of migrations applied. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE resources (
    id    TEXT PRIMARY KEY,
    kind  TEXT NOT NULL,
    model TEXT NOT NULL,
    plate TEXT NOT NULL
  );
  CREATE TABLE reservations (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
    solution        TEXT NOT NULL,
    legs            TEXT,
    resource_id     TEXT,
    service_id      TEXT NOT NULL,
    customer_name   TEXT NOT NULL,
    need            TEXT NOT NULL,
    address         TEXT,
    vehicle         TEXT NOT NULL,
    appointment_at  TEXT NOT NULL,
    handover_at     TEXT NOT NULL,
    return_at       TEXT NOT NULL,
    appointment_ms  INTEGER NOT NULL,
    return_ms       INTEGER NOT NULL,
    created_at      TEXT NOT NULL
  );
  CREATE INDEX reservations_span ON reservations (appointment_ms, return_ms);
  -- reservation_id NULL: a car out of service (from the dealer file).
  CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    reservation_id INTEGER REFERENCES reservations (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('advisor', 'workshop', 'car', 'rental', 'driver', 'shuttle')),
    resource_id    TEXT,
    day            TEXT,
    half           TEXT,
    start_ms       INTEGER,
    end_ms         INTEGER,
    amount         REAL
  );
  -- Overlap with [s, e): end_ms > s AND start_ms < e; past claims fall outside the end_ms range.
  CREATE INDEX claims_resource_span ON claims (kind, resource_id, end_ms, start_ms);
  CREATE INDEX claims_start ON claims (kind, start_ms);
  CREATE INDEX claims_bucket ON claims (kind, day, half);
  CREATE INDEX claims_reservation ON claims (reservation_id);
  `,
  // Holds (a claim lapses with its hold), who booked (the online quota), when a hold was confirmed.
  `
  ALTER TABLE reservations ADD COLUMN expires_ms INTEGER;
  ALTER TABLE reservations ADD COLUMN booked_by TEXT NOT NULL DEFAULT 'online';
  ALTER TABLE reservations ADD COLUMN confirmed_at TEXT;
  UPDATE reservations SET confirmed_at = created_at WHERE status <> 'held';
  ALTER TABLE claims ADD COLUMN expires_ms INTEGER;
  -- Overlap checks range over start_ms (with a bounded look-back) and read the lapse time from the index.
  DROP INDEX claims_resource_span;
  DROP INDEX claims_start;
  DROP INDEX claims_bucket;
  CREATE INDEX claims_resource_span ON claims (kind, resource_id, start_ms, end_ms, expires_ms);
  -- Covering for the searches' per-day loads (advisors' acceptances, cars' spans).
  CREATE INDEX claims_start ON claims (kind, start_ms, end_ms, expires_ms, resource_id, reservation_id);
  CREATE INDEX claims_bucket ON claims (kind, day, half, expires_ms);
  CREATE INDEX claims_expiry ON claims (expires_ms) WHERE expires_ms IS NOT NULL;
  -- The longest car span ever claimed: overlap checks look back that far on start_ms only.
  CREATE TABLE claim_spans (kind TEXT PRIMARY KEY, max_ms INTEGER NOT NULL);
  INSERT INTO claim_spans SELECT kind, MAX(end_ms - start_ms) FROM claims WHERE kind = 'car' GROUP BY kind;
  CREATE INDEX reservations_held ON reservations (expires_ms) WHERE status = 'held';
  `,
  // #13: what happened to each reservation, with who and when (a JSON array, oldest first). Rows
  // booked before it get their creation, as the customer's (online) or staff's (advisor).
  `
  ALTER TABLE reservations ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
  UPDATE reservations
     SET history = json_array(json_object('type', 'created', 'at', confirmed_at,
           'by', json_object('kind', CASE booked_by WHEN 'advisor' THEN 'staff' ELSE 'customer' END)))
   WHERE confirmed_at IS NOT NULL;
  `,
  // #14: readiness writes one row here (BEGIN IMMEDIATE): the planning can take the lock and write.
  `
  CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at_ms INTEGER NOT NULL);
  `,
  // #13: work added to a booking: the whole work as a JSON array when there is more than one job.
  `
  ALTER TABLE reservations ADD COLUMN services TEXT;
  `,
  // #15: the longest reservation span ever written: a vehicle's overlap check looks back that far
  // on appointment_ms only, instead of reading every earlier reservation.
  `
  INSERT INTO claim_spans SELECT 'reservation', COALESCE(MAX(return_ms - appointment_ms), 0) FROM reservations WHERE true
    ON CONFLICT (kind) DO UPDATE SET max_ms = MAX(max_ms, excluded.max_ms);
  `,
  // #15: the searches' per-day counts read the hours from the index too (no row per claim).
  `
  DROP INDEX claims_bucket;
  CREATE INDEX claims_bucket ON claims (kind, day, half, expires_ms, amount);
  `,
];

/** Brings the schema to the latest version (see migrateSchema). */
export function migrate(db: Database): void {
  migrateSchema(db, MIGRATIONS);
}

/** Copies the dealer file's fleet and out-of-service periods into the store (the file is the truth). */
export function syncFleet(db: Database, dealer: Dealer): void {
  const insertResource = db.prepare('INSERT INTO resources (id, kind, model, plate) VALUES (?, ?, ?, ?)');
  const insertOutage = db.prepare(
    "INSERT INTO claims (reservation_id, kind, resource_id, start_ms, end_ms) VALUES (NULL, 'car', ?, ?, ?)",
  );
  db.transaction(() => {
    db.exec("DELETE FROM resources; DELETE FROM claims WHERE reservation_id IS NULL AND kind = 'car';");
    for (const car of dealer.fleet) {
      insertResource.run(car.id, car.kind, car.model, car.plate);
      for (const out of car.outOfService) {
        // Whole local days, `to` included.
        insertOutage.run(car.id, startOfDay(dealer, out.from).toMillis(), startOfDay(dealer, addDays(out.to, 1)).toMillis());
      }
    }
    db.exec(`INSERT INTO claim_spans SELECT 'car', COALESCE(MAX(end_ms - start_ms), 0) FROM claims WHERE kind = 'car'
             ON CONFLICT (kind) DO UPDATE SET max_ms = MAX(max_ms, excluded.max_ms)`);
  }).immediate();
}
