/**
 * Issue #13: when a reminder is due — the day before, from the dealer's hour, on the dealer's
 * clock (also on the Sundays summer time begins and ends), never after `until`, never to a
 * customer who said yes once the window had begun.
 */
import assert from 'node:assert/strict';
import { loadDealer } from '../../src/dealer/load';
import { isDue, reminderWindow } from '../../src/reminders/schedule';
import { DEALER_FILE } from '../conversation/harness';

const dealer = loadDealer(DEALER_FILE);

describe('Reminder schedule (issue #13)', () => {
  it('an appointment on Thursday 3 December at 10:00 → Wednesday 18:00–21:00 in Modena (17:00–20:00 UTC)', () => {
    const w = reminderWindow(dealer, '2026-12-03T10:00:00+01:00');
    assert.equal(new Date(w.from).toISOString(), '2026-12-02T17:00:00.000Z');
    assert.equal(new Date(w.until).toISOString(), '2026-12-02T20:00:00.000Z');
  });

  it('the day before is the Sunday summer time ends (25 October 2026): 18:00 is +01:00', () => {
    assert.equal(new Date(reminderWindow(dealer, '2026-10-26T08:30:00+01:00').from).toISOString(), '2026-10-25T17:00:00.000Z');
  });

  it('the day before is the Sunday summer time begins (28 March 2027): 18:00 is +02:00', () => {
    assert.equal(new Date(reminderWindow(dealer, '2027-03-29T08:30:00+02:00').from).toISOString(), '2027-03-28T16:00:00.000Z');
  });

  it('an appointment given in UTC is still placed on the dealer\'s day (00:30 local is the day after 23:30 UTC)', () => {
    assert.equal(new Date(reminderWindow(dealer, '2026-12-02T23:30:00Z').from).toISOString(), '2026-12-02T17:00:00.000Z');
  });

  it('due inside the window only, and not for a yes given once it had begun', () => {
    const at = '2026-12-03T10:00:00+01:00';
    const consent = '2026-11-30T08:00:00Z';
    assert.equal(isDue(dealer, at, consent, Date.parse('2026-12-02T16:59:59Z')), false);
    assert.equal(isDue(dealer, at, consent, Date.parse('2026-12-02T17:00:00Z')), true);
    assert.equal(isDue(dealer, at, consent, Date.parse('2026-12-02T19:59:00Z')), true);
    assert.equal(isDue(dealer, at, consent, Date.parse('2026-12-02T20:00:00Z')), false, 'not at night after an outage');
    assert.equal(isDue(dealer, at, '2026-12-02T18:30:00Z', Date.parse('2026-12-02T19:00:00Z')), false, 'booked this evening: the receipt says it all');
  });
});
