/**
 * The SQLite reminders' store (the embedded default, #15) on real files in a temporary directory,
 * beyond the shared contract (store-contract.test.ts): what it keeps across a close and a reopen
 * of the file (a restart), a lock left by a process that died lapsing on the reopened file, rows
 * freed as they expire (swept on write, so the file holds what is alive, not every booking ever),
 * and the schema's version.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteReminderStore, type SqliteReminderStore } from '../../src/reminders/sqlite';
import { MIGRATIONS } from '../../src/reminders/sqlite-schema';
import type { ReminderRecord } from '../../src/reminders/store';

const HOUR = 3600_000;
const record = (i: number): ReminderRecord => ({
  reference: `MC-${i}`, conversationId: `wa:3933300${i}`, reach: { channel: 'whatsapp', address: { phone: `3933300${i}` } }, lang: 'it', consentAt: '2026-11-30T09:00:00+01:00',
});

describe('SQLite reminders store', () => {
  let dir: string;
  let file: string;
  let t: number;
  const open: SqliteReminderStore[] = [];
  const store = () => {
    const s = createSqliteReminderStore({ file, clock: () => t });
    open.push(s);
    return s;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-reminders-'));
    file = path.join(dir, 'reminders.sqlite');
    t = Date.parse('2026-11-30T08:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps consents and "sent" marks across a close and a reopen of the file', async () => {
    const first = store();
    await first.keep(record(1), 3600);
    await first.keep(record(2), 3600);
    await first.forget('MC-2');
    assert.equal(await first.claim('MC-1', '2026-12-03T10:00:00+01:00', 3600), true);
    await first.close();
    await first.close(); // twice is harmless
    assert.equal(fs.existsSync(`${file}-wal`), false, 'a clean close leaves no write-ahead log');

    const second = store();
    assert.deepEqual(await second.get('MC-1'), record(1));
    assert.equal(await second.get('MC-2'), undefined);
    assert.equal(await second.claim('MC-1', '2026-12-03T10:00:00+01:00', 3600), false, 'sent before the restart: not again');
    t += 3601_000;
    assert.equal(await second.get('MC-1'), undefined, 'the TTLs run on across the restart');
  });

  it('lets the scan lock of a process that died lapse on the reopened file', async () => {
    const died = store();
    assert.ok(await died.lead(60_000));
    await died.close(); // never released: the process was killed mid-scan
    const restarted = store();
    assert.equal(await restarted.lead(60_000), undefined, 'the lock is in the file');
    t += 60_001;
    const release = await restarted.lead(60_000);
    assert.ok(release, 'lapsed: the new process scans');
    await release();
  });

  it('holds the consents and marks of their TTL, not every booking ever: expired rows are deleted as it writes', async () => {
    const s = store();
    // a consent and a reminder sent every hour for 1,000 hours; both kept 24 hours
    for (let i = 0; i < 1_000; i++) {
      await s.keep(record(i), 24 * 3600);
      assert.ok(await s.claim(`MC-${i}`, '2026-12-01T09:00:00+01:00', 24 * 3600));
      t += HOUR;
    }
    assert.ok(s.size <= 2 * 25, String(s.size));
    assert.deepEqual(await s.get('MC-999'), record(999));
    assert.equal(await s.get('MC-0'), undefined);
    assert.equal(await s.claim('MC-999', '2026-12-01T09:00:00+01:00', 24 * 3600), false);
  });

  it('frees a backlog of expired rows (a long downtime) over the next writes, a bounded batch at a time', async () => {
    const s = store();
    for (let i = 0; i < 1_200; i++) await s.keep(record(i), 10);
    assert.equal(s.size, 1_200);
    t += 11_000;
    await s.keep(record(5_000), 10);
    assert.ok(s.size < 1_200, String(s.size));
    assert.ok(s.size > 1, 'one write does not delete the whole backlog at once');
    for (let i = 0; i < 20 && s.size > 1; i++) await s.keep(record(5_000), 10);
    assert.equal(s.size, 1);
  });

  it('versions its schema with user_version; a second connection opening the file does not migrate it again', () => {
    store();
    store();
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      assert.deepEqual(tables, ['consents', 'locks', 'sent']);
    } finally {
      db.close();
    }
  });
});
