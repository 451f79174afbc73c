import { strict as assert } from 'node:assert';
import type { BookResult, HoldResult, RescheduleResult } from '../../../src/planning/planning';
import { fixtureDealer } from '../fixture-dealer';
import { mustBook, request, slotAt } from './builders';
import { HOLD_MINUTES, usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
/** The same dealer, but `workshop.vehicleOverlap: flag`: the planning books and the board flags. */
const flagging = fixtureDealer((raw) => {
  raw.workshop.vehicleOverlap = 'flag';
});
const at = (day: string, time: string) => `2026-12-${day}T${time}:00+01:00`;
/** Taxi: no car to run out of, so only the vehicle rule can refuse. 08:30 → return 12:00. */
const morning = slotAt(dealer, 'taxi', at('09', '08:30'), 3);
const sameMorning = slotAt(dealer, 'taxi', at('09', '10:00'), 3);
const afternoon = slotAt(dealer, 'taxi', at('09', '14:00'), 2);
const nextDay = slotAt(dealer, 'taxi', at('10', '08:30'), 3);
const levante = { plate: 'FX456AB', vin: 'ZAM57YTA0K1234567', model: 'Levante' };

const refusedFor = (r: BookResult | HoldResult | RescheduleResult) => (!r.ok && r.reason === 'vehicle-already-booked' ? r.existing : undefined);

/**
 * #13: one vehicle, one workshop appointment at a time, unless staff force a second — when the
 * dealer refuses overlaps (`workshop.vehicleOverlap: refuse`, the default); with `flag` the
 * planning books them.
 */
export function describeVehicleOverlap(make: MakePlanning): void {
  describe('one appointment per vehicle at a time (vehicleOverlap: refuse, the default)', () => {
    const ctx = usePlanning(make, dealer);

    it('refuses to move an appointment onto another of the same car, naming it, and keeps it where it was', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, morning, { vehicle: levante });
      const second = await mustBook(planning, nextDay, { vehicle: { plate: 'FX 456 AB' } });
      const moved = await planning.reschedule(second.reference, sameMorning, undefined, { kind: 'customer' });
      assert.deepEqual(moved, { ok: false, reason: 'vehicle-already-booked', existing: { reference: first.reference, appointmentAt: first.appointmentAt } });
      const got = await planning.get(second.reference);
      assert.equal(got?.appointmentAt, nextDay.appointmentAt);
      assert.deepEqual(got?.history.map((e) => e.type), ['created'], 'a refused move is not history');
    });

    it('moves an appointment over its own span, and onto an overlap when staff force it', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, morning, { vehicle: levante });
      assert.ok((await planning.reschedule(first.reference, sameMorning)).ok, 'its own span is no clash');
      const second = await mustBook(planning, nextDay, { vehicle: levante });
      const forced = await planning.reschedule(second.reference, morning, undefined, { kind: 'staff', name: 'Desk' }, { force: true });
      assert.ok(forced.ok);
      assert.deepEqual((await planning.list({ status: ['confirmed'] })).map((r) => r.reference).sort(), [first.reference, second.reference].sort());
    });

    it('is not blocked by an appointment of the car that moved away or was cancelled', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, morning, { vehicle: levante });
      assert.ok((await planning.reschedule(first.reference, nextDay)).ok);
      const second = await mustBook(planning, sameMorning, { vehicle: levante });
      await planning.cancel(first.reference);
      assert.ok((await planning.reschedule(second.reference, nextDay)).ok);
    });

    it('refuses a second overlapping booking or hold of the same car, naming the first (plate spelled loosely, or VIN)', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, morning, { vehicle: levante });
      const existing = { reference: first.reference, appointmentAt: first.appointmentAt };
      assert.deepEqual(await planning.book(request(sameMorning, { vehicle: { plate: 'fx 456-ab' } })), { ok: false, reason: 'vehicle-already-booked', existing });
      assert.deepEqual(await planning.hold(request(morning, { vehicle: { vin: levante.vin } })), { ok: false, reason: 'vehicle-already-booked', existing });
      assert.equal((await planning.list()).length, 1, 'nothing written by a refusal');
    });

    it('allows a second visit of the same car that does not overlap (after the return, or another day)', async () => {
      const { planning } = ctx();
      await mustBook(planning, morning, { vehicle: levante });
      assert.ok((await planning.book(request(afternoon, { vehicle: levante }))).ok);
      assert.ok((await planning.hold(request(nextDay, { vehicle: levante }))).ok);
    });

    it('refuses a booking inside a long appointment of the car that began days before (#15: the look-back spans the longest)', async () => {
      const { planning } = ctx();
      // A job of several days, then short visits of other cars after its start (the longest span is the long one's).
      const long = await mustBook(planning, slotAt(dealer, 'taxi', at('02', '09:00'), 16), { vehicle: levante });
      for (const day of ['03', '04']) await mustBook(planning, slotAt(dealer, 'taxi', at(day, '08:30'), 1), { vehicle: { plate: `AB${day}0CD` } });
      assert.ok(long.returnAt > at('03', '16:00'), `a job over two days (${long.returnAt})`);
      const inside = slotAt(dealer, 'taxi', at('03', '14:00'), 1);
      assert.deepEqual(await planning.book(request(inside, { vehicle: levante })),
        { ok: false, reason: 'vehicle-already-booked', existing: { reference: long.reference, appointmentAt: long.appointmentAt } });
      assert.ok((await planning.book(request(inside, { vehicle: { plate: 'AB123CD' } }))).ok, 'another car is booked');
    });

    it('allows another car at the same time', async () => {
      const { planning } = ctx();
      await mustBook(planning, morning, { vehicle: levante });
      assert.ok((await planning.book(request(morning, { vehicle: { plate: 'AB123CD', model: 'Ghibli' } }))).ok);
    });

    it('books an overlapping second appointment when staff force it', async () => {
      const { planning } = ctx();
      await mustBook(planning, morning, { vehicle: levante });
      const forced = await planning.book(request(sameMorning, { vehicle: levante, bookedBy: 'advisor', force: true }));
      assert.ok(forced.ok);
      assert.deepEqual((await planning.list()).map((r) => r.appointmentAt), [morning.appointmentAt, sameMorning.appointmentAt]);
    });

    it('is blocked by a live hold of the car, which its own key still confirms', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(morning, { idempotencyKey: 'conv-a', vehicle: levante }));
      assert.ok(held.ok);
      assert.equal(refusedFor(await planning.book(request(sameMorning, { vehicle: levante })))?.reference, held.reference);
      assert.ok((await planning.hold(request(sameMorning, { idempotencyKey: 'conv-a', vehicle: levante }))).ok, 'the hold moves over itself');
      const confirmed = await planning.book(request(sameMorning, { idempotencyKey: 'conv-a', vehicle: levante }));
      assert.ok(confirmed.ok);
      assert.equal(confirmed.booking.reference, held.reference);
    });

    it('is not blocked by a cancelled booking, a cancelled hold or a lapsed hold', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, morning, { vehicle: levante });
      assert.equal(await planning.cancel(booked.reference), true);
      const held = await planning.hold(request(morning, { vehicle: levante }));
      assert.ok(held.ok);
      assert.equal(await planning.cancel(held.reference), true);
      assert.ok((await planning.hold(request(sameMorning, { vehicle: levante }))).ok);
      clock.advance(HOLD_MINUTES);
      assert.ok((await planning.book(request(morning, { vehicle: levante }))).ok);
    });

    it('gives exactly one of ten concurrent bookings of one car, the others named the winner', async () => {
      const { planning } = ctx();
      const slots = [morning, sameMorning];
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => planning.book(request(slots[i % 2], { vehicle: levante }))));
      const won = results.filter((r) => r.ok);
      assert.equal(won.length, 1);
      const winner = won[0].ok ? won[0].booking.reference : '';
      for (const r of results.filter((r) => !r.ok)) assert.equal(refusedFor(r)?.reference, winner);
      assert.equal((await planning.list()).length, 1);
    });
  });

  describe('one appointment per vehicle at a time (vehicleOverlap: flag)', () => {
    const ctx = usePlanning(make, flagging);

    it('books, holds and moves overlapping appointments of one car without refusing', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, morning, { vehicle: levante });
      const second = await planning.book(request(sameMorning, { vehicle: { plate: 'fx 456-ab' } }));
      assert.ok(second.ok);
      assert.ok((await planning.hold(request(morning, { vehicle: { vin: levante.vin } }))).ok);
      const third = await mustBook(planning, nextDay, { vehicle: levante });
      assert.ok((await planning.reschedule(third.reference, afternoon, undefined, { kind: 'customer' })).ok);
      assert.ok((await planning.reschedule(first.reference, sameMorning)).ok);
      assert.equal((await planning.list({ status: ['held', 'confirmed'] })).length, 4);
    });

    it('books both of two concurrent overlapping bookings of one car', async () => {
      const { planning } = ctx();
      const results = await Promise.all([morning, sameMorning].map((slot) => planning.book(request(slot, { vehicle: levante }))));
      assert.ok(results.every((r) => r.ok));
    });
  });
}
