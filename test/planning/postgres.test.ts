import { strict as assert } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { BookingRequest, BookResult, PlanningSystem } from '../../src/planning/planning';
import { createPostgresPlanning } from '../../src/planning/postgres';
import { MIGRATIONS } from '../../src/planning/postgres-schema';
import { mustBook, request, slotAt } from './contract/builders';
import { describePlanningContract, describePlanningProperties, type MakePlanning } from './contract';
import { assertNoOverbooking } from './contract/invariants';
import { fixtureDealer, NOW } from './fixture-dealer';
import { testDatabaseOrSkip, type TestDatabase } from './postgres-db';

const dealer = fixtureDealer();
const clock = () => new Date(NOW);
const at = (time: string) => `2026-12-09T${time}:00+01:00`;
/** With brand-1 booked all morning, this slot takes the fixture's last brand car. */
const lastCar = slotAt(dealer, 'courtesy-car-brand', at('10:00'), 3);

function spawnInstances(db: TestDatabase, schema: string, n: number, mode = 'book'): ChildProcess[] {
  return Array.from({ length: n }, () =>
    fork(path.join(__dirname, 'postgres-book-child.ts'), [db.url, schema, mode], { execArgv: ['-r', 'tsx/cjs'] }),
  );
}

/** The child's next message; a child that reports an error fails the test with it. */
function once<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => {
      if (m && typeof m === 'object' && 'error' in m) reject(new Error(String(m.error)));
      else resolve(m as T);
    });
    child.once('error', reject);
  });
}

async function killAll(children: ChildProcess[]): Promise<void> {
  for (const child of children) if (child.exitCode === null) child.kill();
}

describe('planning PostgreSQL', function () {
  this.timeout(120_000);
  let db: TestDatabase;
  const opened: PlanningSystem[] = [];

  before(async function () {
    db = await testDatabaseOrSkip(this);
  });
  after(async () => {
    await Promise.all(opened.map((p) => p.close()));
    await db?.drop();
  });

  /** A fresh schema per planning: every contract test starts empty. */
  const make: MakePlanning = (d, { clock: c, holdMinutes }) =>
    createPostgresPlanning(d, { url: db.url, schema: db.newSchema(), clock: c, holdMinutes, pool: 4 });

  describePlanningContract('PostgreSQL', make);
  describePlanningProperties('PostgreSQL', make);

  /** An instance on a given schema, closed after the suite. */
  async function instance(schema: string, pool = 4): Promise<PlanningSystem> {
    const planning = await createPostgresPlanning(dealer, { url: db.url, schema, clock, pool });
    opened.push(planning);
    return planning;
  }

  async function sql(schema: string, text: string, values: unknown[] = []) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${schema}, public`);
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  describe('the database forbids overlaps', () => {
    it('rejects an overlapping car claim inserted directly in SQL (exclusion constraint)', async () => {
      const schema = db.newSchema();
      const planning = await instance(schema);
      const booked = await mustBook(planning, lastCar);
      const { rows } = await sql(schema, 'SELECT id FROM reservations WHERE reference = $1', [booked.reference]);
      const insert = (from: string, to: string) =>
        sql(
          schema,
          `INSERT INTO claims (reservation_id, kind, resource_id, car_kind, span)
           VALUES ($1, 'car', $2, 'courtesy-car-brand', tstzrange($3, $4, '[)'))`,
          [rows[0].id, booked.resourceId, from, to],
        );
      await assert.rejects(insert(at('11:00'), at('16:00')), (error: { code?: string; constraint?: string }) => {
        assert.equal(error.code, '23P01');
        assert.equal(error.constraint, 'claims_car_no_overlap');
        return true;
      });
      // Back to back is not an overlap: [handover, return) spans.
      await insert(lastCar.returnAt, at('17:00'));
    });

    it('refuses a second live claim on one car even when both writers checked first (the constraint decides)', async () => {
      const schema = db.newSchema();
      await instance(schema);
      await sql(
        schema,
        `INSERT INTO reservations (reference, idempotency_key, status, booked_by, solution, service_id, customer_name, need,
           vehicle, appointment_at, handover_at, return_at, appointment_ts, return_ts, created_at, confirmed_at)
         VALUES ('MC-AAAAAA', 'k1', 'confirmed', 'advisor', 'courtesy-car-brand', 'maintenance', 'A', '', '{}',
           $1, $1, $2, $3, $4, now(), now())`,
        [at('09:00'), at('12:00'), at('09:00'), at('12:00')],
      );
      const a = new Client({ connectionString: db.url });
      const b = new Client({ connectionString: db.url });
      await a.connect();
      await b.connect();
      try {
        for (const c of [a, b]) await c.query(`SET search_path TO ${schema}, public`);
        const claim = `INSERT INTO claims (reservation_id, kind, resource_id, car_kind, span)
          SELECT id, 'car', 'brand-1', 'courtesy-car-brand', tstzrange($1, $2, '[)') FROM reservations WHERE reference = 'MC-AAAAAA'`;
        await a.query('BEGIN');
        await b.query('BEGIN');
        await a.query(claim, [at('09:00'), at('12:00')]);
        // b waits for a's outcome, then is refused.
        const second = b.query(claim, [at('10:00'), at('11:00')]).then(
          () => 'inserted',
          (error: { code?: string }) => error.code,
        );
        await a.query('COMMIT');
        assert.equal(await second, '23P01');
        await b.query('ROLLBACK');
      } finally {
        await a.end();
        await b.end();
      }
    });

    it('lets a lapsed hold block nothing: its car claim is deleted inside the booking transaction', async () => {
      const schema = db.newSchema();
      let now = new Date(NOW).getTime();
      const planning = await createPostgresPlanning(dealer, { url: db.url, schema, clock: () => new Date(now), holdMinutes: 5, pool: 2 });
      opened.push(planning);
      await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', at('08:30'), 6));
      const held = await planning.hold(request(lastCar));
      assert.ok(held.ok);
      now += 5 * 60_000;
      const booked = await planning.book(request(lastCar));
      assert.ok(booked.ok);
      assert.equal(booked.booking.resourceId, 'brand-2');
      const { rows } = await sql(schema, "SELECT count(*)::int AS n FROM claims WHERE kind = 'car' AND resource_id = 'brand-2'");
      assert.equal(rows[0].n, 1);
    });
  });

  describe('migrations', () => {
    it('applies each migration once, and reopening keeps the data', async () => {
      const schema = db.newSchema();
      const first = await instance(schema);
      const booked = await mustBook(first, lastCar);
      const again = await instance(schema);
      assert.equal((await again.get(booked.reference))?.status, 'confirmed');
      const { rows } = await sql(schema, 'SELECT id FROM planning_migrations ORDER BY id');
      assert.deepEqual(rows.map((r) => r.id), MIGRATIONS.map((m) => m.id));
    });

    it('gives the bookings made before histories were kept their creation (#13): the customer online, staff for an advisor', async () => {
      const schema = db.newSchema();
      const first = await instance(schema);
      const online = await mustBook(first, lastCar);
      const staff = await mustBook(first, slotAt(dealer, 'taxi', at('14:00'), 2), { bookedBy: 'advisor' });
      // Back to a schema at migration 1, with these rows in it.
      await sql(schema, 'ALTER TABLE reservations DROP COLUMN history');
      await sql(schema, 'ALTER TABLE reservations DROP COLUMN services');
      await sql(schema, 'DELETE FROM planning_migrations WHERE id >= 2');
      const again = await instance(schema);
      const created = { type: 'created', at: new Date(NOW).toISOString() };
      assert.deepEqual((await again.get(online.reference))?.history, [{ ...created, by: { kind: 'customer' } }]);
      assert.deepEqual((await again.get(staff.reference))?.history, [{ ...created, by: { kind: 'staff' } }]);
    });

    it('is safe when several instances start on a fresh schema at once', async () => {
      const schema = db.newSchema();
      const children = spawnInstances(db, schema, 4, 'migrate-only');
      try {
        const results = await Promise.all([
          ...children.map((c) => once<string>(c)),
          instance(schema).then(() => 'migrated'),
          instance(schema).then(() => 'migrated'),
        ]);
        assert.deepEqual(results, Array(6).fill('migrated'));
      } finally {
        await killAll(children);
      }
      const { rows } = await sql(schema, 'SELECT count(*)::int AS n FROM planning_migrations');
      assert.equal(rows[0].n, MIGRATIONS.length);
    });

    it('refuses a schema name it would have to quote', async () => {
      await assert.rejects(createPostgresPlanning(dealer, { url: db.url, schema: 'x"; DROP TABLE y; --' }), /invalid schema name/);
    });
  });

  describe('several instances', () => {
    it('gives the last free car to exactly one of 100 concurrent confirms from four processes', async () => {
      const schema = db.newSchema();
      const planning = await instance(schema);
      await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', at('08:30'), 6));
      const children = spawnInstances(db, schema, 4);
      let results: BookResult[];
      try {
        await Promise.all(children.map((c) => once<string>(c)));
        const batches = children.map((child, i) => {
          const requests: BookingRequest[] = Array.from({ length: 25 }, (_, j) =>
            request(lastCar, { idempotencyKey: `process-${i}-${j}`, customerName: `Customer ${i}-${j}` }),
          );
          const answer = once<BookResult[]>(child);
          child.send(requests);
          return answer;
        });
        results = (await Promise.all(batches)).flat();
      } finally {
        await killAll(children);
      }
      assert.equal(results.length, 100);
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.reason === 'taken').length, 99);
      const reservations = await planning.list();
      assert.deepEqual(reservations.map((r) => r.resourceId).sort(), ['brand-1', 'brand-2']);
      assertNoOverbooking(dealer, reservations);
    });

    it('serialises a counted capacity across instances: the last rental of a day goes once', async () => {
      const schema = db.newSchema();
      const instances = await Promise.all([instance(schema), instance(schema), instance(schema)]);
      const rental = slotAt(dealer, 'rental-car', at('09:00'), 2);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => instances[i % 3].book(request(rental))),
      );
      assert.equal(results.filter((r) => r.ok).length, 1);
      // And the daily quota is per day: the next day is still free.
      assert.ok((await instances[0].book(request(slotAt(dealer, 'rental-car', '2026-12-10T09:00:00+01:00', 2)))).ok);
    });

    it('gives one reservation for one key sent to several instances at once', async () => {
      const schema = db.newSchema();
      const instances = await Promise.all([instance(schema), instance(schema)]);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => instances[i % 2].book(request(lastCar, { idempotencyKey: 'same-key' }))),
      );
      assert.ok(results.every((r) => r.ok));
      assert.equal(new Set(results.map((r) => r.ok && r.booking.reference)).size, 1);
      assert.equal((await instances[0].list()).length, 1);
    });
  });

  describe('readiness', () => {
    it('fails to start, and says so, when the server is unreachable', async () => {
      await assert.rejects(createPostgresPlanning(dealer, { url: 'postgres://root@127.0.0.1:1/none', pool: 1 }));
    });
  });
});
