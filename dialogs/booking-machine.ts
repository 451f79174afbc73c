/**
 * The booking conversation (PROCESS.md R1–R11) as a statechart, put together from one file per
 * rule of the sheet (`states/`): a router asks for whatever is still missing, in the sheet's
 * order; every message fills what it can (interpret.ts); the planning, the records and the
 * gazetteer are named actors (machine-setup.ts). States that wait for the customer carry the
 * `awaitingUser` tag.
 * @module
 */
import { assign } from 'xstate';
import { initialContext } from './context';
import { machineSetup } from './machine-setup';
import { always, anyTime } from './states/always';
import { booking } from './states/booking';
import { dates } from './states/dates';
import { entitlements } from './states/entitlements';
import { listen } from './states/listen';
import { manage } from './states/manage';
import { mobility } from './states/mobility';
import { route } from './states/route';
import { AWAITING_USER } from './awaiting';

export const MACHINE_ID = 'booking';
/** Bump when a change makes older snapshots unfit; the engine then resets them with an apology. */
export const MACHINE_VERSION = 1;
export { AWAITING_USER } from './awaiting';
export type { BookingEvent } from './events';
export { MAX_MESSAGE_LENGTH } from './events';

export const bookingMachine = machineSetup.createMachine({
  id: MACHINE_ID,
  context: ({ input }) => initialContext(input),
  initial: 'start',
  // R11: what the customer may say at any point.
  on: anyTime,
  states: {
    start: {
      tags: [AWAITING_USER],
      on: { START: { actions: ['welcomeOnce', assign({ now: ({ event }) => event.now })], target: 'route' } },
    },
    route,
    ...listen, // R1
    ...entitlements, // R2, R3
    ...mobility, // R4–R7
    ...dates, // R5, R9
    ...booking, // R8, R10
    ...manage, // #13: after the booking
    ...always, // R11
  },
});

export type BookingMachine = typeof bookingMachine;
