import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DealerConfigError, loadDealer, parseDealer } from '../../src/dealer/load';
import { SOLUTIONS } from '../../dialogs/model';
import { MODENA_PATH, modenaJson } from './fixtures';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DealerConfigError, `expected a DealerConfigError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('expected the dealer file to be refused');
}

describe('dealer file', () => {
  describe('the shipped demo (config/dealers/modena.json)', () => {
    const dealer = loadDealer(MODENA_PATH);

    it('validates and keeps the Modena site', () => {
      assert.equal(dealer.site.timeZone, 'Europe/Rome');
      assert.equal(dealer.site.name, 'Maserati Modena – Concessionaria Demo');
      assert.deepEqual(dealer.calendar.hours['6'], [['08:30', '12:30']]);
      assert.deepEqual(dealer.calendar.hours['7'], []);
    });

    it('offers all eight solutions in the contract order, each priced', () => {
      assert.deepEqual(dealer.mobility.offered, [...SOLUTIONS]);
      for (const s of dealer.mobility.offered) assert.ok(dealer.mobility.prices[s], s);
    });

    it('knows the holidays the sheet asks for', () => {
      const days = dealer.calendar.holidays.map((h) => h.date);
      for (const d of ['2026-12-08', '2027-03-29', '2027-01-31', '2026-12-26', '2027-06-02']) assert.ok(days.includes(d), d);
      assert.deepEqual(dealer.calendar.closures, [{ from: '2027-08-09', to: '2027-08-20', reason: 'Chiusura estiva' }]);
    });

    it('has twelve demo vehicles, none lacking both plate and vin', () => {
      assert.equal(dealer.vehicles.length, 12);
      assert.ok(dealer.vehicles.every((v) => v.plate || v.vin));
    });

    it('does not offer LPG conversion or tuning', () => {
      const ids = dealer.services.map((s) => s.id);
      assert.ok(!ids.includes('lpg-conversion') && !ids.includes('tuning'));
    });
  });

  describe('a broken file', () => {
    it('names every bad field with its path', () => {
      const json = modenaJson();
      json.calendar.hours['1'][0][1] = '25:00';
      json.site.timeZone = 'Europe/Modena';
      delete json.workshop.advisors;
      json.services[0].id = 'teleportation';
      json.mobility.prices.taxi.per = 'hour';
      json.places[2].postcode = '4112';
      const problems = problemsOf(() => parseDealer(json));
      const byPath = new Map(problems.map((p) => [p.slice(0, p.indexOf(': ')), p.slice(p.indexOf(': ') + 2)]));
      assert.deepEqual([...byPath.keys()].sort(), [
        'calendar.hours.1[0][1]',
        'mobility.prices.taxi.per',
        'places[2].postcode',
        'services[0].id',
        'site.timeZone',
        'workshop.advisors',
      ]);
      assert.equal(byPath.get('calendar.hours.1[0][1]'), 'must be a time HH:mm');
      assert.equal(byPath.get('site.timeZone'), 'must be an IANA time zone such as Europe/Rome');
      assert.equal(byPath.get('workshop.advisors'), 'is required');
      assert.equal(byPath.get('places[2].postcode'), 'must be a 5-digit postcode');
      assert.match(byPath.get('services[0].id')!, /expected one of "maintenance"/);
      assert.match(byPath.get('mobility.prices.taxi.per')!, /expected one of "day"\|"trip"\|"visit"/);
    });

    it('puts the file path and every problem in the error message', () => {
      const json = modenaJson();
      json.workshop.acceptanceMinutes = 1;
      assert.throws(() => parseDealer(json, 'demo.json'), (err: Error) => {
        assert.match(err.message, /^Invalid dealer file demo\.json:\n {2}- workshop\.acceptanceMinutes: /);
        return true;
      });
    });

    it('wants a price for every paid solution it offers', () => {
      const json = modenaJson();
      delete json.mobility.prices['rental-car'];
      delete json.mobility.prices.none;
      assert.deepEqual(problemsOf(() => parseDealer(json)), [
        'mobility.prices.rental-car: missing: "rental-car" is offered, so it needs a price (0 if free)',
      ]);
    });

    it('wants a plate or a vin on each vehicle record', () => {
      const json = modenaJson();
      delete json.vehicles[1].plate;
      assert.deepEqual(problemsOf(() => parseDealer(json)), ['vehicles[1]: needs a plate or a vin']);
    });

    it('refuses duplicate fleet ids', () => {
      const json = modenaJson();
      json.fleet[1].id = json.fleet[0].id;
      assert.deepEqual(problemsOf(() => parseDealer(json)), ['fleet[1].id: duplicate id "cc-ghibli-1"']);
    });

    it('refuses days that are not on the calendar', () => {
      const json = modenaJson();
      json.calendar.holidays[0].date = '2026-02-30';
      json.calendar.closures[0].to = '2027-08-01';
      assert.deepEqual(problemsOf(() => parseDealer(json)), [
        'calendar.holidays[0].date: 2026-02-30 is not a calendar day',
        'calendar.closures[0].to: 2027-08-01 is before from (2027-08-09)',
      ]);
    });

    it('refuses opening hours that close before they open', () => {
      const json = modenaJson();
      json.calendar.hours['2'] = [['14:00', '12:30']];
      assert.deepEqual(problemsOf(() => parseDealer(json)), ['calendar.hours.2[0]: opens at 14:00 but closes at 12:30']);
    });

    it('says what is wrong with something that is not a dealer at all', () => {
      assert.deepEqual(problemsOf(() => parseDealer([])), ['(file): Invalid input: expected object, received array']);
    });
  });

  describe('reading the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealer-'));

    it('says when the file is missing', () => {
      const path = join(dir, 'nowhere.json');
      assert.deepEqual(problemsOf(() => loadDealer(path)), ['(file): file not found']);
      assert.throws(() => loadDealer(path), new RegExp(`Invalid dealer file ${path.replace(/[.\\]/g, '\\$&')}`));
    });

    it('says when the file is not JSON', () => {
      const path = join(dir, 'broken.json');
      writeFileSync(path, '{ "site": { "id": "modena", }');
      const [problem] = problemsOf(() => loadDealer(path));
      assert.match(problem, /^\(file\): not valid JSON \(/);
    });
  });
});
