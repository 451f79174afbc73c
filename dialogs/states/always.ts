/**
 * R11 Always: what a customer may say at any point (a person, help, cancel, start again, another
 * language), what a misunderstanding leads to, and the human: offered, handed over, handed back.
 * @module
 */
import { enqueueActions } from 'xstate';
import { AWAITING_USER } from '../awaiting';
import { cancelledWords } from '../after-booking';
import { machineSetup, say } from '../machine-setup';

/** Heard in every state that does not answer a message itself. */
export const anyTime = machineSetup.createStateConfig({
  on: {
    USER: [
      { guard: 'isEmpty', actions: ['welcomeOnce', { type: 'say', params: { key: 'input.empty' } }], target: '.route' },
      { guard: 'isTooLong', actions: ['welcomeOnce', { type: 'say', params: { key: 'input.tooLong' } }], target: '.route' },
      // R11: at once, with what the message also says (name, car, work) taken for the advisor
      { guard: 'wantsHuman', actions: { type: 'handOver', params: { reason: 'requested', take: true } }, target: '.handoff' },
      { guard: 'isUrgent', actions: { type: 'handOver', params: { reason: 'urgent', take: true } }, target: '.handoff' },
      // #13: a booking already made (a reference, or "I'd like to cancel my booking" with nothing else asked yet)
      { guard: 'asksAboutBooking', actions: 'startManaging', target: '.route' },
      { guard: 'wantsCancel', target: '.cancelled' },
      { guard: 'wantsRestart', actions: 'restart', target: '.route' },
      // #11: a question is answered and the same thing asked again; nothing is chosen
      { guard: 'asksQuestion', actions: ['welcomeOnce', { type: 'answerQuestion', params: { take: true } }], target: '.route' },
      { guard: 'wantsHelp', actions: { type: 'say', params: { key: 'help' } }, target: '.route' },
      { guard: 'wantsLanguage', actions: 'switchLanguage', target: '.route' },
      { guard: 'isSmallTalk', actions: ['welcomeOnce'], target: '.route' },
      { guard: 'isUseful', actions: ['welcomeOnce', 'apply'], target: '.route' },
      // #11: a question the bot cannot answer is said so, with a person offered
      { guard: 'asksUnanswerable', actions: ['welcomeOnce', 'cannotAnswer'], target: '.route' },
      // the router asks again in other words, or offers a person (R11)
      { actions: ['welcomeOnce', 'misunderstood'], target: '.route' },
    ],
  },
}).on;

export const always = {
  offeringHuman: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: { type: 'ask', params: { prompt: 'human' } },
    on: {
      USER: [
        { guard: 'plainAffirm', actions: { type: 'handoffBecause', params: { reason: 'misunderstood' } }, target: 'handoff' },
        { guard: 'plainDeny', actions: 'resetMisunderstandings', target: 'route' },
      ],
    },
  }),

  // A system the bot needs is down: retry, or a person.
  systemDown: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    // "nothing has been booked" is not the whole truth when a booking stands (#13)
    entry: [
      enqueueActions(({ context, enqueue }) => enqueue.emit(say(context.booking || context.managing || context.changing ? 'manage.down' : 'system.down'))),
      { type: 'ask', params: { prompt: 'retryOrHuman' } },
    ],
    on: {
      USER: [
        { guard: 'plainAffirm', target: 'route' },
        { guard: 'plainDeny', actions: { type: 'handoffBecause', params: { reason: 'system' } }, target: 'handoff' },
      ],
    },
  }),

  handoff: machineSetup.createStateConfig({
    tags: [AWAITING_USER],
    entry: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'handoff', reason: context.handoffReason ?? 'requested' });
      // a complaint, an insurance question or a call back is told so; danger on the road hears the urgent words
      const concern = context.handoffConcern && context.handoffConcern !== 'road' ? context.handoffConcern : undefined;
      enqueue.emit(say(concern ? `handoff.about.${concern}` : `handoff.${context.handoffReason ?? 'requested'}`));
      enqueue.assign({ lastPrompt: { key: 'handoff.waiting', awaiting: 'text' } });
    }),
    on: {
      USER: [
        { guard: 'wantsRestart', actions: 'restart', target: 'route' },
        { actions: { type: 'say', params: { key: 'handoff.waiting' } } },
      ],
      // Handed back: everything collected stays; the router asks what is still missing.
      RESUME: [
        { guard: 'hasBooking', actions: 'resumeAfterHandoff', target: 'booked' },
        { actions: 'resumeAfterHandoff', target: 'route' },
      ],
      // Closed by the advisor: a later message is a new request for the same customer and car.
      END: { actions: 'endAfterHandoff', target: 'start' },
    },
  }),

  cancelled: machineSetup.createStateConfig({
    type: 'final',
    // never "nothing has been booked" when something was booked or is held (#11)
    entry: enqueueActions(({ context, enqueue }) => enqueue.emit(cancelledWords(context))),
  }),
};
