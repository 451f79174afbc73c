/**
 * What an advisor needs to see when a conversation is handed over, taken from what the bot
 * collected, so that the customer never repeats anything. Pure and plain JSON; the console
 * names the words (service, solution) in the advisor's language.
 * @module
 */
import type { BookingContext } from './context';
import type { DateWish, Downtime, Legs, MobilityWish, ServiceCategory, SolutionId } from './model';

export interface HandoffSummary {
  customerName?: string;
  vehicle?: { plate?: string; vin?: string; model?: string; idUnknown?: boolean };
  /** The customer's own words, and the service they were classified as (R1). */
  need?: { text: string; serviceId: ServiceCategory };
  downtime?: Downtime;
  /** Warranty, extension and programmes the records show (R3). */
  entitlements: { kind: 'warranty' | 'extension' | 'programme'; name?: string; until?: string }[];
  /** Solutions offered free, and why (R3, R4). */
  freeSolutions: { solution: SolutionId; because?: string }[];
  mobility?: MobilityWish;
  solution?: SolutionId;
  legs?: Legs;
  address?: string;
  wish?: DateWish;
  /** The slot proposed or held, or the booking made (ISO instants). */
  dates?: { appointmentAt: string; handoverAt: string; returnAt: string };
  bookingReference?: string;
}

export function summaryOf(context: BookingContext): HandoffSummary {
  const record = context.record ?? undefined;
  const entitlements: HandoffSummary['entitlements'] = [];
  if (record?.warrantyUntil) entitlements.push({ kind: 'warranty', until: record.warrantyUntil });
  if (record?.extensionUntil) entitlements.push({ kind: 'extension', until: record.extensionUntil });
  for (const p of record?.programmes ?? []) entitlements.push({ kind: 'programme', name: p.name, ...(p.until ? { until: p.until } : {}) });
  const dated = context.booking ?? context.slot;
  const vehicle = context.vehicle || record
    ? { plate: context.vehicle?.plate ?? record?.plate, vin: context.vehicle?.vin ?? record?.vin, model: record?.model ?? context.vehicle?.model, ...(context.vehicle?.idUnknown ? { idUnknown: true } : {}) }
    : undefined;
  return dropUndefined({
    customerName: context.customerName,
    vehicle: vehicle && dropUndefined(vehicle),
    need: context.need && { text: context.need.text, serviceId: context.need.serviceId },
    downtime: context.downtime,
    entitlements,
    freeSolutions: (context.offers ?? []).filter((o) => o.free).map((o) => dropUndefined({ solution: o.solution, because: o.freeBecause })),
    mobility: context.mobility,
    solution: context.booking?.solution ?? context.solution,
    legs: context.legs,
    address: context.addressPlace ?? context.address,
    wish: context.wish,
    dates: dated && { appointmentAt: dated.appointmentAt, handoverAt: dated.handoverAt, returnAt: dated.returnAt },
    bookingReference: context.booking?.reference,
  });
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
