/**
 * Versioned SQLite schemas, one way for every file in DATA_DIR (planning, sessions, reminders).
 * @module
 */
import type { Database } from 'better-sqlite3';

/**
 * Brings the schema to the latest version: step `v` takes a file at `user_version` v to v + 1.
 * `BEGIN IMMEDIATE` makes processes opening the same file at once migrate one after the other; the
 * version is re-read inside the transaction.
 */
export function migrateSchema(db: Database, migrations: readonly string[]): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < migrations.length; v++) db.exec(migrations[v]);
    if (version < migrations.length) db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}
