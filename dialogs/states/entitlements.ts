/**
 * R3 Entitlements (warranty and programmes of the vehicle, from its records) and R2 Downtime,
 * with the value of the benefits said before the offer.
 * @module
 */
import { assign, enqueueActions } from 'xstate';
import { answerNow } from '../answers';
import { present } from '../invariant';
import { machineSetup } from '../machine-setup';
import { offerLine, quoteStatements } from '../prompts';

export const entitlements = {
  lookingUpVehicle: machineSetup.createStateConfig({
    invoke: {
      id: 'lookupVehicle',
      src: 'lookupVehicle',
      input: ({ context }) => ({ plate: context.vehicle?.plate, vin: context.vehicle?.vin }),
      onDone: { actions: assign({ record: ({ event }) => event.output }), target: 'route' },
      onError: 'systemDown',
    },
  }),

  quoting: machineSetup.createStateConfig({
    invoke: {
      id: 'quoteMobility',
      src: 'quoteMobility',
      input: ({ context }) => {
        const need = present(context.need, 'need');
        return { serviceId: need.serviceId, ...(need.services ? { services: need.services } : {}), record: context.record ?? null, now: context.now };
      },
      onDone: {
        actions: enqueueActions(({ context, event, enqueue }) => {
          const quoted = { ...context, downtime: event.output.downtime, offers: event.output.offers, work: event.output.work };
          enqueue.assign({ downtime: event.output.downtime, offers: event.output.offers, work: event.output.work, pendingQuestion: undefined });
          for (const o of quoteStatements(quoted)) enqueue.emit(o);
          // #11: a question asked before the quote is answered now
          if (context.pendingQuestion) for (const o of answerNow(quoted, context.pendingQuestion)) enqueue.emit(o);
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
  }),
};
