import { strict as assert } from 'node:assert';
import { fixtureDealer, NOW } from '../fixture-dealer';
import { mustBook, query, request, slotAt } from './builders';
import { HOLD_MINUTES, usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
const at = (time: string) => `2026-12-09T${time}:00+01:00`;
/** The fixture has two brand cars: with one booked all morning, the 10:00 slot takes the last one. */
const lastCar = slotAt(dealer, 'courtesy-car-brand', at('10:00'), 3);
const otherTime = slotAt(dealer, 'courtesy-car-brand', '2026-12-10T14:00:00+01:00', 2);
const instant = (iso: string) => new Date(iso).getTime();

/** hold → confirm: a proposed slot is kept for a few minutes, then lapses by itself. */
export function describeHolds(make: MakePlanning): void {
  describe('holds', () => {
    const ctx = usePlanning(make, dealer);
    beforeEach(async () => {
      await mustBook(ctx().planning, slotAt(dealer, 'courtesy-car-brand', at('08:30'), 6));
    });
    const wishLastCar = () => ctx().planning.findSlots(query({ date: '2026-12-09', time: '10:00' }));

    it('holds a slot until now + the hold time, and shows it as held', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      assert.equal(instant(held.expiresAt), instant(NOW) + HOLD_MINUTES * 60_000);
      const got = await planning.get(held.reference);
      assert.equal(got?.status, 'held');
      assert.equal(got?.resourceId, 'brand-2');
      assert.equal(instant(got?.expiresAt ?? ''), instant(held.expiresAt));
      assert.deepEqual((await planning.list({ status: ['held'] })).map((r) => r.reference), [held.reference]);
    });

    it('does not offer, book or hold a held slot for anyone else', async () => {
      const { planning } = ctx();
      assert.ok((await planning.hold(request(lastCar, { idempotencyKey: 'c1' }))).ok);
      assert.equal((await wishLastCar()).refusal, 'full');
      assert.deepEqual(await planning.book(request(lastCar)), { ok: false, reason: 'taken' });
      assert.deepEqual(await planning.hold(request(lastCar)), { ok: false, reason: 'taken' });
    });

    it('gives the last car to exactly one of ten concurrent holds', async () => {
      const { planning } = ctx();
      const results = await Promise.all(Array.from({ length: 10 }, () => planning.hold(request(lastCar))));
      assert.equal(results.filter((r) => r.ok).length, 1);
    });

    it('lapses by itself when the clock moves past it: offered again, bookable, never listed', async () => {
      const { planning, clock } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      clock.advance(HOLD_MINUTES - 1);
      assert.equal((await wishLastCar()).refusal, 'full', 'still held a minute before it lapses');
      clock.advance(1);
      assert.ok((await wishLastCar()).wished, 'offered again once lapsed');
      assert.equal(await planning.get(held.reference), undefined);
      assert.deepEqual((await planning.list()).map((r) => r.status), ['confirmed']);
      assert.ok((await planning.book(request(lastCar))).ok);
    });

    it('confirms a live hold with its key: same reference, confirmed, once', async () => {
      const { planning, clock } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      clock.advance(HOLD_MINUTES - 1);
      const booked = await planning.book(request(lastCar, { idempotencyKey: 'c1', customerName: 'Giulia Bianchi' }));
      assert.ok(booked.ok);
      assert.equal(booked.booking.reference, held.reference);
      assert.equal(booked.booking.customerName, 'Giulia Bianchi');
      assert.equal(booked.booking.resourceId, 'brand-2');
      clock.advance(60);
      const got = await planning.get(held.reference);
      assert.equal(got?.status, 'confirmed', 'a confirmed hold never lapses');
      assert.equal(got?.expiresAt, undefined);
      assert.deepEqual(await planning.book(request(lastCar, { idempotencyKey: 'c1', customerName: 'Giulia Bianchi' })), booked);
      assert.equal((await planning.list()).length, 2);
      assert.deepEqual(await planning.book(request(lastCar)), { ok: false, reason: 'taken' });
    });

    it('confirms a lapsed hold when its slot is still free', async () => {
      const { planning, clock } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      clock.advance(HOLD_MINUTES + 10);
      const booked = await planning.book(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(booked.ok);
      assert.equal((await planning.get(booked.booking.reference))?.status, 'confirmed');
      assert.equal((await planning.list()).length, 2);
    });

    it('refuses to confirm a lapsed hold whose slot someone else took', async () => {
      const { planning, clock } = ctx();
      assert.ok((await planning.hold(request(lastCar, { idempotencyKey: 'c1' }))).ok);
      clock.advance(HOLD_MINUTES);
      assert.ok((await planning.book(request(lastCar, { idempotencyKey: 'c2' }))).ok);
      assert.deepEqual(await planning.book(request(lastCar, { idempotencyKey: 'c1' })), { ok: false, reason: 'taken' });
      assert.equal((await planning.list()).length, 2);
    });

    it('confirms a key on another slot than its hold by moving it, freeing the held slot', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      const booked = await planning.book(request(otherTime, { idempotencyKey: 'c1' }));
      assert.ok(booked.ok);
      assert.equal(booked.booking.reference, held.reference);
      assert.equal(booked.booking.appointmentAt, otherTime.appointmentAt);
      assert.ok((await wishLastCar()).wished, 'the held slot is free again');
    });

    it('keeps the hold when its key confirms a slot that is taken', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      // Both advisors are busy at 09:00.
      await mustBook(planning, slotAt(dealer, 'none', at('09:00'), 1));
      await mustBook(planning, slotAt(dealer, 'none', at('09:00'), 1));
      const full = slotAt(dealer, 'courtesy-car-brand', at('09:00'), 1);
      assert.deepEqual(await planning.book(request(full, { idempotencyKey: 'c1' })), { ok: false, reason: 'taken' });
      const got = await planning.get(held.reference);
      assert.equal(got?.status, 'held');
      assert.equal(got?.appointmentAt, lastCar.appointmentAt);
    });

    it('moves the hold when the same key holds again: one hold per key, its time renewed', async () => {
      const { planning, clock } = ctx();
      const first = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(first.ok);
      clock.advance(3);
      const moved = await planning.hold(request(otherTime, { idempotencyKey: 'c1' }));
      assert.ok(moved.ok);
      assert.equal(moved.reference, first.reference);
      assert.equal(instant(moved.expiresAt), instant(NOW) + (3 + HOLD_MINUTES) * 60_000);
      const held = await planning.list({ status: ['held'] });
      assert.deepEqual(held.map((r) => r.appointmentAt), [otherTime.appointmentAt]);
      assert.ok((await wishLastCar()).wished, 'the first slot is free again');
      clock.advance(HOLD_MINUTES - 1);
      assert.equal((await planning.get(first.reference))?.status, 'held', 'renewed from the second hold');
    });

    it('renews a hold on the same slot', async () => {
      const { planning, clock } = ctx();
      assert.ok((await planning.hold(request(lastCar, { idempotencyKey: 'c1' }))).ok);
      clock.advance(4);
      const again = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(again.ok);
      clock.advance(4);
      assert.equal((await wishLastCar()).refusal, 'full');
    });

    it('does not hold again a key already confirmed', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, otherTime, { idempotencyKey: 'c1' });
      assert.deepEqual(await planning.hold(request(lastCar, { idempotencyKey: 'c1' })), { ok: false, reason: 'taken' });
      assert.equal((await planning.get(booked.reference))?.status, 'confirmed');
    });

    it('releases a hold on cancel; its key then confirms nothing', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(lastCar, { idempotencyKey: 'c1' }));
      assert.ok(held.ok);
      assert.equal(await planning.cancel(held.reference), true);
      assert.ok((await wishLastCar()).wished);
      assert.deepEqual(await planning.book(request(lastCar, { idempotencyKey: 'c1' })), { ok: false, reason: 'taken' });
    });

    it('refuses to hold what the calendar cannot give', async () => {
      const { planning } = ctx();
      const holiday = slotAt(dealer, 'taxi', '2026-12-08T08:30:00+01:00', 3);
      assert.deepEqual(await planning.hold(request(holiday)), { ok: false, reason: 'taken' });
    });
  });
}
