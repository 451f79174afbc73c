/**
 * The dialogue's named actors, wired to the ports. Every call is idempotent: a snapshot persisted
 * while an actor was pending re-runs it on restore (FACTS.md, XState).
 * @module
 */
import { fromPromise, type AnyActorRef } from 'xstate';
import { bookingMachine } from '../../dialogs/booking-machine';
import type { Slot } from '../../dialogs/model';
import { estimateDowntime } from '../../dialogs/policies/downtime';
import { offersFor } from '../../dialogs/policies/entitlement-policy';
import { candidatesFor } from '../../dialogs/policies/replacement-vehicle-order';
import { workPriceTogether, workTogether } from '../../dialogs/policies/work-together';
import type {
  BookInput, BookOutcome, CancelInput, FindBookingsInput, HoldOutcome, LocateInput, Located, Quote, QuoteInput, QuoteWorkInput, RescheduleInput, SearchInput,
  SearchResult,
} from '../../dialogs/ports';
import { cancelBooking, findBookings, quoteWork, rescheduleBooking } from './manage-actors';
import type { Dealer } from '../dealer/schema';
import type { Entitlements } from '../entitlements/entitlements';
import type { Places } from '../places/places';
import { localDayOfIso } from '../planning/calendar';
import type { PlanningSystem, SlotSearch } from '../planning/planning';
import type { PortName } from '../observe/observer';

export interface Ports {
  dealer: Dealer;
  planning: PlanningSystem;
  entitlements: Entitlements;
  places: Places;
  /**
   * A port's call failed (the machine answers it: "retry or a person"): for the log and the
   * metrics, once per failure, with the conversation it happened in.
   */
  onFailure?: (port: PortName, err: unknown, conversationId: string | undefined) => void;
}

/** How many alternatives a customer is shown when the wished time is not free (R9: at least two). */
export const ALTERNATIVES_SHOWN = 3;

export function quote(dealer: Dealer, input: QuoteInput): Quote {
  // #13: work added to a booking is quoted together, the booking's first service first
  const ids = input.services?.length ? input.services : [input.serviceId];
  const jobs = ids.map((id) => {
    const service = dealer.services.find((s) => s.id === id);
    if (!service) throw new Error(`service ${id} is not in the catalogue`);
    return service;
  });
  const together = workTogether(jobs);
  const downtime = estimateDowntime(together);
  const today = localDayOfIso(dealer, input.now)!;
  return { downtime, offers: offersFor(dealer.mobility, together, input.record, downtime, today), work: workPriceTogether(jobs, input.record, today) };
}

/**
 * R5 + R9: try each candidate solution in order for the wished time; when none has it, the
 * nearest alternatives of all candidates, one per day, the preferred solution first on a tie.
 */
export async function searchSlots(planning: PlanningSystem, input: SearchInput): Promise<SearchResult> {
  const candidates = candidatesFor(input.mobility, input.offers);
  let first: SlotSearch | undefined;
  const alternatives: Slot[] = [];
  for (const solution of candidates) {
    const found = await planning.findSlots({
      solution, legs: input.legs, serviceId: input.serviceId, downtimeHours: input.downtimeHours, wish: input.wish, now: input.now,
    });
    if (found.wished) return { wished: found.wished, alternatives: [] };
    first ??= found;
    alternatives.push(...found.alternatives);
    // A refusal about the day itself (past, closed, holiday...) is the same for every solution.
    if (found.refusal && found.refusal !== 'full') break;
  }
  const rank = (s: Slot) => candidates.indexOf(s.solution);
  const byDay = new Map<string, Slot>();
  for (const s of [...alternatives].sort((a, b) => a.appointmentAt.localeCompare(b.appointmentAt) || rank(a) - rank(b))) {
    const day = s.appointmentAt.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, s);
  }
  return {
    refusal: first?.refusal ?? 'full',
    ...(first?.refusalDetail ? { refusalDetail: first.refusalDetail } : {}),
    alternatives: [...byDay.values()].slice(0, ALTERNATIVES_SHOWN),
  };
}

export async function locate(ports: Ports, input: LocateInput): Promise<Located> {
  const m = ports.dealer.mobility;
  const radiusKm = input.solution === 'staff-shuttle' ? m.staffShuttle.radiusKm : m.pickupDelivery.radiusKm;
  const found = await ports.places.locate(input.address, radiusKm);
  return found.status === 'ok' ? { status: 'ok', place: found.place, distanceKm: found.distanceKm } : found;
}

/** The booking machine with its actors bound to the ports: the only place they meet. */
export function provideBookingMachine(ports: Ports) {
  const { onFailure } = ports;
  // The invoking machine's context names the conversation: read only when a call failed.
  const watch = <T>(port: PortName, self: AnyActorRef, call: () => Promise<T>): Promise<T> => {
    if (!onFailure) return call();
    let pending: Promise<T>;
    try {
      pending = call();
    } catch (err) {
      pending = Promise.reject(err);
    }
    return pending.catch((err: unknown) => {
      const parent = self._parent?.getSnapshot() as { context?: { conversationId?: string } } | undefined;
      onFailure(port, err, parent?.context?.conversationId);
      throw err;
    });
  };
  return bookingMachine.provide({
    actors: {
      lookupVehicle: fromPromise(({ input, self }) => watch('entitlements', self, () => ports.entitlements.lookup(input))),
      quoteMobility: fromPromise(async ({ input }: { input: QuoteInput }) => quote(ports.dealer, input)),
      locateAddress: fromPromise(({ input, self }: { input: LocateInput; self: AnyActorRef }) => watch('places', self, () => locate(ports, input))),
      searchSlots: fromPromise(({ input, self }: { input: SearchInput; self: AnyActorRef }) => watch('planning', self, () => searchSlots(ports.planning, input))),
      holdSlot: fromPromise(async ({ input, self }: { input: BookInput; self: AnyActorRef }): Promise<HoldOutcome> => {
        const held = await watch('planning', self, () => ports.planning.hold(input));
        return held.ok ? { ok: true, expiresAt: held.expiresAt } : held;
      }),
      bookSlot: fromPromise(({ input, self }: { input: BookInput; self: AnyActorRef }): Promise<BookOutcome> => watch('planning', self, () => ports.planning.book(input))),
      // #13: after the booking
      findBookings: fromPromise(({ input, self }: { input: FindBookingsInput; self: AnyActorRef }) => watch('planning', self, () => findBookings(ports, input))),
      rescheduleBooking: fromPromise(({ input, self }: { input: RescheduleInput; self: AnyActorRef }) => watch('planning', self, () => rescheduleBooking(ports, input))),
      quoteWork: fromPromise(async ({ input }: { input: QuoteWorkInput }) => quoteWork(ports, input)),
      cancelBooking: fromPromise(({ input, self }: { input: CancelInput; self: AnyActorRef }) => watch('planning', self, () => cancelBooking(ports, input.reference))),
    },
  });
}

export type ProvidedBookingMachine = ReturnType<typeof provideBookingMachine>;
