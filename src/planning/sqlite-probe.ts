/**
 * The slot probe the SQLite planning gives the search. A search probes dozens of starts over a
 * few days (all of them when the planning is saturated), so it loads each day's live claims once
 * (a few indexed queries inside the search's read transaction, kept for later searches until
 * something changes) and checks every start in memory, with the same rules as
 * `CapacityView.check` (which `book` runs in SQL inside its write transaction).
 * @module
 */
import type { Database } from 'better-sqlite3';
import type { DayPart, Slot } from '../../dialogs/model';
import type { Dealer } from '../dealer/schema';
import type { SlotQuery } from './planning';
import { acceptanceStartRecords } from './acceptance-slots';
import { addDays, dayPlan, formatMs } from './calendar';
import { countedJobHours, demandAt, type CarKind, type Demand, type SlotMoment } from './demand';
import type { Limits } from './quota';
import { readyAtMs } from './ready-at';
import type { SlotProbe } from './slot-search';

const EPSILON = 1e-9;
/** Acceptances are at most 120 min (schema). */
const ACCEPTANCE_LOOKBACK_MS = 2 * 3_600_000;

/** One day's counted claims. */
export interface DayLoad {
  workshopHours: number;
  rentals: number;
  /** `driver morning`, `shuttle afternoon`... */
  halves: Map<string, number>;
  /** The acceptances that can overlap one starting this day, counted per span (a few rows, not one per booking). */
  acceptances: { start: number; end: number; n: number }[];
}

export interface CarSpan {
  car: string;
  start: number;
  end: number;
  /** A reservation's (counts against the quota), not an out-of-service period. */
  booked: number;
}

/**
 * Day loads kept from one search to the next while nothing changed: no commit by this connection
 * (`written`) or another (`PRAGMA data_version`), and no hold lapsed since they were read.
 */
export interface SearchCache {
  loads: Map<string, DayLoad>;
  carLoads: Map<string, Map<string, CarSpan[]>>;
  /** Call at the start of each search, inside its read transaction. */
  begin(nowMs: number): void;
  /** Call after each write by this connection. */
  written(): void;
}

const NO_SPANS: readonly CarSpan[] = [];

/** Past this many entries the cache starts again (a long-running process must not grow). */
const MAX_CACHED = 2000;

export function createSearchCache(db: Database): SearchCache {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const nextLapse = db.prepare('SELECT MIN(expires_ms) FROM claims WHERE expires_ms IS NOT NULL AND expires_ms > ?').pluck();
  let writes = 0;
  let version = '';
  let builtAt = 0;
  let validUntil = -Infinity;
  const cache: SearchCache = {
    loads: new Map(),
    carLoads: new Map(),
    begin(nowMs) {
      const current = `${dataVersion.get()}:${writes}`;
      const stale = current !== version || nowMs >= validUntil || nowMs < builtAt;
      if (stale || cache.loads.size + cache.carLoads.size > MAX_CACHED) {
        cache.loads.clear();
        cache.carLoads.clear();
        version = current;
        builtAt = nowMs;
        validUntil = (nextLapse.get(nowMs) as number | null) ?? Infinity;
      }
    },
    written() {
      writes++;
    },
  };
  return cache;
}

/** The statements a search reads with, prepared once per connection. */
export interface SearchReads {
  /** Counted claims of the days `from`..`to` (both included), summed per day, kind and half-day. */
  buckets: (from: string, to: string, now: number) => { day: string; kind: string; half: string | null; n: number; hours: number }[];
  acceptances: (from: number, to: number, now: number) => { start: number; end: number; n: number }[];
  cars: (from: number, to: number, now: number) => CarSpan[];
}

export function prepareSearchReads(db: Database): SearchReads {
  const live = '(c.expires_ms IS NULL OR c.expires_ms > @now)';
  const buckets = db.prepare(
    `SELECT day, kind, half, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS hours FROM claims c
      WHERE kind IN ('workshop', 'rental', 'driver', 'shuttle') AND day BETWEEN @from AND @to AND ${live} GROUP BY kind, day, half`,
  );
  const acceptances = db.prepare(
    `SELECT start_ms AS start, end_ms AS end, COUNT(*) AS n FROM claims c
      WHERE kind = 'advisor' AND start_ms >= @from AND start_ms < @to AND ${live} GROUP BY start_ms, end_ms`,
  );
  const cars = db.prepare(
    `SELECT resource_id AS car, start_ms AS start, end_ms AS end, reservation_id IS NOT NULL AS booked FROM claims c
      WHERE kind = 'car' AND start_ms >= @from - COALESCE((SELECT max_ms FROM claim_spans WHERE kind = 'car'), 1e15)
        AND start_ms < @to AND end_ms > @from AND ${live}`,
  );
  return {
    buckets: (from, to, now) => buckets.all({ from, to, now }) as ReturnType<SearchReads['buckets']>,
    acceptances: (from, to, now) => acceptances.all({ from, to, now }) as { start: number; end: number; n: number }[],
    cars: (from, to, now) => cars.all({ from, to, now }) as CarSpan[],
  };
}

/**
 * Days loaded together: a search walks forward day after day (alternatives, "asap"), so one
 * query for a week costs about what one for a day does, and the next days are then in memory.
 */
const DAYS_PER_LOAD = 7;

/** A probe for one search; its day loads live as long as the search (one read transaction). */
export function createProbe(
  dealer: Dealer,
  reads: SearchReads,
  cache: SearchCache,
  nowMs: number,
  limits: Limits,
  query: SlotQuery,
): SlotProbe {
  const { solution, legs, downtimeHours } = query;
  const acceptanceMs = dealer.workshop.acceptanceMinutes * 60_000;
  const carKind: CarKind | undefined = solution === 'courtesy-car-brand' || solution === 'courtesy-car-other' ? solution : undefined;
  const cars = dealer.fleet
    .filter((c) => c.kind === carKind)
    .map((c) => c.id)
    .sort();
  const { loads, carLoads } = cache;

  /** Loads the day and the next ones not loaded yet (up to {@link DAYS_PER_LOAD}), in two queries. */
  const loadFrom = (first: string): void => {
    const days: string[] = [];
    for (let day = first; days.length < DAYS_PER_LOAD && !loads.has(day); day = addDays(day, 1)) days.push(day);
    const fresh = new Map<string, DayLoad>();
    let fromMs = Infinity;
    let toMs = -Infinity;
    for (const day of days) {
      fresh.set(day, { workshopHours: 0, rentals: 0, halves: new Map(), acceptances: [] });
      const open = dayPlan(dealer, day).open;
      if (open.length > 0) {
        fromMs = Math.min(fromMs, open[0].startMs - ACCEPTANCE_LOOKBACK_MS);
        toMs = Math.max(toMs, open[open.length - 1].endMs);
      }
    }
    for (const row of reads.buckets(days[0], days[days.length - 1], nowMs)) {
      const found = fresh.get(row.day) as DayLoad;
      if (row.kind === 'workshop') found.workshopHours += row.hours;
      else if (row.kind === 'rental') found.rentals += row.n;
      else found.halves.set(`${row.kind} ${row.half}`, row.n);
    }
    const acceptances = fromMs < toMs ? reads.acceptances(fromMs, toMs, nowMs) : [];
    for (const day of days) {
      const found = fresh.get(day) as DayLoad;
      const open = dayPlan(dealer, day).open;
      // The day's own range, as if it had been loaded alone.
      if (open.length > 0) {
        const from = open[0].startMs - ACCEPTANCE_LOOKBACK_MS;
        const to = open[open.length - 1].endMs;
        found.acceptances = acceptances.filter((a) => a.start >= from && a.start < to);
      }
      loads.set(day, found);
    }
  };

  const load = (day: string): DayLoad => {
    let found = loads.get(day);
    if (!found) {
      loadFrom(day);
      found = loads.get(day) as DayLoad;
    }
    return found;
  };

  /** The cars' spans meeting [first handover, last return] of the day's starts. */
  const carsOf = (day: string): Map<string, CarSpan[]> => {
    const starts = acceptanceStartRecords(dealer, day);
    if (starts.length === 0) return new Map();
    const from = starts[0].ms + acceptanceMs;
    const to = readyAtMs(dealer, { ms: starts[starts.length - 1].ms + acceptanceMs, day }, downtimeHours).ms;
    const key = `${from} ${to}`;
    let byCar = carLoads.get(key);
    if (!byCar) {
      byCar = new Map();
      for (const span of reads.cars(from, to + 1, nowMs)) {
        const spans = byCar.get(span.car);
        if (spans) spans.push(span);
        else byCar.set(span.car, [span]);
      }
      carLoads.set(key, byCar);
    }
    return byCar;
  };

  const advisorFree = (start: number, end: number, day: string) => {
    let busy = 0;
    for (const a of load(day).acceptances) if (a.start < end && a.end > start) busy += a.n;
    return busy < limits.advisors;
  };

  const halfLeft = (kind: 'driver' | 'shuttle', m: { day: string; part: DayPart }) =>
    limits[kind] - (load(m.day).halves.get(`${kind} ${m.part}`) ?? 0);

  const fits = (demand: Demand, day: string): boolean => {
    if (Math.min(demand.workshop.hours, limits.workshopHours) > limits.workshopHours - load(day).workshopHours + EPSILON) return false;
    if (demand.car) {
      const { startMs, endMs } = demand.car;
      const byCar = carsOf(day);
      const limit = limits.cars[demand.car.kind];
      if (limit < 1) return false;
      // One pass: whether some car is free, and how many are given to reservations over the span.
      let someFree = false;
      let given = 0;
      for (const car of cars) {
        let busy = false;
        let booked = false;
        for (const s of byCar.get(car) ?? NO_SPANS) {
          if (s.start < endMs && s.end > startMs) {
            busy = true;
            if (s.booked) {
              booked = true;
              break;
            }
          }
        }
        if (!busy) someFree = true;
        if (booked) given++;
      }
      return someFree && given < limit;
    }
    if (demand.rentalDays) return demand.rentalDays.length > 0 && demand.rentalDays.every((d) => load(d).rentals < limits.rental);
    for (const [kind, halves] of [['driver', demand.drivers], ['shuttle', demand.shuttleTrips]] as const) {
      const wanted = new Map<string, number>();
      for (const h of halves ?? []) wanted.set(`${h.day} ${h.part}`, (wanted.get(`${h.day} ${h.part}`) ?? 0) + 1);
      for (const [key, n] of wanted) {
        const [d, part] = key.split(' ');
        if (halfLeft(kind, { day: d, part: part as DayPart }) < n) return false;
      }
    }
    return true;
  };

  const moment = (ms: number, day: string): SlotMoment => {
    const part: DayPart = ms < dayPlan(dealer, day).afternoonMs ? 'morning' : 'afternoon';
    return { ms, day, part };
  };
  const counted = Math.min(countedJobHours(dealer, downtimeHours), limits.workshopHours);

  /** Whether the day can give this query anything at all: a saturated planning has many days that cannot. */
  const possible = new Map<string, boolean>();
  const dayPossible = (day: string): boolean => {
    let verdict = possible.get(day);
    if (verdict === undefined) {
      const loaded = load(day);
      const someHalf = (kind: 'driver' | 'shuttle') =>
        halfLeft(kind, { day, part: 'morning' }) > 0 || halfLeft(kind, { day, part: 'afternoon' }) > 0;
      verdict =
        counted <= limits.workshopHours - loaded.workshopHours + EPSILON &&
        (solution !== 'rental-car' || loaded.rentals < limits.rental) &&
        (solution !== 'pickup-delivery' || legs === 'delivery' || someHalf('driver')) &&
        (solution !== 'staff-shuttle' || someHalf('shuttle'));
      possible.set(day, verdict);
    }
    return verdict;
  };

  return (start) => {
    const day = start.day;
    if (!dayPossible(day)) return undefined;
    const appointment = moment(start.ms, day);
    const handoverMs = appointment.ms + acceptanceMs;
    if (!advisorFree(appointment.ms, handoverMs, day)) return undefined;
    // The acceptance ends inside an opening interval, so the handover is on the same day.
    const handover = moment(handoverMs, day);
    const ready = readyAtMs(dealer, handover, downtimeHours);
    const back = moment(ready.ms, ready.day);
    if (!fits(demandAt(dealer, solution, { appointment, handover, back }, downtimeHours, legs), day)) return undefined;
    const slot: Slot = {
      solution,
      appointmentAt: start.iso,
      handoverAt: formatMs(dealer, handoverMs),
      returnAt: formatMs(dealer, back.ms),
    };
    return slot;
  };
}
