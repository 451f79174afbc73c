/**
 * The router: whatever is still missing is asked next, in the sheet's order (R1 → R10). Every
 * message fills what it can (interpret.ts), so a customer who says everything at once is asked
 * only what is missing.
 * @module
 */
import { machineSetup } from '../machine-setup';

export const route = machineSetup.createStateConfig({
  always: [
    // R11: not understood twice in a row, a person is offered; still not after the offer, a person takes over
    { guard: 'lostAfterOffer', actions: { type: 'handoffBecause', params: { reason: 'misunderstood' } }, target: 'handoff' },
    { guard: 'misunderstoodTwice', target: 'offeringHuman' },
    // #13: a booking already made, being found or shown; one that stands and is not being changed
    { guard: 'managing', target: 'manage' },
    { guard: 'bookingStands', target: 'booked' },
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
    { guard: 'changing', target: 'rescheduling' }, // #13
    { target: 'booking' },
  ],
});
