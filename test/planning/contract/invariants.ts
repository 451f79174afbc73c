/**
 * "A resource is never given twice and no capacity is exceeded" (R10), checked from a listing
 * alone, so that every store's property test can reuse it.
 * @module
 */
import { strict as assert } from 'node:assert';
import type { Dealer } from '../../../src/dealer/schema';
import { addDays, startOfDay } from '../../../src/planning/calendar';
import { dayCapacityHours, demandOf, type Demand } from '../../../src/planning/demand';
import type { Reservation } from '../../../src/planning/planning';

const EPSILON = 1e-9;

/** The largest number of [start, end) spans covering one instant. */
function peakOverlap(spans: [number, number][]): number {
  // Ends sort before starts at the same instant: [a, b) and [b, c) do not overlap.
  const events = spans.flatMap(([s, e]) => [[s, 1], [e, -1]] as [number, number][]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of events) peak = Math.max(peak, (current += delta));
  return peak;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Fails when live (held or confirmed) reservations give a courtesy car twice at overlapping
 * times or while it is out of service, or exceed the dealer's full capacity of advisors, workshop
 * hours per day, rentals per day, drivers or shuttle trips per half-day. Cancelled ones are ignored.
 */
export function assertNoOverbooking(dealer: Dealer, reservations: readonly Reservation[]): void {
  const live = reservations.filter((r) => r.status === 'held' || r.status === 'confirmed');
  const demands: [Reservation, Demand][] = live.map((r) => [r, demandOf(dealer, r, r.legs)]);
  const { workshop, mobility } = dealer;

  for (const [r, d] of demands) {
    if (!d.car) continue;
    const car = dealer.fleet.find((c) => c.id === r.resourceId);
    assert.ok(car, `${r.reference} (${r.solution}) has no car of the fleet: ${r.resourceId}`);
    assert.equal(car.kind, r.solution, `${r.reference} got a car of the wrong kind`);
    for (const out of car.outOfService) {
      const [from, to] = [startOfDay(dealer, out.from).toMillis(), startOfDay(dealer, addDays(out.to, 1)).toMillis()];
      assert.ok(d.car.endMs <= from || d.car.startMs >= to, `${r.reference} got ${car.id} while out of service`);
    }
  }
  const byCar = new Map<string, [Reservation, Demand][]>();
  for (const entry of demands) if (entry[1].car) byCar.set(entry[0].resourceId!, [...(byCar.get(entry[0].resourceId!) ?? []), entry]);
  for (const [car, entries] of byCar) {
    const refs = entries.map(([r]) => r.reference).join(', ');
    assert.ok(peakOverlap(entries.map(([, d]) => [d.car!.startMs, d.car!.endMs])) <= 1, `${car} given twice at once: ${refs}`);
  }

  const acceptances = demands.map(([, d]) => [d.acceptance.startMs, d.acceptance.endMs] as [number, number]);
  assert.ok(peakOverlap(acceptances) <= workshop.advisors, `more than ${workshop.advisors} acceptances at once`);

  const hours = new Map<string, number>();
  for (const [, d] of demands) hours.set(d.workshop.day, (hours.get(d.workshop.day) ?? 0) + d.workshop.hours);
  for (const [day, h] of hours) assert.ok(h <= dayCapacityHours(dealer) + EPSILON, `${h} workshop hours planned on ${day}`);

  const quota = mobility.rental.allowed ? mobility.rental.dailyQuota : 0;
  for (const [day, n] of countBy(demands.flatMap(([, d]) => d.rentalDays ?? []))) {
    assert.ok(n <= quota, `${n} rentals on ${day} (quota ${quota})`);
  }
  const halves = (pick: (d: Demand) => { day: string; part: string }[] | undefined) =>
    countBy(demands.flatMap(([, d]) => (pick(d) ?? []).map((h) => `${h.day} ${h.part}`)));
  for (const [half, n] of halves((d) => d.drivers)) {
    assert.ok(n <= mobility.pickupDelivery.driversPerHalfDay, `${n} drivers in ${half}`);
  }
  for (const [half, n] of halves((d) => d.shuttleTrips)) {
    assert.ok(n <= mobility.staffShuttle.tripsPerHalfDay, `${n} shuttle trips in ${half}`);
  }
}
