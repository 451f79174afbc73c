import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { acceptanceStarts } from '../../src/planning/acceptance-slots';
import { addDays, formatInstant } from '../../src/planning/calendar';
import type { PlanningSystem, SlotQuery } from '../../src/planning/planning';
import { fixtureDealer } from './fixture-dealer';
import { memoryPlanning, query, request, slotAt } from './helpers';

/** A bigger workshop, so that thousands of reservations fit in the horizon. */
const dealer = fixtureDealer((raw) => {
  raw.workshop.advisors = 3;
  raw.workshop.technicianHoursPerDay = 400;
});

async function msPerSearch(planning: PlanningSystem, q: SlotQuery, runs = 20): Promise<number> {
  await planning.findSlots(q);
  const start = performance.now();
  for (let i = 0; i < runs; i++) await planning.findSlots(q);
  return (performance.now() - start) / runs;
}

describe('planning performance (SQLite, thousands of reservations)', function () {
  this.timeout(120_000);
  let planning: PlanningSystem;

  before(async () => {
    planning = memoryPlanning(dealer);
    let booked = 0;
    // Every acceptance of every open day for 90 days: a brand car kept for 4 h, a taxi and no mobility.
    for (let day = '2026-12-02'; day <= '2027-03-01'; day = addDays(day, 1)) {
      for (const start of acceptanceStarts(dealer, day)) {
        const at = formatInstant(dealer, start);
        for (const solution of ['courtesy-car-brand', 'taxi', 'none'] as const) {
          if ((await planning.book(request(slotAt(dealer, solution, at, 4)))).ok) booked++;
        }
      }
    }
    assert.ok(booked > 2000, `only ${booked} reservations`);
  });
  after(() => planning.close());

  it('finds a wished slot in a few milliseconds', async () => {
    const ms = await msPerSearch(planning, query({ date: '2027-01-20', part: 'afternoon' }, { solution: 'courtesy-car-other' }));
    assert.ok(ms < 10, `${ms.toFixed(2)} ms`);
  });

  it('proposes alternatives for a full day in a few milliseconds', async () => {
    const ms = await msPerSearch(planning, query({ date: '2027-01-20', time: '10:00' }, { solution: 'none' }));
    assert.ok(ms < 10, `${ms.toFixed(2)} ms`);
  });

  it('scans the whole horizon when nothing is free, still quickly', async () => {
    const ms = await msPerSearch(planning, query({ date: '2026-12-09' }, { solution: 'courtesy-car-brand', downtimeHours: 40 }), 5);
    assert.ok(ms < 100, `${ms.toFixed(2)} ms`);
  });
});
