/**
 * The embedded SQLite planning in its own process (#14, src/planning/sqlite-process.ts): the
 * shared planning contract through it (a real file in a tmp dir, the test's clock sent with each
 * call), and what it does when that process hangs or dies.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanningProcess } from '../../src/planning/sqlite-process';
import { capturingLogger } from '../support/capturing-logger';
import { eventually } from '../support/redis-store';
import { describePlanningContract, type MakePlanning } from './contract';
import { fixtureDealer, NOW } from './fixture-dealer';
import { query } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'planning-process-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const make: MakePlanning = async (dealer, { clock, holdMinutes }) =>
  createSqlitePlanningProcess(dealer, { file: path.join(dir, `contract-${++n}.sqlite`), clock, holdMinutes });

describePlanningContract('SQLite in its own process', make);

/** This test process's children running the planning (from /proc, as `ps` reads it). */
function planningPids(): number[] {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sqlite-child');
    } catch {
      return false;
    }
  });
}

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
    assert.equal(lines.filter((l) => l.msg?.includes('hung')).length, 1);
    await eventually(async () => planningPids().length === 1 && planningPids()[0] !== pid, 20);
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
