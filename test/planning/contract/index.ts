/**
 * The shared contract every `PlanningSystem` passes (SQLite, PostgreSQL, HTTP to a DMS):
 * call `describePlanningContract('PostgreSQL', make)` from the adapter's test file. Every test
 * opens its own fresh, empty planning with `make`, on a clock the test moves, and closes it.
 * @module
 */
import { describeAddressChange } from './address';
import { describeAddWork } from './add-work';
import { describeBook } from './book';
import { describeChanges } from './changes';
import { describeFindSlots } from './find-slots';
import { describeHolds } from './holds';
import { describeQuota } from './quota';
import { describeReschedule } from './reschedule';
import { describeVehicleOverlap } from './vehicle-overlap';
import type { MakePlanning } from './types';

export type { MakePlanning } from './types';
export { describePlanningProperties } from './properties';
export { assertNoOverbooking } from './invariants';

/** Registers the contract's mocha suites under `planning contract (<name>)`. */
export function describePlanningContract(name: string, make: MakePlanning): void {
  describe(`planning contract (${name})`, () => {
    describeFindSlots(make);
    describeBook(make);
    describeHolds(make);
    describeReschedule(make);
    describeChanges(make);
    describeAddressChange(make);
    describeAddWork(make);
    describeQuota(make);
    describeVehicleOverlap(make);
  });
}
