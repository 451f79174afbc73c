/**
 * The `ReminderStore` contract (#13, #15), shared by every store (store-contract.test.ts runs it
 * on memory, Redis and SQLite): consents kept for their TTL and replaced when given again, the
 * "sent" mark claimed once whoever asks and given back by `unclaim`, the scan lock held by one at a
 * time and lapsing when its holder never releases it. `instances` share the same data (several
 * connections for Redis and SQLite); the cases alternate between them. `elapse` lets time pass for
 * the store's expiries. No timing assertions.
 */
import assert from 'node:assert/strict';
import type { ReminderRecord, ReminderStore } from '../../src/reminders/store';

export interface ReminderStoreSubject {
  /** Instances of the store sharing its data (at least one). */
  instances: ReminderStore[];
  /** Lets `ms` pass for the store's expiries. */
  elapse(ms: number): Promise<void>;
}

const THURSDAY_10 = '2026-12-03T10:00:00+01:00';
const FRIDAY_11 = '2026-12-04T11:00:00+01:00';

export function reminderStoreContract(get: () => ReminderStoreSubject): void {
  let seq = 0;
  const pick = (i: number) => {
    const { instances } = get();
    return instances[i % instances.length];
  };
  const elapse = (ms: number) => get().elapse(ms);
  const record = (overrides: Partial<ReminderRecord> = {}): ReminderRecord => {
    const n = ++seq;
    return {
      reference: `MC-${n}`,
      conversationId: `wa:39333000${n}`,
      reach: { channel: 'whatsapp', address: { phone: `39333000${n}` } },
      lang: 'it',
      consentAt: '2026-11-30T09:01:00+01:00',
      ...overrides,
    };
  };

  it('keeps a consent with how to reach the customer, for every instance, until it is forgotten', async () => {
    const reach = { channel: 'botframework' as const, channelId: 'msteams', reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'a:1;messageid=1' } } };
    const r = record({ conversationId: 'bf:msteams:a:1', reach, lang: 'en' });
    assert.equal(await pick(0).get(r.reference), undefined);
    await pick(0).keep(r, 3600);
    assert.deepEqual(await pick(1).get(r.reference), r);
    assert.deepEqual(await pick(0).get(r.reference), r);
    await pick(1).forget(r.reference);
    assert.equal(await pick(0).get(r.reference), undefined);
    await pick(0).forget(r.reference); // forgetting twice, or what was never kept, is harmless
    await pick(0).forget('MC-never');
  });

  it('forgets a consent once its TTL is over', async () => {
    const r = record();
    await pick(0).keep(r, 10);
    await elapse(9_000);
    assert.deepEqual(await pick(1).get(r.reference), r, 'within its TTL');
    await elapse(2_000);
    assert.equal(await pick(1).get(r.reference), undefined, 'expired');
    assert.equal(await pick(0).get(r.reference), undefined);
  });

  it('replaces a consent given again, with its new TTL', async () => {
    const first = record();
    await pick(0).keep(first, 10);
    await elapse(6_000);
    const again = { ...first, lang: 'en' as const, consentAt: '2026-11-30T09:07:00+01:00' };
    await pick(1).keep(again, 10);
    await elapse(6_000);
    assert.deepEqual(await pick(0).get(first.reference), again, 'the second consent, alive past the first one\'s TTL');
    await elapse(5_000);
    assert.equal(await pick(0).get(first.reference), undefined);
  });

  it('gives the right to send a booking\'s reminder once, whoever asks; a moved appointment is a new one', async () => {
    const { reference } = record();
    assert.equal(await pick(0).claim(reference, THURSDAY_10, 3600), true);
    assert.equal(await pick(1).claim(reference, THURSDAY_10, 3600), false);
    assert.equal(await pick(0).claim(reference, THURSDAY_10, 3600), false);
    assert.equal(await pick(1).claim(reference, FRIDAY_11, 3600), true, 'the booking moved: its new time is reminded');
    assert.equal(await pick(0).claim(reference, FRIDAY_11, 3600), false);
    assert.equal(await pick(0).claim(`${reference}-other`, THURSDAY_10, 3600), true, 'another booking at the same time');
  });

  it('gives it to exactly one of many asking at once', async () => {
    const { reference } = record();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => pick(i).claim(reference, THURSDAY_10, 3600)));
    assert.equal(answers.filter(Boolean).length, 1, JSON.stringify(answers));
  });

  it('gives it again after unclaim (the send failed), once', async () => {
    const { reference } = record();
    assert.equal(await pick(0).claim(reference, THURSDAY_10, 3600), true);
    await pick(0).unclaim(reference, THURSDAY_10);
    const answers = await Promise.all([0, 1, 2, 3].map((i) => pick(i).claim(reference, THURSDAY_10, 3600)));
    assert.equal(answers.filter(Boolean).length, 1, JSON.stringify(answers));
    await pick(1).unclaim(`${reference}-never`, THURSDAY_10); // nothing to give back: harmless
    await pick(1).unclaim(reference, FRIDAY_11);
    assert.equal(await pick(1).claim(reference, THURSDAY_10, 3600), false, 'unclaiming another appointment leaves this mark');
  });

  it('keeps the "sent" mark for its TTL, then lets it go', async () => {
    const { reference } = record();
    assert.equal(await pick(0).claim(reference, THURSDAY_10, 10), true);
    await elapse(9_000);
    assert.equal(await pick(1).claim(reference, THURSDAY_10, 10), false);
    await elapse(2_000);
    assert.equal(await pick(1).claim(reference, THURSDAY_10, 10), true, 'expired: claimed anew');
    assert.equal(await pick(0).claim(reference, THURSDAY_10, 10), false);
  });

  it('lets one scan at a time lead, until it releases the lock', async () => {
    const release = await pick(0).lead(30_000);
    assert.ok(release);
    assert.equal(await pick(1).lead(30_000), undefined);
    assert.equal(await pick(0).lead(30_000), undefined, 'not twice, even on the same instance');
    await release();
    const next = await pick(1).lead(30_000);
    assert.ok(next, 'released: the next scan leads');
    await next();
  });

  it('gives one lock to exactly one of many asking at once', async () => {
    const releases = await Promise.all(Array.from({ length: 8 }, (_, i) => pick(i).lead(30_000)));
    const held = releases.filter((r) => r !== undefined);
    assert.equal(held.length, 1);
    await held[0]!();
  });

  it('lets a lock lapse when its holder never releases it, and a late release leaves the next holder\'s lock alone', async () => {
    const stale = await pick(0).lead(30_000);
    assert.ok(stale);
    await elapse(29_000);
    assert.equal(await pick(1).lead(30_000), undefined, 'still held');
    await elapse(2_000);
    const next = await pick(1).lead(30_000);
    assert.ok(next, 'the holder died: its lock lapsed');
    await stale(); // the first holder wakes up and releases what is no longer its lock
    assert.equal(await pick(0).lead(30_000), undefined, 'the next holder still has it');
    await next();
    const after = await pick(0).lead(30_000);
    assert.ok(after);
    await after();
  });
}
