import assert from 'node:assert/strict';
import { loadDealer } from '../../src/dealer/load';
import { createGazetteer, haversineKm } from '../../src/places/gazetteer';
import { MODENA_PATH } from '../dealer/fixtures';

describe('gazetteer (places of the Modena dealer)', () => {
  const dealer = loadDealer(MODENA_PATH);
  const places = createGazetteer(dealer);
  const pickupRadius = dealer.mobility.pickupDelivery.radiusKm; // 50
  const shuttleRadius = dealer.mobility.staffShuttle.radiusKm; // 15

  describe('by postcode', () => {
    it('finds the town of a postcode, whatever the name says', async () => {
      const found = await places.locate('Via Giardini 12, 41043 Casinalbo', pickupRadius);
      assert.ok(found.status === 'ok', found.status);
      assert.equal(found.place, 'Formigine');
      assert.equal(found.postcode, '41043');
      assert.ok(found.distanceKm > 5 && found.distanceKm < 12, String(found.distanceKm));
    });

    it('tells Bologna districts apart by postcode', async () => {
      const found = await places.locate('Via Stalingrado 1, 40127 Bologna BO', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.postcode, '40127');
    });

    it('falls back to the name when the postcode is not in the list', async () => {
      const found = await places.locate('Via Roma 5, 41100 Carpi', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.place, 'Carpi');
    });
  });

  describe('by name', () => {
    it('takes the longest name: Castelfranco Emilia, not a street called Emilia', async () => {
      const found = await places.locate('via Emilia 10, Castelfranco Emilia', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.place, 'Castelfranco Emilia');
      assert.equal(found.postcode, '41013');
    });

    it('lets a longer name win over a shorter one inside it', async () => {
      const felice = dealer.places.find((p) => p.name === 'San Felice sul Panaro')!;
      const withShortName = createGazetteer({
        ...dealer,
        places: [{ ...felice, name: 'Panaro', postcode: '99999' }, ...dealer.places],
      });
      const found = await withShortName.locate('Piazza Matteotti 1, San Felice sul Panaro', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.place, 'San Felice sul Panaro');
    });

    it('ignores case and accents', async () => {
      const found = await places.locate('abito a FORLI', 200);
      assert.ok(found.status === 'ok');
      assert.equal(found.place, 'Forlì');
    });

    it('takes the town, not the street named after another town', async () => {
      const found = await places.locate('Via Modena 3, Carpi', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.place, 'Carpi');
    });

    it('matches whole words only', async () => {
      assert.deepEqual(await places.locate('Carpineti', pickupRadius), { status: 'unknown' });
    });

    it('gives a town its first entry (Modena, centre) when only the name is given', async () => {
      const found = await places.locate('modena', pickupRadius);
      assert.ok(found.status === 'ok');
      assert.equal(found.postcode, '41121');
    });
  });

  describe('radius', () => {
    it('puts Ferrara outside the pickup & delivery radius', async () => {
      const found = await places.locate('Corso Giovecca 2, 44121 Ferrara', pickupRadius);
      assert.ok(found.status === 'outside', found.status);
      assert.equal(found.place, 'Ferrara');
      assert.equal(found.radiusKm, 50);
      assert.ok(found.distanceKm > 50 && found.distanceKm < 70, String(found.distanceKm));
    });

    it('puts Carpi inside the pickup radius but outside the shuttle radius', async () => {
      assert.equal((await places.locate('Carpi', pickupRadius)).status, 'ok');
      assert.equal((await places.locate('Carpi', shuttleRadius)).status, 'outside');
    });

    it('measures Rome at about 330 km', async () => {
      const found = await places.locate('Via Labicana 1, 00184 Roma', pickupRadius);
      assert.ok(found.status === 'outside');
      assert.ok(Math.abs(found.distanceKm - 330) < 15, String(found.distanceKm));
    });
  });

  describe('unknown', () => {
    it('answers unknown for a town not in the list', async () => {
      assert.deepEqual(await places.locate('Via Garibaldi 1, Pizzo Calabro', pickupRadius), { status: 'unknown' });
    });

    it('does not take "Via Roma" for Rome', async () => {
      assert.deepEqual(await places.locate('Via Roma 1', pickupRadius), { status: 'unknown' });
    });

    it('answers unknown for empty text', async () => {
      assert.deepEqual(await places.locate('', pickupRadius), { status: 'unknown' });
    });
  });

  it('haversine: Modena–Bologna centres are about 37 km apart', () => {
    const km = haversineKm({ lat: 44.6471, lon: 10.9252 }, { lat: 44.4949, lon: 11.3426 });
    assert.ok(Math.abs(km - 37) < 2, String(km));
  });
});
