/**
 * A separate process booking through the SQLite planning, for the multi-process test: it opens
 * the file, says "ready", books the request (or, all at once, the requests) it is sent and reports
 * the result(s) (or the error).
 */
import type { BookingRequest, PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { fixtureDealer, NOW } from './fixture-dealer';

const [file] = process.argv.slice(2);
const reply = (message: unknown) => process.send?.(message, () => process.exit(0));

let planning: PlanningSystem;
try {
  planning = createSqlitePlanning(fixtureDealer(), { file, clock: () => new Date(NOW) });
  process.send?.('ready');
} catch (error) {
  reply({ error: String(error) });
}

process.on('message', async (request: BookingRequest | BookingRequest[]) => {
  try {
    const result = Array.isArray(request) ? await Promise.all(request.map((r) => planning.book(r))) : await planning.book(request);
    await planning.close();
    reply(result);
  } catch (error) {
    reply({ error: String(error) });
  }
});
