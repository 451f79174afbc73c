import { strict as assert } from 'node:assert';
import type { Placement, ReservationEvent } from '../../../src/planning/planning';
import { fixtureDealer, NOW } from '../fixture-dealer';
import { mustBook, request, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
const pd = (day: string, time = '09:00') => slotAt(dealer, 'pickup-delivery', `2026-12-${day}T${time}:00+01:00`, 6);
const other = (day: string) => slotAt(dealer, 'courtesy-car-other', `2026-12-${day}T08:30:00+01:00`, 3);
const after = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const where = (slot: Placement, more: Partial<Placement> = {}): Placement => ({
  solution: slot.solution,
  ...(slot.solution === 'pickup-delivery' ? { legs: 'both' as const } : {}),
  appointmentAt: slot.appointmentAt,
  handoverAt: slot.handoverAt,
  returnAt: slot.returnAt,
  ...more,
});
const OLD = 'Via Roma 1, Modena';
const NEW = 'Via Emilia Est 200, Modena';

/** #13: a reschedule may carry a new pickup & delivery address, stored and recorded with who and when. */
export function describeAddressChange(make: MakePlanning): void {
  describe('reschedule with a new address', () => {
    const ctx = usePlanning(make, dealer);

    it('changes only the address on the same slot, keeps its resources, and records old → new', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, pd('09'), { address: OLD });
      clock.advance(4);
      const changed = await planning.reschedule(booked.reference, pd('09'), undefined, { kind: 'customer' }, { address: NEW });
      assert.ok(changed.ok);
      assert.deepEqual(changed.booking, booked, 'same slot, same resources');
      const got = await planning.get(booked.reference);
      assert.equal(got?.address, NEW);
      assert.equal(got?.status, 'confirmed');
      const expected: ReservationEvent[] = [
        { type: 'created', at: after(0), by: { kind: 'customer' } },
        { type: 'rescheduled', at: after(4), by: { kind: 'customer' }, from: where(pd('09'), { address: OLD }), to: where(pd('09'), { address: NEW }) },
      ];
      assert.deepEqual(got?.history, expected);
      assert.equal((await planning.list())[0]?.address, NEW, 'the list shows it too');
    });

    it('the same address again changes and records nothing (a retried change)', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, pd('09'), { address: OLD });
      assert.ok((await planning.reschedule(booked.reference, pd('09'), undefined, { kind: 'customer' }, { address: NEW })).ok);
      assert.ok((await planning.reschedule(booked.reference, pd('09'), undefined, { kind: 'customer' }, { address: NEW })).ok);
      const got = await planning.get(booked.reference);
      assert.equal(got?.history.length, 2);
      assert.equal(got?.address, NEW);
    });

    it('moves to pickup & delivery with the new address in one change (no address before)', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, other('09'));
      clock.advance(2);
      const moved = await planning.reschedule(booked.reference, pd('10'), 'both', { kind: 'customer' }, { address: NEW });
      assert.ok(moved.ok);
      assert.equal(moved.booking.solution, 'pickup-delivery');
      const got = await planning.get(booked.reference);
      assert.equal(got?.address, NEW);
      assert.deepEqual(got?.history.at(-1), {
        type: 'rescheduled', at: after(2), by: { kind: 'customer' }, from: where(other('09')), to: where(pd('10'), { address: NEW }),
      });
    });

    it('a move without an address keeps the stored one, and its entry names no address', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, pd('09'), { address: OLD });
      assert.ok((await planning.reschedule(booked.reference, pd('10'), undefined, { kind: 'customer' })).ok);
      const got = await planning.get(booked.reference);
      assert.equal(got?.address, OLD);
      assert.deepEqual(got?.history.at(-1), {
        type: 'rescheduled', at: after(0), by: { kind: 'customer' }, from: where(pd('09')), to: where(pd('10')),
      });
    });

    it('keeps the old address when the new slot is taken, and says not-found for a cancelled booking', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09'));
      await mustBook(planning, other('10'));
      assert.deepEqual(await planning.reschedule(booked.reference, other('10'), undefined, { kind: 'customer' }, { address: NEW }), { ok: false, reason: 'taken' });
      const got = await planning.get(booked.reference);
      assert.equal(got?.address, undefined);
      assert.equal(got?.history.length, 1);
      await planning.cancel(booked.reference);
      assert.deepEqual(await planning.reschedule(booked.reference, other('09'), undefined, { kind: 'customer' }, { address: NEW }), { ok: false, reason: 'not-found' });
    });

    it('a hold takes the new address but keeps no history', async () => {
      const { planning } = ctx();
      const held = await planning.hold(request(pd('09'), { address: OLD }));
      assert.ok(held.ok);
      assert.ok((await planning.reschedule(held.reference, pd('09'), undefined, { kind: 'customer' }, { address: NEW })).ok);
      const got = await planning.get(held.reference);
      assert.equal(got?.address, NEW);
      assert.equal(got?.status, 'held');
      assert.deepEqual(got?.history, []);
    });
  });
}
