/**
 * A throw-away PostgreSQL database for the planning tests: created under a unique name, given
 * out one fresh schema at a time, dropped at the end. Nothing the tests did not create is touched.
 *
 * The server: `PLANNING_TEST_PG_URL` (an admin URL, any database), else 127.0.0.1:5432 as `root`
 * or `postgres` (CI's trust setup). On CI (`CI=true`) an unreachable server fails the tests;
 * elsewhere they are skipped with a message.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const CANDIDATES = process.env.PLANNING_TEST_PG_URL
  ? [process.env.PLANNING_TEST_PG_URL]
  : ['postgres://root@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/postgres'];

export interface TestDatabase {
  /** URL of the throw-away database. */
  url: string;
  /** A schema name no other test uses (the planning creates it). */
  newSchema(): string;
  drop(): Promise<void>;
}

async function tryConnect(url: string): Promise<Client | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return undefined;
  }
}

/**
 * Creates the database, or returns the reason it cannot (the caller skips, or fails on CI).
 */
export async function createTestDatabase(): Promise<TestDatabase | { unreachable: string }> {
  let admin: Client | undefined;
  let adminUrl = '';
  for (const url of CANDIDATES) {
    admin = await tryConnect(url);
    if (admin) {
      adminUrl = url;
      break;
    }
  }
  if (!admin) return { unreachable: `no PostgreSQL at ${CANDIDATES.join(' or ')}` };
  const name = `mc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let schemas = 0;
  return {
    url: url.toString(),
    newSchema: () => `s${++schemas}_${randomBytes(3).toString('hex')}`,
    async drop() {
      const client = await tryConnect(adminUrl);
      if (!client) return;
      try {
        // FORCE: a child process killed mid-test may leave a session behind.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The test database for a suite's `before` hook: skips the suite locally when there is no server, fails on CI. */
export async function testDatabaseOrSkip(context: Mocha.Context): Promise<TestDatabase> {
  const db = await createTestDatabase();
  if ('unreachable' in db) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required on CI: ${db.unreachable}`);
    console.warn(`      PostgreSQL planning tests skipped: ${db.unreachable}`);
    context.skip();
  }
  return db as TestDatabase;
}
