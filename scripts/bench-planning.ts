/**
 * `npm run bench:planning [-- --pg postgres://...]`: the planning benchmark (see
 * bench-planning-core.ts) on the embedded SQLite planning, in a WAL file as in production, and on
 * PostgreSQL when `--pg` names a database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSqlitePlanning } from '../src/planning/sqlite';
import { runPlanningBench } from './bench-planning-core';
import { benchPostgres } from './bench-planning-pg';

/** `--pg URL` or `--pg=URL`. */
function argument(flag: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(flag.length + 1) : args[i + 1];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-planning-'));
  try {
    await runPlanningBench('SQLite (WAL file)', async (dealer, { clock, holdMinutes }) =>
      createSqlitePlanning(dealer, { file: path.join(dir, 'planning.sqlite'), clock, holdMinutes }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = argument('--pg');
  if (!pg) console.log('PostgreSQL: skipped (pass --pg postgres://...)');
  else await benchPostgres(pg);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
