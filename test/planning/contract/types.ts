import type { Dealer } from '../../../src/dealer/schema';
import type { PlanningSystem } from '../../../src/planning/planning';

/** Opens a fresh, empty planning for the dealer, on the given clock and hold length. */
export type MakePlanning = (dealer: Dealer, options: { clock: () => Date; holdMinutes: number }) => Promise<PlanningSystem>;
