import { strict as assert } from 'node:assert';
import type { Slot } from '../../../dialogs/model';
import { dayStatus } from '../../../src/planning/calendar';
import { fixtureDealer } from '../fixture-dealer';
import { mustBook, query, slotAt } from './builders';
import { usePlanning } from './harness';
import type { MakePlanning } from './types';

const dealer = fixtureDealer();
const dayOf = (s: Slot) => s.appointmentAt.slice(0, 10);
const timeOf = (s: Slot) => s.appointmentAt.slice(11, 16);

/** At least two alternatives, nearest first, on different open days. */
function assertGoodAlternatives(alternatives: Slot[], order: 'forward' | 'backward' = 'forward') {
  assert.ok(alternatives.length >= 2, `only ${alternatives.length} alternatives`);
  const days = alternatives.map(dayOf);
  assert.equal(new Set(days).size, days.length, `days repeat: ${days}`);
  const sorted = [...days].sort();
  assert.deepEqual(order === 'forward' ? sorted : sorted.reverse(), days, `not nearest first: ${days}`);
  for (const day of days) assert.equal(dayStatus(dealer, day).kind, 'open', `${day} is not open`);
}

/** findSlots: the wish, refusals, alternatives and every capacity (R5–R9). */
export function describeFindSlots(make: MakePlanning): void {
  describe('findSlots', () => {
    const ctx = usePlanning(make, dealer);

    describe('a wish that can be met', () => {
      it('gives the earliest slot of a wished day, with handover right after the acceptance', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09' }));
        assert.deepEqual(found.wished, {
          solution: 'courtesy-car-brand',
          appointmentAt: '2026-12-09T08:30:00+01:00',
          handoverAt: '2026-12-09T09:00:00+01:00',
          returnAt: '2026-12-09T12:00:00+01:00',
        });
        assert.equal(found.refusal, undefined);
      });
      it('gives the earliest slot of the wished part of the day', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09', part: 'afternoon' }));
        assert.equal(found.wished?.appointmentAt, '2026-12-09T14:00:00+01:00');
      });
      it('gives the exact wished time', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09', time: '16:30' }));
        assert.equal(found.wished?.appointmentAt, '2026-12-09T16:30:00+01:00');
        assert.equal(found.wished?.returnAt, '2026-12-10T10:00:00+01:00');
      });
      it('gives the earliest slot at least an hour from now for "as soon as possible"', async () => {
        const found = await ctx().planning.findSlots(query({ asap: true }));
        assert.equal(found.wished?.appointmentAt, '2026-12-01T10:00:00+01:00');
      });
    });

    describe('refusals', () => {
      const refusals: [string, Parameters<typeof query>[0], string, string?][] = [
        ['a day gone by', { date: '2026-11-30' }, 'past'],
        ['an hour gone by today', { date: '2026-12-01', time: '08:30' }, 'past'],
        ['a time within the hour of notice', { date: '2026-12-01', time: '09:30' }, 'past'],
        ['a holiday, by name', { date: '2026-12-08' }, 'holiday', 'Immacolata'],
        ['a closure, by reason', { date: '2027-02-15' }, 'holiday', 'Inventario'],
        ['a Sunday', { date: '2026-12-13' }, 'closed'],
        ['the lunch break', { date: '2026-12-09', time: '13:00' }, 'closed'],
        ['an acceptance that would end after closing', { date: '2026-12-09', time: '18:15' }, 'closed'],
        ['a Saturday afternoon', { date: '2026-12-12', part: 'afternoon' }, 'closed'],
        ['a day beyond the horizon', { date: '2027-06-01' }, 'beyond-horizon'],
      ];
      for (const [name, wish, refusal, detail] of refusals) {
        it(`refuses ${name} (${refusal}) and offers alternatives`, async () => {
          const found = await ctx().planning.findSlots(query(wish));
          assert.equal(found.wished, undefined);
          assert.equal(found.refusal, refusal);
          assert.equal(found.refusalDetail, detail);
          // Beyond the horizon, the nearest days to the wish are the horizon's last ones.
          assertGoodAlternatives(found.alternatives, refusal === 'beyond-horizon' ? 'backward' : 'forward');
        });
      }

      it('refuses pickup & delivery without 48 h of notice, and proposes from the notice on', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-02' }, { solution: 'pickup-delivery', legs: 'pickup' }));
        assert.equal(found.refusal, 'notice');
        assertGoodAlternatives(found.alternatives);
        assert.equal(found.alternatives[0].appointmentAt, '2026-12-03T09:00:00+01:00');
      });
      it('gives pickup & delivery the first slot after the notice on the day it ends', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-03' }, { solution: 'pickup-delivery', downtimeHours: 6 }));
        assert.equal(found.wished?.appointmentAt, '2026-12-03T09:00:00+01:00');
      });
      it('needs two drivers when both legs fall in the same half-day', async () => {
        // 09:00 + 30 min + 3 h = 12:30: pickup and delivery both in the morning, one driver only.
        const found = await ctx().planning.findSlots(query({ date: '2026-12-03' }, { solution: 'pickup-delivery', legs: 'both' }));
        assert.equal(found.wished?.appointmentAt, '2026-12-03T09:30:00+01:00');
      });
    });

    describe('alternatives', () => {
      it('skip Christmas, S. Stefano and Sunday', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-25' }));
        assert.equal(found.refusalDetail, 'Natale');
        assert.deepEqual(found.alternatives.map(dayOf), ['2026-12-28', '2026-12-29', '2026-12-30']);
      });
      it('keep the wished time of day as near as they can', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-13', time: '16:00' }));
        assert.equal(found.refusal, 'closed');
        assert.deepEqual(found.alternatives.map(timeOf), ['16:00', '16:00', '16:00']);
        assert.deepEqual(found.alternatives.map(dayOf), ['2026-12-14', '2026-12-15', '2026-12-16']);
      });
      it('keep the wished part of the day', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2026-12-08', part: 'afternoon' }));
        assert.deepEqual(found.alternatives.map(timeOf), ['14:00', '14:00', '14:00']);
      });
      it('start from the wished day when only the wished time is taken', async () => {
        await mustBook(ctx().planning, slotAt(dealer, 'taxi', '2026-12-09T10:00:00+01:00', 1));
        await mustBook(ctx().planning, slotAt(dealer, 'taxi', '2026-12-09T10:00:00+01:00', 1));
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09', time: '10:00' }, { solution: 'taxi' }));
        assert.equal(found.refusal, 'full');
        assert.deepEqual(
          found.alternatives.map((s) => s.appointmentAt),
          ['2026-12-09T09:30:00+01:00', '2026-12-10T10:00:00+01:00', '2026-12-11T10:00:00+01:00'],
        );
      });
      it('come from the last days of the horizon, nearest first, for a day beyond it', async () => {
        const found = await ctx().planning.findSlots(query({ date: '2027-06-01' }));
        assert.deepEqual(found.alternatives.map(dayOf), ['2027-03-01', '2027-02-27', '2027-02-26']);
      });
    });

    describe('capacity', () => {
      it('gives a courtesy car only when it is free for the whole span, handover to return', async () => {
        // Both brand cars are out from Wednesday morning.
        const wednesday = slotAt(dealer, 'courtesy-car-brand', '2026-12-09T08:30:00+01:00', 4);
        await mustBook(ctx().planning, wednesday);
        await mustBook(ctx().planning, wednesday);
        // Monday afternoon plus 8 working hours would keep a car until Wednesday (Tuesday is a holiday).
        const long = await ctx().planning.findSlots(query({ date: '2026-12-07', part: 'afternoon' }, { downtimeHours: 8 }));
        assert.equal(long.refusal, 'full');
        const short = await ctx().planning.findSlots(query({ date: '2026-12-07', part: 'afternoon' }, { downtimeHours: 2 }));
        assert.equal(short.wished?.appointmentAt, '2026-12-07T14:00:00+01:00');
      });
      it('does not give a car that is out of service', async () => {
        const during = await ctx().planning.findSlots(query({ date: '2026-12-15' }, { solution: 'courtesy-car-other' }));
        assert.equal(during.refusal, 'full');
        assert.equal(dayOf(during.alternatives[0]), '2026-12-19');
        const after = await ctx().planning.findSlots(query({ date: '2026-12-21' }, { solution: 'courtesy-car-other' }));
        assert.ok(after.wished);
      });
      it('offers no slot on a day whose workshop hours are planned, even with cars free', async () => {
        // 24 h × (1 − 20 %) = 19.2 h a day; 2 × 9 h are planned.
        await mustBook(ctx().planning, slotAt(dealer, 'taxi', '2026-12-09T08:30:00+01:00', 9));
        await mustBook(ctx().planning, slotAt(dealer, 'taxi', '2026-12-09T08:30:00+01:00', 9));
        const big = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { downtimeHours: 2 }));
        assert.equal(big.refusal, 'full');
        assert.notEqual(dayOf(big.alternatives[0]), '2026-12-09');
        const small = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { downtimeHours: 1 }));
        assert.ok(small.wished);
      });
      it('gives each advisor one acceptance at a time', async () => {
        await mustBook(ctx().planning, slotAt(dealer, 'none', '2026-12-09T08:30:00+01:00', 1));
        await mustBook(ctx().planning, slotAt(dealer, 'none', '2026-12-09T08:30:00+01:00', 1));
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { solution: 'none' }));
        assert.equal(found.wished?.appointmentAt, '2026-12-09T09:00:00+01:00');
      });
      it('counts pickup drivers per half-day', async () => {
        await mustBook(ctx().planning, slotAt(dealer, 'pickup-delivery', '2026-12-09T08:30:00+01:00', 1), { legs: 'pickup' });
        const morning = await ctx().planning.findSlots(query({ date: '2026-12-09', part: 'morning' }, { solution: 'pickup-delivery', legs: 'pickup' }));
        assert.equal(morning.refusal, 'full');
        assert.equal(timeOf(morning.alternatives[0]), '14:00');
        const delivery = await ctx().planning.findSlots(query({ date: '2026-12-09', part: 'morning' }, { solution: 'pickup-delivery', legs: 'delivery', downtimeHours: 6 }));
        assert.ok(delivery.wished, 'the delivery leg is in the afternoon, whose driver is free');
      });
      it('counts staff shuttle trips at drop-off and at collection', async () => {
        await mustBook(ctx().planning, slotAt(dealer, 'staff-shuttle', '2026-12-09T08:30:00+01:00', 6));
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { solution: 'staff-shuttle', downtimeHours: 1 }));
        assert.equal(found.refusal, 'full', 'the morning and afternoon trips are both taken');
      });
      it('keeps to the daily rental quota', async () => {
        await mustBook(ctx().planning, slotAt(dealer, 'rental-car', '2026-12-09T08:30:00+01:00', 2));
        const found = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { solution: 'rental-car' }));
        assert.equal(found.refusal, 'full');
        assert.equal(dayOf(found.alternatives[0]), '2026-12-10');
      });
      it('offers no rental car where local policy does not allow it', async () => {
        const noRental = await ctx().open(fixtureDealer((raw) => (raw.mobility.rental.allowed = false)));
        const found = await noRental.findSlots(query({ date: '2026-12-09' }, { solution: 'rental-car' }));
        assert.equal(found.refusal, 'full');
        assert.deepEqual(found.alternatives, []);
      });
      it('records taxi, public transport and no mobility without a limit', async () => {
        for (const solution of ['taxi', 'public-transport', 'none'] as const) {
          const found = await ctx().planning.findSlots(query({ date: '2026-12-09' }, { solution }));
          assert.ok(found.wished);
        }
      });
    });
  });
}
