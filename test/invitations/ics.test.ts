/**
 * Issue #13: the calendar file of a booking, parsed back. The instants are the booking's, to the
 * minute, shown on the dealer's clock with the right offset — also across a DST change (Europe/Rome
 * leaves summer time on Sunday 25 October 2026 and enters it on Sunday 28 March 2027).
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Booking } from '../../dialogs/model';
import { loadDealer } from '../../src/dealer/load';
import { calendarFile } from '../../src/invitations/ics';
import type { Renderer } from '../../src/render/render';
import { DEALER_FILE } from '../conversation/harness';
import { icsInstant, parseIcs, rendererFor } from '../reminders/words';

const dealer = loadDealer(DEALER_FILE);
const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Rome' });

describe('Calendar file (.ics) of a booking (issue #13)', () => {
  let renderer: Renderer;
  before(async () => {
    renderer = await rendererFor(dealer);
  });

  it('a courtesy car across the end of summer time: drop-off Saturday 08:30 (+02:00), return Monday 17:00 (+01:00)', () => {
    const booking: Booking = {
      reference: 'MC-7K3Q9', customerName: 'Marco Rossi', solution: 'courtesy-car-brand', service: 'bodywork',
      appointmentAt: '2026-10-24T08:30:00+02:00', handoverAt: '2026-10-24T08:30:00+02:00', returnAt: '2026-10-26T17:00:00+01:00',
    };
    const { content, filename } = calendarFile(dealer, renderer, booking, 'it');
    assert.equal(filename, 'appuntamento-MC-7K3Q9.ics');
    const { calendar, events } = parseIcs(content);
    assert.equal(calendar.VERSION, '2.0');
    assert.equal(calendar['X-WR-TIMEZONE'], 'Europe/Rome');
    assert.equal(events.length, 2, 'drop-off (with the handover at the same time) and the return');
    const [drop, back] = events;
    assert.equal(icsInstant(drop.DTSTART), Date.parse(booking.appointmentAt));
    assert.equal(icsInstant(drop.DTEND) - icsInstant(drop.DTSTART), dealer.workshop.acceptanceMinutes * 60_000);
    assert.equal(local(icsInstant(drop.DTSTART)).toFormat('yyyy-MM-dd HH:mm ZZ'), '2026-10-24 08:30 +02:00');
    assert.equal(icsInstant(back.DTSTART), Date.parse(booking.returnAt));
    assert.equal(local(icsInstant(back.DTSTART)).toFormat('yyyy-MM-dd HH:mm ZZ'), '2026-10-26 17:00 +01:00');
    assert.match(drop.SUMMARY, /Officina Maserati Modena.*Carrozzeria|Officina .*: /);
    assert.equal(drop.LOCATION, dealer.site.address);
    assert.match(back.SUMMARY, /Riconsegna di Auto di cortesia Maserati/);
    assert.match(drop.DESCRIPTION, /MC-7K3Q9/);
    assert.match(drop.DESCRIPTION, /patente/i);
    assert.equal(drop.STATUS, 'CONFIRMED');
    assert.notEqual(drop.UID, back.UID);
  });

  it('pickup & delivery across the start of summer time, in English: collected at home Friday 08:30 (+01:00), brought back Monday 17:30 (+02:00)', () => {
    const booking: Booking & { address: string } = {
      reference: 'MC-P4D2X', customerName: 'Sarah Jones', solution: 'pickup-delivery', legs: 'both', service: 'maintenance',
      appointmentAt: '2027-03-26T08:30:00+01:00', handoverAt: '2027-03-26T08:30:00+01:00', returnAt: '2027-03-29T17:30:00+02:00',
      address: 'Via Giardini 200, 41124 Modena',
    };
    const { content, filename } = calendarFile(dealer, renderer, booking, 'en');
    assert.equal(filename, 'appointment-MC-P4D2X.ics');
    const { events } = parseIcs(content);
    const [collect, home] = events;
    assert.equal(local(icsInstant(collect.DTSTART)).toFormat('yyyy-MM-dd HH:mm ZZ'), '2027-03-26 08:30 +01:00');
    assert.equal(local(icsInstant(home.DTSTART)).toFormat('yyyy-MM-dd HH:mm ZZ'), '2027-03-29 17:30 +02:00');
    assert.equal(icsInstant(home.DTSTART), Date.parse('2027-03-29T15:30:00Z'));
    assert.match(collect.SUMMARY, /collected from your address/);
    assert.equal(collect.LOCATION, booking.address);
    assert.match(home.SUMMARY, /brought back to your address/);
    assert.equal(home.LOCATION, booking.address);
    assert.match(collect.DESCRIPTION, /Booking MC-P4D2X/);
    assert.match(collect.DESCRIPTION, /keys/, 'what to leave in the car');
  });

  it('a taxi handed over after the drop-off has its own event; no mobility has none', () => {
    const taxi: Booking = {
      reference: 'MC-T1', customerName: 'Luca Ferri', solution: 'taxi', service: 'tyres',
      appointmentAt: '2026-12-03T10:00:00+01:00', handoverAt: '2026-12-03T10:30:00+01:00', returnAt: '2026-12-03T15:00:00+01:00',
    };
    const events = parseIcs(calendarFile(dealer, renderer, taxi, 'it').content).events;
    assert.deepEqual(events.map((e) => local(icsInstant(e.DTSTART)).toFormat('HH:mm')), ['10:00', '10:30', '15:00']);
    assert.match(events[1].SUMMARY, /Consegna: Taxi/);
    const none = parseIcs(calendarFile(dealer, renderer, { ...taxi, solution: 'none', handoverAt: taxi.appointmentAt }, 'it').content).events;
    assert.equal(none.length, 2);
    assert.match(none[1].SUMMARY, /Vettura pronta/);
  });

  it('work added in the chat (#13): the whole work named, the later ready time', () => {
    const booking: Booking = {
      reference: 'MC-W1', customerName: 'Luca Ferri', solution: 'taxi', service: 'maintenance', services: ['maintenance', 'brakes'],
      appointmentAt: '2026-12-03T10:00:00+01:00', handoverAt: '2026-12-03T10:30:00+01:00', returnAt: '2026-12-03T17:30:00+01:00',
    };
    const events = parseIcs(calendarFile(dealer, renderer, booking, 'en').content).events;
    const text = events.map((e) => `${e.SUMMARY} ${e.DESCRIPTION}`).join(' ').replace(/\\n|\s+/g, ' ');
    assert.match(text, /Scheduled service and Brakes/);
    assert.equal(local(icsInstant(events.at(-1)!.DTSTART)).toFormat('HH:mm'), '17:30');
  });
});
