/**
 * Profiling helper (not part of `npm run bench:planning`): fills a PostgreSQL schema once like the
 * planning bench (kept for the next run: DROP SCHEMA perf_planning CASCADE to start again), then
 * runs the bench's searches. `npx tsx scripts/bench/profile-planning-pg.ts postgres://...`
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createPostgresPlanning } from '../../src/planning/postgres';
import { benchDealer, fill, searchQueries } from '../bench-planning-core';
import { NOW } from '../../test/planning/fixture-dealer';
import { query } from '../../test/planning/contract/builders';

async function main() {
  const url = process.argv[2] ?? 'postgres://root@127.0.0.1:5432/test';
  const schema = 'perf_planning';
  const client = new Client({ connectionString: url });
  await client.connect();
  const exists = (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount;
  await client.end();
  const dealer = benchDealer();
  const planning = await createPostgresPlanning(dealer, { url, schema, clock: () => new Date(NOW), holdMinutes: 5, pool: 20 });
  if (!exists) console.log('fill', await fill(planning, dealer));
  const times: number[] = [];
  const qs = searchQueries(dealer);
  for (const { q } of qs) { const t = performance.now(); await planning.findSlots(q); times.push(performance.now() - t); }
  const worst: number[] = [];
  for (let i = 0; i < 10; i++) { const t = performance.now(); await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'courtesy-car-brand', downtimeHours: 400 })); worst.push(performance.now() - t); }
  for (const [n, xs] of [['searches', times], ['worst', worst]] as const) {
    xs.sort((a, b) => a - b);
    console.log(n, xs.length, 'p50', xs[xs.length >> 1].toFixed(2), 'p99', xs[Math.floor(xs.length * 0.99)].toFixed(2), 'max', xs[xs.length - 1].toFixed(2));
  }
  await planning.close();
}
main();
