/**
 * What the bot asks and tells, built from the booking's memory. Keys only: the words are in
 * locales/. Times stay ISO strings here; the renderer formats them in the dealer's zone.
 * @module
 */
import { token } from './choice-tokens';
import type { BookingContext } from './context';
import type { Choice, Line, Output, Params, Prompt } from './output';
import type { Downtime, Offer, Slot } from './model';
import { LEGS } from './model';
import { datePrompt } from './date-prompts';
import { rightsOf } from './policies/entitlement-policy';
import { reminderConsentPrompt } from './reminder-consent';
import { markChanges, summaryLines } from './summary-lines';
import { managePrompts } from './manage/prompts';
import { workLines } from './manage/words';

export { summaryLines, vehicleLabel } from './summary-lines';

const today = (ctx: BookingContext) => ctx.now.slice(0, 10);

/** #13: the downtime old → new, in working hours (a range for unknown work). */
function downtimeLine(now: Downtime, was: Downtime): Line {
  const params = (d: Downtime) => (d.range ? { hours: `${d.range[0]}–${d.range[1]}` } : { hours: d.hours });
  return { key: 'manage.line.downtime', params: params(now), was: params(was), showWas: true };
}

export const prompts = {
  service: (): Prompt => ({
    key: 'ask.service',
    awaiting: 'service',
    choices: (['maintenance', 'tyres', 'repair', 'diagnosis'] as const).map((id) => ({
      key: `service.${id}`,
      value: token.service(id),
    })),
  }),
  vehicle: (): Prompt => ({ key: 'ask.vehicle', awaiting: 'vehicle' }),
  name: (): Prompt => ({ key: 'ask.name', awaiting: 'name' }),
  mobility: (ctx: BookingContext): Prompt => ({
    key: 'ask.mobility',
    awaiting: 'mobility',
    lines: (ctx.offers ?? []).map(offerLine),
    choices: (ctx.offers ?? []).map((o) => ({ key: `solution.${o.solution}`, value: token.mobility(o.solution) })),
  }),
  legs: (): Prompt => ({
    key: 'ask.legs',
    awaiting: 'pickupDelivery',
    choices: LEGS.map((legs) => ({ key: `legs.${legs}`, value: token.legs(legs) })),
  }),
  address: (ctx: BookingContext): Prompt => ({
    key: ctx.mobility === 'staff-shuttle' ? 'ask.addressShuttle' : 'ask.address',
    awaiting: 'address',
  }),
  date: (ctx: BookingContext): Prompt => datePrompt(ctx),
  slot: (ctx: BookingContext): Prompt => {
    const alternatives = ctx.search?.alternatives ?? [];
    return {
      key: 'ask.slot',
      awaiting: 'slot',
      // a car collected from the customer is not "dropped off" by them
      lines: alternatives.map((s, i) => ({ key: s.solution === 'pickup-delivery' && ctx.legs !== 'delivery' ? 'slot.linePickup' : 'slot.line', params: slotParams(s, i + 1) })),
      choices: [
        ...alternatives.map((s, i): Choice => ({ key: 'choice.slot', params: slotParams(s, i + 1), value: token.slot(i + 1) })),
        { key: 'choice.otherDate', value: token.change('date') },
      ],
    };
  },
  confirm: (ctx: BookingContext): Prompt => {
    // shown again after a change: what changed is marked (old → new)
    const { lines, changed } = markChanges(summaryLines(ctx), ctx.summaryShown);
    const work = ctx.changing?.work;
    return {
      // #13: a booking being changed is confirmed as a change of that booking (work added: its own words)
      key: work ? (work.newDay ? 'manage.ask.confirmWorkNewDay' : 'manage.ask.confirmWork') : ctx.changing ? 'manage.ask.confirmChange' : changed ? 'ask.confirmChanged' : 'ask.confirm',
      ...(ctx.changing ? { params: { reference: ctx.changing.reference } } : {}),
      awaiting: 'confirm',
      // #13: a booking that stands shows what it was (old → new); work added, also the downtime old → new and each job's price
      lines: [
        ...(ctx.changing ? lines.map((l) => (l.was ? { ...l, showWas: true } : l)) : lines),
        ...(work && ctx.downtime ? [downtimeLine(ctx.downtime, work.downtimeWas), ...workLines(ctx)] : []),
      ],
      choices: [
        { key: 'choice.confirm', value: token.yes },
        { key: 'choice.change', value: token.no },
      ],
    };
  },
  change: (): Prompt => ({
    key: 'ask.change',
    awaiting: 'text',
    choices: (['date', 'mobility', 'service', 'vehicle'] as const).map((what) => ({
      key: `change.${what}`,
      value: token.change(what),
    })),
  }),
  human: (): Prompt => ({
    key: 'ask.human',
    awaiting: 'confirm',
    choices: [
      { key: 'choice.human', value: token.yes },
      { key: 'choice.tryAgain', value: token.no },
    ],
  }),
  // #13: the car already has an appointment; a person can sort it out, or another day
  vehicleBooked: (): Prompt => ({
    key: 'ask.vehicleBooked',
    awaiting: 'confirm',
    choices: [
      { key: 'choice.human', value: token.yes },
      { key: 'choice.otherDate', value: token.change('date') },
    ],
  }),
  retryOrHuman: (): Prompt => ({
    key: 'ask.retryOrHuman',
    awaiting: 'confirm',
    choices: [
      { key: 'choice.retry', value: token.yes },
      { key: 'choice.human', value: token.human },
    ],
  }),
  reminderConsent: (): Prompt => reminderConsentPrompt(),
  anythingElse: (): Prompt => ({
    key: 'ask.anythingElse',
    awaiting: 'text',
    choices: [{ key: 'choice.newBooking', value: token.restart }],
  }),
  ...managePrompts,
};

/** Warranty and extension are words to translate; a programme's name is said as it is. */
const rightParam = (right: string) => (right === 'warranty' || right === 'extension' ? `right.${right}` : right);

export function offerLine(o: Offer): { key: string; params: Params } {
  const solution = `solution.${o.solution}`;
  // "no mobility" costs nothing and is nothing: no price beside it
  if (o.solution === 'none') return { key: 'offer.none', params: { solution } };
  if (o.freeBecause) {
    const right = rightParam(o.freeBecause);
    if (!o.value) return { key: 'offer.freeBecause', params: { solution, right } };
    // the value per day or per trip, as prices are said; else what it is worth for this visit
    return o.value.per === 'day' || o.value.per === 'trip'
      ? { key: `offer.freeWorthPer.${o.value.per}`, params: { solution, right, amount: o.value.unit ?? o.value.amount } }
      : { key: 'offer.freeWorth', params: { solution, right, amount: o.value.amount } };
  }
  if (o.price) return { key: `offer.price.${o.price.per}`, params: { solution, amount: o.price.amount } };
  return { key: 'offer.free', params: { solution } };
}

export function slotParams(s: Slot, n: number): Params {
  return { n, solution: `solution.${s.solution}`, appointmentAt: s.appointmentAt, returnAt: s.returnAt };
}

/** R2 and R3, said once the vehicle and the work are known: the downtime, then the rights. */
export function quoteStatements(ctx: BookingContext): Output[] {
  const out: Output[] = [];
  const d = ctx.downtime;
  if (d) {
    if (d.range) out.push({ type: 'say', key: 'downtime.range', params: { min: d.range[0], max: d.range[1] } });
    // `count` picks the plural ("1 ora", "1,5 ore"); the words format it as a number in the language
    else if (d.days <= 1) out.push({ type: 'say', key: 'downtime.sameDay', params: { count: d.hours } });
    else out.push({ type: 'say', key: 'downtime.days', params: { count: d.hours, days: d.days } });
  }
  if (ctx.record === null) {
    out.push({ type: 'say', key: 'rights.unknownVehicle' });
    return out;
  }
  const rights = rightsOf(ctx.record ?? null, today(ctx));
  const free = (ctx.offers ?? []).filter((o) => o.freeBecause);
  const model = ctx.record?.model ?? ctx.vehicle?.model ?? '';
  if (rights.warranty) out.push({ type: 'say', key: 'rights.warranty', params: { model, until: ctx.record?.warrantyUntil } });
  else if (rights.extension) out.push({ type: 'say', key: 'rights.extension', params: { model, until: ctx.record?.extensionUntil } });
  if (free.length > 0) out.push({ type: 'say', key: 'rights.freeMobility' });
  else out.push({ type: 'say', key: 'rights.none' });
  return out;
}

