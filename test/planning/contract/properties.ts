/**
 * Property-based proof of R10 for any store: random sequences of holds, books, cancels,
 * reschedules, searches and clock moves by several keys, with {@link assertNoOverbooking} after each step.
 * @module
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Slot, SolutionId } from '../../../dialogs/model';
import type { PlanningSystem } from '../../../src/planning/planning';
import { fixtureDealer } from '../fixture-dealer';
import { query, request, slotAt } from './builders';
import { HOLD_MINUTES, testClock } from './harness';
import { assertNoOverbooking } from './invariants';
import type { MakePlanning } from './types';

/** Tight capacities, with an advisors' share so that both kinds of booker are exercised. */
const dealer = fixtureDealer((raw) => {
  raw.mobility.advisorShare = 0.34;
  raw.mobility.pickupDelivery.driversPerHalfDay = 2;
  raw.mobility.rental.dailyQuota = 2;
});

const SOLUTIONS: SolutionId[] = ['courtesy-car-brand', 'courtesy-car-other', 'rental-car', 'pickup-delivery', 'staff-shuttle', 'taxi'];
/** Few days and times, so that random steps collide often. */
const SLOTS: Slot[] = ['2026-12-09', '2026-12-10'].flatMap((day) =>
  ['08:30', '09:00', '11:30', '14:00', '17:30'].flatMap((time) =>
    SOLUTIONS.flatMap((solution) => [1, 3, 9].map((hours) => slotAt(dealer, solution, `${day}T${time}:00+01:00`, hours))),
  ),
);
const KEYS = 8;

type Step =
  | { op: 'hold' | 'book'; key: number; slot: number; advisor: boolean }
  | { op: 'cancel'; key: number }
  | { op: 'reschedule'; key: number; slot: number }
  | { op: 'advance'; minutes: number }
  /** A search's wished slot must be bookable at once: the search and `book` agree. */
  | { op: 'search'; slot: number; advisor: boolean };

const key = fc.nat({ max: KEYS - 1 });
const slot = fc.nat({ max: SLOTS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('hold' as const, 'book' as const), key, slot, advisor: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), key }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reschedule' as const), key, slot }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: HOLD_MINUTES + 2 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('search' as const), slot, advisor: fc.boolean() }) },
);

async function run(planning: PlanningSystem, clock: ReturnType<typeof testClock>, steps: Step[]): Promise<void> {
  /** The reference each key was given: it never changes. */
  const references = new Map<number, string>();
  const remember = (k: number, reference: string) => {
    const known = references.get(k);
    // A lapsed hold may be forgotten and its key start afresh; a confirmed one never.
    if (known === undefined) references.set(k, reference);
    return known;
  };
  let searches = 0;
  for (const s of steps) {
    if (s.op === 'advance') clock.advance(s.minutes);
    else if (s.op === 'search') {
      const { solution, appointmentAt } = SLOTS[s.slot];
      const bookedBy = s.advisor ? ('advisor' as const) : ('online' as const);
      const hours = [1, 3, 9][s.slot % 3];
      const wish = { date: appointmentAt.slice(0, 10), time: appointmentAt.slice(11, 16) };
      const found = await planning.findSlots(query(wish, { solution, downtimeHours: hours, bookedBy, now: clock().toISOString() }));
      if (found.wished) {
        const booked = await planning.book(request(found.wished, { idempotencyKey: `search-${++searches}`, bookedBy }));
        assert.ok(booked.ok, `found but not bookable: ${JSON.stringify(found.wished)} (${bookedBy})`);
      }
    }
    else if (s.op === 'cancel') {
      const reference = references.get(s.key);
      if (reference) await planning.cancel(reference);
    } else if (s.op === 'reschedule') {
      const reference = references.get(s.key);
      if (reference) await planning.reschedule(reference, SLOTS[s.slot]);
    } else {
      const r = request(SLOTS[s.slot], { idempotencyKey: `k${s.key}`, ...(s.advisor ? { bookedBy: 'advisor' } : {}) });
      if (s.op === 'hold') {
        const held = await planning.hold(r);
        if (held.ok) remember(s.key, held.reference);
      } else {
        const booked = await planning.book(r);
        if (booked.ok) {
          const known = remember(s.key, booked.booking.reference);
          if (known) assert.equal(booked.booking.reference, known, `key k${s.key} changed reference`);
        }
      }
    }
    const listed = await planning.list();
    assertNoOverbooking(dealer, listed);
    const keys = listed.map((r) => r.idempotencyKey);
    assert.equal(new Set(keys).size, keys.length, 'one reservation per key');
  }
}

/** Registers the property test; bounded (50 runs of up to 40 steps). */
export function describePlanningProperties(name: string, make: MakePlanning): void {
  describe(`planning properties (${name})`, () => {
    it('never gives a car twice nor exceeds a capacity, whatever the steps', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
          const clock = testClock();
          const planning = await make(dealer, { clock, holdMinutes: HOLD_MINUTES });
          try {
            await run(planning, clock, steps);
          } finally {
            await planning.close();
          }
        }),
        { numRuns: 50 },
      );
    });
  });
}
