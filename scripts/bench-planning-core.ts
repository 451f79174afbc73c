/**
 * The planning benchmark, for any `PlanningSystem` given by a factory: a dealer with 50 courtesy
 * cars and a big workshop, 10,000 reservations over the 90-day horizon, then availability
 * searches (p50/p99) and confirms under contention (bookings/s, p50/p99, conflicts).
 * A measurement, not a test: timing never decides a test's outcome.
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { SolutionId } from '../dialogs/model';
import type { Dealer } from '../src/dealer/schema';
import { acceptanceStarts } from '../src/planning/acceptance-slots';
import { addDays, formatInstant } from '../src/planning/calendar';
import type { PlanningSystem, SlotQuery } from '../src/planning/planning';
import { query, request, slotAt } from '../test/planning/contract/builders';
import type { MakePlanning } from '../test/planning/contract/types';
import { fixtureDealer, NOW } from '../test/planning/fixture-dealer';

export const RESERVATIONS = 10_000;
export const SEARCHES = 600;
const FIRST_DAY = '2026-12-01';

/** 30 brand + 20 other-brand cars, 16 advisors, a workshop for ~200 jobs a day, an online share. */
export function benchDealer(): Dealer {
  return fixtureDealer((raw) => {
    raw.fleet = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `brand-${i + 1}`, kind: 'courtesy-car-brand', model: 'Grecale', plate: `GB${String(i).padStart(3, '0')}AA` })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `other-${i + 1}`, kind: 'courtesy-car-other', model: 'Fiat 500e', plate: `GO${String(i).padStart(3, '0')}AA` })),
    ];
    raw.workshop.advisors = 16;
    raw.workshop.technicianHoursPerDay = 800;
    raw.mobility.rental.dailyQuota = 12;
    raw.mobility.pickupDelivery.driversPerHalfDay = 10;
    raw.mobility.staffShuttle.tripsPerHalfDay = 10;
    raw.mobility.advisorShare = 0.2;
  });
}

/** A small deterministic generator (the same load on every run and every adapter). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms   max ${sorted[sorted.length - 1].toFixed(2)} ms   (${times.length})`;
}

const FILL_MIX: [SolutionId, number][] = [
  ['courtesy-car-brand', 3], ['courtesy-car-other', 2], ['taxi', 2], ['none', 3], ['public-transport', 1],
  ['rental-car', 1], ['pickup-delivery', 1], ['staff-shuttle', 1],
];
const FILL_SOLUTIONS = FILL_MIX.flatMap(([s, n]) => Array<SolutionId>(n).fill(s));

/** Books {@link RESERVATIONS} as advisors, spread evenly over the horizon: round after round over every acceptance start. */
export async function fill(planning: PlanningSystem, dealer: Dealer): Promise<{ booked: number; refused: number; ms: number }> {
  const starts: string[] = [];
  for (let day = addDays(FIRST_DAY, 1); day <= addDays(FIRST_DAY, dealer.workshop.bookingHorizonDays); day = addDays(day, 1)) {
    for (const start of acceptanceStarts(dealer, day)) starts.push(formatInstant(dealer, start));
  }
  const next = random(42);
  let booked = 0;
  let refused = 0;
  const t0 = performance.now();
  for (let round = 0; booked < RESERVATIONS && round < 50; round++) {
    for (const at of starts) {
      if (booked === RESERVATIONS) break;
      // Leave some starts free in every round, so that searches find gaps here and there.
      if (next() < 0.15) continue;
      const solution = FILL_SOLUTIONS[Math.floor(next() * FILL_SOLUTIONS.length)];
      const hours = [1, 2, 3, 4, 6][Math.floor(next() * 5)];
      const result = await planning.book(request(slotAt(dealer, solution, at, hours), { bookedBy: 'advisor', ...(solution === 'pickup-delivery' ? { legs: 'both' } : {}) }));
      if (result.ok) booked++;
      else refused++;
    }
  }
  return { booked, refused, ms: performance.now() - t0 };
}

/** Search kinds a conversation makes, over random days of the horizon. */
export function searchQueries(dealer: Dealer): { kind: string; q: SlotQuery }[] {
  const next = random(7);
  const solutions: SolutionId[] = ['courtesy-car-brand', 'courtesy-car-other', 'rental-car', 'pickup-delivery', 'taxi', 'staff-shuttle'];
  const day = () => addDays(FIRST_DAY, 1 + Math.floor(next() * dealer.workshop.bookingHorizonDays));
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const kinds: [string, () => Parameters<typeof query>[0]][] = [
    ['date', () => ({ date: day() })],
    ['date + part', () => ({ date: day(), part: pick(['morning', 'afternoon'] as const) })],
    ['date + time', () => ({ date: day(), time: pick(['08:30', '09:30', '11:00', '14:30', '16:00', '17:30']) })],
    ['asap', () => ({ asap: true })],
  ];
  return Array.from({ length: SEARCHES }, (_, i) => {
    const [kind, wish] = kinds[i % kinds.length];
    return { kind, q: query(wish(), { solution: pick(solutions), downtimeHours: pick([1, 2, 3, 4, 6, 8]) }) };
  });
}

async function searches(planning: PlanningSystem, dealer: Dealer): Promise<void> {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const outcomes = { wished: 0, refused: 0 };
  const queries = searchQueries(dealer);
  for (const { q } of queries.slice(0, 20)) await planning.findSlots(q); // warm-up
  for (const { kind, q } of queries) {
    const t = performance.now();
    const found = await planning.findSlots(q);
    const ms = performance.now() - t;
    all.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    outcomes[found.wished ? 'wished' : 'refused']++;
  }
  console.log(`  availability, all kinds               ${summary(all)}   wished ${outcomes.wished}, refused with alternatives ${outcomes.refused}`);
  for (const [kind, times] of byKind) console.log(`    ${kind.padEnd(34)} ${summary(times)}`);
  // The worst case: nothing in the whole horizon (a 40 h job keeps a car beyond any free span).
  const worst: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'courtesy-car-brand', downtimeHours: 400 }));
    worst.push(performance.now() - t);
  }
  console.log(`  availability, nothing in the horizon  ${summary(worst)}`);
}

/**
 * `bookers` conversations at once, each confirming one of a few slots (the same acceptance
 * times, brand cars) and cancelling what it got so that the contention goes on.
 */
async function contention(planning: PlanningSystem, dealer: Dealer, bookers: number, attempts: number): Promise<void> {
  const slots = ['08:30', '09:00', '09:30'].map((t) => slotAt(dealer, 'courtesy-car-brand', `2027-03-03T${t}:00+01:00`, 3));
  const latencies: number[] = [];
  let booked = 0;
  let conflicts = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: bookers }, async (_, b) => {
      for (let i = 0; i < attempts; i++) {
        const t = performance.now();
        const result = await planning.book(request(slots[(b + i) % slots.length]));
        latencies.push(performance.now() - t);
        if (result.ok) {
          booked++;
          await planning.cancel(result.booking.reference);
        } else conflicts++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  confirms, ${bookers} concurrent bookers × ${attempts}: ${(latencies.length / seconds).toFixed(0)} confirms/s ` +
      `(${(booked / seconds).toFixed(0)} bookings/s), ${booked} booked, ${conflicts} conflicts   ${summary(latencies)}`,
  );
}

/** Runs the whole bench on a fresh planning from `make`, printing under `name`. */
export async function runPlanningBench(name: string, make: MakePlanning): Promise<void> {
  const dealer = benchDealer();
  const clock = () => new Date(NOW);
  const planning = await make(dealer, { clock, holdMinutes: 5 });
  try {
    console.log(`${name}: 50 courtesy cars, 16 advisors, ${dealer.workshop.bookingHorizonDays}-day horizon`);
    const filled = await fill(planning, dealer);
    console.log(
      `  fill: ${filled.booked} reservations (${filled.refused} refused) in ${(filled.ms / 1000).toFixed(1)} s, ` +
        `${(filled.ms / (filled.booked + filled.refused)).toFixed(2)} ms per uncontended book`,
    );
    await searches(planning, dealer);
    for (const bookers of [4, 16, 64]) await contention(planning, dealer, bookers, 25);
  } finally {
    await planning.close();
  }
}
