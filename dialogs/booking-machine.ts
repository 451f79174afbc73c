/**
 * The booking conversation (PROCESS.md R1–R11) as a statechart. A router (`route`) asks for
 * whatever is still missing, in the sheet's order; every message fills what it can (see
 * interpret.ts); the planning, the records and the gazetteer are named actors.
 * States that wait for the customer carry the `awaitingUser` tag.
 * @module
 */
import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { BookingContext, BookingInput } from './context';
import { initialContext } from './context';
import type { BookingEvent } from './events';
import { understood } from './events';
import { guards, intentIs } from './guards';
import { interpret } from './interpret';
import type { VehicleId, VehicleRecord } from './model';
import type { HandoffReason, Output, Params } from './output';
import type { BookInput, BookOutcome, HoldOutcome, LocateInput, Located, Quote, QuoteInput, SearchInput, SearchResult } from './ports';
import { offerLine, prompts, quoteStatements } from './prompts';

export const MACHINE_ID = 'booking';
/** Bump when a change makes older snapshots unfit; the engine then resets them with an apology. */
export const MACHINE_VERSION = 1;
export const AWAITING_USER = 'awaitingUser';
export type { BookingEvent } from './events';
export { MAX_MESSAGE_LENGTH } from './events';

const notProvided = (name: string) => () => Promise.reject(new Error(`actor ${name} not provided`));

type PromptName = keyof typeof prompts;
type UserEvent = Extract<BookingEvent, { type: 'USER' }>;
const u = understood;
const say = (key: string, params?: Params): Output => ({ type: 'say', key, ...(params ? { params } : {}) });

export const bookingMachine = setup({
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
  guards,
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
      const e = event as UserEvent;
      const { patch, notices } = interpret(context, e.u);
      for (const n of notices) enqueue.emit(n);
      enqueue.assign({ ...patch, now: e.now, misunderstandings: 0 });
    }),
    misunderstood: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ misunderstandings: context.misunderstandings + 1 });
      enqueue.emit(say(`misunderstood.${context.lastPrompt?.awaiting ?? 'service'}`));
    }),
    resetMisunderstandings: assign({ misunderstandings: 0 }),
    switchLanguage: enqueueActions(({ event, enqueue }) => {
      const lang = u(event)?.entities.language;
      if (lang) enqueue.assign({ lang });
      enqueue.emit(say('language.switched'));
    }),
    restart: enqueueActions(({ context, event, enqueue }) => {
      const now = event.type === 'USER' ? event.now : context.now;
      enqueue.assign({
        ...initialContext({ conversationId: context.conversationId, lang: context.lang, now, catalogue: context.catalogue }),
        attempt: context.attempt + 1,
        welcomed: true,
      });
      enqueue.emit(say('restart.done'));
    }),
    /** After a booking: a new one for the same customer and car. */
    anotherBooking: assign(({ context, event }) => ({
      ...initialContext({ conversationId: context.conversationId, lang: context.lang, now: context.now, catalogue: context.catalogue }),
      attempt: context.attempt + 1,
      welcomed: true,
      customerName: context.customerName,
      vehicle: context.vehicle,
      record: context.record,
      ...(event.type === 'USER' ? interpret({ ...context, need: undefined, lastPrompt: prompts.service() }, event.u).patch : {}),
    })),
    handoffBecause: assign((_, params: { reason: HandoffReason }) => ({ handoffReason: params.reason })),
    resumeAfterHandoff: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'RESUME') return;
      enqueue.assign({ now: event.now, misunderstandings: 0, handoffReason: undefined });
      enqueue.emit(say(`handoff.resumed.${event.why}`));
    }),
    endAfterHandoff: enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({
        ...initialContext({ conversationId: context.conversationId, lang: context.lang, now: event.type === 'END' ? event.now : context.now, catalogue: context.catalogue }),
        attempt: context.attempt + 1,
        welcomed: true,
        customerName: context.customerName,
        vehicle: context.vehicle,
        record: context.record,
      });
      enqueue.emit(say('handoff.closed'));
    }),
  },
}).createMachine({
  id: MACHINE_ID,
  context: ({ input }) => initialContext(input),
  initial: 'start',
  on: {
    USER: [
      { guard: 'isEmpty', actions: ['welcomeOnce', { type: 'say', params: { key: 'input.empty' } }], target: '.route' },
      { guard: 'isTooLong', actions: ['welcomeOnce', { type: 'say', params: { key: 'input.tooLong' } }], target: '.route' },
      { guard: 'wantsHuman', actions: { type: 'handoffBecause', params: { reason: 'requested' } }, target: '.handoff' },
      { guard: 'isUrgent', actions: { type: 'handoffBecause', params: { reason: 'urgent' } }, target: '.handoff' },
      { guard: 'wantsCancel', target: '.cancelled' },
      { guard: 'wantsRestart', actions: 'restart', target: '.route' },
      { guard: 'wantsHelp', actions: { type: 'say', params: { key: 'help' } }, target: '.route' },
      { guard: 'wantsLanguage', actions: 'switchLanguage', target: '.route' },
      { guard: 'isSmallTalk', actions: ['welcomeOnce'], target: '.route' },
      { guard: 'isUseful', actions: ['welcomeOnce', 'apply'], target: '.route' },
      { guard: 'secondMisunderstanding', actions: ['welcomeOnce', 'misunderstood'], target: '.offeringHuman' },
      { actions: ['welcomeOnce', 'misunderstood'], target: '.route' },
    ],
  },
  states: {
    start: {
      tags: [AWAITING_USER],
      on: { START: { actions: ['welcomeOnce', assign({ now: ({ event }) => event.now })], target: 'route' } },
    },
    route: {
      always: [
        { guard: 'needMissing', target: 'askService' },
        { guard: 'vehicleMissing', target: 'askVehicle' },
        { guard: 'vehicleNotLookedUp', target: 'lookingUpVehicle' },
        { guard: 'nameMissing', target: 'askName' },
        { guard: 'notQuoted', target: 'quoting' },
        { guard: 'mobilityMissing', target: 'offerMobility' },
        { guard: 'legsMissing', target: 'askLegs' },
        { guard: 'addressMissing', target: 'askAddress' },
        { guard: 'addressUnchecked', target: 'locating' },
        { guard: 'dateMissing', target: 'askDate' },
        { guard: 'alternativesPending', target: 'chooseSlot' },
        { guard: 'slotMissing', target: 'searching' },
        { guard: 'slotNotHeld', target: 'holding' },
        { guard: 'notConfirmed', target: 'confirming' },
        { target: 'booking' },
      ],
    },

    // R1 Listen.
    askService: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'service' } } },
    askVehicle: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'vehicle' } } },
    askName: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'name' } } },

    // R3 Entitlements: warranty and programmes of the vehicle.
    lookingUpVehicle: {
      invoke: {
        id: 'lookupVehicle',
        src: 'lookupVehicle',
        input: ({ context }) => ({ plate: context.vehicle?.plate, vin: context.vehicle?.vin }),
        onDone: { actions: assign({ record: ({ event }) => event.output }), target: 'route' },
        onError: 'systemDown',
      },
    },

    // R2 Downtime + R3 value of the benefits, said before the offer.
    quoting: {
      invoke: {
        id: 'quoteMobility',
        src: 'quoteMobility',
        input: ({ context }) => ({ serviceId: context.need!.serviceId, record: context.record ?? null, now: context.now }),
        onDone: {
          actions: enqueueActions(({ context, event, enqueue }) => {
            const quoted = { ...context, downtime: event.output.downtime, offers: event.output.offers };
            enqueue.assign({ downtime: event.output.downtime, offers: event.output.offers });
            for (const o of quoteStatements(quoted)) enqueue.emit(o);
            // R4: a customer who named a solution up front still hears the others exist.
            if (context.mobility) {
              enqueue.emit({
                type: 'say',
                key: 'offer.alsoAvailable',
                lines: event.output.offers.filter((o) => o.solution !== context.mobility).map(offerLine),
              });
            }
          }),
          target: 'route',
        },
        onError: 'systemDown',
      },
    },

    // R4 Offer everything, to everyone (R5 order is applied when searching).
    offerMobility: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'mobility' } } },
    // R6 Pickup & delivery: legs and an address within the radius.
    askLegs: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'legs' } } },
    askAddress: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'address' } } },
    locating: {
      invoke: {
        id: 'locateAddress',
        src: 'locateAddress',
        input: ({ context }) => ({ address: context.address!, solution: context.mobility as LocateInput['solution'] }),
        onDone: [
          {
            guard: ({ event }) => event.output.status === 'ok',
            actions: assign({ addressPlace: ({ event }) => (event.output.status === 'ok' ? event.output.place : undefined) }),
            target: 'route',
          },
          {
            guard: ({ event }) => event.output.status === 'outside',
            actions: enqueueActions(({ event, enqueue }) => {
              const o = event.output;
              if (o.status === 'outside') {
                enqueue.emit(say('address.outside', { place: o.place, distanceKm: Math.round(o.distanceKm), radiusKm: o.radiusKm }));
              }
              enqueue.assign({ address: undefined, addressPlace: undefined });
            }),
            target: 'route',
          },
          {
            actions: [{ type: 'say', params: { key: 'address.unknown' } }, assign({ address: undefined })],
            target: 'route',
          },
        ],
        onError: 'systemDown',
      },
    },

    // R9 Dates.
    askDate: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'date' } } },
    searching: {
      invoke: {
        id: 'searchSlots',
        src: 'searchSlots',
        input: ({ context }) => ({
          mobility: context.mobility!,
          legs: context.legs,
          serviceId: context.need!.serviceId,
          downtimeHours: context.downtime!.range?.[1] ?? context.downtime!.hours,
          wish: context.wish!,
          now: context.now,
          offers: context.offers!,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.wished !== undefined,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const slot = event.output.wished!;
              // R5: the brand car was taken, so the next in the order is proposed.
              const wantedBrandCar = context.mobility === 'replacement' || context.mobility === 'courtesy-car-brand';
              if (wantedBrandCar && slot.solution !== 'courtesy-car-brand') {
                enqueue.emit(say('replacement.fallback', { solution: `solution.${slot.solution}` }));
              }
              enqueue.assign({ slot, solution: slot.solution, search: undefined });
            }),
            target: 'route',
          },
          {
            guard: ({ event }) => event.output.alternatives.length > 0,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const { refusal, refusalDetail } = event.output;
              const day = context.wish?.date;
              const key = day || refusal === 'past' ? `slot.refused.${refusal ?? 'full'}` : 'slot.refused.unavailable';
              enqueue.emit(say(key, { day, ...(refusalDetail ? { detail: refusalDetail } : {}) }));
              enqueue.assign({ search: event.output });
            }),
            target: 'chooseSlot',
          },
          { actions: { type: 'say', params: { key: 'slot.none' } }, target: 'offeringHuman' },
        ],
        onError: 'systemDown',
      },
    },
    chooseSlot: {
      tags: [AWAITING_USER],
      entry: { type: 'ask', params: { prompt: 'slot' } },
      on: { USER: { guard: 'plainDeny', actions: assign({ wish: undefined, search: undefined }), target: 'route' } },
    },

    // R9: the slot is held for the customer while they read the summary, then confirmed (R10).
    holding: {
      invoke: {
        id: 'holdSlot',
        src: 'holdSlot',
        input: ({ context }) => bookingRequest(context),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            actions: assign({ heldUntil: ({ event }) => (event.output.ok ? event.output.expiresAt : undefined) }),
            target: 'route',
          },
          {
            // Someone else took it between the search and now: search again.
            actions: [{ type: 'say', params: { key: 'slot.taken' } }, assign({ slot: undefined, solution: undefined, search: undefined })],
            target: 'route',
          },
        ],
        onError: 'systemDown',
      },
    },

    // R8 Conditions and documents, read back; R10 Booking.
    confirming: {
      tags: [AWAITING_USER],
      entry: { type: 'ask', params: { prompt: 'confirm' } },
      on: {
        USER: [
          { guard: 'plainAffirm', actions: assign({ confirmed: true }), target: 'route' },
          { guard: 'plainDeny', target: 'askChange' },
        ],
      },
    },
    askChange: { tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'change' } } },
    booking: {
      invoke: {
        id: 'bookSlot',
        src: 'bookSlot',
        input: ({ context }) => bookingRequest(context),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (!event.output.ok) return;
              const booking = event.output.booking;
              const offer = context.offers?.find((o) => o.solution === booking.solution);
              enqueue.assign({ booking });
              enqueue.emit({ type: 'booked', booking });
              enqueue.emit(say('booked.done', { reference: booking.reference, appointmentAt: booking.appointmentAt, documents: offer?.documents ?? [] }));
            }),
            target: 'booked',
          },
          {
            // Someone else took the slot while the customer decided: search again.
            actions: [{ type: 'say', params: { key: 'slot.taken' } }, assign({ slot: undefined, solution: undefined, search: undefined, heldUntil: undefined, confirmed: false })],
            target: 'route',
          },
        ],
        onError: 'systemDown',
      },
    },
    booked: {
      tags: [AWAITING_USER],
      entry: { type: 'ask', params: { prompt: 'anythingElse' } },
      on: {
        USER: [
          { guard: 'wantsHuman', actions: { type: 'handoffBecause', params: { reason: 'requested' } }, target: 'handoff' },
          { guard: 'isUrgent', actions: { type: 'handoffBecause', params: { reason: 'urgent' } }, target: 'handoff' },
          { guard: 'wantsRestart', actions: 'restart', target: 'route' },
          { guard: 'startsAnotherBooking', actions: 'anotherBooking', target: 'route' },
          { guard: intentIs('thanks', 'deny', 'cancel', 'greeting'), actions: { type: 'say', params: { key: 'goodbye' } } },
          { actions: { type: 'say', params: { key: 'booked.reminder' } } },
        ],
      },
    },

    // R11: the human offer, and system failures.
    offeringHuman: {
      tags: [AWAITING_USER],
      entry: { type: 'ask', params: { prompt: 'human' } },
      on: {
        USER: [
          { guard: 'plainAffirm', actions: { type: 'handoffBecause', params: { reason: 'misunderstood' } }, target: 'handoff' },
          { guard: 'plainDeny', actions: 'resetMisunderstandings', target: 'route' },
        ],
      },
    },
    systemDown: {
      tags: [AWAITING_USER],
      entry: [{ type: 'say', params: { key: 'system.down' } }, { type: 'ask', params: { prompt: 'retryOrHuman' } }],
      on: {
        USER: [
          { guard: 'plainAffirm', target: 'route' },
          { guard: 'plainDeny', actions: { type: 'handoffBecause', params: { reason: 'system' } }, target: 'handoff' },
        ],
      },
    },
    handoff: {
      tags: [AWAITING_USER],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit({ type: 'handoff', reason: context.handoffReason ?? 'requested' });
        enqueue.emit(say(`handoff.${context.handoffReason ?? 'requested'}`));
        enqueue.assign({ lastPrompt: { key: 'handoff.waiting', awaiting: 'text' } });
      }),
      on: {
        USER: [
          { guard: 'wantsRestart', actions: 'restart', target: 'route' },
          { actions: { type: 'say', params: { key: 'handoff.waiting' } } },
        ],
        // Handed back: everything collected stays; the router asks what is still missing.
        RESUME: [
          { guard: ({ context }) => context.booking !== undefined, actions: 'resumeAfterHandoff', target: 'booked' },
          { actions: 'resumeAfterHandoff', target: 'route' },
        ],
        // Closed by the advisor: a later message is a new request for the same customer and car.
        END: { actions: 'endAfterHandoff', target: 'start' },
      },
    },
    cancelled: {
      type: 'final',
      entry: { type: 'say', params: { key: 'cancelled' } },
    },
  },
});

/** The reservation as the planning records it (R10); its key makes holding and booking idempotent. */
function bookingRequest(context: BookingContext): BookInput {
  return {
    idempotencyKey: `${context.conversationId}:${context.attempt}`,
    slot: context.slot!,
    legs: context.legs,
    customerName: context.customerName!,
    vehicle: { plate: context.vehicle?.plate, vin: context.vehicle?.vin, model: context.record?.model ?? context.vehicle?.model },
    serviceId: context.need!.serviceId,
    need: context.need!.text,
    address: context.address,
  };
}

export type BookingMachine = typeof bookingMachine;
