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
import { guards } from './guards';
import { interpret } from './interpret';
import type { VehicleId, VehicleRecord } from './model';
import type { HandoffReason, Output, Params } from './output';
import type { BookInput, BookOutcome, HoldOutcome, LocateInput, Located, Quote, QuoteInput, SearchInput, SearchResult } from './ports';
import { prompts } from './prompts';

export type PromptName = keyof typeof prompts;

const notProvided = (name: string) => () => Promise.reject(new Error(`actor ${name} not provided`));
export const say = (key: string, params?: Params): Output => ({ type: 'say', key, ...(params ? { params } : {}) });

/** Guards on what a port answered: the transition passes the actor's output as the guard's params. */
const outcomeGuards = {
  located: (_: unknown, o: Located) => o.status === 'ok',
  outsideRadius: (_: unknown, o: Located) => o.status === 'outside',
  wishedSlotFree: (_: unknown, r: SearchResult) => r.wished !== undefined,
  alternativesFound: (_: unknown, r: SearchResult) => r.alternatives.length > 0,
  held: (_: unknown, o: HoldOutcome) => o.ok,
  booked: (_: unknown, o: BookOutcome) => o.ok,
  hasBooking: ({ context }: { context: BookingContext }) => context.booking !== undefined,
};

/** A fresh request in the same conversation, keeping what `keep` names. */
function freshContext(context: BookingContext, now: string, keep: Partial<BookingContext> = {}): BookingContext {
  return {
    ...initialContext({ conversationId: context.conversationId, lang: context.lang, now, catalogue: context.catalogue }),
    attempt: context.attempt + 1,
    welcomed: true,
    ...keep,
  };
}

const customerAndCar = (context: BookingContext) => ({ customerName: context.customerName, vehicle: context.vehicle, record: context.record });

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
  },
  guards: { ...guards, ...outcomeGuards },
  actions: {
    ask: enqueueActions(({ context, enqueue }, params: { prompt: PromptName }) => {
      const prompt = prompts[params.prompt](context);
      // What was asked and which choices were offered is all a later turn needs: the lines can be rebuilt.
      const { lines: _lines, ...asked } = prompt;
      enqueue.assign({ lastPrompt: asked });
      enqueue.emit({ type: 'ask', ...prompt });
    }),
    say: enqueueActions(({ enqueue }, params: { key: string }) => enqueue.emit(say(params.key))),
    welcomeOnce: enqueueActions(({ context, enqueue }) => {
      if (context.welcomed) return;
      enqueue.assign({ welcomed: true });
      enqueue.emit(say('welcome'));
    }),
    apply: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'USER');
      const { patch, notices } = interpret(context, event.u);
      for (const n of notices) enqueue.emit(n);
      enqueue.assign({ ...patch, now: event.now, misunderstandings: 0 });
    }),
    misunderstood: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ misunderstandings: context.misunderstandings + 1 });
      enqueue.emit(say(`misunderstood.${context.lastPrompt?.awaiting ?? 'service'}`));
    }),
    resetMisunderstandings: assign({ misunderstandings: 0 }),
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
    handoffBecause: assign((_, params: { reason: HandoffReason }) => ({ handoffReason: params.reason })),
    resumeAfterHandoff: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'RESUME');
      enqueue.assign({ now: event.now, misunderstandings: 0, handoffReason: undefined });
      enqueue.emit(say(`handoff.resumed.${event.why}`));
    }),
    endAfterHandoff: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'END');
      enqueue.assign(freshContext(context, event.now, customerAndCar(context)));
      enqueue.emit(say('handoff.closed'));
    }),
  },
});
