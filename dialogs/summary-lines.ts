/**
 * R8 and R10: the summary read back before booking, in the words of the solution chosen. A
 * customer who drives in hears the drop-off, the handover and the documents to bring; pickup &
 * delivery tells the collection and the return with time and place, the total for the trips and
 * what to leave in the car; the staff shuttle tells where the customer is taken and fetched.
 * The solution is named once, its cost on a line of its own.
 * @module
 */
import type { BookingContext } from './context';
import type { Legs, Offer } from './model';
import type { Line, Params } from './output';

/** Documents that travel with the car: what a driver who collects it needs to find inside. */
const CAR_DOCUMENTS = new Set(['doc.registration', 'doc.serviceBook', 'doc.keys']);
/** Nothing is handed over, so no handover time is said. */
const NOTHING_HANDED_OVER = new Set(['none', 'public-transport']);
/** The lines a change is marked on (old → new): what the customer can change in words. */
const MARKED = new Set([
  'summary.customer', 'summary.vehicle', 'summary.service', 'summary.appointment', 'summary.solution', 'summary.collection', 'summary.returnHome', 'summary.shuttle',
  // #13: work added moves the ready time
  'summary.return', 'summary.returnAtDealer',
]);

/** What of the documents a driver who collects the car needs to find inside it. */
export const carDocuments = (documents: string[]) => documents.filter((d) => CAR_DOCUMENTS.has(d));

/** Trips a pickup & delivery takes: one per leg. */
export const tripsOf = (legs: Legs | undefined) => (legs === 'both' || legs === undefined ? 2 : 1);

const rightParam = (right: string) => (right === 'warranty' || right === 'extension' ? `right.${right}` : right);

/** What the chosen solution costs this customer, as one line without its name (`trips` for a trip-priced one). */
export function costLine(o: Offer, trips?: number): Line | undefined {
  if (o.solution === 'none') return undefined;
  if (o.freeBecause) {
    const right = rightParam(o.freeBecause);
    if (!o.value) return { key: 'summary.cost.freeBecause', params: { right } };
    const amount = o.value.per === 'trip' && o.value.unit !== undefined && trips !== undefined ? o.value.unit * trips : o.value.amount;
    return { key: 'summary.cost.freeWorth', params: { right, amount } };
  }
  if (!o.price) return { key: 'summary.cost.free' };
  if (o.price.per === 'trip' && trips !== undefined) return { key: 'summary.cost.trips', params: { count: trips, amount: o.price.amount, total: o.price.amount * trips } };
  return { key: `summary.cost.${o.price.per}`, params: { amount: o.price.amount } };
}

export function summaryLines(ctx: BookingContext): Line[] {
  const lines: Line[] = [
    { key: 'summary.customer', params: { name: ctx.customerName } },
    { key: 'summary.vehicle', params: { vehicle: vehicleLabel(ctx) } },
  ];
  // #13: every job when work was added ("Tagliando e Freni")
  if (ctx.need) lines.push({ key: 'summary.service', params: { service: ctx.need.services ? ctx.need.services.map((id) => `service.${id}`) : `service.${ctx.need.serviceId}` } });
  const slot = ctx.slot;
  if (!slot) return lines;
  const offer = ctx.offers?.find((o) => o.solution === slot.solution);
  const documents = offer?.documents ?? [];
  const address = ctx.address ?? '';

  if (slot.solution === 'pickup-delivery') {
    const legs = ctx.legs ?? 'both';
    lines.push({ key: 'summary.solution', params: { solution: `legs.${legs}` } });
    if (legs === 'delivery') lines.push({ key: 'summary.appointment', params: { at: slot.appointmentAt } });
    else lines.push({ key: 'summary.collection', params: { at: slot.appointmentAt, address } });
    if (legs === 'pickup') lines.push({ key: 'summary.returnAtDealer', params: { at: slot.returnAt } });
    else lines.push({ key: 'summary.returnHome', params: { at: slot.returnAt, address } });
    const cost = offer && costLine(offer, tripsOf(legs));
    if (cost) lines.push(cost);
    if (legs === 'delivery') lines.push({ key: 'summary.documents', params: { documents } });
    else lines.push({ key: 'summary.leaveInCar', params: { documents: carDocuments(documents) } });
    return lines;
  }

  lines.push({ key: 'summary.appointment', params: { at: slot.appointmentAt } });
  if (slot.solution === 'none') lines.push({ key: 'summary.noMobility' });
  else if (slot.solution !== 'staff-shuttle') lines.push({ key: 'summary.solution', params: { solution: `solution.${slot.solution}` } });
  if (slot.solution === 'staff-shuttle') {
    lines.push({ key: 'summary.shuttle', params: { address, back: slot.returnAt } });
  } else {
    if (!NOTHING_HANDED_OVER.has(slot.solution)) lines.push({ key: 'summary.handover', params: { at: slot.handoverAt } });
    lines.push({ key: 'summary.return', params: { at: slot.returnAt } });
  }
  const cost = offer && costLine(offer);
  if (cost) lines.push(cost);
  if (offer?.deposit) lines.push({ key: 'summary.deposit', params: { amount: offer.deposit.amount } });
  lines.push({ key: 'summary.documents', params: { documents } });
  return lines;
}

const sameParams = (a: Params | undefined, b: Params | undefined) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** The summary with what changed since `shown` marked on its line (old → new). */
export function markChanges(lines: Line[], shown: Line[] | undefined): { lines: Line[]; changed: boolean } {
  if (!shown) return { lines, changed: false };
  let changed = false;
  const marked = lines.map((line) => {
    if (!MARKED.has(line.key)) return line;
    const before = shown.find((l) => l.key === line.key);
    if (!before || sameParams(before.params, line.params)) return line;
    changed = true;
    return { ...line, was: before.params ?? {} };
  });
  return { lines: marked, changed };
}

export function vehicleLabel(ctx: BookingContext): string {
  const v = ctx.vehicle;
  return [ctx.record?.model ?? v?.model, v?.plate ?? v?.vin].filter(Boolean).join(' ');
}
