/**
 * The claims of a window of days, loaded in one query and checked in memory: the PostgreSQL
 * planning's equivalent of sqlite-capacity.ts, with the same rules and the same limits per
 * booker (quota.ts). A search runs the pure slot search over it; a booking loads it again inside
 * its transaction, after taking the capacity locks, so the check and the write see the same
 * committed state.
 * @module
 */
import type { Pool, PoolClient } from 'pg';
import type { Dealer } from '../dealer/schema';
import { addDays, startOfDay } from './calendar';
import type { CarKind, Demand, HalfDay } from './demand';
import type { Limits } from './quota';

/** Job hours are floats: compare with a tolerance. */
const EPSILON = 1e-9;
const DAY_MS = 86_400_000;

/** A check or look-up reached outside the loaded window: load a wider one and search again. */
export class WindowMiss extends Error {
  constructor(readonly day: string) {
    super(`claims not loaded for ${day}`);
  }
}

interface Interval {
  startMs: number;
  endMs: number;
  /** How many claims have exactly this span (acceptances are counted, not listed). */
  n: number;
  /** A reservation's car (not an outage): counted by the online car quota. */
  reserved: boolean;
}

export interface Window {
  /** Local days, both included. */
  fromDay: string;
  toDay: string;
}

interface ClaimRow {
  kind: 'advisor' | 'workshop' | 'car' | 'outage' | 'rental' | 'driver' | 'shuttle';
  resource_id: string | null;
  day: string | null;
  half: 'morning' | 'afternoon' | null;
  start_ms: number | null;
  end_ms: number | null;
  amount: number;
}

/** The kinds of claims a check may read. */
export type ClaimKind = ClaimRow['kind'];
export const ALL_CLAIM_KINDS: readonly ClaimKind[] = ['advisor', 'workshop', 'car', 'outage', 'rental', 'driver', 'shuttle'];

/** The kinds a demand (or a search for a solution, which makes only such demands) is checked against. */
export function claimKindsFor(needs: { car?: boolean; rental?: boolean; drivers?: boolean; shuttle?: boolean }): ClaimKind[] {
  return [
    'advisor', 'workshop',
    ...(needs.car ? (['car', 'outage'] as const) : []),
    ...(needs.rental ? (['rental'] as const) : []),
    ...(needs.drivers ? (['driver'] as const) : []),
    ...(needs.shuttle ? (['shuttle'] as const) : []),
  ];
}

/**
 * Live claims touching the window: bucket claims on its days, span claims overlapping it (from a
 * day before, so a long car span that started earlier counts). A hold's claims count until `nowIso`.
 * Counted claims come summed in SQL (one row per day and half-day, one per acceptance span), so a
 * busy window is a few hundred rows, not one per claim; cars come one row per span. Only `kinds`
 * are read: a check of another kind would see it empty, so callers pass what their demands use.
 */
export async function loadClaims(
  db: Pool | PoolClient,
  dealer: Dealer,
  window: Window,
  nowIso: string,
  limits: Limits,
  kinds: readonly ClaimKind[] = ALL_CLAIM_KINDS,
): Promise<ClaimIndex> {
  const fromIso = startOfDay(dealer, addDays(window.fromDay, -1)).toISO();
  const toIso = startOfDay(dealer, addDays(window.toDay, 1)).toISO();
  const { rows } = await db.query<ClaimRow>(
    `SELECT kind, NULL::text AS resource_id, day::text AS day, half, SUM(amount)::float8 AS amount,
            NULL::float8 AS start_ms, NULL::float8 AS end_ms
       FROM claims
      WHERE (expires_at IS NULL OR expires_at > $1) AND day BETWEEN $2::date AND $3::date AND kind = ANY ($6::text[])
      GROUP BY kind, day, half
     UNION ALL
     SELECT kind, resource_id, NULL, NULL, COUNT(*)::float8,
            (extract(epoch FROM lower(span)) * 1000)::float8, (extract(epoch FROM upper(span)) * 1000)::float8
       FROM claims
      WHERE (expires_at IS NULL OR expires_at > $1) AND span && tstzrange($4::timestamptz, $5::timestamptz, '[)')
        AND kind = ANY ($6::text[])
      GROUP BY kind, resource_id, span`,
    [nowIso, window.fromDay, window.toDay, fromIso, toIso, kinds],
  );
  return new ClaimIndex(dealer, rows, window, limits);
}

/** What the in-memory check answers; `cars` are the cars that may be given, the preferred one first. */
export interface Fit {
  cars?: string[];
}

export class ClaimIndex {
  private readonly workshop = new Map<string, number>();
  private readonly buckets = new Map<string, number>();
  /** Advisor acceptances by UTC day of their start (a day either side is looked at). */
  private readonly advisorsByDay = new Map<number, Interval[]>();
  private readonly cars = new Map<string, Interval[]>();
  private readonly fleet = new Map<CarKind, string[]>();
  private readonly fromMs: number;
  private readonly toMs: number;

  constructor(
    dealer: Dealer,
    rows: readonly ClaimRow[],
    private readonly window: Window,
    private readonly limits: Limits,
  ) {
    this.fromMs = startOfDay(dealer, window.fromDay).toMillis();
    this.toMs = startOfDay(dealer, addDays(window.toDay, 1)).toMillis();
    for (const car of [...dealer.fleet].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (car.kind === 'staff-car') continue;
      this.fleet.set(car.kind, [...(this.fleet.get(car.kind) ?? []), car.id]);
    }
    for (const row of rows) this.add(row);
  }

  private add(row: ClaimRow): void {
    const bump = (key: string) => this.buckets.set(key, (this.buckets.get(key) ?? 0) + row.amount);
    switch (row.kind) {
      case 'workshop':
        this.workshop.set(row.day as string, (this.workshop.get(row.day as string) ?? 0) + row.amount);
        break;
      case 'rental':
        bump(`rental ${row.day}`);
        break;
      case 'driver':
      case 'shuttle':
        bump(`${row.kind} ${row.day} ${row.half}`);
        break;
      case 'advisor': {
        const bucket = Math.floor((row.start_ms as number) / DAY_MS);
        const list = this.advisorsByDay.get(bucket) ?? [];
        list.push({ startMs: row.start_ms as number, endMs: row.end_ms as number, n: row.amount, reserved: true });
        this.advisorsByDay.set(bucket, list);
        break;
      }
      case 'car':
      case 'outage': {
        const list = this.cars.get(row.resource_id as string) ?? [];
        list.push({ startMs: row.start_ms as number, endMs: row.end_ms as number, n: row.amount, reserved: row.kind === 'car' });
        this.cars.set(row.resource_id as string, list);
        break;
      }
    }
  }

  private day(day: string): string {
    if (day < this.window.fromDay || day > this.window.toDay) throw new WindowMiss(day);
    return day;
  }

  private span(fromMs: number, toMs: number): void {
    if (fromMs < this.fromMs) throw new WindowMiss(new Date(fromMs).toISOString().slice(0, 10));
    // The UTC day after the one needed: the widened window covers it whatever the zone.
    if (toMs > this.toMs) throw new WindowMiss(new Date(toMs + DAY_MS).toISOString().slice(0, 10));
  }

  workshopLeft(day: string): number {
    return this.limits.workshopHours - (this.workshop.get(this.day(day)) ?? 0);
  }

  advisorFree(startMs: number, endMs: number): boolean {
    this.span(startMs, endMs);
    const bucket = Math.floor(startMs / DAY_MS);
    let busy = 0;
    for (let b = bucket - 1; b <= bucket + 1; b++) {
      for (const a of this.advisorsByDay.get(b) ?? []) if (a.startMs < endMs && a.endMs > startMs) busy += a.n;
    }
    return busy < this.limits.advisors;
  }

  private overlaps(id: string, fromMs: number, toMs: number, reservedOnly = false): boolean {
    return (this.cars.get(id) ?? []).some((c) => c.startMs < toMs && c.endMs > fromMs && (!reservedOnly || c.reserved));
  }

  /**
   * Cars of the kind that may be given over [fromMs, toMs) (the instant `fromMs` when `toMs` is
   * omitted), `prefer` first. Under the online quota, the cars given to reservations at some
   * point of the span must be fewer than the booker's limit (conservative, as in SQLite).
   */
  freeCars(kind: CarKind, fromMs: number, toMs = fromMs + 1, prefer?: string): string[] {
    this.span(fromMs, toMs);
    const ids = this.fleet.get(kind) ?? [];
    const limit = this.limits.cars[kind];
    if (limit < 1) return [];
    if (limit < ids.length && ids.filter((id) => this.overlaps(id, fromMs, toMs, true)).length >= limit) return [];
    const free = ids.filter((id) => !this.overlaps(id, fromMs, toMs));
    return prefer && free.includes(prefer) ? [prefer, ...free.filter((id) => id !== prefer)] : free;
  }

  /** Whether some car of the kind is not busy over the whole [fromMs, toMs] (a quick day filter). */
  carFreeSomewhen(kind: CarKind, fromMs: number, toMs: number): boolean {
    this.span(fromMs, toMs);
    return (this.fleet.get(kind) ?? []).some((id) => !(this.cars.get(id) ?? []).some((c) => c.startMs <= fromMs && c.endMs >= toMs));
  }

  rentalLeft(day: string): number {
    return this.limits.rental - (this.buckets.get(`rental ${this.day(day)}`) ?? 0);
  }

  halfDayLeft(kind: 'driver' | 'shuttle', half: HalfDay): number {
    return this.limits[kind] - (this.buckets.get(`${kind} ${this.day(half.day)} ${half.part}`) ?? 0);
  }

  /** Each half-day must have room for as many units as the demand puts in it. */
  private halvesFit(kind: 'driver' | 'shuttle', halves: HalfDay[]): boolean {
    const wanted = new Map<string, { half: HalfDay; n: number }>();
    for (const half of halves) {
      const key = `${half.day} ${half.part}`;
      wanted.set(key, { half, n: (wanted.get(key)?.n ?? 0) + 1 });
    }
    return [...wanted.values()].every(({ half, n }) => this.halfDayLeft(kind, half) >= n);
  }

  /** Everything the demand needs is free for this booker: the cars that may be given (car demand) or `{}`; else `undefined`. */
  check(demand: Demand, preferredCar?: string): Fit | undefined {
    // A job bigger than the booker's day counts as that whole day (it can still go on an empty day).
    if (Math.min(demand.workshop.hours, this.limits.workshopHours) > this.workshopLeft(demand.workshop.day) + EPSILON) return undefined;
    if (!this.advisorFree(demand.acceptance.startMs, demand.acceptance.endMs)) return undefined;
    if (demand.car) {
      const cars = this.freeCars(demand.car.kind, demand.car.startMs, demand.car.endMs, preferredCar);
      return cars.length > 0 ? { cars } : undefined;
    }
    if (demand.rentalDays) {
      if (demand.rentalDays.length === 0) return undefined;
      if (!demand.rentalDays.every((day) => this.rentalLeft(day) >= 1)) return undefined;
    }
    if (demand.drivers && !this.halvesFit('driver', demand.drivers)) return undefined;
    if (demand.shuttleTrips && !this.halvesFit('shuttle', demand.shuttleTrips)) return undefined;
    return {};
  }
}
