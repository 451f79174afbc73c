/**
 * What only the SQLite planning has: its file, its migrations, its housekeeping. The behaviour
 * every store shares is in contract/ (run by sqlite.test.ts).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { MIGRATIONS } from '../../src/planning/sqlite-schema';
import { mustBook, request, slotAt } from './contract/builders';
import { testClock } from './contract/harness';
import { fixtureDealer } from './fixture-dealer';

const dealer = fixtureDealer();
const other = (time: string) => slotAt(dealer, 'courtesy-car-other', `2026-12-09T${time}:00+01:00`, 3);

describe('planning SQLite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'planning-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a version-1 file: its bookings stay confirmed, keep their car and get their creation as history', async () => {
    const file = path.join(dir, 'v1.sqlite');
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]);
    v1.pragma('user_version = 1');
    const slot = other('08:30');
    const [start, end] = [new Date(slot.handoverAt).getTime(), new Date(slot.returnAt).getTime()];
    v1.prepare(
      `INSERT INTO reservations VALUES (1, 'MC-AAAAAA', 'old-key', 'confirmed', 'courtesy-car-other', NULL, 'other-1',
        'maintenance', 'Old Customer', 'tagliando', NULL, '{"plate":"GH123KL"}', ?, ?, ?, ?, ?, '2026-11-30T10:00:00.000Z')`,
    ).run(slot.appointmentAt, slot.handoverAt, slot.returnAt, new Date(slot.appointmentAt).getTime(), end);
    v1.prepare("INSERT INTO claims (reservation_id, kind, resource_id, start_ms, end_ms) VALUES (1, 'car', 'other-1', ?, ?)").run(start, end);
    v1.close();

    const planning = createSqlitePlanning(dealer, { file, clock: testClock() });
    try {
      assert.equal((await planning.get('MC-AAAAAA'))?.status, 'confirmed');
      // #13: booked online before histories were kept: created by the customer when it was confirmed
      assert.deepEqual((await planning.get('MC-AAAAAA'))?.history, [{ type: 'created', at: '2026-11-30T10:00:00.000Z', by: { kind: 'customer' } }]);
      assert.deepEqual(await planning.book(request(other('09:00'))), { ok: false, reason: 'taken' });
      assert.deepEqual(await planning.book(request(slot, { idempotencyKey: 'old-key' })), {
        ok: true,
        booking: { reference: 'MC-AAAAAA', customerName: 'Old Customer', solution: 'courtesy-car-other', appointmentAt: slot.appointmentAt,
          handoverAt: slot.handoverAt, returnAt: slot.returnAt, service: 'maintenance', resourceId: 'other-1' },
      });
    } finally {
      await planning.close();
    }
    const migrated = new Database(file, { readonly: true });
    assert.equal(migrated.pragma('user_version', { simple: true }), MIGRATIONS.length);
    migrated.close();
  });

  it('keeps holds in the file across a restart, and purges a lapsed hold’s claims on the next write', async () => {
    const file = path.join(dir, 'holds.sqlite');
    const clock = testClock();
    const first = createSqlitePlanning(dealer, { file, clock });
    const held = await first.hold(request(other('08:30')));
    await first.close();
    assert.ok(held.ok);

    const second = createSqlitePlanning(dealer, { file, clock, holdMinutes: 5 });
    const claims = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT COUNT(*) FROM claims WHERE reservation_id IS NOT NULL').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    try {
      assert.equal((await second.get(held.reference))?.status, 'held');
      assert.deepEqual(await second.book(request(other('08:30'))), { ok: false, reason: 'taken' });
      const before = claims();
      assert.ok(before > 0);
      clock.advance(5);
      await mustBook(second, slotAt(dealer, 'taxi', '2026-12-10T08:30:00+01:00', 1));
      assert.equal(claims(), 2, 'only the new booking’s advisor and workshop claims are left');
    } finally {
      await second.close();
    }
  });

  it('migrates a file without the longest reservation span (#15): a long job booked before still refuses its car inside it', async () => {
    const file = path.join(dir, 'before-spans.sqlite');
    const levante = { plate: 'FX456AB', model: 'Levante' };
    const long = slotAt(dealer, 'taxi', '2026-12-02T09:00:00+01:00', 16);
    const first = createSqlitePlanning(dealer, { file, clock: testClock() });
    const booked = await mustBook(first, long, { vehicle: levante });
    await first.close();
    // The file as the version before: no span recorded.
    const db = new Database(file);
    db.exec("DELETE FROM claim_spans WHERE kind = 'reservation'");
    db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.includes("'reservation'"))}`);
    db.close();

    const planning = createSqlitePlanning(dealer, { file, clock: testClock() });
    try {
      // A short job of another car after it: the span kept must still be the long one's.
      await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-03T08:30:00+01:00', 1));
      const inside = slotAt(dealer, 'taxi', '2026-12-03T14:00:00+01:00', 1);
      assert.deepEqual(await planning.book(request(inside, { vehicle: levante })),
        { ok: false, reason: 'vehicle-already-booked', existing: { reference: booked.reference, appointmentAt: booked.appointmentAt } });
    } finally {
      await planning.close();
    }
  });

  it('fails the ping once closed', async () => {
    const planning = createSqlitePlanning(dealer, { file: ':memory:' });
    await planning.ping();
    await planning.close();
    await assert.rejects(planning.ping());
  });
});
