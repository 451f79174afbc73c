/**
 * The embedded SQLite planning in its own process (#14, src/planning/sqlite-process.ts): the
 * shared planning contract through it (a real file in a tmp dir, the test's clock sent with each
 * call), and what it does when that process hangs or dies.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanningProcess } from '../../src/planning/sqlite-process';
import { capturingLogger } from '../support/capturing-logger';
import { eventually } from '../support/redis-store';
import { holdWriteLock, planningPids } from '../support/sqlite-processes';
import { describePlanningContract, type MakePlanning } from './contract';
import { fixtureDealer, NOW } from './fixture-dealer';
import { query, request, slotAt } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'planning-process-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const make: MakePlanning = async (dealer, { clock, holdMinutes }) =>
  createSqlitePlanningProcess(dealer, { file: path.join(dir, `contract-${++n}.sqlite`), clock, holdMinutes });

describePlanningContract('SQLite in its own process', make);

describe('SQLite planning process: hung or dead', function () {
  this.timeout(30_000);
  const dealer = fixtureDealer();
  const search = query({ date: '2026-12-09', time: '10:00' });
  let planning: PlanningSystem | undefined;
  afterEach(async () => {
    await planning?.close();
    planning = undefined;
  });

  it('a hung process (SIGSTOP) fails the call within its timeout, is killed, logged once, and replaced', async () => {
    const lines: Record<string, any>[] = [];
    planning = await createSqlitePlanningProcess(dealer, {
      file: path.join(dir, 'hung.sqlite'), clock: () => new Date(NOW), callTimeoutMs: 1_000, logger: capturingLogger(lines),
    });
    await planning.findSlots(search);
    const [pid] = planningPids();
    process.kill(pid, 'SIGSTOP');
    await assert.rejects(planning.findSlots(search), /did not answer findSlots within 1000 ms/);
    // on a loaded machine the call may reach the child after its caller started waiting: the child
    // then gets its full second from the send, and is killed when that is up
    await eventually(async () => lines.some((l) => l.msg?.includes('hung')), 20);
    await eventually(async () => planningPids().length === 1 && planningPids()[0] !== pid, 20);
    assert.equal(lines.filter((l) => l.msg?.includes('hung')).length, 1, 'logged once');
    await eventually(async () => planning!.ping().then(() => true, () => false), 20);
    assert.ok((await planning.findSlots(search)).wished);
  });

  it('a killed process fails the calls under way, is logged once and started again', async () => {
    const lines: Record<string, any>[] = [];
    planning = await createSqlitePlanningProcess(dealer, { file: path.join(dir, 'killed.sqlite'), clock: () => new Date(NOW), logger: capturingLogger(lines) });
    const [pid] = planningPids();
    process.kill(pid, 'SIGKILL');
    await eventually(async () => lines.some((l) => l.signal === 'SIGKILL'), 20);
    assert.equal(lines.filter((l) => l.level === 50).length, 1, JSON.stringify(lines));
    await eventually(async () => planning!.ping().then(() => true, () => false), 20);
    assert.ok((await planning.findSlots(search)).wished);
  });

  it('cannot open the file: fails like createSqlitePlanning, and leaves no process behind', async () => {
    await assert.rejects(createSqlitePlanningProcess(dealer, { file: path.join(dir, 'no-such-dir', 'p.sqlite') }), /directory does not exist|unable to open/);
    await eventually(() => planningPids().length === 0, 20);
  });
});

describe('SQLite planning process: another process holding the write lock', function () {
  this.timeout(30_000);
  const dealer = fixtureDealer();
  const slot = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T10:00:00+01:00', 3);

  it('a short hold (1 s, longer than the busy timeout) is waited out: the booking is retried and goes through', async () => {
    const file = path.join(dir, 'short-lock.sqlite');
    const planning = await createSqlitePlanningProcess(dealer, { file, clock: () => new Date(NOW), busyTimeoutMs: 200 });
    try {
      const lock = await holdWriteLock(file, 1_000);
      const booked = await planning.book(request(slot));
      assert.ok(booked.ok);
      await lock.released;
      assert.equal((await planning.list()).length, 1);
    } finally {
      await planning.close();
    }
  });

  it('a hold past the retry budget fails the call with SQLITE_BUSY, not a hang; the same request books after it', async () => {
    const file = path.join(dir, 'long-lock.sqlite');
    const planning = await createSqlitePlanningProcess(dealer, { file, clock: () => new Date(NOW), busyTimeoutMs: 200, retryForMs: 1_000 });
    try {
      const lock = await holdWriteLock(file, 4_000);
      const wanted = request(slot);
      await assert.rejects(planning.book(wanted), (err: Error & { code?: string }) => /^SQLITE_BUSY/.test(err.code ?? ''));
      await assert.rejects(planning.ping(), (err: Error & { code?: string }) => /^SQLITE_BUSY/.test(err.code ?? ''));
      await lock.released;
      await planning.ping();
      assert.ok((await planning.book(wanted)).ok);
    } finally {
      await planning.close();
    }
  });

  it('opening waits for a lock another process holds (migrations, the fleet copy), then opens', async () => {
    const file = path.join(dir, 'open-lock.sqlite');
    await (await createSqlitePlanningProcess(dealer, { file })).close();
    const lock = await holdWriteLock(file, 1_000);
    const planning = await createSqlitePlanningProcess(dealer, { file, clock: () => new Date(NOW), busyTimeoutMs: 200 });
    try {
      await lock.released;
      assert.ok((await planning.book(request(slot))).ok);
    } finally {
      await planning.close();
    }
  });
});
