/**
 * The online quota (FACTS.md "Booking engines"): dealer tools keep a share of each capacity for
 * the advisors' own bookings. Pure, so that every store applies the same rule.
 * @module
 */
import type { Dealer } from '../dealer/schema';
import type { BookingRequest } from './planning';
import { dayCapacityHours, type CarKind } from './demand';

export type BookedBy = NonNullable<BookingRequest['bookedBy']>;

/** What one kind of booker may use of each capacity. */
export interface Limits {
  /** Concurrent acceptances. */
  advisors: number;
  /** Job hours per local day. */
  workshopHours: number;
  /** Cars of a kind in use at once (reservations only; out-of-service cars are not counted). */
  cars: Record<CarKind, number>;
  /** Rentals per local day. */
  rental: number;
  /** Pickup & delivery drivers per half-day. */
  driver: number;
  /** Staff shuttle trips per half-day. */
  shuttle: number;
}

/**
 * The online share of a count: floor(capacity × (1 − share)), but at least 1 when the capacity
 * is at least 1, so a dealer with one driver or one car can still be booked online.
 */
export function onlineCount(capacity: number, share: number): number {
  if (capacity < 1) return capacity;
  return Math.max(1, Math.floor(capacity * (1 - share) + 1e-9));
}

/** A cache per dealer: the dealer file never changes once validated. */
const cache = new WeakMap<Dealer, Record<BookedBy, Limits>>();

/** The limits for advisors (the whole capacity) or online bookings (capacity less the advisors' share). */
export function limitsFor(dealer: Dealer, bookedBy: BookedBy = 'online'): Limits {
  let both = cache.get(dealer);
  if (!both) {
    const share = dealer.mobility.advisorShare;
    const count = (kind: CarKind) => dealer.fleet.filter((car) => car.kind === kind).length;
    const { mobility, workshop } = dealer;
    const advisor: Limits = {
      advisors: workshop.advisors,
      workshopHours: dayCapacityHours(dealer),
      cars: { 'courtesy-car-brand': count('courtesy-car-brand'), 'courtesy-car-other': count('courtesy-car-other') },
      rental: mobility.rental.allowed ? mobility.rental.dailyQuota : 0,
      driver: mobility.pickupDelivery.driversPerHalfDay,
      shuttle: mobility.staffShuttle.tripsPerHalfDay,
    };
    const online: Limits = {
      advisors: onlineCount(advisor.advisors, share),
      // Hours are not whole units: the share is taken exactly.
      workshopHours: advisor.workshopHours * (1 - share),
      cars: {
        'courtesy-car-brand': onlineCount(advisor.cars['courtesy-car-brand'], share),
        'courtesy-car-other': onlineCount(advisor.cars['courtesy-car-other'], share),
      },
      rental: onlineCount(advisor.rental, share),
      driver: onlineCount(advisor.driver, share),
      shuttle: onlineCount(advisor.shuttle, share),
    };
    cache.set(dealer, (both = { online, advisor }));
  }
  return both[bookedBy];
}
