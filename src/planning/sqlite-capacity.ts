/**
 * Capacity checks and claims on the SQLite planning, with statements prepared once. Callers run
 * `check` and `claim` inside one transaction when booking; `check` alone when searching.
 * @module
 */
import type { Database } from 'better-sqlite3';
import type { Dealer } from '../dealer/schema';
import { dayCapacityHours, type CarKind, type Demand, type HalfDay } from './demand';

/** Advisor claims are at most 120 min (schema); a day's look-back is ample and keeps the index range short. */
const ADVISOR_LOOKBACK_MS = 86_400_000;
/** Job hours are floats: compare with a tolerance. */
const EPSILON = 1e-9;

export interface Capacity {
  /** `{ resourceId }` (a car id for courtesy cars) when everything the demand needs is free; else `undefined`. */
  check(demand: Demand): { resourceId?: string } | undefined;
  /** Job hours still plannable on a local day. */
  workshopLeft(day: string): number;
  /** Whether an advisor is free for the whole [startMs, endMs). */
  advisorFree(startMs: number, endMs: number): boolean;
  /** Whether some car of the kind is free over [fromMs, toMs), or at the instant `fromMs` when `toMs` is omitted. */
  carFree(kind: CarKind, fromMs: number, toMs?: number): boolean;
  /** Whether no single claim keeps every car of the kind busy over all of [fromMs, toMs] (a quick day filter). */
  carFreeSomewhen(kind: CarKind, fromMs: number, toMs: number): boolean;
  /** Rentals still available on a local day under the daily quota (0 where policy forbids rentals). */
  rentalLeft(day: string): number;
  /** Drivers or shuttle trips still free in a half-day. */
  halfDayLeft(kind: 'driver' | 'shuttle', half: HalfDay): number;
  /** Records the demand's claims for a reservation. */
  claim(reservationId: number | bigint, demand: Demand, resourceId?: string): void;
  /** Frees a reservation's claims. */
  release(reservationId: number | bigint): void;
}

/** Prepares the statements once for the life of the connection. */
export function createCapacity(db: Database, dealer: Dealer): Capacity {
  const workshopUsed = db
    .prepare("SELECT COALESCE(SUM(amount), 0) FROM claims WHERE kind = 'workshop' AND day = ?")
    .pluck();
  const advisorsBusy = db
    .prepare("SELECT COUNT(*) FROM claims WHERE kind = 'advisor' AND start_ms > ? AND start_ms < ? AND end_ms > ?")
    .pluck();
  const freeCar = db
    .prepare(
      `SELECT r.id FROM resources r
        WHERE r.kind = ?
          AND NOT EXISTS (SELECT 1 FROM claims c
                           WHERE c.kind = 'car' AND c.resource_id = r.id AND c.end_ms > ? AND c.start_ms < ?)
        ORDER BY r.id LIMIT 1`,
    )
    .pluck();
  const rentalPeak = db
    .prepare(
      "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM claims WHERE kind = 'rental' AND day BETWEEN ? AND ? GROUP BY day)",
    )
    .pluck();
  const carNotCovered = db
    .prepare(
      `SELECT 1 FROM resources r
        WHERE r.kind = ?
          AND NOT EXISTS (SELECT 1 FROM claims c
                           WHERE c.kind = 'car' AND c.resource_id = r.id AND c.end_ms >= ? AND c.start_ms <= ?)
        LIMIT 1`,
    )
    .pluck();
  const bucketUsed = db.prepare('SELECT COUNT(*) FROM claims WHERE kind = ? AND day = ? AND half = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO claims (reservation_id, kind, resource_id, day, half, start_ms, end_ms, amount)
     VALUES (@reservationId, @kind, @resourceId, @day, @half, @startMs, @endMs, @amount)`,
  );
  const deleteClaims = db.prepare('DELETE FROM claims WHERE reservation_id = ?');

  const { advisors } = dealer.workshop;
  const { pickupDelivery, staffShuttle, rental } = dealer.mobility;

  const workshopLeft = (day: string) => dayCapacityHours(dealer) - (workshopUsed.get(day) as number);
  const perHalfDay = { driver: pickupDelivery.driversPerHalfDay, shuttle: staffShuttle.tripsPerHalfDay };

  /** Each half-day must have room for as many units as the demand puts in it. */
  const halfDaysFit = (kind: 'driver' | 'shuttle', halves: HalfDay[], perHalfDay: number) => {
    const wanted = new Map<string, { half: HalfDay; n: number }>();
    for (const half of halves) {
      const key = `${half.day} ${half.part}`;
      wanted.set(key, { half, n: (wanted.get(key)?.n ?? 0) + 1 });
    }
    return [...wanted.values()].every(({ half, n }) => (bucketUsed.get(kind, half.day, half.part) as number) + n <= perHalfDay);
  };

  return {
    workshopLeft,
    advisorFree: (startMs, endMs) => (advisorsBusy.get(startMs - ADVISOR_LOOKBACK_MS, endMs, startMs) as number) < advisors,
    carFree: (kind, fromMs, toMs = fromMs + 1) => freeCar.get(kind, fromMs, toMs) !== undefined,
    carFreeSomewhen: (kind, fromMs, toMs) => carNotCovered.get(kind, toMs, fromMs) !== undefined,
    rentalLeft: (day) => (rental.allowed ? rental.dailyQuota - (rentalPeak.get(day, day) as number) : 0),
    halfDayLeft: (kind, half) => perHalfDay[kind] - (bucketUsed.get(kind, half.day, half.part) as number),
    check(demand) {
      if (demand.workshop.hours > workshopLeft(demand.workshop.day) + EPSILON) return undefined;
      const { startMs, endMs } = demand.acceptance;
      if ((advisorsBusy.get(startMs - ADVISOR_LOOKBACK_MS, endMs, startMs) as number) >= advisors) return undefined;
      if (demand.car) {
        const id = freeCar.get(demand.car.kind, demand.car.startMs, demand.car.endMs) as string | undefined;
        return id === undefined ? undefined : { resourceId: id };
      }
      if (demand.rentalDays) {
        if (!rental.allowed || demand.rentalDays.length === 0) return undefined;
        const peak = rentalPeak.get(demand.rentalDays[0], demand.rentalDays[demand.rentalDays.length - 1]) as number;
        return peak < rental.dailyQuota ? {} : undefined;
      }
      if (demand.drivers && !halfDaysFit('driver', demand.drivers, pickupDelivery.driversPerHalfDay)) return undefined;
      if (demand.shuttleTrips && !halfDaysFit('shuttle', demand.shuttleTrips, staffShuttle.tripsPerHalfDay)) return undefined;
      return {};
    },
    claim(reservationId, demand, resourceId) {
      const row = { reservationId, resourceId: null, day: null, half: null, startMs: null, endMs: null, amount: null };
      insert.run({ ...row, kind: 'advisor', startMs: demand.acceptance.startMs, endMs: demand.acceptance.endMs });
      insert.run({ ...row, kind: 'workshop', day: demand.workshop.day, amount: demand.workshop.hours });
      if (demand.car) {
        insert.run({ ...row, kind: 'car', resourceId: resourceId ?? null, startMs: demand.car.startMs, endMs: demand.car.endMs });
      }
      for (const day of demand.rentalDays ?? []) insert.run({ ...row, kind: 'rental', day });
      for (const h of demand.drivers ?? []) insert.run({ ...row, kind: 'driver', day: h.day, half: h.part });
      for (const h of demand.shuttleTrips ?? []) insert.run({ ...row, kind: 'shuttle', day: h.day, half: h.part });
    },
    release(reservationId) {
      deleteClaims.run(reservationId);
    },
  };
}
