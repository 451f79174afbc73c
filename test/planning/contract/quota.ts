import { strict as assert } from 'node:assert';
import type { SolutionId } from '../../../dialogs/model';
import type { BookingRequest } from '../../../src/planning/planning';
import { fixtureDealer } from '../fixture-dealer';
import { query, request, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

/**
 * Half of each capacity kept for advisors: online, 1 of 2 brand cars, 1 of 2 advisors, 1 of 2
 * drivers per half-day, 9.6 of 19.2 workshop hours; a capacity of 1 (rental quota, shuttle) stays 1.
 */
const dealer = fixtureDealer((raw) => {
  raw.mobility.advisorShare = 0.5;
  raw.mobility.pickupDelivery.driversPerHalfDay = 2;
});
const at = (time: string) => `2026-12-09T${time}:00+01:00`;
const slot = (solution: SolutionId, time: string, hours = 3) => slotAt(dealer, solution, at(time), hours);
const advisor: Partial<BookingRequest> = { bookedBy: 'advisor' };
const taken = { ok: false, reason: 'taken' };

/** The online quota: `mobility.advisorShare` of each capacity is kept for advisors. */
export function describeQuota(make: MakePlanning): void {
  describe('online quota', () => {
    const ctx = usePlanning(make, dealer);
    const ok = async (r: BookingRequest) => assert.ok((await ctx().planning.book(r)).ok, `refused ${JSON.stringify(r.slot)}`);

    it('keeps the advisors’ share of courtesy cars from online bookings, holds and searches', async () => {
      const { planning } = ctx();
      await ok(request(slot('courtesy-car-brand', '08:30')));
      const wish = query({ date: '2026-12-09', time: '10:00' });
      assert.equal((await planning.findSlots(wish)).refusal, 'full');
      assert.ok((await planning.findSlots({ ...wish, bookedBy: 'advisor' })).wished);
      assert.deepEqual(await planning.book(request(slot('courtesy-car-brand', '10:00'))), taken);
      assert.deepEqual(await planning.hold(request(slot('courtesy-car-brand', '10:00'))), taken);
      await ok(request(slot('courtesy-car-brand', '10:00'), advisor));
    });

    it('counts a held car against the online quota', async () => {
      const { planning } = ctx();
      assert.ok((await planning.hold(request(slot('courtesy-car-brand', '08:30')))).ok);
      assert.deepEqual(await planning.hold(request(slot('courtesy-car-brand', '10:00'))), taken);
      assert.ok((await planning.hold(request(slot('courtesy-car-brand', '10:00'), advisor))).ok);
    });

    it('keeps the advisors’ share of acceptance slots', async () => {
      const { planning } = ctx();
      await ok(request(slot('none', '08:30')));
      assert.deepEqual(await planning.book(request(slot('none', '08:30'))), taken);
      const found = await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'none' }));
      assert.equal(found.wished?.appointmentAt, at('09:00'));
      await ok(request(slot('none', '08:30'), advisor));
    });

    it('keeps the advisors’ share of drivers per half-day', async () => {
      const { planning } = ctx();
      await ok(request(slot('pickup-delivery', '08:30', 1), { legs: 'pickup' }));
      assert.deepEqual(await planning.book(request(slot('pickup-delivery', '09:00', 1), { legs: 'pickup' })), taken);
      await ok(request(slot('pickup-delivery', '09:00', 1), { legs: 'pickup', ...advisor }));
    });

    it('keeps the advisors’ share of workshop hours', async () => {
      const { planning } = ctx();
      await ok(request(slot('taxi', '08:30', 9)));
      assert.deepEqual(await planning.book(request(slot('taxi', '09:00', 1))), taken);
      const found = await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'taxi', downtimeHours: 1 }));
      assert.equal(found.refusal, 'full');
      await ok(request(slot('taxi', '09:00', 1), advisor));
    });

    it('books online a job bigger than the online share of a day on an empty day', async () => {
      await ok(request(slot('taxi', '08:30', 12)));
    });

    it('never makes a capacity of one unusable online (rental quota, shuttle trips)', async () => {
      const { planning } = ctx();
      assert.ok((await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'rental-car' }))).wished);
      await ok(request(slot('rental-car', '08:30')));
      // 6 h: the trip back falls in the afternoon, so each half-day has one trip.
      await ok(request(slot('staff-shuttle', '09:00', 6)));
      assert.deepEqual(await planning.book(request(slot('staff-shuttle', '09:30', 6), advisor)), taken, 'one trip is one trip');
    });
  });
}
