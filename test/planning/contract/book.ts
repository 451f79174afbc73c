import { strict as assert } from 'node:assert';
import { REFERENCE_PATTERN } from '../../../src/planning/reference';
import { fixtureDealer, NOW } from '../fixture-dealer';
import { mustBook, query, request, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();

/** book, cancel, get, list, ping: confirmed reservations without holds (R10). */
export function describeBook(make: MakePlanning): void {
  describe('book, cancel, get, list', () => {
    const ctx = usePlanning(make, dealer);

    it('books the slot found, gives a readable reference and assigns the first free brand car', async () => {
      const { planning } = ctx();
      const { wished } = await planning.findSlots(query({ date: '2026-12-09' }));
      assert.ok(wished);
      const result = await planning.book(request(wished, { customerName: 'Giulia Bianchi' }));
      assert.ok(result.ok);
      assert.match(result.booking.reference, REFERENCE_PATTERN);
      assert.deepEqual({ ...result.booking, reference: 'X' }, {
        reference: 'X',
        customerName: 'Giulia Bianchi',
        solution: 'courtesy-car-brand',
        appointmentAt: '2026-12-09T08:30:00+01:00',
        handoverAt: '2026-12-09T09:00:00+01:00',
        returnAt: '2026-12-09T12:00:00+01:00',
        service: 'maintenance',
        resourceId: 'brand-1',
      });
    });

    it('gives the same booking, once, for the same idempotency key', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T08:30:00+01:00', 3);
      const first = await planning.book(request(slot, { idempotencyKey: 'conversation-1/turn-7' }));
      const again = await planning.book(request(slot, { idempotencyKey: 'conversation-1/turn-7' }));
      assert.ok(first.ok && again.ok);
      assert.deepEqual(again.booking, first.booking);
      assert.equal((await planning.list()).length, 1);
    });

    it('gives one booking for the same key sent twice at once', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'taxi', '2026-12-09T08:30:00+01:00', 3);
      const both = await Promise.all([0, 1].map(() => planning.book(request(slot, { idempotencyKey: 'retry' }))));
      assert.ok(both[0].ok && both[1].ok);
      assert.deepEqual(both[0].booking, both[1].booking);
      assert.equal((await planning.list()).length, 1);
    });

    it('gives the last free car to exactly one of twenty concurrent confirms', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T10:00:00+01:00', 3);
      await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', '2026-12-09T08:30:00+01:00', 6));
      const results = await Promise.all(Array.from({ length: 20 }, () => planning.book(request(slot))));
      assert.equal(results.filter((r) => r.ok).length, 1);
      for (const r of results.filter((r) => !r.ok)) assert.deepEqual(r, { ok: false, reason: 'taken' });
      const cars = (await planning.list()).map((r) => r.resourceId).sort();
      assert.deepEqual(cars, ['brand-1', 'brand-2']);
    });

    it('refuses a slot that is no longer free, and one the calendar cannot give', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'courtesy-car-other', '2026-12-09T08:30:00+01:00', 3);
      assert.ok((await planning.book(request(slot))).ok);
      assert.deepEqual(await planning.book(request(slot)), { ok: false, reason: 'taken' });
      const holiday = slotAt(dealer, 'taxi', '2026-12-08T08:30:00+01:00', 3);
      assert.deepEqual(await planning.book(request(holiday)), { ok: false, reason: 'taken' });
      const past = slotAt(dealer, 'taxi', '2026-11-30T08:30:00+01:00', 3);
      assert.deepEqual(await planning.book(request(past)), { ok: false, reason: 'taken' });
      const handoverLate = { ...slotAt(dealer, 'taxi', '2026-12-09T08:30:00+01:00', 3), handoverAt: '2026-12-09T10:00:00+01:00' };
      assert.deepEqual(await planning.book(request(handoverLate)), { ok: false, reason: 'taken' });
    });

    it('records pickup & delivery with its legs, the address, the vehicle and the need', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'pickup-delivery', '2026-12-09T08:30:00+01:00', 6);
      const result = await planning.book(request(slot, { legs: 'pickup', address: 'Via Giardini 10, Modena', need: 'rumore ai freni', vehicle: { plate: 'GH123KL', model: 'Levante' } }));
      assert.ok(result.ok);
      assert.equal(result.booking.legs, 'pickup');
      const [stored] = await planning.list();
      assert.equal(stored.address, 'Via Giardini 10, Modena');
      assert.equal(stored.status, 'confirmed');
      assert.equal(stored.need, 'rumore ai freni');
      assert.equal(stored.expiresAt, undefined);
      assert.deepEqual(stored.vehicle, { plate: 'GH123KL', model: 'Levante' });
    });

    it('frees the car on cancel, and says whether the reference exists', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'courtesy-car-other', '2026-12-09T08:30:00+01:00', 3);
      const booked = await mustBook(planning, slot);
      assert.equal(await planning.cancel(booked.reference), true);
      assert.equal(await planning.cancel(booked.reference), true, 'cancelling again is harmless');
      assert.equal(await planning.cancel('MC-AAAAAA'), false);
      assert.equal((await planning.list())[0].status, 'cancelled');
      assert.ok((await planning.book(request(slot))).ok, 'the car is free again');
    });

    it('gives the cancelled booking again for its key, without booking it twice', async () => {
      const { planning } = ctx();
      const slot = slotAt(dealer, 'courtesy-car-other', '2026-12-09T08:30:00+01:00', 3);
      const booked = await mustBook(planning, slot, { idempotencyKey: 'once' });
      await planning.cancel(booked.reference);
      const again = await planning.book(request(slot, { idempotencyKey: 'once' }));
      assert.deepEqual(again, { ok: true, booking: booked });
      assert.equal((await planning.get(booked.reference))?.status, 'cancelled');
    });

    it('lists the reservations whose span meets the period, by appointment', async () => {
      const { planning } = ctx();
      await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-10T08:30:00+01:00', 1));
      await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-09T17:30:00+01:00', 3)); // back on the 10th
      await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-14T08:30:00+01:00', 1));
      const tenth = await planning.list({ from: '2026-12-10T00:00:00+01:00', to: '2026-12-11T00:00:00+01:00' });
      assert.deepEqual(tenth.map((r) => r.appointmentAt), ['2026-12-09T17:30:00+01:00', '2026-12-10T08:30:00+01:00']);
      assert.equal((await planning.list()).length, 3);
    });

    it('lists by status', async () => {
      const { planning } = ctx();
      const kept = await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-10T08:30:00+01:00', 1));
      const dropped = await mustBook(planning, slotAt(dealer, 'taxi', '2026-12-11T08:30:00+01:00', 1));
      const held = await planning.hold(request(slotAt(dealer, 'taxi', '2026-12-14T08:30:00+01:00', 1)));
      assert.ok(held.ok);
      await planning.cancel(dropped.reference);
      const refs = async (status: ('held' | 'confirmed' | 'cancelled')[]) => (await planning.list({ status })).map((r) => r.reference);
      assert.deepEqual(await refs(['confirmed']), [kept.reference]);
      assert.deepEqual(await refs(['cancelled']), [dropped.reference]);
      assert.deepEqual(await refs(['held']), [held.reference]);
      assert.deepEqual(await refs(['confirmed', 'held']), [kept.reference, held.reference]);
      assert.deepEqual(await refs([]), []);
    });

    it('gets a reservation by reference, with everything recorded', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, slotAt(dealer, 'courtesy-car-brand', '2026-12-10T08:30:00+01:00', 2), {
        idempotencyKey: 'get-me',
        customerName: 'Anna Verdi',
        vehicle: { plate: 'GH123KL', model: 'Levante' },
      });
      const got = await planning.get(booked.reference);
      assert.ok(got);
      assert.deepEqual(
        { ...got, need: undefined },
        {
          ...booked,
          status: 'confirmed',
          idempotencyKey: 'get-me',
          vehicle: { plate: 'GH123KL', model: 'Levante' },
          need: undefined,
          // #13: booked online, so by the customer, at the planning's clock
          history: [{ type: 'created', at: new Date(NOW).toISOString(), by: { kind: 'customer' } }],
        },
      );
      assert.equal(await planning.get('MC-AAAAAA'), undefined);
    });

    it('answers a ping', async () => {
      await ctx().planning.ping();
    });
  });
}
