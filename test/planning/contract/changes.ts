import { strict as assert } from 'node:assert';
import type { Actor, Placement, ReservationEvent } from '../../../src/planning/planning';
import { fixtureDealer, NOW } from '../fixture-dealer';
import { assertNoOverbooking } from './invariants';
import { mustBook, request, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
/** The fixture has one other-brand car (out of service 14–18 December). */
const other = (day: string, time = '08:30', hours = 3) => slotAt(dealer, 'courtesy-car-other', `2026-12-${day}T${time}:00+01:00`, hours);
/** The planning's clock `minutes` after the start, as the history writes it. */
const after = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const where = (slot: Placement): Placement => ({
  solution: slot.solution,
  appointmentAt: slot.appointmentAt,
  handoverAt: slot.handoverAt,
  returnAt: slot.returnAt,
});
const giulia: Actor = { kind: 'advisor', name: 'Giulia Neri' };

/** #13: who changed a reservation and when; reschedule and cancel are safe to repeat and atomic. */
export function describeChanges(make: MakePlanning): void {
  describe('changes: who and when, idempotent, atomic', () => {
    const ctx = usePlanning(make, dealer);

    it('records the creation, each move from → to and the cancellation, with who and when', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, other('09'));
      clock.advance(10);
      assert.ok((await planning.reschedule(booked.reference, other('10'), undefined, { kind: 'customer' })).ok);
      clock.advance(5);
      assert.ok((await planning.reschedule(booked.reference, other('11', '14:00'), undefined, giulia)).ok);
      clock.advance(1);
      assert.equal(await planning.cancel(booked.reference, { kind: 'customer' }), true);
      const expected: ReservationEvent[] = [
        { type: 'created', at: after(0), by: { kind: 'customer' } },
        { type: 'rescheduled', at: after(10), by: { kind: 'customer' }, from: where(other('09')), to: where(other('10')) },
        { type: 'rescheduled', at: after(15), by: giulia, from: where(other('10')), to: where(other('11', '14:00')) },
        { type: 'cancelled', at: after(16), by: { kind: 'customer' } },
      ];
      assert.deepEqual((await planning.get(booked.reference))?.history, expected);
      assert.deepEqual((await planning.list({ status: ['cancelled'] }))[0]?.history, expected, 'the list shows it too');
    });

    it('records staff when the caller names nobody, and a booking by an advisor as staff', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, other('09'), { bookedBy: 'advisor' });
      clock.advance(3);
      assert.ok((await planning.reschedule(booked.reference, other('10'))).ok);
      assert.equal(await planning.cancel(booked.reference), true);
      assert.deepEqual(
        (await planning.get(booked.reference))?.history.map((e) => [e.type, e.by, e.at]),
        [
          ['created', { kind: 'staff' }, after(0)],
          ['rescheduled', { kind: 'staff' }, after(3)],
          ['cancelled', { kind: 'staff' }, after(3)],
        ],
      );
    });

    it('keeps no history for a hold, even moved; its confirmation is the creation, by whom the request says', async () => {
      const { planning, clock } = ctx();
      const held = await planning.hold(request(other('09'), { idempotencyKey: 'conv-h' }));
      assert.ok(held.ok);
      assert.ok((await planning.reschedule(held.reference, other('10'), undefined, { kind: 'customer' })).ok);
      assert.deepEqual((await planning.get(held.reference))?.history, []);
      clock.advance(2);
      const confirmed = await planning.book(request(other('10'), { idempotencyKey: 'conv-h', by: giulia, bookedBy: 'advisor' }));
      assert.ok(confirmed.ok);
      assert.deepEqual((await planning.get(held.reference))?.history, [{ type: 'created', at: after(2), by: giulia }]);
    });

    it('cancels once: the same cancel again, or two at once, record one cancellation and free the slot once', async () => {
      const { planning, clock } = ctx();
      const first = await mustBook(planning, other('09'));
      assert.equal(await planning.cancel(first.reference, { kind: 'customer' }), true);
      clock.advance(7);
      assert.equal(await planning.cancel(first.reference, giulia), true, 'a repeated cancel still finds it');
      const second = await mustBook(planning, other('10'));
      assert.deepEqual(await Promise.all([planning.cancel(second.reference, giulia), planning.cancel(second.reference, giulia)]), [true, true]);
      const cancellations = async (reference: string) =>
        (await planning.get(reference))?.history.filter((e) => e.type === 'cancelled');
      assert.deepEqual(await cancellations(first.reference), [{ type: 'cancelled', at: after(0), by: { kind: 'customer' } }]);
      assert.equal((await cancellations(second.reference))?.length, 1);
      assert.equal((await planning.get(first.reference))?.status, 'cancelled');
      assert.ok((await planning.book(request(other('09')))).ok, 'the first slot is free');
      assert.ok((await planning.book(request(other('10')))).ok, 'the second slot is free');
    });

    it('takes a retried reschedule (the same slot again) as done: same booking, one move recorded', async () => {
      const { planning, clock } = ctx();
      const booked = await mustBook(planning, other('09'));
      const moved = await planning.reschedule(booked.reference, other('10'), undefined, { kind: 'customer' });
      assert.ok(moved.ok);
      clock.advance(1);
      assert.deepEqual(await planning.reschedule(booked.reference, other('10'), undefined, { kind: 'customer' }), moved);
      assert.equal((await planning.get(booked.reference))?.history.filter((e) => e.type === 'rescheduled').length, 1);
      assert.deepEqual(await planning.book(request(other('10'))), { ok: false, reason: 'taken' }, 'still held by the booking');
      assert.ok((await planning.book(request(other('09')))).ok, 'the old slot is free');
    });

    it('does not move a cancelled booking: not-found, nothing taken, nothing recorded', async () => {
      const { planning } = ctx();
      const booked = await mustBook(planning, other('09'));
      await planning.cancel(booked.reference, { kind: 'customer' });
      assert.deepEqual(await planning.reschedule(booked.reference, other('10'), undefined, giulia), { ok: false, reason: 'not-found' });
      const got = await planning.get(booked.reference);
      assert.equal(got?.status, 'cancelled');
      assert.equal(got?.appointmentAt, other('09').appointmentAt);
      assert.deepEqual(got?.history.map((e) => e.type), ['created', 'cancelled']);
      assert.ok((await planning.book(request(other('10')))).ok, 'the slot asked for was not taken');
    });

    it('never frees the old slot before the new one is held: a booker waiting for it gets nothing when the move fails', async () => {
      const { planning } = ctx();
      const a = await mustBook(planning, other('09'));
      await mustBook(planning, other('10'));
      const [moved, grabbed] = await Promise.all([planning.reschedule(a.reference, other('10', '09:00')), planning.book(request(other('09')))]);
      assert.deepEqual(moved, { ok: false, reason: 'taken' });
      assert.deepEqual(grabbed, { ok: false, reason: 'taken' });
      const got = await planning.get(a.reference);
      assert.equal(got?.appointmentAt, other('09').appointmentAt);
      assert.deepEqual(got?.history.map((e) => e.type), ['created'], 'a failed move is not history');
    });

    it('gives a contested slot to either the move or the new booking, never both, and frees the old slot only if it moved', async () => {
      const { planning } = ctx();
      const a = await mustBook(planning, other('09'));
      const [moved, booked] = await Promise.all([planning.reschedule(a.reference, other('11')), planning.book(request(other('11')))]);
      assert.equal([moved.ok, booked.ok].filter(Boolean).length, 1);
      const got = await planning.get(a.reference);
      assert.equal(got?.appointmentAt, (moved.ok ? other('11') : other('09')).appointmentAt);
      const old = await planning.book(request(other('09')));
      assert.equal(old.ok, moved.ok, 'the old slot is free exactly when the booking moved');
      assertNoOverbooking(dealer, await planning.list());
    });

    it('runs concurrent reschedules of one booking one after the other: it ends on one slot asked, the history a chain', async () => {
      const { planning } = ctx();
      const a = await mustBook(planning, other('09'));
      const targets = [other('10'), other('11'), other('12')];
      const results = await Promise.all(targets.map((slot) => planning.reschedule(a.reference, slot, undefined, { kind: 'customer' })));
      assert.ok(results.every((r) => r.ok));
      const got = await planning.get(a.reference);
      assert.ok(got);
      const moves = got.history.filter((e) => e.type === 'rescheduled');
      assert.equal(moves.length, 3);
      // Each move starts where the one before ended, from the original slot to where it is now.
      assert.deepEqual(moves[0].from, where(other('09')));
      for (let i = 1; i < moves.length; i++) assert.deepEqual(moves[i].from, moves[i - 1].to);
      assert.deepEqual(moves[2].to, where(got));
      for (const slot of [other('09'), ...targets].filter((s) => s.appointmentAt !== got.appointmentAt)) {
        assert.ok((await planning.book(request(slot))).ok, `${slot.appointmentAt} is free`);
      }
      assertNoOverbooking(dealer, await planning.list());
    });

    it('moves exactly one of two bookings rescheduled at once onto the one free car; the other stays put', async () => {
      const { planning } = ctx();
      const a = await mustBook(planning, other('09'));
      const b = await mustBook(planning, other('10'));
      const results = await Promise.all([a, b].map((x) => planning.reschedule(x.reference, other('11'))));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.deepEqual(results.find((r) => !r.ok), { ok: false, reason: 'taken' });
      const [gotA, gotB] = [await planning.get(a.reference), await planning.get(b.reference)];
      const stayed = results[0].ok ? gotB : gotA;
      assert.equal(stayed?.appointmentAt, (results[0].ok ? other('10') : other('09')).appointmentAt);
      assertNoOverbooking(dealer, await planning.list());
    });
  });
}
