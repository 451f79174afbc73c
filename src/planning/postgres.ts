/**
 * The PostgreSQL planning, for several bot instances sharing one database. The database decides:
 * an exclusion constraint forbids a car in two reservations at once, advisory transaction locks
 * serialise the writers of each counted capacity, and a unique index makes the idempotency key
 * give one reservation. Searches load the claims of a window of days in one query and run the
 * same pure search as the SQLite engine (slot-search.ts, demand.ts, quota.ts).
 * @module
 */
import { Pool } from 'pg';
import type { Dealer } from '../dealer/schema';
import type { PlanningSystem, SlotQuery, SlotSearch } from './planning';
import { addDays, localDay } from './calendar';
import { limitsFor } from './quota';
import { searchSlots } from './slot-search';
import { claimKindsFor, loadClaims, WindowMiss, type Window } from './postgres-claims';
import { createCommands } from './postgres-commands';
import { createClaimsProbe } from './postgres-probe';
import { byReference, listReservations } from './postgres-reservations';
import { checkSchemaName, migrate } from './postgres-schema';

export interface PostgresPlanningOptions {
  /** `postgres://user@host:5432/db` */
  url: string;
  /** Where the planning's tables live (created if missing); default `public`. */
  schema?: string;
  /** The time holds lapse and "past" is measured against; defaults to the system clock. */
  clock?: () => Date;
  /** How long a hold keeps its slot, minutes (default 5). */
  holdMinutes?: number;
  /** Connections of this instance (default 10). */
  pool?: number;
}

/** A search first loads a week from the wished day, and widens only when it walks past it. */
const FIRST_WINDOW_DAYS = 7;
const MAX_WINDOWS = 8;

/**
 * Connects, migrates (each migration once, safe when instances start together) and copies the fleet.
 * @example
 * const planning = await createPostgresPlanning(dealer, { url: config.PLANNING_URL, holdMinutes: config.HOLD_MINUTES });
 */
export async function createPostgresPlanning(dealer: Dealer, options: PostgresPlanningOptions): Promise<PlanningSystem> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = new Pool({ connectionString: options.url, max: options.pool ?? 10, options: `-c search_path=${schema},public` });
  // An idle connection the server drops must not crash the bot; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema, dealer);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  const commands = createCommands(pool, dealer, schema, clock, (options.holdMinutes ?? 5) * 60_000);
  let closed = false;

  /** The window a search loads first: a week from the wished day, inside the horizon. */
  function firstWindow(query: SlotQuery): Window {
    const today = localDay(dealer, query.now);
    const lastDay = addDays(today, dealer.workshop.bookingHorizonDays);
    let from = query.wish.date && !query.wish.asap ? query.wish.date : today;
    if (from < today) from = today;
    if (from > lastDay) from = addDays(lastDay, -FIRST_WINDOW_DAYS);
    return { fromDay: from, toDay: addDays(from, FIRST_WINDOW_DAYS) };
  }

  /** A window that also covers `day`, with twice its size of room beyond it. */
  function widened(window: Window, day: string): Window {
    const size = Math.round((Date.parse(window.toDay) - Date.parse(window.fromDay)) / 86_400_000) + 1;
    return {
      fromDay: day < window.fromDay ? addDays(day, -2 * size) : window.fromDay,
      toDay: day > window.toDay ? addDays(day, 2 * size) : window.toDay,
    };
  }

  return {
    async findSlots(query): Promise<SlotSearch> {
      const limits = limitsFor(dealer, query.bookedBy);
      const nowIso = clock().toISOString();
      let window = firstWindow(query);
      // Only what this solution's demands are checked against (see demandAt).
      const kinds = claimKindsFor({
        car: query.solution === 'courtesy-car-brand' || query.solution === 'courtesy-car-other',
        rental: query.solution === 'rental-car',
        drivers: query.solution === 'pickup-delivery',
        shuttle: query.solution === 'staff-shuttle',
      });
      // The search is pure and synchronous: when it walks out of the loaded days, load more and run it again.
      for (let i = 0; ; i++) {
        const claims = await loadClaims(pool, dealer, window, nowIso, limits, kinds);
        try {
          return searchSlots(dealer, query, createClaimsProbe(dealer, claims, limits, query));
        } catch (error) {
          if (!(error instanceof WindowMiss) || i >= MAX_WINDOWS) throw error;
          window = widened(window, error.day);
        }
      }
    },
    ...commands,
    async get(reference) {
      return (await byReference(pool, reference, clock().toISOString()))?.reservation;
    },
    async list(filter = {}) {
      return listReservations(pool, filter, clock().toISOString());
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
