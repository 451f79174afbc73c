/**
 * A separate bot instance for the PostgreSQL concurrency tests: its own pool on the given
 * database and schema; says "ready", then books all the requests it is sent at once and reports
 * the results (or the error). With `migrate-only`, it reports right after start-up.
 */
import type { BookingRequest, PlanningSystem } from '../../src/planning/planning';
import { createPostgresPlanning } from '../../src/planning/postgres';
import { fixtureDealer, NOW } from './fixture-dealer';

const [url, schema, mode] = process.argv.slice(2);
const reply = (message: unknown) => process.send?.(message, () => process.exit(0));

let planning: PlanningSystem;
createPostgresPlanning(fixtureDealer(), { url, schema, clock: () => new Date(NOW), pool: 5 })
  .then(async (p) => {
    planning = p;
    if (mode === 'migrate-only') {
      await planning.close();
      reply('migrated');
    } else {
      process.send?.('ready');
    }
  })
  .catch((error) => reply({ error: String(error) }));

process.on('message', async (requests: BookingRequest[]) => {
  try {
    const results = await Promise.all(requests.map((r) => planning.book(r)));
    await planning.close();
    reply(results);
  } catch (error) {
    reply({ error: String(error) });
  }
});
