/**
 * Generated paths over the statechart (xstate/graph, states serialised by value): every
 * reachable state is reached, running the real machine, with persist → JSON → restore after
 * every step. Invoked actors never settle here; their results are sent as the done/error events
 * the path names, so the path alone decides what the world answered.
 */
import assert from 'node:assert/strict';
import { createActor, fromPromise, type AnyActorRef, type AnyMachineSnapshot } from 'xstate';

type AnySnapshot = AnyMachineSnapshot;
import { getShortestPaths } from 'xstate/graph';
import { bookingMachine, type BookingEvent } from '../../dialogs/booking-machine';
import type { Offer, Slot } from '../../dialogs/model';
import type { Understanding } from '../../dialogs/understanding';

const NOW = '2026-11-30T09:00:00.000+01:00';
const slot: Slot = { solution: 'courtesy-car-brand', appointmentAt: '2026-12-03T08:30:00.000+01:00', handoverAt: '2026-12-03T09:00:00.000+01:00', returnAt: '2026-12-03T15:00:00.000+01:00' };
const offers: Offer[] = (['courtesy-car-brand', 'pickup-delivery', 'taxi', 'none'] as const).map((solution) => ({ solution, available: true, free: false, documents: ['doc.drivingLicence'] }));

const found = {
  booking: { reference: 'MC-TEST22', customerName: 'Marco Rossi', service: 'maintenance', ...slot },
  serviceId: 'maintenance', need: 'tagliando', vehicle: { plate: 'GH123KL', model: 'Levante' }, record: null,
  downtime: { hours: 3, days: 1 }, offers, changeableUntil: '2026-12-02T08:30:00.000+01:00',
};

const user = (intent: Understanding['intent'], entities: Understanding['entities'] = {}, text: string = intent): BookingEvent =>
  ({ type: 'USER', now: NOW, u: { intent, score: 0.9, entities, text } });
const done = (id: string, output: unknown) => ({ type: `xstate.done.actor.${id}`, output }) as unknown as BookingEvent;
const failed = (id: string) => ({ type: `xstate.error.actor.${id}`, error: { message: 'down' } }) as unknown as BookingEvent;

const EVENTS: BookingEvent[] = [
  { type: 'START', now: NOW },
  user('greeting', {}, 'buongiorno'),
  user('book', { service: { id: 'maintenance', text: 'tagliando' } }, 'tagliando'),
  user('inform', { plate: 'GH123KL' }, 'GH123KL'),
  user('inform', { name: 'Marco Rossi' }, 'Marco Rossi'),
  user('inform', { mobility: 'courtesy-car-brand' }),
  user('inform', { mobility: 'pickup-delivery' }),
  user('inform', { legs: 'both', mobility: 'pickup-delivery' }),
  user('inform', {}, 'Via Giardini 100, Formigine'),
  user('inform', { date: { date: '2026-12-03', part: 'morning', text: 'giovedì mattina' } }),
  user('inform', { choice: 1 }, '1'),
  user('affirm', {}, 'sì'),
  user('deny', {}, 'no'),
  user('correction', { change: 'date' }),
  user('human', {}, 'operatore'),
  user('urgent', {}, 'incidente'),
  user('cancel', {}, 'annulla'),
  user('restart', {}, 'ricomincia'),
  user('help', {}, 'aiuto'),
  user('switchLanguage', { language: 'en' }, 'english please'),
  user('outOfDomain', {}, 'che tempo fa'),
  user('inform', {}, ''),
  done('lookupVehicle', { plate: 'GH123KL', model: 'Levante', programmes: [], warrantyUntil: '2027-03-15' }),
  done('lookupVehicle', null),
  failed('lookupVehicle'),
  done('quoteMobility', { downtime: { hours: 3, days: 1 }, offers }),
  failed('quoteMobility'),
  done('locateAddress', { status: 'ok', place: 'Formigine', distanceKm: 10 }),
  done('locateAddress', { status: 'outside', place: 'Ferrara', distanceKm: 62, radiusKm: 50 }),
  done('locateAddress', { status: 'unknown' }),
  done('searchSlots', { wished: slot, alternatives: [] }),
  done('searchSlots', { refusal: 'full', alternatives: [slot, { ...slot, appointmentAt: '2026-12-04T08:30:00.000+01:00' }] }),
  done('searchSlots', { alternatives: [] }),
  failed('searchSlots'),
  done('holdSlot', { ok: true, expiresAt: '2026-11-30T09:05:00.000+01:00' }),
  done('holdSlot', { ok: false, reason: 'taken' }),
  done('holdSlot', { ok: false, reason: 'vehicle-already-booked', existing: { reference: 'MC-FIRST1', appointmentAt: '2026-12-03T10:00:00.000+01:00' } }),
  failed('holdSlot'),
  done('bookSlot', { ok: true, booking: { reference: 'MC-TEST22', customerName: 'Marco Rossi', service: 'maintenance', ...slot } }),
  done('bookSlot', { ok: false, reason: 'taken' }),
  done('bookSlot', { ok: false, reason: 'vehicle-already-booked', existing: { reference: 'MC-FIRST1', appointmentAt: '2026-12-03T10:00:00.000+01:00' } }),
  failed('bookSlot'),
  // #13: after the booking
  user('inform', { reference: 'MC-TEST22', manage: 'cancel' }, 'annulla MC-TEST22'),
  user('inform', { reference: 'MC-TEST23' }, 'MC-TEST23'),
  user('inform', { manage: 'status' }, 'vorrei vedere la prenotazione'),
  user('inform', { manage: 'change', managePart: 'date' }, 'vorrei spostarla'),
  user('inform', { manage: 'change', managePart: 'mobility' }, 'cambio la mobilità'),
  user('inform', { manage: 'change', managePart: 'address' }, "cambio l'indirizzo"),
  user('inform', { manage: 'change' }, 'vorrei cambiarla'),
  user('inform', { manage: 'another' }, "un'altra visita"),
  user('inform', { manage: 'add' }, 'aggiungi il lavoro'),
  user('book', { service: { id: 'tyres', text: 'gomme' } }, 'devo anche cambiare le gomme'),
  user('inform', { manage: 'add', service: { id: 'tyres', text: 'gomme' } }, 'aggiungete anche le gomme'),
  done('quoteWork', { downtime: { hours: 4.5, days: 1 }, offers, slot: { ...slot, returnAt: '2026-12-03T16:30:00.000+01:00' } }),
  failed('quoteWork'),
  done('checkWork', { ok: true, booking: found.booking }),
  done('checkWork', { ok: false, reason: 'taken' }),
  done('checkWork', { ok: false, reason: 'vehicle-already-booked', existing: { reference: 'MC-FIRST1', appointmentAt: '2026-12-04T10:00:00.000+01:00' } }),
  done('checkWork', { ok: false, reason: 'not-found' }),
  failed('checkWork'),
  done('findProven', [found]),
  done('findProven', [found, { ...found, booking: { ...found.booking, reference: 'MC-TEST24' } }]),
  done('findProven', []),
  failed('findProven'),
  done('findKnown', [found]),
  done('findKnown', []),
  done('cancelBooking', { found: true }),
  done('cancelBooking', { found: false }),
  failed('cancelBooking'),
  done('rescheduleBooking', { ok: true, booking: found.booking }),
  done('rescheduleBooking', { ok: false, reason: 'taken' }),
  done('rescheduleBooking', { ok: false, reason: 'not-found' }),
  failed('rescheduleBooking'),
];

// Actors that never settle: the path sends their results.
const pending = fromPromise(() => new Promise<never>(() => {}));
const machine = bookingMachine.provide({
  actors: {
    lookupVehicle: pending, quoteMobility: pending, locateAddress: pending, searchSlots: pending, holdSlot: pending, bookSlot: pending,
    findBookings: pending, rescheduleBooking: pending, cancelBooking: pending, quoteWork: pending,
  } as never,
});
const input = { conversationId: 'graph', lang: 'it' as const, now: NOW, catalogue: ['maintenance' as const, 'tyres' as const] };

describe('Generated paths over the booking statechart', () => {
  const paths = getShortestPaths(machine, {
    input,
    events: EVENTS,
    // the state, and what a request about a booking asks (#13: the same state leads elsewhere for a cancel or a change)
    serializeState: (s: AnySnapshot) => JSON.stringify([s.value, s.context.managing?.act, s.context.managing?.part, s.context.changing?.part]),
    filterEvents: (s: AnySnapshot, e: BookingEvent) => s.status === 'active' && s.can(e),
  } as never);

  it('reach every state of the machine', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    // routers (only eventless transitions) are passed through, never rested in
    const all = Object.entries(bookingMachine.root.states).filter(([, node]) => node.always === undefined || node.always.length === 0).map(([s]) => s);
    const missing = all.filter((s) => !reached.has(JSON.stringify(s)));
    assert.deepEqual(missing, []);
  });

  for (const path of paths) {
    const target = JSON.stringify(path.state.value);
    it(`reaches ${target} in ${path.steps.length} steps, surviving persist → JSON → restore at each`, () => {
      let actor: AnyActorRef = createActor(machine, { input }).start();
      for (const step of path.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        actor.send(step.event);
        const json = JSON.stringify(actor.getPersistedSnapshot());
        actor.stop();
        actor = createActor(machine, { snapshot: JSON.parse(json), input });
        actor.subscribe({ error: () => {} });
        actor.start();
        assert.equal(actor.getSnapshot().status === 'error', false, 'restored snapshot is valid');
        assert.deepEqual(actor.getSnapshot().value, step.state.value, `after ${step.event.type}`);
      }
      assert.deepEqual(actor.getSnapshot().value, path.state.value);
      actor.stop();
    });
  }
});
