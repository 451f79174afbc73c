/**
 * Small builders shared by the planning tests (the store-independent ones live in contract/).
 * @module
 */
import type { Legs, Slot } from '../../dialogs/model';
import type { Dealer } from '../../src/dealer/schema';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { mustBook as mustBookWith } from './contract/builders';
import { fixtureDealer, NOW } from './fixture-dealer';

export { query, request, slotAt } from './contract/builders';

/** An in-memory planning whose clock stands at {@link NOW}. */
export function memoryPlanning(dealer: Dealer = fixtureDealer()): PlanningSystem {
  return createSqlitePlanning(dealer, { file: ':memory:', clock: () => new Date(NOW) });
}

/** Books a slot and fails the test when the planning refuses it. */
export function mustBook(planning: PlanningSystem, slot: Slot, legs?: Legs) {
  return mustBookWith(planning, slot, legs ? { legs } : {});
}
