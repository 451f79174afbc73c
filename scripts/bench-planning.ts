/**
 * `npm run bench:planning`: availability search on the embedded SQLite planning, with a
 * workshop booked full for 90 days (thousands of reservations). Prints p50/p99 per scenario.
 * A measurement, not a test: timing never decides a test's outcome.
 */
import { performance } from 'node:perf_hooks';
import { acceptanceStarts } from '../src/planning/acceptance-slots';
import { addDays, formatInstant } from '../src/planning/calendar';
import type { PlanningSystem, SlotQuery } from '../src/planning/planning';
import { fixtureDealer } from '../test/planning/fixture-dealer';
import { memoryPlanning, query, request, slotAt } from '../test/planning/helpers';

/** A bigger workshop, so that thousands of reservations fit in the horizon. */
const dealer = fixtureDealer((raw) => {
  raw.workshop.advisors = 3;
  raw.workshop.technicianHoursPerDay = 400;
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name: string, planning: PlanningSystem, q: SlotQuery, runs: number): Promise<void> {
  await planning.findSlots(q);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await planning.findSlots(q);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} p50 ${percentile(times, 50).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms   (${runs} runs)`);
}

async function main(): Promise<void> {
  const planning = memoryPlanning(dealer);
  let booked = 0;
  const t0 = performance.now();
  for (let day = '2026-12-02'; day <= '2027-03-01'; day = addDays(day, 1)) {
    for (const start of acceptanceStarts(dealer, day)) {
      const at = formatInstant(dealer, start);
      for (const solution of ['courtesy-car-brand', 'taxi', 'none'] as const) {
        if ((await planning.book(request(slotAt(dealer, solution, at, 4)))).ok) booked++;
      }
    }
  }
  const bookMs = performance.now() - t0;
  console.log(`SQLite (in memory): ${booked} reservations booked in ${bookMs.toFixed(0)} ms (${(bookMs / booked).toFixed(2)} ms per book, uncontended)`);
  await measure('wished slot free (other-brand car, afternoon)', planning, query({ date: '2027-01-20', part: 'afternoon' }, { solution: 'courtesy-car-other' }), 200);
  await measure('full day → alternatives (no mobility, 10:00)', planning, query({ date: '2027-01-20', time: '10:00' }, { solution: 'none' }), 200);
  await measure('nothing free in the horizon (brand car, 40 h)', planning, query({ date: '2026-12-09' }, { solution: 'courtesy-car-brand', downtimeHours: 40 }), 20);
  await planning.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
