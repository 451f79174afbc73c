/**
 * The embedded planning (default `PlanningSystem`): SQLite through `better-sqlite3`, one file
 * shared by every process of one host. Every write checks and records in one `BEGIN IMMEDIATE`
 * transaction, so concurrent bookings, in this process or another, serialise on the file lock
 * and a resource is never given twice (R10).
 * @module
 */
import Database from 'better-sqlite3';
import type { Dealer } from '../dealer/schema';
import type { PlanningSystem, SlotQuery } from './planning';
import { toLocal } from './calendar';
import { limitsFor } from './quota';
import { searchSlots } from './slot-search';
import { createCapacity } from './sqlite-capacity';
import { createCommands } from './sqlite-commands';
import { createProbe, createSearchCache, prepareSearchReads } from './sqlite-probe';
import { createReservationStore } from './sqlite-reservations';
import { migrate, syncFleet } from './sqlite-schema';

export interface SqlitePlanningOptions {
  /** `':memory:'` or a file path (created if missing). */
  file: string;
  /** The time holds lapse and bookings count "past" against; defaults to the system clock. */
  clock?: () => Date;
  /** How long to wait for another process's transaction, ms (default 10 s). */
  busyTimeoutMs?: number;
  /** The same while opening (migrations, the fleet copy); default `busyTimeoutMs`. */
  openBusyTimeoutMs?: number;
  /** How long a hold keeps its slot, minutes (default 5, like Cal.com's seat lock). */
  holdMinutes?: number;
}

/**
 * Opens (and migrates) the planning for a dealer.
 * @example
 * const planning = createSqlitePlanning(dealer, { file: path.join(dataDir, 'planning.sqlite') });
 * const search = await planning.findSlots({ solution: 'courtesy-car-brand', serviceId: 'maintenance',
 *   downtimeHours: 3, wish: { date: '2026-12-09', text: 'mercoledì' }, now: new Date().toISOString() });
 */
export function createSqlitePlanning(dealer: Dealer, options: SqlitePlanningOptions): PlanningSystem {
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const db = new Database(options.file, { timeout: options.openBusyTimeoutMs ?? busyTimeoutMs });
  // WAL: readers (findSlots) never block the writer and vice versa across processes.
  if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  syncFleet(db, dealer);
  if (options.openBusyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  const capacity = createCapacity(db, dealer);
  const store = createReservationStore(db);
  const clock = options.clock ?? (() => new Date());
  const commands = createCommands(db, dealer, capacity, store, clock, (options.holdMinutes ?? 5) * 60_000);
  // Readiness: a tiny write under the write lock, so that a lock held too long, a full disk or an
  // unwritable -shm/-wal make the planning "not ready", not only an unreadable file.
  const probe = db.prepare('INSERT INTO write_probe (id, at_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms');
  const writeProbe = db.transaction(() => probe.run(Date.now()));
  const reads = prepareSearchReads(db);
  const cache = createSearchCache(db);

  const write = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return async (...args: A): Promise<R> => {
      try {
        return tx.immediate(...args);
      } finally {
        cache.written();
      }
    };
  };
  // One read transaction per search: a consistent view, and one lock instead of one per query.
  const searchNow = db.transaction((query: SlotQuery) => {
    const limits = limitsFor(dealer, query.bookedBy);
    const now = clock().getTime();
    cache.begin(now);
    return searchSlots(dealer, query, createProbe(dealer, reads, cache, now, limits, query));
  });

  return {
    async findSlots(query) {
      return searchNow.deferred(query);
    },
    hold: write(commands.hold),
    book: write(commands.book),
    reschedule: write(commands.reschedule),
    cancel: write(commands.cancel),
    async get(reference) {
      const found = store.byReference(reference);
      return found && commands.visible(found, clock().getTime()) ? found.reservation : undefined;
    },
    async list(filter = {}) {
      const from = filter.from ? toLocal(dealer, filter.from).toMillis() : null;
      const to = filter.to ? toLocal(dealer, filter.to).toMillis() : null;
      return store.list(from, to, filter.status ?? null, clock().getTime());
    },
    async ping() {
      writeProbe.immediate();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
