import { strict as assert } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BookingRequest, BookResult } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { fixtureDealer, NOW } from './fixture-dealer';
import { mustBook, request, slotAt } from './helpers';

const dealer = fixtureDealer();

function spawnBookers(file: string, n: number): ChildProcess[] {
  return Array.from({ length: n }, () => fork(path.join(__dirname, 'book-child.ts'), [file], { execArgv: ['-r', 'tsx/cjs'] }));
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

/** Readies every child, sends each its request, and collects the results; kills them whatever happens. */
async function bookInParallel<R extends BookingRequest | BookingRequest[]>(
  children: ChildProcess[],
  requests: R[],
): Promise<(R extends BookingRequest[] ? BookResult[] : BookResult)[]> {
  try {
    await Promise.all(children.map((c) => once<string>(c)));
    return await Promise.all(
      children.map((child, i) => {
        const result = once<R extends BookingRequest[] ? BookResult[] : BookResult>(child);
        child.send(requests[i]);
        return result;
      }),
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

describe('planning SQLite shared by several processes', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'planning-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the last free car to exactly one of four processes', async () => {
    const file = path.join(dir, 'planning.sqlite');
    const planning = createSqlitePlanning(dealer, { file, clock: () => new Date(NOW) });
    await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', '2026-12-09T08:30:00+01:00', 6));
    const slot = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T10:00:00+01:00', 3);

    const results = await bookInParallel(
      spawnBookers(file, 4),
      [0, 1, 2, 3].map((i) => request(slot, { idempotencyKey: `process-${i}` })),
    );

    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.reason === 'taken').length, 3);
    const reservations = await planning.list();
    assert.equal(reservations.length, 2);
    assert.deepEqual(reservations.map((r) => r.resourceId).sort(), ['brand-1', 'brand-2']);
    await planning.close();
  });

  it('gives the last free car to exactly one of 100 confirms, 20 at once from each of 5 processes', async () => {
    const file = path.join(dir, 'contended.sqlite');
    const planning = createSqlitePlanning(dealer, { file, clock: () => new Date(NOW) });
    await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', '2026-12-09T08:30:00+01:00', 6));
    const slot = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T10:00:00+01:00', 3);

    const perProcess = [0, 1, 2, 3, 4].map((p) =>
      Array.from({ length: 20 }, (_, i) => request(slot, { idempotencyKey: `process-${p}/booker-${i}` })),
    );
    const results = (await bookInParallel(spawnBookers(file, 5), perProcess)).flat();

    assert.equal(results.length, 100);
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.reason === 'taken').length, 99);
    const onTheSlot = (await planning.list()).filter((r) => r.appointmentAt === slot.appointmentAt);
    assert.equal(onTheSlot.length, 1);
    await planning.close();
  });

  it('lets four processes create a new file at once and book side by side', async () => {
    const file = path.join(dir, 'fresh.sqlite');
    const results = await bookInParallel(
      spawnBookers(file, 4),
      ['08:30', '09:00', '09:30', '10:00'].map((at) => request(slotAt(dealer, 'taxi', `2026-12-09T${at}:00+01:00`, 2))),
    );
    assert.deepEqual(results.map((r) => r.ok), [true, true, true, true]);
    const planning = createSqlitePlanning(dealer, { file, clock: () => new Date(NOW) });
    assert.equal((await planning.list()).length, 4);
    await planning.close();
  });
});
