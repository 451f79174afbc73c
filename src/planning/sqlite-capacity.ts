/**
 * Capacity checks and claims on the SQLite planning, with statements prepared once. Callers run
 * `check` and `claim` inside one transaction when booking; `check` alone when searching.
 *
 * A claim of a hold carries the hold's lapse time: every count reads only live claims
 * (`expires_ms IS NULL OR expires_ms > now`), so a lapsed hold blocks nothing even before it is
 * purged.
 * @module
 */
import type { Database } from 'better-sqlite3';
import type { Dealer } from '../dealer/schema';
import type { CarKind, Demand, HalfDay } from './demand';
import type { Limits } from './quota';

/** Advisor claims are at most 120 min (schema); a day's look-back is ample and keeps the index range short. */
const ADVISOR_LOOKBACK_MS = 86_400_000;
/** Job hours are floats: compare with a tolerance. */
const EPSILON = 1e-9;
const LIVE = '(c.expires_ms IS NULL OR c.expires_ms > @now)';
/**
 * Car spans overlapping [s, e) start after s − (longest car span ever claimed): a short range on
 * the index instead of every future claim of the car.
 */
const CAR_OVERLAP = `c.kind = 'car' AND c.resource_id = r.id
  AND c.start_ms >= @s - COALESCE((SELECT max_ms FROM claim_spans WHERE kind = 'car'), 1e15)
  AND c.start_ms < @e AND c.end_ms > @s AND ${LIVE}`;

/** Capacity as seen by one booker (its limits) at one instant (which holds are live). */
export interface CapacityView {
  /** `{ resourceId }` (a car id for courtesy cars) when everything the demand needs is free; else `undefined`. */
  check(demand: Demand, preferredCar?: string): { resourceId?: string } | undefined;
  /** Job hours still plannable on a local day. */
  workshopLeft(day: string): number;
  /** Whether an advisor is free for the whole [startMs, endMs). */
  advisorFree(startMs: number, endMs: number): boolean;
  /** Whether a car of the kind may be given over [fromMs, toMs), or at the instant `fromMs` when `toMs` is omitted. */
  carFree(kind: CarKind, fromMs: number, toMs?: number): boolean;
  /** Whether no single claim keeps every car of the kind busy over all of [fromMs, toMs] (a quick day filter). */
  carFreeSomewhen(kind: CarKind, fromMs: number, toMs: number): boolean;
  /** Rentals still available on a local day (0 where policy forbids rentals). */
  rentalLeft(day: string): number;
  /** Drivers or shuttle trips still free in a half-day. */
  halfDayLeft(kind: 'driver' | 'shuttle', half: HalfDay): number;
}

export interface Capacity {
  view(nowMs: number, limits: Limits): CapacityView;
  /** Records the demand's claims for a reservation; `expiresMs` for a hold's claims. */
  claim(reservationId: number | bigint, demand: Demand, resourceId: string | undefined, expiresMs: number | null): void;
  /** Makes a hold's claims permanent. */
  confirm(reservationId: number | bigint): void;
  /** Frees a reservation's claims. */
  release(reservationId: number | bigint): void;
  /** Deletes the claims of holds lapsed by `nowMs` (they already block nothing). */
  purge(nowMs: number): void;
}

/** Prepares the statements once for the life of the connection. */
export function createCapacity(db: Database, dealer: Dealer): Capacity {
  const workshopUsed = db
    .prepare(`SELECT COALESCE(SUM(amount), 0) FROM claims c WHERE kind = 'workshop' AND day = @day AND ${LIVE}`)
    .pluck();
  const advisorsBusy = db
    .prepare(`SELECT COUNT(*) FROM claims c WHERE kind = 'advisor' AND start_ms > @from AND start_ms < @e AND end_ms > @s AND ${LIVE}`)
    .pluck();
  const freeCar = db
    .prepare(
      `SELECT r.id FROM resources r
        WHERE r.kind = @kind AND NOT EXISTS (SELECT 1 FROM claims c WHERE ${CAR_OVERLAP})
        ORDER BY r.id = @prefer DESC, r.id LIMIT 1`,
    )
    .pluck();
  // Cars of the kind given to reservations (not out of service) at some point of [s, e): conservative.
  const carsBusy = db
    .prepare(
      `SELECT COUNT(*) FROM resources r
        WHERE r.kind = @kind AND EXISTS (SELECT 1 FROM claims c WHERE ${CAR_OVERLAP} AND c.reservation_id IS NOT NULL)`,
    )
    .pluck();
  const carNotCovered = db
    .prepare(
      `SELECT 1 FROM resources r
        WHERE r.kind = @kind
          AND NOT EXISTS (SELECT 1 FROM claims c
                           WHERE c.kind = 'car' AND c.resource_id = r.id
                             AND c.start_ms >= @e - COALESCE((SELECT max_ms FROM claim_spans WHERE kind = 'car'), 1e15)
                             AND c.start_ms <= @s AND c.end_ms >= @e AND ${LIVE})
        LIMIT 1`,
    )
    .pluck();
  const rentalPeak = db
    .prepare(
      `SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM claims c
        WHERE kind = 'rental' AND day BETWEEN @from AND @to AND ${LIVE} GROUP BY day)`,
    )
    .pluck();
  const bucketUsed = db
    .prepare(`SELECT COUNT(*) FROM claims c WHERE kind = @kind AND day = @day AND half = @half AND ${LIVE}`)
    .pluck();
  const insert = db.prepare(
    `INSERT INTO claims (reservation_id, kind, resource_id, day, half, start_ms, end_ms, amount, expires_ms)
     VALUES (@reservationId, @kind, @resourceId, @day, @half, @startMs, @endMs, @amount, @expiresMs)`,
  );
  const longerSpan = db.prepare(
    `INSERT INTO claim_spans (kind, max_ms) VALUES ('car', ?) ON CONFLICT (kind) DO UPDATE SET max_ms = MAX(max_ms, excluded.max_ms)`,
  );
  const confirmClaims = db.prepare('UPDATE claims SET expires_ms = NULL WHERE reservation_id = ?');
  const deleteClaims = db.prepare('DELETE FROM claims WHERE reservation_id = ?');
  const purgeClaims = db.prepare('DELETE FROM claims WHERE expires_ms IS NOT NULL AND expires_ms <= ?');

  const fleetSize = (kind: CarKind) => dealer.fleet.filter((car) => car.kind === kind).length;
  const fleet: Record<CarKind, number> = { 'courtesy-car-brand': fleetSize('courtesy-car-brand'), 'courtesy-car-other': fleetSize('courtesy-car-other') };

  function view(now: number, limits: Limits): CapacityView {
    const workshopLeft = (day: string) => limits.workshopHours - (workshopUsed.get({ day, now }) as number);
    const advisorFree = (s: number, e: number) => (advisorsBusy.get({ from: s - ADVISOR_LOOKBACK_MS, s, e, now }) as number) < limits.advisors;
    const bucketLeft = (kind: 'driver' | 'shuttle', half: HalfDay) =>
      limits[kind] - (bucketUsed.get({ kind, day: half.day, half: half.part, now }) as number);
    /** A car id, when a car is free and the quota allows one more of the kind. */
    const car = (kind: CarKind, s: number, e: number, prefer: string | null): string | undefined => {
      if (limits.cars[kind] < 1) return undefined;
      const id = freeCar.get({ kind, s, e, now, prefer }) as string | undefined;
      if (id === undefined || limits.cars[kind] >= fleet[kind]) return id;
      return (carsBusy.get({ kind, s, e, now }) as number) < limits.cars[kind] ? id : undefined;
    };
    /** Each half-day must have room for as many units as the demand puts in it. */
    const halfDaysFit = (kind: 'driver' | 'shuttle', halves: HalfDay[]) => {
      const wanted = new Map<string, { half: HalfDay; n: number }>();
      for (const half of halves) {
        const key = `${half.day} ${half.part}`;
        wanted.set(key, { half, n: (wanted.get(key)?.n ?? 0) + 1 });
      }
      return [...wanted.values()].every(({ half, n }) => bucketLeft(kind, half) >= n);
    };

    return {
      workshopLeft,
      advisorFree,
      carFree: (kind, s, e = s + 1) => car(kind, s, e, null) !== undefined,
      carFreeSomewhen: (kind, s, e) => carNotCovered.get({ kind, s, e, now }) !== undefined,
      rentalLeft: (day) => limits.rental - (rentalPeak.get({ from: day, to: day, now }) as number),
      halfDayLeft: bucketLeft,
      check(demand, preferredCar) {
        // A job bigger than the booker's day counts as that whole day (it can still go on an empty day).
        if (Math.min(demand.workshop.hours, limits.workshopHours) > workshopLeft(demand.workshop.day) + EPSILON) return undefined;
        if (!advisorFree(demand.acceptance.startMs, demand.acceptance.endMs)) return undefined;
        if (demand.car) {
          const id = car(demand.car.kind, demand.car.startMs, demand.car.endMs, preferredCar ?? null);
          return id === undefined ? undefined : { resourceId: id };
        }
        if (demand.rentalDays) {
          const days = demand.rentalDays;
          if (days.length === 0) return undefined;
          const peak = rentalPeak.get({ from: days[0], to: days[days.length - 1], now }) as number;
          return peak < limits.rental ? {} : undefined;
        }
        if (demand.drivers && !halfDaysFit('driver', demand.drivers)) return undefined;
        if (demand.shuttleTrips && !halfDaysFit('shuttle', demand.shuttleTrips)) return undefined;
        return {};
      },
    };
  }

  return {
    view,
    claim(reservationId, demand, resourceId, expiresMs) {
      const row = { reservationId, resourceId: null, day: null, half: null, startMs: null, endMs: null, amount: null, expiresMs };
      insert.run({ ...row, kind: 'advisor', startMs: demand.acceptance.startMs, endMs: demand.acceptance.endMs });
      insert.run({ ...row, kind: 'workshop', day: demand.workshop.day, amount: demand.workshop.hours });
      if (demand.car) {
        longerSpan.run(demand.car.endMs - demand.car.startMs);
        insert.run({ ...row, kind: 'car', resourceId: resourceId ?? null, startMs: demand.car.startMs, endMs: demand.car.endMs });
      }
      for (const day of demand.rentalDays ?? []) insert.run({ ...row, kind: 'rental', day });
      for (const h of demand.drivers ?? []) insert.run({ ...row, kind: 'driver', day: h.day, half: h.part });
      for (const h of demand.shuttleTrips ?? []) insert.run({ ...row, kind: 'shuttle', day: h.day, half: h.part });
    },
    confirm: (reservationId) => void confirmClaims.run(reservationId),
    release: (reservationId) => void deleteClaims.run(reservationId),
    purge: (nowMs) => void purgeClaims.run(nowMs),
  };
}
