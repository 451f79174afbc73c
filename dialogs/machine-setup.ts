/**
 * The statechart's vocabulary: its types, the named actors (ports, swapped with
 * `machine.provide()`), the named guards (guards.ts) and actions. The states, one file per rule
 * of the sheet, are in `states/`; booking-machine.ts puts them together.
 * @module
 */
import { assertEvent, assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { BookingContext, BookingInput } from './context';
import { initialContext } from './context';
import type { BookingEvent } from './events';
import { understood } from './events';
import { requestedAct, standingBookings } from './after-booking';
import { collect, knownReferences } from './manage/proof';
import { loadedBooking } from './manage/load';
import { cannotAnswer, questionTurn } from './answers';
import { hourNotOpen } from './closed-hours';
import { guards } from './guards';
import { interpret } from './interpret';
import type { VehicleId, VehicleRecord } from './model';
import type { HandoffReason, Output, Params } from './output';
import type {
  BookInput, BookOutcome, CancelInput, CancelOutcome, FindBookingsInput, FoundBooking, HoldOutcome, LocateInput, Located, Quote, QuoteInput,
  QuoteWorkInput, QuoteWorkOutcome, RescheduleInput, RescheduleOutcome, SearchInput, SearchResult,
} from './ports';
import { nextAsk, type PromptName } from './asking';
import { prompts } from './prompts';
import { takenBeforeHandover } from './handover';
import { missesAfter } from './progress';

export type { PromptName } from './asking';

const notProvided = (name: string) => () => Promise.reject(new Error(`actor ${name} not provided`));
export const say = (key: string, params?: Params): Output => ({ type: 'say', key, ...(params ? { params } : {}) });

/** Guards on what a port answered: the transition passes the actor's output as the guard's params. */
const outcomeGuards = {
  located: (_: unknown, o: Located) => o.status === 'ok',
  outsideRadius: (_: unknown, o: Located) => o.status === 'outside',
  wishedSlotFree: (_: unknown, r: SearchResult) => r.wished !== undefined,
  alternativesFound: (_: unknown, r: SearchResult) => r.alternatives.length > 0,
  hourNotOpenFirstTime: ({ context }: { context: BookingContext }, r: SearchResult) => hourNotOpen(context, r) && context.lastPrompt?.key !== 'ask.dayPart',
  held: (_: unknown, o: HoldOutcome) => o.ok,
  booked: (_: unknown, o: BookOutcome) => o.ok,
  /** #13: the planning refused because this car already has an overlapping appointment. */
  vehicleBooked: (_: unknown, o: BookOutcome | HoldOutcome) => !o.ok && o.reason === 'vehicle-already-booked',
  hasBooking: ({ context }: { context: BookingContext }) => context.booking !== undefined,
  // #13: the customer's bookings found: one is loaded, several offered to choose from
  foundOne: (_: unknown, found: FoundBooking[]) => found.length === 1,
  foundSeveral: (_: unknown, found: FoundBooking[]) => found.length > 1,
};

/** A fresh request in the same conversation, keeping what `keep` names. */
export function freshContext(context: BookingContext, now: string, keep: Partial<BookingContext> = {}): BookingContext {
  // assign() merges: every field not set again is cleared explicitly, or the old request would survive
  const cleared = Object.fromEntries(Object.keys(context).map((k) => [k, undefined]));
  return {
    ...cleared,
    ...initialContext({ conversationId: context.conversationId, lang: context.lang, now, catalogue: context.catalogue }),
    attempt: context.attempt + 1,
    welcomed: true,
    // the words shown in a row are what the customer saw, whatever starts again (R11)
    asked: context.asked,
    // #13: failed proofs of a booking count for the whole conversation
    ...(context.failedProofs ? { failedProofs: context.failedProofs } : {}),
    // a booking made earlier stands: its reference is kept for what is said later (#11)
    ...(standingBookings(context).length ? { earlierBookings: standingBookings(context) } : {}),
    ...keep,
  };
}

export const customerAndCar = (context: BookingContext) => ({ customerName: context.customerName, vehicle: context.vehicle, record: context.record });

export const machineSetup = setup({
  types: {
    context: {} as BookingContext,
    input: {} as BookingInput,
    events: {} as BookingEvent,
    emitted: {} as Output,
  },
  actors: {
    lookupVehicle: fromPromise<VehicleRecord | null, VehicleId>(notProvided('lookupVehicle')),
    quoteMobility: fromPromise<Quote, QuoteInput>(notProvided('quoteMobility')),
    locateAddress: fromPromise<Located, LocateInput>(notProvided('locateAddress')),
    searchSlots: fromPromise<SearchResult, SearchInput>(notProvided('searchSlots')),
    holdSlot: fromPromise<HoldOutcome, BookInput>(notProvided('holdSlot')),
    bookSlot: fromPromise<BookOutcome, BookInput>(notProvided('bookSlot')),
    // #13: a booking already made, found, moved or cancelled in the planning
    findBookings: fromPromise<FoundBooking[], FindBookingsInput>(notProvided('findBookings')),
    rescheduleBooking: fromPromise<RescheduleOutcome, RescheduleInput>(notProvided('rescheduleBooking')),
    cancelBooking: fromPromise<CancelOutcome, CancelInput>(notProvided('cancelBooking')),
    quoteWork: fromPromise<QuoteWorkOutcome, QuoteWorkInput>(notProvided('quoteWork')),
  },
  guards: { ...guards, ...outcomeGuards },
  actions: {
    ask: enqueueActions(({ context, enqueue }, params: { prompt: PromptName }) => {
      // R11: asked again in other words after a misunderstanding, never the same words three times in a row
      const { prompt, asked } = nextAsk(context, params.prompt);
      // What was asked and which choices were offered is all a later turn needs: the lines can be rebuilt.
      const { lines: _lines, ...shown } = prompt;
      enqueue.assign({ lastPrompt: shown, asked });
      enqueue.emit({ type: 'ask', ...prompt });
    }),
    say: enqueueActions(({ enqueue }, params: { key: string }) => enqueue.emit(say(params.key))),
    /** #13: the car's appointment already there, by day and reference (nothing else is claimed). */
    sayVehicleBooked: enqueueActions(({ context, enqueue }, o: BookOutcome | HoldOutcome | RescheduleOutcome) => {
      if (o.ok || o.reason !== 'vehicle-already-booked') return;
      // #13: its day and reference only to a conversation that knows that booking; to anyone else
      // (who has proven nothing) not even that it exists — a reference and a plate open it here
      if (knownReferences(context).includes(o.existing.reference)) {
        enqueue.emit(say('slot.vehicleBooked', { at: o.existing.appointmentAt, reference: o.existing.reference }));
      } else {
        enqueue.emit(say('slot.vehicleNotBookable'));
      }
    }),
    welcomeOnce: enqueueActions(({ context, enqueue }) => {
      if (context.welcomed) return;
      enqueue.assign({ welcomed: true });
      enqueue.emit(say('welcome'));
    }),
    apply: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'USER');
      const { patch, notices } = interpret(context, event.u);
      for (const n of notices) enqueue.emit(n);
      // R11 counts progress: a message that leaves the question open is a misunderstanding all the same
      enqueue.assign({ ...patch, now: event.now, misunderstandings: missesAfter(context, { ...context, ...patch }) });
    }),
    /** Nothing understood: the question is asked again in other words (asking.ts), or a person offered (route). */
    misunderstood: assign(({ context }) => ({ misunderstandings: context.misunderstandings + 1 })),
    resetMisunderstandings: assign({ misunderstandings: 0 }),
    /** #11: a question answered from what the machine knows; what the message also says is taken. */
    answerQuestion: enqueueActions(({ context, event, enqueue }, params: { take: boolean }) => {
      assertEvent(event, 'USER');
      const { outputs, patch } = questionTurn(context, event.u, params.take);
      for (const o of outputs) enqueue.emit(o);
      enqueue.assign({ ...patch, now: event.now });
    }),
    /** #11: a question the bot has no answer for, said so, with a person a click away. */
    cannotAnswer: enqueueActions(({ context, enqueue }) => enqueue.emit(cannotAnswer(context))),
    switchLanguage: enqueueActions(({ event, enqueue }) => {
      const lang = understood(event)?.entities.language;
      if (lang) enqueue.assign({ lang });
      enqueue.emit(say('language.switched'));
    }),
    restart: enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign(freshContext(context, event.type === 'USER' ? event.now : context.now));
      enqueue.emit(say('restart.done'));
    }),
    /** After a booking: a new one for the same customer and car. */
    anotherBooking: assign(({ context, event }) => ({
      ...freshContext(context, context.now, customerAndCar(context)),
      ...(event.type === 'USER' ? interpret({ ...context, need: undefined, lastPrompt: prompts.service() }, event.u).patch : {}),
    })),
    /** #13: a request about a booking already made: what it asks and the facts it gives. */
    startManaging: assign(({ context, event }) => {
      const x = understood(event);
      if (!x) return {};
      const managing = collect(context, x);
      return { managing: { ...managing, act: managing.act ?? (context.booking ? requestedAct(x) : undefined) }, misunderstandings: 0 };
    }),
    /** #13: the booking found becomes the conversation's (the one chosen among several). */
    loadFound: assign(({ context }, found: FoundBooking[]) => {
      const chosen = found.find((f) => f.booking.reference === context.managing?.chosen) ?? found[0];
      const loaded = loadedBooking(freshContext(context, context.now), context, chosen);
      // the reminder question belongs to the booking: asked once, answered or not, whatever is done with it later
      return context.reminders && context.booking?.reference === chosen.booking.reference ? { ...loaded, reminders: context.reminders } : loaded;
    }),
    /** #13: several upcoming bookings proven: the customer chooses. */
    offerFound: assign(({ context }, found: FoundBooking[]) => ({
      managing: {
        ...(context.managing ?? {}),
        proven: [...new Set([...(context.managing?.proven ?? []), ...found.map((f) => f.booking.reference)])],
        candidates: found.map((f) => ({ reference: f.booking.reference, appointmentAt: f.booking.appointmentAt, service: f.serviceId })),
      },
    })),
    /** #13: explicitly another visit for the car that has one booked: the request that asked, taken as new. */
    anotherVisit: assign(({ context }) => {
      const pending = context.managing?.pending;
      const base = { ...freshContext(context, context.now, customerAndCar(context)), managing: undefined };
      return { ...base, ...(pending ? interpret({ ...context, need: undefined, lastPrompt: prompts.service() }, pending).patch : {}) };
    }),
    handoffBecause: assign((_, params: { reason: HandoffReason }) => ({ handoffReason: params.reason })),
    /** R11 on the customer's word: what the message also says is taken first (`take`), and what for is kept for the words. */
    handOver: assign(({ context, event }, params: { reason: HandoffReason; take: boolean }) => {
      const x = understood(event);
      return {
        ...(x && params.take ? takenBeforeHandover(context, x) : {}),
        handoffReason: params.reason,
        handoffConcern: x?.concern,
      };
    }),
    resumeAfterHandoff: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'RESUME');
      enqueue.assign({ now: event.now, misunderstandings: 0, handoffReason: undefined, handoffConcern: undefined, asked: undefined });
      enqueue.emit(say(`handoff.resumed.${event.why}`));
    }),
    endAfterHandoff: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'END');
      enqueue.assign(freshContext(context, event.now, customerAndCar(context)));
      enqueue.emit(say('handoff.closed'));
    }),
  },
});
