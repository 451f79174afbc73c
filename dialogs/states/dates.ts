/**
 * R9 Dates: the wished day, the search (R5 order of replacement cars applied by the planning),
 * alternatives when the wish cannot be met, and the slot held while the customer decides.
 * @module
 */
import { assign, enqueueActions } from 'xstate';
import { AWAITING_USER } from '../awaiting';
import { refusalKey } from '../closed-hours';
import type { BookingContext } from '../context';
import { present } from '../invariant';
import { machineSetup, say } from '../machine-setup';
import type { BookInput } from '../ports';

export const dates = {
  askDate: machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'date' } } }),

  searching: machineSetup.createStateConfig({
    invoke: {
      id: 'searchSlots',
      src: 'searchSlots',
      input: ({ context }) => {
        const downtime = present(context.downtime, 'downtime');
        return {
          mobility: present(context.mobility, 'mobility solution'),
          legs: context.legs,
          serviceId: present(context.need, 'need').serviceId,
          downtimeHours: downtime.range?.[1] ?? downtime.hours,
          wish: present(context.wish, 'date wish'),
          now: context.now,
          offers: present(context.offers, 'offers'),
        };
      },
      onDone: [
        {
          guard: { type: 'wishedSlotFree', params: ({ event }) => event.output },
          actions: enqueueActions(({ context, event, enqueue }) => {
            const slot = event.output.wished;
            if (!slot) return;
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
          // open that day, not at that hour: morning or afternoon? (asked, not guessed); asked once: a second
          // closed hour in answer gets the nearest times instead of the same question (below)
          guard: { type: 'hourNotOpenFirstTime', params: ({ event }) => event.output },
          actions: assign({
            dateQuestion: ({ context }) => ({ kind: 'part' as const, date: present(context.wish?.date, 'wished day'), time: present(context.wish?.time, 'wished hour') }),
          }),
          target: 'route',
        },
        {
          guard: { type: 'alternativesFound', params: ({ event }) => event.output },
          actions: enqueueActions(({ context, event, enqueue }) => {
            const { refusalDetail } = event.output;
            const day = context.wish?.date;
            enqueue.emit(say(refusalKey(context, event.output), { day, ...(refusalDetail ? { detail: refusalDetail } : {}) }));
            enqueue.assign({ search: event.output });
          }),
          target: 'chooseSlot',
        },
        { actions: { type: 'say', params: { key: 'slot.none' } }, target: 'offeringHuman' },
      ],
      onError: 'systemDown',
    },
  }),

  chooseSlot: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'slot' } },
    on: { USER: { guard: 'plainDeny', actions: assign({ wish: undefined, search: undefined }), target: 'route' } },
  }),

  // The slot is held for the customer while they read the summary, then confirmed (R10).
  holding: machineSetup.createStateConfig({
    invoke: {
      id: 'holdSlot',
      src: 'holdSlot',
      input: ({ context }) => bookingRequest(context),
      onDone: [
        {
          guard: { type: 'held', params: ({ event }) => event.output },
          actions: assign({ heldUntil: ({ event }) => (event.output.ok ? event.output.expiresAt : undefined) }),
          target: 'route',
        },
        {
          // #13: this car already has an overlapping appointment (booked in another conversation)
          guard: { type: 'vehicleBooked', params: ({ event }) => event.output },
          actions: [{ type: 'sayVehicleBooked', params: ({ event }) => event.output }, assign({ slot: undefined, solution: undefined, search: undefined, heldUntil: undefined })],
          target: 'vehicleBooked',
        },
        {
          // Someone else took it between the search and now: search again.
          actions: [{ type: 'say', params: { key: 'slot.taken' } }, assign({ slot: undefined, solution: undefined, search: undefined })],
          target: 'route',
        },
      ],
      onError: 'systemDown',
    },
  }),
};

/** The reservation as the planning records it (R10); its key makes holding and booking idempotent. */
export function bookingRequest(context: BookingContext): BookInput {
  const need = present(context.need, 'need');
  return {
    idempotencyKey: `${context.conversationId}:${context.attempt}`,
    slot: present(context.slot, 'slot'),
    legs: context.legs,
    customerName: present(context.customerName, 'customer name'),
    vehicle: { plate: context.vehicle?.plate, vin: context.vehicle?.vin, model: context.record?.model ?? context.vehicle?.model },
    serviceId: need.serviceId,
    need: need.text,
    address: context.address,
  };
}
