/**
 * The PostgreSQL planning's schema: migrations applied at start-up, once each, recorded in a
 * `planning_migrations` table, and the fleet copied from the dealer file.
 *
 * Every reservation holds claims on capacity, as in the SQLite engine. The database itself
 * forbids giving a courtesy car twice: an exclusion constraint over (car, [handover, return)).
 * Counted capacities (advisors, workshop hours, rental days, driver and shuttle half-days) are
 * serialised by transaction-level advisory locks (postgres-locks.ts).
 * @module
 */
import type { Pool, PoolClient } from 'pg';
import type { Dealer } from '../dealer/schema';
import { addDays, startOfDay } from './calendar';

/** One global key: instances starting together (any schema) migrate one after the other. */
export const MIGRATION_LOCK = 'mobility-concierge:planning:migrations';

/** Append only. `$S` stands for the (validated, unquoted) schema name. */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'reservations, claims, no car given twice',
    sql: `
    CREATE TABLE $S.resources (
      id    text PRIMARY KEY,
      kind  text NOT NULL,
      model text NOT NULL,
      plate text NOT NULL
    );
    CREATE TABLE $S.reservations (
      id              bigserial PRIMARY KEY,
      reference       text NOT NULL UNIQUE,
      idempotency_key text NOT NULL UNIQUE,
      status          text NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
      booked_by       text NOT NULL CHECK (booked_by IN ('online', 'advisor')),
      solution        text NOT NULL,
      legs            text,
      resource_id     text,
      service_id      text NOT NULL,
      customer_name   text NOT NULL,
      need            text NOT NULL,
      address         text,
      vehicle         jsonb NOT NULL,
      appointment_at  text NOT NULL,
      handover_at     text NOT NULL,
      return_at       text NOT NULL,
      appointment_ts  timestamptz NOT NULL,
      return_ts       timestamptz NOT NULL,
      expires_at      timestamptz,
      created_at      timestamptz NOT NULL,
      confirmed_at    timestamptz,
      CHECK ((status = 'held') = (expires_at IS NOT NULL))
    );
    CREATE INDEX reservations_span ON $S.reservations (appointment_ts, return_ts);

    -- kind 'outage': a car out of service (dealer file), never part of a reservation.
    -- expires_at: the claims of a hold lapse with it; checks ignore lapsed claims, and a writer
    -- deletes the lapsed car claims in its way before inserting (the constraint sees every row).
    CREATE TABLE $S.claims (
      id             bigserial PRIMARY KEY,
      reservation_id bigint REFERENCES $S.reservations (id) ON DELETE CASCADE,
      kind           text NOT NULL CHECK (kind IN ('advisor', 'workshop', 'car', 'outage', 'rental', 'driver', 'shuttle')),
      resource_id    text,
      car_kind       text,
      day            date,
      half           text CHECK (half IN ('morning', 'afternoon')),
      span           tstzrange,
      amount         double precision NOT NULL DEFAULT 1,
      expires_at     timestamptz,
      CHECK (kind NOT IN ('car', 'outage') OR (resource_id IS NOT NULL AND span IS NOT NULL AND car_kind IS NOT NULL)),
      CHECK ((kind = 'outage') = (reservation_id IS NULL))
    );
    -- The database, not the code, forbids one car in two places at once.
    ALTER TABLE $S.claims ADD CONSTRAINT claims_car_no_overlap
      EXCLUDE USING gist (resource_id WITH =, span WITH &&) WHERE (kind = 'car');
    CREATE INDEX claims_span ON $S.claims USING gist (span) WHERE span IS NOT NULL;
    CREATE INDEX claims_day ON $S.claims (day) WHERE day IS NOT NULL;
    CREATE INDEX claims_reservation ON $S.claims (reservation_id);
    `,
  },
  {
    id: 2,
    name: 'reservation history: who changed it, and when (#13)',
    // Rows booked before it get their creation, as the customer's (online) or staff's (advisor).
    sql: `
    ALTER TABLE $S.reservations ADD COLUMN history jsonb NOT NULL DEFAULT '[]';
    UPDATE $S.reservations
       SET history = jsonb_build_array(jsonb_build_object(
             'type', 'created',
             'at', to_char(confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'by', jsonb_build_object('kind', CASE booked_by WHEN 'advisor' THEN 'staff' ELSE 'customer' END)))
     WHERE confirmed_at IS NOT NULL;
    `,
  },
  {
    id: 3,
    name: 'work added to a booking: the whole work when more than one job (#13)',
    sql: `
    ALTER TABLE $S.reservations ADD COLUMN services jsonb;
    `,
  },
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names go into SQL text (DDL and `search_path`), so only plain lower-case identifiers pass. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`PostgreSQL planning: invalid schema name "${schema}"`);
  return schema;
}

/** Runs `work` in a transaction on its own client. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Brings the schema to the latest version and copies the fleet, in one transaction under a
 * global advisory lock, so that instances starting at once migrate one after the other and the
 * second finds the work done. The migrations table is re-read under the lock.
 * @returns the ids of the migrations this call applied
 */
export async function migrate(pool: Pool, schema: string, dealer: Dealer): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // Database-wide, and kept out of the planning's schema so that dropping one schema never drops it.
    const { rowCount } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'");
    if (!rowCount) await client.query('CREATE EXTENSION btree_gist WITH SCHEMA public');
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.planning_migrations (
         id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ id: number }>(`SELECT id FROM ${schema}.planning_migrations`)).rows.map((r) => r.id),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await client.query(m.sql.replaceAll('$S', schema));
      await client.query(`INSERT INTO ${schema}.planning_migrations (id, name) VALUES ($1, $2)`, [m.id, m.name]);
      applied.push(m.id);
    }
    await syncFleet(client, schema, dealer);
    return applied;
  });
}

/** The dealer file is the truth about the fleet: resources and outages are replaced at every start. */
async function syncFleet(client: PoolClient, schema: string, dealer: Dealer): Promise<void> {
  await client.query(`DELETE FROM ${schema}.resources`);
  await client.query(`DELETE FROM ${schema}.claims WHERE kind = 'outage'`);
  const cars = dealer.fleet.map((c) => ({ id: c.id, kind: c.kind, model: c.model, plate: c.plate }));
  const outages = dealer.fleet.flatMap((car) =>
    car.outOfService.map((out) => ({
      resource_id: car.id,
      car_kind: car.kind,
      // Whole local days, `to` included.
      lower: startOfDay(dealer, out.from).toISO(),
      upper: startOfDay(dealer, addDays(out.to, 1)).toISO(),
    })),
  );
  await client.query(
    `INSERT INTO ${schema}.resources (id, kind, model, plate)
     SELECT id, kind, model, plate FROM json_to_recordset($1::json) AS x(id text, kind text, model text, plate text)`,
    [JSON.stringify(cars)],
  );
  await client.query(
    `INSERT INTO ${schema}.claims (kind, resource_id, car_kind, span)
     SELECT 'outage', resource_id, car_kind, tstzrange(lower, upper, '[)')
       FROM json_to_recordset($1::json) AS x(resource_id text, car_kind text, lower timestamptz, upper timestamptz)`,
    [JSON.stringify(outages)],
  );
}
