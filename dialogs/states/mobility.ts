/**
 * R4 Offer every solution to everyone (the R5 order is applied when searching), R6 pickup &
 * delivery legs, and an address within the solution's radius (R6, R7).
 * @module
 */
import { assign, enqueueActions } from 'xstate';
import { AWAITING_USER } from '../awaiting';
import { present } from '../invariant';
import { machineSetup, say } from '../machine-setup';
import type { LocateInput } from '../ports';

export const mobility = {
  offerMobility: machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'mobility' } } }),
  askLegs: machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'legs' } } }),
  askAddress: machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'address' } } }),
  locating: machineSetup.createStateConfig({
    invoke: {
      id: 'locateAddress',
      src: 'locateAddress',
      input: ({ context }) => ({ address: present(context.address, 'address'), solution: context.mobility as LocateInput['solution'] }),
      onDone: [
        {
          guard: { type: 'located', params: ({ event }) => event.output },
          actions: assign({ addressPlace: ({ event }) => (event.output.status === 'ok' ? event.output.place : undefined) }),
          target: 'route',
        },
        {
          guard: { type: 'outsideRadius', params: ({ event }) => event.output },
          actions: enqueueActions(({ event, enqueue }) => {
            const o = event.output;
            if (o.status === 'outside') enqueue.emit(say('address.outside', { place: o.place, distanceKm: Math.round(o.distanceKm), radiusKm: o.radiusKm }));
            enqueue.assign({ address: undefined, addressPlace: undefined });
          }),
          target: 'route',
        },
        {
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.assign({ address: undefined });
            // the answer to the address question could not be placed: a misunderstanding (R11), asked
            // again in other words; an address said earlier is explained before it is asked for
            if (context.asked?.prompt === 'address') enqueue('misunderstood');
            else enqueue.emit(say('address.unknown'));
          }),
          target: 'route',
        },
      ],
      onError: 'systemDown',
    },
  }),
};
