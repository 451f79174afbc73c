/**
 * Client → stand-in → SQLite in memory, for the HTTP DMS tests.
 * @module
 */
import type { Dealer } from '../../src/dealer/schema';
import { createHttpDmsPlanning, type HttpDmsPlanningOptions } from '../../src/planning/http-dms';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { MakePlanning } from './contract';
import { startDmsStandIn, type DmsStandIn } from './dms-stand-in';
import { fixtureDealer, NOW } from './fixture-dealer';

/** Short enough for tests; the faults decide what happens, not the clock. */
export const FAST: Partial<HttpDmsPlanningOptions> = {
  timeoutMs: 300,
  retries: 2,
  backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { threshold: 50, halfOpenAfterMs: 100 },
};

export interface Rig {
  client: ReturnType<typeof createHttpDmsPlanning>;
  standIn: DmsStandIn;
  close(): Promise<void>;
}

export async function startRig(options: Partial<HttpDmsPlanningOptions> = {}, dealer: Dealer = fixtureDealer()): Promise<Rig> {
  const clock = () => new Date(NOW);
  const standIn = await startDmsStandIn(createSqlitePlanning(dealer, { file: ':memory:', clock }));
  const client = createHttpDmsPlanning({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 300, clock, ...FAST, ...options });
  return {
    client,
    standIn,
    async close() {
      await client.close();
      await standIn.close();
    },
  };
}

/** The contract suite's factory: closing the planning it returns stops the stand-in too. */
export const makeHttpDmsPlanning: MakePlanning = (dealer, options) => makeWith(dealer, options);

/**
 * The same over a flaky network: every third request loses its answer after the DMS committed,
 * is refused with 503 or is reset before it arrives; the retries must hide all of it.
 */
export const makeFlakyHttpDmsPlanning: MakePlanning = (dealer, options) =>
  makeWith(dealer, options, (standIn) =>
    standIn.chaos(3, [{ kind: 'reset', commit: true }, { kind: 'status', status: 503 }, { kind: 'reset' }]),
  );

async function makeWith(dealer: Dealer, options: { clock: () => Date; holdMinutes: number }, arm?: (standIn: DmsStandIn) => void): Promise<PlanningSystem> {
  const standIn = await startDmsStandIn(createSqlitePlanning(dealer, { file: ':memory:', ...options }));
  arm?.(standIn);
  const client = createHttpDmsPlanning({
    baseUrl: standIn.url,
    token: standIn.token,
    timeoutMs: 5000,
    clock: options.clock,
    backoff: { initialDelayMs: 1, maxDelayMs: 5 },
  });
  return {
    ...client,
    async close() {
      await client.close();
      await standIn.close();
    },
  };
}
