/**
 * The PostgreSQL factory for the planning bench: a fresh schema `bench_planning_<pid>_<random>`
 * in the database `--pg` names, dropped at the end (nothing else is touched; the `btree_gist`
 * extension is created in `public` if the database lacks it, and kept).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPostgresPlanning } from '../src/planning/postgres';
import { runPlanningBench } from './bench-planning-core';

/** Connections per bench instance: enough for the bench's 64 concurrent bookers to queue briefly. */
const POOL = 20;

export async function benchPostgres(url: string): Promise<void> {
  const schema = `bench_planning_${process.pid}_${randomBytes(3).toString('hex')}`;
  try {
    await runPlanningBench(`PostgreSQL (schema ${schema}, pool ${POOL})`, (dealer, { clock, holdMinutes }) =>
      createPostgresPlanning(dealer, { url, schema, clock, holdMinutes, pool: POOL }),
    );
  } finally {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
}
