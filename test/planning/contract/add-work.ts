import { strict as assert } from 'node:assert';
import type { Placement, ReservationEvent } from '../../../src/planning/planning';
import { fixtureDealer, NOW } from '../fixture-dealer';
import { mustBook, request, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
const at = (day: string, time: string) => `2026-12-${day}T${time}:00+01:00`;
/** The fixture has one other-brand car. */
const other = (day: string, hours: number, time = '08:30') => slotAt(dealer, 'courtesy-car-other', at(day, time), hours);
const none = (day: string, time: string, hours: number) => slotAt(dealer, 'none', at(day, time), hours);
const after = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const where = (slot: Placement, more: Partial<Placement> = {}): Placement => ({
  solution: slot.solution,
  appointmentAt: slot.appointmentAt,
  handoverAt: slot.handoverAt,
  returnAt: slot.returnAt,
  ...more,
});
const CUSTOMER = { kind: 'customer' as const };
const WORK = { services: ['maintenance' as const, 'repair' as const], need: 'tagliando\nanche le pastiglie dei freni' };

/**
 * #13: work added to a booking — `reschedule` on the same appointment with the longer return and
 * `{ services, need }`: the whole work checked again (workshop hours, the mobility resource for the
 * longer span, the vehicle's other appointments), atomically, and recorded with who and when.
 */
export function describeAddWork(make: MakePlanning): void {
  describe('reschedule with work added (same appointment, longer return)', () => {
    const ctx = usePlanning(make, dealer);

    it('keeps the appointment and the car, stores the work and the words, and records old → new', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      clock.advance(3);
      const longer = other('09', 9);
      const changed = await planning.reschedule(booked.reference, longer, undefined, CUSTOMER, WORK);
      assert.ok(changed.ok);
      assert.deepEqual(changed.booking, { ...booked, returnAt: longer.returnAt, services: WORK.services });
      const got = await planning.get(booked.reference);
      assert.equal(got?.status, 'confirmed');
      assert.deepEqual(got?.services, WORK.services);
      assert.equal(got?.service, 'maintenance', 'the first work stays the booking’s service');
      assert.equal(got?.need, WORK.need);
      assert.equal(got?.resourceId, booked.resourceId, 'the same car, held longer');
      const expected: ReservationEvent[] = [
        { type: 'created', at: after(0), by: CUSTOMER },
        {
          type: 'rescheduled', at: after(3), by: CUSTOMER,
          from: where(other('09', 3), { services: ['maintenance'] }),
          to: where(longer, { services: WORK.services }),
        },
      ];
      assert.deepEqual(got?.history, expected);
      assert.deepEqual((await planning.list())[0]?.services, WORK.services, 'the list shows it too');
    });

    it('the same work again changes and records nothing (a retried change)', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      assert.ok((await planning.reschedule(booked.reference, other('09', 9), undefined, CUSTOMER, WORK)).ok);
      const again = await planning.reschedule(booked.reference, other('09', 9), undefined, CUSTOMER, WORK);
      assert.ok(again.ok);
      assert.deepEqual(again.booking.services, WORK.services);
      assert.equal((await planning.get(booked.reference))?.history.length, 2);
    });

    it('work that takes no longer changes only the work, on the same slot', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      const changed = await planning.reschedule(booked.reference, other('09', 3), undefined, CUSTOMER, WORK);
      assert.ok(changed.ok);
      assert.equal(changed.booking.returnAt, booked.returnAt);
      const got = await planning.get(booked.reference);
      assert.deepEqual(got?.services, WORK.services);
      assert.deepEqual(got?.history.at(-1), {
        type: 'rescheduled', at: after(0), by: CUSTOMER,
        from: where(other('09', 3), { services: ['maintenance'] }),
        to: where(other('09', 3), { services: WORK.services }),
      });
    });

    it('refuses when the mobility resource is not free for the longer span: the booking stays as it was', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      // the only other-brand car is taken from the next morning
      await mustBook(planning, other('10', 3));
      assert.deepEqual(await planning.reschedule(booked.reference, other('09', 16), undefined, CUSTOMER, WORK), { ok: false, reason: 'taken' });
      const got = await planning.get(booked.reference);
      assert.equal(got?.returnAt, booked.returnAt);
      assert.equal(got?.services, undefined);
      assert.equal(got?.need, 'tagliando');
      assert.equal(got?.history.length, 1);
      assert.deepEqual(await planning.book(request(other('09', 3, '09:00'))), { ok: false, reason: 'taken' }, 'its car still held');
    });

    it('refuses when the longer work exceeds the workshop hours of the day', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, none('09', '08:30', 3));
      // fill the day's technician hours, three at a time, at different times (advisors stay free)
      const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30'];
      for (const time of times) if (!(await planning.book(request(none('09', time, 3)))).ok) break;
      const result = await planning.reschedule(booked.reference, none('09', '08:30', 6), undefined, CUSTOMER, WORK);
      assert.deepEqual(result, { ok: false, reason: 'taken' });
      assert.equal((await planning.get(booked.reference))?.services, undefined);
    });

    it('refuses when the longer span meets another appointment of the same car', async () => {
      const { planning } = ctx();
      const car = { plate: 'FX456AB', model: 'Levante' };
      const booked = await mustBook(planning, none('09', '08:30', 3), { vehicle: car });
      const next = await mustBook(planning, none('10', '08:30', 2), { vehicle: car });
      const result = await planning.reschedule(booked.reference, none('09', '08:30', 16), undefined, CUSTOMER, WORK);
      assert.deepEqual(result, { ok: false, reason: 'vehicle-already-booked', existing: { reference: next.reference, appointmentAt: next.appointmentAt } });
      assert.equal((await planning.get(booked.reference))?.services, undefined);
    });

    it('a later move without work keeps the work added', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      assert.ok((await planning.reschedule(booked.reference, other('09', 9), undefined, CUSTOMER, WORK)).ok);
      const moved = await planning.reschedule(booked.reference, other('21', 9), undefined, CUSTOMER);
      assert.ok(moved.ok);
      assert.deepEqual(moved.booking.services, WORK.services);
      const got = await planning.get(booked.reference);
      assert.equal(got?.need, WORK.need);
      assert.deepEqual(got?.history.at(-1), { type: 'rescheduled', at: after(0), by: CUSTOMER, from: where(other('09', 9)), to: where(other('21', 9)) });
    });

    it('a dry run answers as the change would, and changes and records nothing', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      const longer = other('09', 9);
      const fits = await planning.reschedule(booked.reference, longer, undefined, CUSTOMER, { ...WORK, dryRun: true });
      assert.ok(fits.ok);
      assert.deepEqual(fits.booking, { ...booked, returnAt: longer.returnAt, services: WORK.services });
      const got = await planning.get(booked.reference);
      assert.equal(got?.returnAt, booked.returnAt);
      assert.equal(got?.services, undefined);
      assert.equal(got?.need, 'tagliando');
      assert.equal(got?.history.length, 1);
      // its claims are as they were: the car is free again from the old return
      assert.ok((await planning.book(request(other('09', 2, '14:00')))).ok, 'the car is free after the old return');
    });

    it('a dry run says taken or vehicle-already-booked as the change would', async () => {
      const { planning } = ctx();
      const car = { plate: 'FX456AB', model: 'Levante' };
      const booked = await mustBook(planning, other('09', 3), { vehicle: car });
      await mustBook(planning, other('10', 3));
      assert.deepEqual(await planning.reschedule(booked.reference, other('09', 16), undefined, CUSTOMER, { ...WORK, dryRun: true }), { ok: false, reason: 'taken' });
      const next = await mustBook(planning, none('11', '08:30', 2), { vehicle: car });
      const clash = await planning.reschedule(booked.reference, none('09', '08:30', 20), undefined, CUSTOMER, { ...WORK, dryRun: true });
      assert.deepEqual(clash, { ok: false, reason: 'vehicle-already-booked', existing: { reference: next.reference, appointmentAt: next.appointmentAt } });
      assert.equal((await planning.get(booked.reference))?.history.length, 1);
    });

    it('says not-found for a cancelled booking', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', 3));
      await planning.cancel(booked.reference);
      assert.deepEqual(await planning.reschedule(booked.reference, other('09', 9), undefined, CUSTOMER, WORK), { ok: false, reason: 'not-found' });
    });
  });
}
