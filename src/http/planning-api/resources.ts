/**
 * The dealer's mobility resources as the staff see them: each car of the fleet, then the counted
 * capacities (rental quota, pickup & delivery drivers, shuttle trips) and the unlimited but
 * recorded solutions (taxi, public transport). Read from the dealer file, never from the store,
 * so the board shows a car even before its first reservation.
 * @module
 */
import { DateTime } from 'luxon';
import type { SolutionId } from '../../../dialogs/model';
import type { Dealer } from '../../dealer/schema';

export type Resource =
  | {
      id: string;
      type: 'car';
      kind: Dealer['fleet'][number]['kind'];
      model: string;
      plate: string;
      outOfService: { from: string; to: string; reason: string }[];
    }
  | {
      id: SolutionId;
      type: 'capacity';
      solution: SolutionId;
      /** Units per period; absent when unlimited (recorded only). */
      quantity?: number;
      per?: 'day' | 'half-day';
      partner?: string;
      minNoticeHours?: number;
      radiusKm?: number;
    };

export function resourcesOf(dealer: Dealer): Resource[] {
  const { mobility } = dealer;
  const offered = (s: SolutionId) => mobility.offered.includes(s);
  const cars: Resource[] = dealer.fleet.map((car) => ({
    id: car.id, type: 'car', kind: car.kind, model: car.model, plate: car.plate, outOfService: car.outOfService,
  }));
  const capacities: Resource[] = [];
  if (offered('rental-car') && mobility.rental.allowed) {
    capacities.push({ id: 'rental-car', type: 'capacity', solution: 'rental-car', quantity: mobility.rental.dailyQuota, per: 'day', partner: mobility.rental.partner });
  }
  if (offered('pickup-delivery')) {
    const p = mobility.pickupDelivery;
    capacities.push({ id: 'pickup-delivery', type: 'capacity', solution: 'pickup-delivery', quantity: p.driversPerHalfDay, per: 'half-day', minNoticeHours: p.minNoticeHours, radiusKm: p.radiusKm });
  }
  if (offered('staff-shuttle')) {
    const s = mobility.staffShuttle;
    capacities.push({ id: 'staff-shuttle', type: 'capacity', solution: 'staff-shuttle', quantity: s.tripsPerHalfDay, per: 'half-day', radiusKm: s.radiusKm });
  }
  for (const s of ['taxi', 'public-transport'] as const) if (offered(s)) capacities.push({ id: s, type: 'capacity', solution: s });
  return [...cars, ...capacities];
}

/** The `GET /api/planning/resources` body: the site, its calendar, the server's "now", the resources. */
export function resourcesBody(dealer: Dealer, now: Date) {
  const { site, calendar } = dealer;
  return {
    site: { id: site.id, name: site.name, brand: site.brand, timeZone: site.timeZone },
    now: now.toISOString(),
    today: DateTime.fromJSDate(now, { zone: site.timeZone }).toISODate(),
    calendar: { hours: calendar.hours, holidays: calendar.holidays, closures: calendar.closures },
    advisorShare: dealer.mobility.advisorShare,
    resources: resourcesOf(dealer),
  };
}
