/**
 * After the booking (#13): the customer sees, changes or cancels a booking in the chat. In the
 * conversation that made it the bot knows it; in a new one the customer proves two facts
 * (reference and plate, or reference and surname) before anything about a booking is said; three
 * failed attempts lead to a person. A change goes back through the router for that part only
 * (dates.ts, mobility.ts) and ends in a reschedule; a cancellation takes one confirmation. What
 * the chat may not do (too late for the dealer's rule, work to add) is said plainly, with a person
 * offered. A new pickup & delivery address is asked and placed as for a new booking (R6, R7), on
 * the same slot, and sent with the move.
 * @module
 */
import { assign, enqueueActions } from 'xstate';
import { AWAITING_USER } from '../awaiting';
import { asksToManageBooking, standingBookings } from '../after-booking';
import type { BookingContext } from '../context';
import { understood } from '../events';
import { intentIs } from '../guards';
import { interpret } from '../interpret';
import { freshContext, machineSetup, say } from '../machine-setup';
import type { BookingEvent } from '../events';
import { afterBooking } from './booking';
import { changeDone, comesToAddress, startChange } from '../manage/change';
import { anotherDayForWork, keptAsItWas, refusedWork, startAddingWork, workOf, workToAdd } from '../manage/add-work';
import { changeableNow, loadedBooking } from '../manage/load';
import { collect, givesProof, knownNamed, knownOnly, knownReferences, MAX_FAILED_PROOFS, oneEdit, partNamed } from '../manage/proof';
import { cancelledBookingWords, movedWords, statusWords, workAddedWords } from '../manage/words';

type Args = { context: BookingContext; event: BookingEvent };

const u = (event: BookingEvent) => understood(event);
const partOf = (event: BookingEvent) => { const x = u(event); return x ? partNamed(x) : undefined; };
const hasProof = ({ context }: Args) => !!context.managing?.reference && !!(context.managing.plate || context.managing.surname);
const hasReference = ({ context }: Args) => !!context.managing?.reference;
const act = (...acts: string[]) => ({ context }: Args) => acts.includes(context.managing?.act ?? 'status');
const part = (p: string) => ({ context }: Args) => context.managing?.part === p;
/** A new booking request instead: the customer names work to be done. */
const asksForWork = ({ event }: Args) => !!u(event)?.entities.service;

/** The message's own contribution to a change ("spostala a venerdì alle 11"): taken once the booking is loaded. */
function applyPending(context: BookingContext): Partial<BookingContext> {
  const pending = context.managing?.pending;
  if (!pending) return {};
  const { reference: _r, manage: _m, managePart: _p, sameTime, ...entities } = pending.entities;
  const { patch } = interpret(context, { ...pending, entities });
  // "Friday, same time": the booking's hour on the new day
  const at = context.booking?.appointmentAt;
  if (sameTime && at && patch.wish?.date && !patch.wish.time && !patch.wish.part) patch.wish = { ...patch.wish, time: at.slice(11, 16) };
  return patch;
}

/** The change started for `which`, with what the asking message already said taken. */
function changeWith(context: BookingContext, which: 'date' | 'mobility' | 'address'): Partial<BookingContext> {
  const started = startChange(context, which);
  return { ...started, ...applyPending({ ...context, ...started, managing: context.managing }) };
}

export const manage = {
  // Where a request about a booking goes next: known here, proven, or the facts still to ask.
  manage: machineSetup.createStateConfig({
    always: [
      { guard: ({ context }) => knownOnly(context), target: 'findingKnown' },
      { guard: hasProof, target: 'findingProven' },
      { guard: hasReference, target: 'askProof' },
      { target: 'askReference' },
    ],
  }),

  askReference: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'manageReference' } },
    on: {
      USER: [
        { guard: asksForWork, actions: [assign({ managing: undefined }), 'apply'], target: 'route' },
        {
          guard: ({ context, event }) => { const x = u(event); return !!x && givesProof(context, x, false); },
          actions: assign(({ context, event }) => ({ managing: collect(context, u(event)!), misunderstandings: 0 })),
          target: 'manage',
        },
      ],
    },
  }),

  askProof: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'manageProof' } },
    on: {
      USER: [
        { guard: asksForWork, actions: [assign({ managing: undefined }), 'apply'], target: 'route' },
        {
          guard: ({ context, event }) => { const x = u(event); return !!x && givesProof(context, x, true); },
          actions: assign(({ context, event }) => ({ managing: collect(context, u(event)!, true), misunderstandings: 0 })),
          target: 'manage',
        },
      ],
    },
  }),

  // A new conversation: reference and plate (or surname) checked together by the planning.
  findingProven: machineSetup.createStateConfig({
    invoke: {
      id: 'findProven',
      src: 'findBookings',
      input: ({ context }) => ({
        now: context.now,
        reference: context.managing?.reference,
        plate: context.managing?.plate,
        surname: context.managing?.surname,
      }),
      onDone: [
        { guard: { type: 'foundOne', params: ({ event }) => event.output }, actions: { type: 'loadFound', params: ({ event }) => event.output }, target: 'manageNext' },
        { guard: { type: 'foundSeveral', params: ({ event }) => event.output }, actions: { type: 'offerFound', params: ({ event }) => event.output }, target: 'chooseBooking' },
        {
          // nothing said about which fact failed, nor whether a booking exists
          guard: ({ context }) => (context.failedProofs ?? 0) + 1 >= MAX_FAILED_PROOFS,
          actions: [
            { type: 'say', params: { key: 'manage.notProven' } },
            assign(({ context }) => ({ managing: undefined, failedProofs: (context.failedProofs ?? 0) + 1 })),
            { type: 'handoffBecause', params: { reason: 'misunderstood' } },
          ],
          target: 'handoff',
        },
        {
          actions: [
            { type: 'say', params: { key: 'manage.notFound' } },
            assign(({ context }) => ({
              managing: { ...context.managing, reference: undefined, plate: undefined, surname: undefined },
              failedProofs: (context.failedProofs ?? 0) + 1,
            })),
          ],
          target: 'askReference',
        },
      ],
      onError: 'systemDown',
    },
  }),

  // Known in this conversation (booked or proven here): looked up again, as the planning has it now.
  findingKnown: machineSetup.createStateConfig({
    invoke: {
      id: 'findKnown',
      src: 'findBookings',
      input: ({ context }) => {
        const one = context.managing?.chosen ?? knownNamed(context);
        return { now: context.now, known: one ? [one] : knownReferences(context) };
      },
      onDone: [
        { guard: { type: 'foundOne', params: ({ event }) => event.output }, actions: { type: 'loadFound', params: ({ event }) => event.output }, target: 'manageNext' },
        { guard: { type: 'foundSeveral', params: ({ event }) => event.output }, actions: { type: 'offerFound', params: ({ event }) => event.output }, target: 'chooseBooking' },
        {
          // none upcoming any more (cancelled by the dealer, or past): said so, nothing pretended
          actions: [{ type: 'say', params: { key: 'manage.noneUpcoming' } }, assign(({ context }) => freshContext(context, context.now, { earlierBookings: undefined }))],
          target: 'manageDone',
        },
      ],
      onError: 'systemDown',
    },
  }),

  chooseBooking: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'chooseBooking' } },
    on: {
      USER: {
        guard: ({ context, event }) => chosenOf(context, event) !== undefined,
        actions: assign(({ context, event }) => ({
          managing: { ...(context.managing ?? {}), chosen: chosenOf(context, event), reference: chosenOf(context, event), candidates: undefined, ...actOf(event) },
        })),
        target: 'findingKnown',
      },
    },
  }),

  // The booking is loaded: what was asked of it.
  manageNext: machineSetup.createStateConfig({
    always: [
      { guard: act('status'), actions: enqueueActions(({ context, enqueue }) => enqueue.emit(statusWords(context))), target: 'bookingShown' },
      { guard: ({ context }) => !changeableNow(context), actions: assign(({ context }) => ({ managing: { ...context.managing!, why: 'tooLate' as const } })), target: 'offerPerson' },
      { guard: act('cancel'), target: 'confirmCancel' },
      // #13: work to add: asked when not named; already part of it, or not done here, said so
      { guard: ({ context }) => act('add')({ context } as Args) && !workToAdd(context), target: 'askWork' },
      {
        guard: ({ context }) => act('add')({ context } as Args) && workOf(context).includes(workToAdd(context)!),
        actions: enqueueActions(({ context, enqueue }) => {
          enqueue.emit(say('manage.workAlready', { reference: context.booking?.reference, service: `service.${workToAdd(context)}` }));
        }),
        target: 'bookingShown',
      },
      {
        guard: ({ context }) => act('add')({ context } as Args) && !context.catalogue.includes(workToAdd(context)!),
        actions: assign(({ context }) => ({ managing: { ...context.managing!, why: 'workNotOffered' as const } })),
        target: 'offerPerson',
      },
      { guard: act('add'), target: 'quotingWork' },
      // a new pickup & delivery address on the same slot (R6, R7); a booking that comes to no address
      // is told so, and offered the solutions again (pickup & delivery asks for the address)
      { guard: ({ context }) => context.managing?.part === 'address' && comesToAddress(context.booking?.solution), actions: assign(({ context }) => changeWith(context, 'address')), target: 'route' },
      {
        guard: part('address'),
        actions: enqueueActions(({ context, enqueue }) => {
          enqueue.emit(say('manage.noAddress', { reference: context.booking?.reference }));
          enqueue.assign(changeWith(context, 'mobility'));
        }),
        target: 'route',
      },
      { guard: part('date'), actions: assign(({ context }) => changeWith(context, 'date')), target: 'route' },
      { guard: part('mobility'), actions: assign(({ context }) => changeWith(context, 'mobility')), target: 'route' },
      { target: 'whatToChange' },
    ],
  }),

  // #13: work to add, not named yet ("vorrei aggiungere un lavoro"): what?
  askWork: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'manageWork' } },
    on: {
      USER: {
        guard: ({ event }) => !!u(event)?.entities.service,
        actions: assign(({ context, event }) => ({ managing: { ...context.managing!, act: 'add' as const, pending: u(event) } })),
        target: 'manageNext',
      },
    },
  }),

  // #13: the whole work quoted together (R2, R3) with the return it needs; then the summary old → new (the router confirms).
  quotingWork: machineSetup.createStateConfig({
    invoke: {
      id: 'quoteWork',
      src: 'quoteWork',
      input: ({ context }) => ({ services: [...workOf(context), workToAdd(context)!], record: context.record ?? null, now: context.now, slot: context.slot! }),
      onDone: { actions: assign(({ context, event }) => startAddingWork(context, workToAdd(context)!, event.output)), target: 'checkingWork' },
      onError: 'systemDown',
    },
  }),

  // #13: the planning asked, before anything is shown, whether the longer work fits the booked slot (a dry run: nothing changes).
  checkingWork: machineSetup.createStateConfig({
    invoke: {
      id: 'checkWork',
      src: 'rescheduleBooking',
      input: ({ context }) => ({ ...workChangeInput(context), dryRun: true }),
      onDone: [
        { guard: ({ event }) => event.output.ok, target: 'route' },
        { guard: ({ event }) => !event.output.ok && event.output.reason === 'taken', actions: assign(({ context }) => refusedWork(context, 'taken')), target: 'workNoFit' },
        {
          guard: ({ event }) => !event.output.ok && event.output.reason === 'vehicle-already-booked',
          actions: [{ type: 'sayVehicleBooked', params: ({ event }) => event.output }, assign(({ context }) => refusedWork(context, 'vehicle'))],
          target: 'workNoFit',
        },
        { actions: [{ type: 'say', params: { key: 'manage.gone' } }, assign(({ context }) => ({ ...freshContext(context, context.now), booking: undefined, earlierBookings: undefined, changing: undefined }))], target: 'manageDone' },
      ],
      onError: 'systemDown',
    },
  }),

  // #13: the longer work does not fit the booked slot or its mobility: said plainly; another day, a person, or as it was.
  workNoFit: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'workNoFit' } },
    on: {
      USER: [
        {
          guard: ({ event }) => partOf(event) === 'date' || u(event)?.entities.change === 'date' || !!u(event)?.entities.date,
          actions: assign(({ context, event }) => anotherDayForWork(context, u(event)!)),
          target: 'route',
        },
        { guard: ({ event }) => u(event)?.intent === 'deny' || u(event)?.intent === 'thanks', actions: [{ type: 'say', params: { key: 'manage.kept' } }, assign(({ context }) => keptAsItWas(context))], target: 'manage' },
      ],
    },
  }),

  whatToChange: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'whatToChange' } },
    on: {
      USER: {
        guard: ({ event }) => partOf(event) !== undefined || u(event)?.entities.manage === 'cancel',
        actions: assign(({ context, event }) => ({
          managing: { ...context.managing!, ...(u(event)?.entities.manage === 'cancel' ? { act: 'cancel' as const } : { part: partOf(event) }), pending: u(event) },
        })),
        target: 'manageNext',
      },
    },
  }),

  confirmCancel: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'confirmCancel' } },
    on: {
      USER: [
        { guard: 'plainAffirm', target: 'cancelling' },
        { guard: ({ event }) => u(event)?.entities.manage === 'cancel' && u(event)?.intent !== 'deny', target: 'cancelling' },
        { guard: ({ event }) => u(event)?.intent === 'deny' || u(event)?.intent === 'thanks', actions: [{ type: 'say', params: { key: 'manage.kept' } }, assign({ managing: undefined })], target: 'booked' },
      ],
    },
  }),

  cancelling: machineSetup.createStateConfig({
    invoke: {
      id: 'cancelBooking',
      src: 'cancelBooking',
      input: ({ context }) => ({ reference: context.booking?.reference ?? '' }),
      onDone: [
        {
          guard: ({ event }) => event.output.found,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit(cancelledBookingWords(context));
            const reference = context.booking?.reference;
            const others = standingBookings(context).filter((r) => r !== reference);
            // nothing of the cancelled booking is kept as if it stood; the customer and the car are
            enqueue.assign({
              ...freshContext(context, context.now, { customerName: context.customerName, vehicle: context.vehicle, record: context.record }),
              booking: undefined,
              earlierBookings: others.length ? others : undefined,
            });
          }),
          target: 'manageDone',
        },
        { actions: [{ type: 'say', params: { key: 'manage.gone' } }, assign(({ context }) => ({ ...freshContext(context, context.now), booking: undefined, earlierBookings: undefined }))], target: 'manageDone' },
      ],
      onError: { actions: assign(({ context }) => ({ managing: { ...(context.managing ?? {}), why: 'failed' as const } })), target: 'offerPerson' },
    },
  }),

  // The changed booking is confirmed: the planning moves it (the old slot is released only once the new one is taken).
  rescheduling: machineSetup.createStateConfig({
    invoke: {
      id: 'rescheduleBooking',
      src: 'rescheduleBooking',
      input: ({ context }) => workChangeInput(context),
      onDone: [
        {
          guard: ({ event }) => event.output.ok,
          actions: enqueueActions(({ context, event, enqueue }) => {
            if (!event.output.ok) return;
            const next = { ...context, ...changeDone(), booking: event.output.booking, confirmed: true };
            enqueue.assign({ ...changeDone(), booking: event.output.booking, confirmed: true });
            enqueue.emit(context.changing?.work ? workAddedWords(next, !!context.changing.work.newDay) : movedWords(next));
          }),
          target: 'booked',
        },
        {
          // #13: the longer work does not fit the booked slot (workshop hours, the mobility for the longer span): nothing changed
          guard: ({ context, event }) => !event.output.ok && event.output.reason === 'taken' && !!context.changing?.work && !context.changing.work.newDay,
          actions: assign(({ context }) => refusedWork(context, 'taken')),
          target: 'workNoFit',
        },
        {
          // #13: the longer span runs into another appointment of the same car (said only as the per-vehicle rule allows)
          guard: ({ context, event }) => !event.output.ok && event.output.reason === 'vehicle-already-booked' && !!context.changing?.work && !context.changing.work.newDay,
          actions: [{ type: 'sayVehicleBooked', params: ({ event }) => event.output }, assign(({ context }) => refusedWork(context, 'vehicle'))],
          target: 'workNoFit',
        },
        {
          // another booking of the same car overlaps the new time (the planning's per-vehicle rule)
          guard: ({ event }) => !event.output.ok && event.output.reason === 'vehicle-already-booked',
          actions: [{ type: 'sayVehicleBooked', params: ({ event }) => event.output }, assign({ slot: undefined, solution: undefined, search: undefined, confirmed: false })],
          target: 'vehicleBooked',
        },
        {
          guard: ({ event }) => !event.output.ok && event.output.reason === 'taken',
          actions: [{ type: 'say', params: { key: 'slot.taken' } }, assign({ slot: undefined, solution: undefined, search: undefined, confirmed: false })],
          target: 'route',
        },
        { actions: [{ type: 'say', params: { key: 'manage.gone' } }, assign(({ context }) => ({ ...freshContext(context, context.now), booking: undefined, earlierBookings: undefined, changing: undefined }))], target: 'manageDone' },
      ],
      onError: 'systemDown',
    },
  }),

  // Said plainly what the chat cannot do, and a person offered.
  offerPerson: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'managePerson' } },
    on: {
      USER: [
        { guard: 'plainAffirm', actions: [assign({ managing: undefined, changing: undefined }), { type: 'handOver', params: { reason: 'requested', take: false } }], target: 'handoff' },
        { guard: ({ event }) => u(event)?.intent === 'deny' || u(event)?.intent === 'thanks', actions: [{ type: 'say', params: { key: 'manage.kept' } }, assign({ managing: undefined, changing: undefined })], target: 'route' },
        // another request about the booking ("then cancel it"): the same rules answer it
        { guard: ({ context, event }) => !!context.booking && !!u(event) && asksToManageBooking(u(event)!), actions: [assign({ changing: undefined }), 'startManaging'], target: 'manage' },
      ],
    },
  }),

  // Shown: what else may be done with it; everything a booked customer may say still holds.
  bookingShown: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: [{ type: 'ask', params: { prompt: 'manageNext' } }, assign(({ context }) => ({ managing: context.managing ? { ...context.managing, act: undefined, part: undefined, pending: undefined } : undefined }))],
    on: {
      USER: [
        {
          guard: ({ event }) => partOf(event) !== undefined,
          actions: assign(({ context, event }) => ({ managing: { ...(context.managing ?? {}), act: 'change' as const, part: partOf(event), pending: u(event) } })),
          target: 'manageNext',
        },
        ...afterBooking,
      ],
    },
  }),

  // Nothing stands to manage here any more (cancelled, or none upcoming): a new request, or goodbye.
  manageDone: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: [assign({ managing: undefined, changing: undefined }), { type: 'ask', params: { prompt: 'anythingElse' } }],
    on: {
      USER: [{ guard: intentIs('thanks', 'deny', 'greeting'), actions: { type: 'say', params: { key: 'goodbye' } } }],
    },
  }),

  // A new request for a car with an upcoming booking: change it, add work to it, or explicitly another visit.
  secondVisit: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'secondVisit' } },
    on: {
      USER: [
        { guard: ({ event }) => u(event)?.entities.manage === 'another' || u(event)?.intent === 'restart', actions: 'anotherVisit', target: 'route' },
        // #13: this work added to that booking: found again as the planning has it, then the summary old → new
        { guard: ({ event }) => u(event)?.entities.manage === 'add', actions: assign(({ context }) => ({ managing: { ...(context.managing ?? {}), act: 'add' as const, part: undefined } })), target: 'manage' },
        {
          guard: ({ event }) => u(event)?.entities.manage === 'change' || partOf(event) !== undefined,
          actions: assign(({ context, event }) => ({ managing: { ...(context.managing ?? {}), act: 'change' as const, part: partOf(event), pending: u(event) } })),
          target: 'manage',
        },
        { guard: ({ event }) => u(event)?.entities.manage === 'cancel', actions: 'startManaging', target: 'manage' },
      ],
    },
  }),
};

/** The move as the planning gets it: the slot, the legs, a new address, and (work added) the whole work and the words for it (#13). */
function workChangeInput(context: BookingContext) {
  return {
    reference: context.changing?.reference ?? '',
    slot: context.slot!,
    legs: context.legs,
    ...newAddressOf(context),
    ...(context.changing?.work ? { services: context.changing.work.services, need: context.changing.work.need } : {}),
  };
}

/** A pickup & delivery address other than the one the planning holds: sent with the move (#13). */
function newAddressOf(context: BookingContext): { address?: string } {
  const address = context.address;
  return address && comesToAddress(context.slot?.solution) && address !== context.changing?.address ? { address } : {};
}

/** The booking chosen among several: by its button, its reference (one typo allowed), or its number. */
function chosenOf(context: BookingContext, event: BookingEvent): string | undefined {
  const x = u(event);
  const candidates = context.managing?.candidates ?? [];
  if (!x) return undefined;
  if (x.entities.reference) {
    const typed = x.entities.reference.replace(/^MC-/, '');
    return candidates.find((c) => c.reference === x.entities.reference)?.reference ??
      candidates.find((c) => oneEdit(c.reference.replace(/^MC-/, ''), typed))?.reference;
  }
  if (x.entities.choice !== undefined) return candidates[x.entities.choice - 1]?.reference;
  return undefined;
}

function actOf(event: BookingEvent) {
  const m = u(event)?.entities.manage;
  return m === 'cancel' || m === 'change' || m === 'status' ? { act: m } : {};
}


