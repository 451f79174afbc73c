/**
 * A fresh, empty planning per test with a clock the test moves (never a sleep), closed after it.
 * @module
 */
import type { Dealer } from '../../../src/dealer/schema';
import type { PlanningSystem } from '../../../src/planning/planning';
import { fixtureDealer, NOW } from '../fixture-dealer';
import type { MakePlanning } from './types';

/** The contract's hold length, minutes. */
export const HOLD_MINUTES = 5;

export interface TestClock {
  (): Date;
  /** Moves the clock forward (or back, negative). */
  advance(minutes: number): void;
}

export function testClock(start = NOW): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (minutes) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return clock;
}

export interface PlanningContext {
  dealer: Dealer;
  planning: PlanningSystem;
  clock: TestClock;
  /** Another planning for a tweaked dealer, on the same clock, closed after the test. */
  open(dealer: Dealer): Promise<PlanningSystem>;
}

/** Registers before/afterEach hooks; the returned function gives the current test's context. */
export function usePlanning(make: MakePlanning, dealer: Dealer = fixtureDealer()): () => PlanningContext {
  let context: PlanningContext | undefined;
  let opened: PlanningSystem[] = [];
  beforeEach(async () => {
    const clock = testClock();
    const open = async (d: Dealer) => {
      const planning = await make(d, { clock, holdMinutes: HOLD_MINUTES });
      opened.push(planning);
      return planning;
    };
    context = { dealer, clock, open, planning: await open(dealer) };
  });
  afterEach(async () => {
    await Promise.all(opened.map((p) => p.close()));
    opened = [];
    context = undefined;
  });
  return () => {
    if (!context) throw new Error('no planning outside a test');
    return context;
  };
}
