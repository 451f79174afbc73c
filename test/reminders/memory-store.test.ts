/**
 * The reminders' store in this process's memory (beside memory sessions) is bounded by its TTLs
 * (#15), as Redis is: consents and "sent" marks that expired are dropped, not kept for the life
 * of the process once nobody looks them up again. The contract it shares with the Redis and
 * SQLite stores is in store-contract.test.ts.
 */
import assert from 'node:assert/strict';
import { createMemoryReminderStore, type ReminderRecord } from '../../src/reminders/store';

const HOUR = 3600_000;
const record = (i: number): ReminderRecord => ({
  reference: `MC-${i}`, conversationId: `webchat:${i}`, reach: { channel: 'webchat', conversationId: `webchat:${i}` }, lang: 'it', consentAt: '2026-11-30T09:00:00+01:00',
});

describe('reminders store in memory', () => {
  it('holds the consents and sent marks of their TTL, not every booking ever', async () => {
    let t = Date.parse('2026-11-30T08:00:00Z');
    const store = createMemoryReminderStore(() => t);
    // a consent and a reminder sent every hour for 1,000 hours; both kept 24 hours
    for (let i = 0; i < 1_000; i++) {
      await store.keep(record(i), 24 * 3600);
      assert.ok(await store.claim(`MC-${i}`, '2026-12-01T09:00:00+01:00', 24 * 3600));
      t += HOUR;
    }
    assert.ok(store.size <= 2 * 25, String(store.size));
    assert.deepEqual(await store.get('MC-999'), record(999));
    assert.equal(await store.get('MC-0'), undefined);
    assert.equal(await store.claim('MC-999', '2026-12-01T09:00:00+01:00', 24 * 3600), false, 'a reminder still marked sent is not sent again');
  });

  it('keeps a consent given again for its new TTL', async () => {
    let t = 0;
    const store = createMemoryReminderStore(() => t);
    await store.keep(record(1), 10);
    await store.keep(record(2), 10);
    t = 5_000;
    await store.keep(record(1), 10);
    t = 11_000;
    await store.keep(record(3), 10);
    assert.deepEqual(await store.get('MC-1'), record(1));
    assert.equal(await store.get('MC-2'), undefined);
    assert.equal(store.size, 2);
  });
});
