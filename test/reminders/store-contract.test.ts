/**
 * The same `ReminderStore` contract (store-contract.ts) on every store the composition root can
 * pick: memory (tests, memory sessions), Redis (REDIS_URL, several instances) and SQLite (the
 * embedded default, DATA_DIR/reminders.sqlite, #15). Memory and SQLite run on a clock the test
 * moves. Redis's clock cannot be moved: its keys' remaining lives are shortened instead
 * (PTTL/PEXPIRE, deleted when none is left), which is what time passing does to them; a key
 * written without a TTL keeps none, so a missing TTL fails the expiry cases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createSqliteReminderStore } from '../../src/reminders/sqlite';
import { createMemoryReminderStore, createRedisReminderStore, type ReminderStore } from '../../src/reminders/store';
import { connectRedis } from '../../src/sessions/redis';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { whenReady } from '../support/redis-store';
import { reminderStoreContract, type ReminderStoreSubject } from './store-contract';

describe('Reminder store contract', () => {
  describe('memory', () => {
    let subject: ReminderStoreSubject;
    beforeEach(() => {
      let t = Date.parse('2026-11-30T08:00:00Z');
      subject = { instances: [createMemoryReminderStore(() => t)], elapse: async (ms) => void (t += ms) };
    });
    reminderStoreContract(() => subject);
  });

  describe('Redis', function () {
    this.timeout(30_000);
    let server: TestRedis;
    let connections: Redis[];
    let raw: Redis;
    let subject: ReminderStoreSubject;
    /** Shortens the remaining life of every key under the prefix by `ms`, atomically per key. */
    const AGE = `local t = redis.call('PTTL', KEYS[1])
      if t < 0 then return t end
      if t <= tonumber(ARGV[1]) then return redis.call('DEL', KEYS[1]) end
      return redis.call('PEXPIRE', KEYS[1], t - tonumber(ARGV[1]))`;

    before(async function () {
      server = await startTestRedis(this);
      // three instances, each on its own connection
      connections = [connectRedis(server.url), connectRedis(server.url), connectRedis(server.url)] as Redis[];
      raw = new Redis(server.url);
      await Promise.all(connections.map(whenReady));
    });
    after(async () => {
      for (const c of connections ?? []) c.disconnect();
      raw?.disconnect();
      await server?.dispose();
    });
    beforeEach(() => {
      // a prefix of each case's own: its lock is not the last case's
      const prefix = uniquePrefix('reminders');
      subject = {
        instances: connections.map((c) => createRedisReminderStore(c, prefix)),
        elapse: async (ms) => {
          for (const key of await raw.keys(`${prefix}*`)) await raw.eval(AGE, 1, key, ms);
        },
      };
    });
    reminderStoreContract(() => subject);
  });

  describe('SQLite', () => {
    let dir: string;
    let stores: ReminderStore[];
    let subject: ReminderStoreSubject;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-reminders-'));
      let t = Date.parse('2026-11-30T08:00:00Z');
      const file = path.join(dir, 'reminders.sqlite');
      // three connections to one file, as three instances sharing it would have
      stores = [0, 1, 2].map(() => createSqliteReminderStore({ file, clock: () => t }));
      subject = { instances: stores, elapse: async (ms) => void (t += ms) };
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      fs.rmSync(dir, { recursive: true, force: true });
    });
    reminderStoreContract(() => subject);
  });
});
