/**
 * R8 Conditions and documents, read back in the summary; R10 Booking in the planning, and what
 * the customer may say once it is booked.
 * @module
 */
import { assign, enqueueActions } from 'xstate';
import { AWAITING_USER } from '../awaiting';
import { intentIs } from '../guards';
import { machineSetup, say } from '../machine-setup';
import { bookedWords } from '../booked-words';
import { summaryLines } from '../summary-lines';
import { bookingRequest } from './dates';
import { consentAnswer, consentOutputs, consentToAsk } from '../reminder-consent';
import { keptAsItWas } from '../manage/add-work';
import { understood } from '../events';

/** What a customer may say once a booking stands (#11, #13): it is shown, moved or cancelled here; questions answered; never booked twice by accident. */
export const afterBooking = machineSetup.createStateConfig({
  on: {
    USER: [
      { guard: 'wantsHuman', actions: { type: 'handOver', params: { reason: 'requested', take: false } }, target: 'handoff' },
      { guard: 'isUrgent', actions: { type: 'handOver', params: { reason: 'urgent', take: false } }, target: 'handoff' },
      { guard: 'wantsRestart', actions: 'restart', target: 'route' },
      // #13: see it, move it, cancel it (states/manage.ts)
      { guard: 'wantsBookingChanged', actions: 'startManaging', target: 'manage' },
      // #11: questions are answered; the booking is not made again
      { guard: 'asksQuestion', actions: { type: 'answerQuestion', params: { take: false } }, target: 'booked', reenter: true },
      // #13: the same car again: change that booking, add work to it, or explicitly another visit
      {
        guard: { type: 'startsAnotherBooking' },
        actions: assign(({ context, event }) => ({ managing: { ...context.managing, pending: event.type === 'USER' ? event.u : undefined } })),
        target: 'sameCarAgain',
      },
      { guard: intentIs('thanks', 'deny', 'cancel', 'greeting'), actions: { type: 'say', params: { key: 'goodbye' } } },
      { guard: 'asksUnanswerable', actions: 'cannotAnswer' },
      { actions: enqueueActions(({ context, enqueue }) => enqueue.emit(say('booked.reminder', { reference: context.booking?.reference }))) },
    ],
  },
}).on!.USER;

export const booking = {
  confirming: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    // the summary shown is kept, so that a change is marked on it next time (old → new)
    entry: [{ type: 'ask', params: { prompt: 'confirm' } }, assign({ summaryShown: ({ context }) => summaryLines(context) })],
    on: {
      USER: [
        // a yes (or a no) with a question beside it ("perfect. do I need the logbook?"): the question is answered too
        { guard: 'affirmsSummary', actions: [{ type: 'answerQuestion', params: { take: false } }, assign({ confirmed: true })], target: 'route' },
        // #13: work added, declined: the booking stays exactly as it was, shown as the planning has it
        {
          guard: ({ context, event }) => !!context.changing?.work && (understood(event)?.intent === 'deny' || understood(event)?.intent === 'thanks'),
          actions: [{ type: 'say', params: { key: 'manage.kept' } }, assign(({ context }) => keptAsItWas(context))],
          target: 'manage',
        },
        { guard: 'plainDeny', actions: { type: 'answerQuestion', params: { take: false } }, target: 'askChange' },
      ],
    },
  }),
  // #13: a new request after a booking: for the same car, the customer is asked first; another car books at once
  sameCarAgain: machineSetup.createStateConfig({
    always: [{ guard: 'sameCarBooked', target: 'secondVisit' }, { actions: 'anotherVisit', target: 'route' }],
  }),
  askChange: machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt: 'change' } } }),

  booking: machineSetup.createStateConfig({
    invoke: {
      id: 'bookSlot',
      src: 'bookSlot',
      input: ({ context }) => bookingRequest(context),
      onDone: [
        {
          guard: { type: 'booked', params: ({ event }) => event.output },
          actions: enqueueActions(({ context, event, enqueue }) => {
            if (!event.output.ok) return;
            const booking = event.output.booking;
            enqueue.assign({ booking });
            enqueue.emit({ type: 'booked', booking });
            for (const words of bookedWords(context, booking)) enqueue.emit(words);
          }),
          target: 'booked',
        },
        {
          // #13: this car already has an overlapping appointment: said plainly, a person offered
          guard: { type: 'vehicleBooked', params: ({ event }) => event.output },
          actions: [{ type: 'sayVehicleBooked', params: ({ event }) => event.output }, assign({ slot: undefined, solution: undefined, search: undefined, heldUntil: undefined, confirmed: false })],
          target: 'vehicleBooked',
        },
        {
          // Someone else took the slot while the customer decided: search again.
          actions: [{ type: 'say', params: { key: 'slot.taken' } }, assign({ slot: undefined, solution: undefined, search: undefined, heldUntil: undefined, confirmed: false })],
          target: 'route',
        },
      ],
      onError: 'systemDown',
    },
  }),

  // #13: a person, or another day; "no" leads to what to change.
  vehicleBooked: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'vehicleBooked' } },
    on: {
      USER: [
        { guard: 'plainAffirm', actions: { type: 'handoffBecause', params: { reason: 'requested' } }, target: 'handoff' },
        { guard: 'plainDeny', target: 'askChange' },
      ],
    },
  }),

  booked: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    // #13: under the receipt, the reminder question once (yes/no); afterwards "anything else?"
    entry: enqueueActions(({ context, enqueue }) => {
      if (!consentToAsk(context)) return enqueue({ type: 'ask', params: { prompt: 'anythingElse' } });
      enqueue.assign({ reminders: 'asked' });
      enqueue({ type: 'ask', params: { prompt: 'reminderConsent' } });
    }),
    on: {
      USER: [
        // #13: the answer to the reminder question (reminder-consent.ts), first
        {
          guard: ({ context, event }) => consentAnswer(context, event) !== undefined,
          actions: enqueueActions(({ context, event, enqueue }) => {
            const consent = consentAnswer(context, event)!;
            enqueue.assign({ reminders: consent ? 'yes' : 'no' });
            for (const o of consentOutputs(context, consent)) enqueue.emit(o);
          }),
          target: 'booked',
          reenter: true,
        },
        // #13: then whatever a customer may say once a booking stands
        ...afterBooking,
      ],
    },
  }),
};
