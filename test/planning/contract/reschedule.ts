import { strict as assert } from 'node:assert';
import { fixtureDealer } from '../fixture-dealer';
import { mustBook, request, slotAt } from './builders';
import { HOLD_MINUTES, usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
/** The fixture has one other-brand car. */
const other = (day: string, time: string, hours = 3) => slotAt(dealer, 'courtesy-car-other', `2026-12-${day}T${time}:00+01:00`, hours);

/** reschedule: atomic, the old slot is released only when the new one is taken. */
export function describeReschedule(make: MakePlanning): void {
  describe('reschedule', () => {
    const ctx = usePlanning(make, dealer);

    it('moves a booking, keeping its reference, and frees the old slot', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', '08:30'));
      const moved = await planning.reschedule(booked.reference, other('10', '08:30'));
      assert.ok(moved.ok);
      assert.deepEqual(moved.booking, { ...booked, ...other('10', '08:30') });
      const got = await planning.get(booked.reference);
      assert.equal(got?.appointmentAt, '2026-12-10T08:30:00+01:00');
      assert.equal(got?.status, 'confirmed');
      assert.equal(got?.customerName, booked.customerName);
      assert.ok((await planning.book(request(other('09', '08:30')))).ok, 'the old slot is free');
      assert.deepEqual(await planning.book(request(other('10', '08:30'))), { ok: false, reason: 'taken' });
      assert.equal((await planning.list()).length, 2);
    });

    it('keeps the old slot when the new one is taken', async () => {
      const { planning } = ctx();
      const first = await mustBook(planning, other('09', '08:30'));
      await mustBook(planning, other('10', '08:30'));
      assert.deepEqual(await planning.reschedule(first.reference, other('10', '09:00')), { ok: false, reason: 'taken' });
      const got = await planning.get(first.reference);
      assert.equal(got?.appointmentAt, '2026-12-09T08:30:00+01:00');
      assert.equal(got?.status, 'confirmed');
      assert.deepEqual(await planning.book(request(other('09', '08:30'))), { ok: false, reason: 'taken' }, 'still taken');
    });

    it('moves a booking over its own span (its own claims do not block it)', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', '08:30'));
      const moved = await planning.reschedule(booked.reference, other('09', '09:00'));
      assert.ok(moved.ok);
      assert.equal(moved.booking.resourceId, 'other-1');
    });

    it('refuses a slot the calendar cannot give, changing nothing', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09', '08:30'));
      assert.deepEqual(await planning.reschedule(booked.reference, other('08', '08:30')), { ok: false, reason: 'taken' });
      assert.equal((await planning.get(booked.reference))?.appointmentAt, '2026-12-09T08:30:00+01:00');
    });

    it('keeps the legs of pickup & delivery', async () => {
      const { planning } = ctx();
      const pd = (day: string) => slotAt(dealer, 'pickup-delivery', `2026-12-${day}T09:00:00+01:00`, 6);
      const booked = await mustBook(planning, pd('09'), { legs: 'pickup' });
      const moved = await planning.reschedule(booked.reference, pd('10'));
      assert.ok(moved.ok);
      assert.equal(moved.booking.legs, 'pickup');
    });

    it('says not-found for an unknown, a cancelled or a lapsed reservation', async () => {
      const { planning, clock } = ctx();
      assert.deepEqual(await planning.reschedule('MC-AAAAAA', other('10', '08:30')), { ok: false, reason: 'not-found' });
      const cancelled = await mustBook(planning, other('09', '08:30'));
      await planning.cancel(cancelled.reference);
      assert.deepEqual(await planning.reschedule(cancelled.reference, other('10', '08:30')), { ok: false, reason: 'not-found' });
      const held = await planning.hold(request(other('11', '08:30')));
      assert.ok(held.ok);
      clock.advance(HOLD_MINUTES);
      assert.deepEqual(await planning.reschedule(held.reference, other('10', '08:30')), { ok: false, reason: 'not-found' });
    });

    it('moves a hold, which stays a hold', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(other('09', '08:30')));
      assert.ok(held.ok);
      assert.ok((await planning.reschedule(held.reference, other('10', '08:30'))).ok);
      const got = await planning.get(held.reference);
      assert.equal(got?.status, 'held');
      assert.equal(got?.appointmentAt, '2026-12-10T08:30:00+01:00');
      assert.ok((await planning.book(request(other('09', '08:30')))).ok);
    });
  });
}
