import { strict as assert } from 'node:assert';
import { acceptanceStarts } from '../../src/planning/acceptance-slots';
import { dayStatus, formatInstant, openingIntervals } from '../../src/planning/calendar';
import { readyAt, workingHoursBetween } from '../../src/planning/ready-at';
import { fixtureDealer } from './fixture-dealer';

const dealer = fixtureDealer();
/** The fixture, open on Sundays 01:00–05:00 so that the DST night itself is worked. */
const nightOwl = fixtureDealer((raw) => {
  raw.calendar.hours['7'] = [['01:00', '05:00']];
});

const times = (day: string, d = dealer) => acceptanceStarts(d, day).map((t) => formatInstant(d, t));

describe('planning calendar', () => {
  describe('dayStatus', () => {
    it('names a holiday', () => {
      assert.deepEqual(dayStatus(dealer, '2026-12-08'), { kind: 'holiday', name: 'Immacolata' });
    });
    it('names a closure by its reason', () => {
      assert.deepEqual(dayStatus(dealer, '2027-02-16'), { kind: 'closure', reason: 'Inventario' });
    });
    it('knows Sunday is closed', () => {
      assert.deepEqual(dayStatus(dealer, '2026-12-13'), { kind: 'closed' });
    });
    it('gives a weekday its two opening intervals, and Saturday its morning', () => {
      const iso = (day: string) => openingIntervals(dealer, day).map((i) => [formatInstant(dealer, i.start), formatInstant(dealer, i.end)]);
      assert.deepEqual(iso('2026-12-07'), [
        ['2026-12-07T08:30:00+01:00', '2026-12-07T12:30:00+01:00'],
        ['2026-12-07T14:00:00+01:00', '2026-12-07T18:30:00+01:00'],
      ]);
      assert.deepEqual(iso('2026-12-12'), [['2026-12-12T08:30:00+01:00', '2026-12-12T12:30:00+01:00']]);
      assert.deepEqual(iso('2026-12-25'), []);
    });
  });

  describe('readyAt', () => {
    const cases: [string, string, number, string][] = [
      ['within a morning', '2026-12-07T09:00:00+01:00', 2, '2026-12-07T11:00:00+01:00'],
      ['across the lunch break', '2026-12-07T12:00:00+01:00', 2, '2026-12-07T15:30:00+01:00'],
      ['exactly at closing', '2026-12-07T17:30:00+01:00', 1, '2026-12-07T18:30:00+01:00'],
      ['overnight', '2026-12-09T17:30:00+01:00', 3, '2026-12-10T10:30:00+01:00'],
      ['over the weekend (Saturday morning only)', '2026-12-11T17:30:00+01:00', 6, '2026-12-14T09:30:00+01:00'],
      ['over a holiday', '2026-12-07T17:30:00+01:00', 2, '2026-12-09T09:30:00+01:00'],
      ['over Christmas and S. Stefano and Sunday', '2026-12-24T17:00:00+01:00', 3, '2026-12-28T10:00:00+01:00'],
      ['from before opening', '2026-12-07T07:00:00+01:00', 1, '2026-12-07T09:30:00+01:00'],
      ['from an instant given in UTC', '2026-12-07T11:00:00Z', 2, '2026-12-07T15:30:00+01:00'],
      ['across spring DST (2027-03-28)', '2027-03-27T12:00:00+01:00', 2, '2027-03-29T10:00:00+02:00'],
      ['across autumn DST (2026-10-25)', '2026-10-23T17:30:00+02:00', 10, '2026-10-26T15:00:00+01:00'],
      ['of zero hours', '2026-12-07T10:00:00+01:00', 0, '2026-12-07T10:00:00+01:00'],
    ];
    for (const [name, start, hours, expected] of cases) {
      it(`adds working hours ${name}`, () => {
        assert.equal(readyAt(dealer, start, hours), expected);
      });
    }

    it('counts the real hours of the spring DST night (02:00 does not exist)', () => {
      assert.equal(readyAt(nightOwl, '2027-03-28T01:00:00+01:00', 3), '2027-03-28T05:00:00+02:00');
      assert.equal(workingHoursBetween(nightOwl, '2027-03-28T00:00:00+01:00', '2027-03-28T06:00:00+02:00'), 3);
    });
    it('counts the real hours of the autumn DST night (02:00 happens twice)', () => {
      assert.equal(readyAt(nightOwl, '2026-10-25T01:00:00+02:00', 5), '2026-10-25T05:00:00+01:00');
      assert.equal(workingHoursBetween(nightOwl, '2026-10-25T00:00:00+02:00', '2026-10-25T06:00:00+01:00'), 5);
    });
    it('is inverted by workingHoursBetween', () => {
      const start = '2026-12-11T16:00:00+01:00';
      assert.equal(workingHoursBetween(dealer, start, readyAt(dealer, start, 7.5)), 7.5);
    });
  });

  describe('acceptanceStarts', () => {
    it('steps by the acceptance time and ends the acceptance by closing', () => {
      const day = times('2026-12-07');
      assert.equal(day.length, 8 + 9);
      assert.equal(day[0], '2026-12-07T08:30:00+01:00');
      assert.equal(day[7], '2026-12-07T12:00:00+01:00');
      assert.equal(day[8], '2026-12-07T14:00:00+01:00');
      assert.equal(day.at(-1), '2026-12-07T18:00:00+01:00');
    });
    it('has none on closed days and holidays', () => {
      assert.deepEqual(times('2026-12-13'), []);
      assert.deepEqual(times('2026-12-08'), []);
    });
    it('follows the clock through the spring DST change', () => {
      assert.deepEqual(times('2027-03-28', nightOwl), [
        '2027-03-28T01:00:00+01:00',
        '2027-03-28T01:30:00+01:00',
        '2027-03-28T03:00:00+02:00',
        '2027-03-28T03:30:00+02:00',
        '2027-03-28T04:00:00+02:00',
        '2027-03-28T04:30:00+02:00',
      ]);
    });
    it('follows the clock through the autumn DST change', () => {
      const night = times('2026-10-25', nightOwl);
      assert.equal(night.length, 10);
      assert.deepEqual(night.slice(2, 6), [
        '2026-10-25T02:00:00+02:00',
        '2026-10-25T02:30:00+02:00',
        '2026-10-25T02:00:00+01:00',
        '2026-10-25T02:30:00+01:00',
      ]);
    });
  });
});
