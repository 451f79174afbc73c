/**
 * Rules that span several fields, which the schema alone cannot express. They run on a file that
 * already matches `dealerSchema`, and return problems as `path: message` lines.
 * @module
 */
import type { SolutionId } from '../../dialogs/model';
import type { Dealer } from './schema';
import { formatPath } from './issue-path';

/** Solutions that cost nothing by nature: the customer waits, or travels on their own. */
const FREE_BY_NATURE: readonly SolutionId[] = ['none', 'public-transport'];

type Problem = [path: PropertyKey[], message: string];

export function crossCheck(dealer: Dealer): string[] {
  const problems: Problem[] = [
    ...checkPrices(dealer),
    ...checkDays(dealer),
    ...checkHours(dealer),
    ...checkUnique(dealer),
    ...checkServices(dealer),
    ...checkVehicles(dealer),
  ];
  return problems.map(([path, message]) => `${formatPath(path)}: ${message}`);
}

function checkPrices({ mobility }: Dealer): Problem[] {
  const out: Problem[] = [];
  for (const solution of mobility.offered) {
    if (FREE_BY_NATURE.includes(solution) || mobility.prices[solution]) continue;
    out.push([['mobility', 'prices', solution], `missing: "${solution}" is offered, so it needs a price (0 if free)`]);
  }
  if (mobility.offered.includes('rental-car') && !mobility.rental.allowed) {
    out.push([['mobility', 'rental', 'allowed'], 'is false but mobility.offered includes "rental-car"']);
  }
  return out;
}

/** The schema only checks the yyyy-MM-dd shape; 2026-02-30 must still be refused. */
function checkDays({ calendar, fleet, vehicles }: Dealer): Problem[] {
  const out: Problem[] = [];
  const day = (value: string | undefined, path: PropertyKey[]) => {
    if (value !== undefined && !isCalendarDay(value)) out.push([path, `${value} is not a calendar day`]);
  };
  const range = (r: { from: string; to: string }, path: PropertyKey[]) => {
    day(r.from, [...path, 'from']);
    day(r.to, [...path, 'to']);
    if (r.from > r.to) out.push([[...path, 'to'], `${r.to} is before from (${r.from})`]);
  };
  calendar.holidays.forEach((h, i) => day(h.date, ['calendar', 'holidays', i, 'date']));
  calendar.closures.forEach((c, i) => range(c, ['calendar', 'closures', i]));
  fleet.forEach((car, i) => car.outOfService.forEach((r, j) => range(r, ['fleet', i, 'outOfService', j])));
  vehicles.forEach((v, i) => {
    day(v.warrantyUntil, ['vehicles', i, 'warrantyUntil']);
    day(v.extensionUntil, ['vehicles', i, 'extensionUntil']);
    v.programmes.forEach((p, j) => day(p.until, ['vehicles', i, 'programmes', j, 'until']));
  });
  return out;
}

function checkHours({ calendar }: Dealer): Problem[] {
  const out: Problem[] = [];
  for (const [weekday, intervals] of Object.entries(calendar.hours)) {
    intervals.forEach(([open, close], i) => {
      if (open >= close) out.push([['calendar', 'hours', weekday, i], `opens at ${open} but closes at ${close}`]);
      const previous = intervals[i - 1];
      if (previous && open < previous[1]) {
        out.push([['calendar', 'hours', weekday, i], `overlaps the interval before it (${previous[0]}–${previous[1]})`]);
      }
    });
  }
  return out;
}

function checkUnique({ fleet, services }: Dealer): Problem[] {
  return [
    ...duplicates(fleet.map((car) => car.id), (i, id) => [['fleet', i, 'id'], `duplicate id "${id}"`]),
    ...duplicates(fleet.map((car) => normalise(car.plate)), (i, plate) => [['fleet', i, 'plate'], `duplicate plate "${plate}"`]),
    ...duplicates(services.map((s) => s.id), (i, id) => [['services', i, 'id'], `duplicate service "${id}"`]),
  ];
}

function checkServices({ services }: Dealer): Problem[] {
  return services.flatMap((s, i): Problem[] =>
    s.hoursMax !== undefined && s.hoursMax < s.hours
      ? [[['services', i, 'hoursMax'], `${s.hoursMax} is less than hours (${s.hours})`]]
      : [],
  );
}

function checkVehicles({ vehicles }: Dealer): Problem[] {
  const out: Problem[] = [];
  vehicles.forEach((v, i) => {
    if (!v.plate?.trim() && !v.vin?.trim()) out.push([['vehicles', i], 'needs a plate or a vin']);
  });
  out.push(
    ...duplicates(vehicles.map((v) => normalise(v.plate)), (i, p) => [['vehicles', i, 'plate'], `duplicate plate "${p}"`]),
    ...duplicates(vehicles.map((v) => normalise(v.vin)), (i, vin) => [['vehicles', i, 'vin'], `duplicate vin "${vin}"`]),
  );
  return out;
}

function duplicates(values: string[], problem: (index: number, value: string) => Problem): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  values.forEach((value, i) => {
    if (value === '') return;
    if (seen.has(value)) out.push(problem(i, value));
    seen.add(value);
  });
  return out;
}

function normalise(id: string | undefined): string {
  return (id ?? '').toUpperCase().replace(/[\s-]/g, '');
}

function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
