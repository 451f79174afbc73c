/**
 * Transaction-level advisory locks that serialise the writers of one counted capacity (a day's
 * workshop hours and advisors, a rental day, a driver or shuttle half-day, and — under an online
 * quota — a car kind's day). A writer takes them before it reads the claims it checks, so the
 * check and the insert see the same committed state; they are released at COMMIT or ROLLBACK.
 * @module
 */
import type { PoolClient } from 'pg';
import { addDays } from './calendar';
import type { Demand } from './demand';

/** The capacities a demand writes to, as lock names (prefixed by the schema: schemas never contend). */
export function lockNames(schema: string, demand: Demand, carQuota: boolean): string[] {
  const names = [`advisor:${demand.workshop.day}`, `workshop:${demand.workshop.day}`];
  for (const day of demand.rentalDays ?? []) names.push(`rental:${day}`);
  for (const h of demand.drivers ?? []) names.push(`driver:${h.day}:${h.part}`);
  for (const h of demand.shuttleTrips ?? []) names.push(`shuttle:${h.day}:${h.part}`);
  // Cars are individual and the exclusion constraint decides; only the quota's count of cars in
  // use needs a lock, taken by every booker (an advisor's car counts against the online limit too).
  if (demand.car && carQuota) {
    const first = new Date(demand.car.startMs).toISOString().slice(0, 10);
    const last = new Date(demand.car.endMs).toISOString().slice(0, 10);
    for (let day = first; day <= last; day = addDays(day, 1)) names.push(`car:${demand.car.kind}:${day}`);
  }
  return names.map((n) => `${schema}:${n}`);
}

/**
 * Takes the locks in ascending order of their 64-bit keys (the order every writer uses, so two
 * writers never wait on each other in a cycle), one round trip for all of them.
 */
export async function lockCapacities(client: PoolClient, names: readonly string[]): Promise<void> {
  await client.query(
    `SELECT count(pg_advisory_xact_lock(key))
       FROM (SELECT DISTINCT hashtextextended(name, 0) AS key FROM unnest($1::text[]) AS name ORDER BY key) AS keys`,
    [names],
  );
}
