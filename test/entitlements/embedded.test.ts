import assert from 'node:assert/strict';
import { loadDealer } from '../../src/dealer/load';
import { createEmbeddedEntitlements } from '../../src/entitlements/embedded';
import { MODENA_PATH } from '../dealer/fixtures';

describe('embedded entitlements (demo vehicles of the Modena dealer)', () => {
  const entitlements = createEmbeddedEntitlements(loadDealer(MODENA_PATH));

  it('finds a plate typed in lower case with spaces', async () => {
    const record = await entitlements.lookup({ plate: 'gh 123 kl' });
    assert.deepEqual(record, { plate: 'GH123KL', model: 'Levante', year: 2024, warrantyUntil: '2027-03-15', programmes: [] });
  });

  it('finds a plate typed with dashes', async () => {
    const record = await entitlements.lookup({ plate: 'GK-789-CD' });
    assert.equal(record?.model, 'Grecale');
    assert.deepEqual(record?.programmes.map((p) => p.id), ['mobility-care']);
    assert.deepEqual(record?.programmes[0].benefits, ['courtesy-car-brand', 'pickup-delivery']);
  });

  it('finds an old provincial plate', async () => {
    const record = await entitlements.lookup({ plate: 'MO 123456' });
    assert.equal(record?.model, 'Biturbo');
    assert.equal(record?.warrantyUntil, undefined);
  });

  it('finds a vehicle by VIN, even one whose check digit does not match', async () => {
    const record = await entitlements.lookup({ vin: 'zamya12j000123456' });
    assert.equal(record?.model, 'Grecale');
    assert.equal(record?.warrantyUntil, '2028-06-30');
    assert.equal(record?.plate, undefined);
  });

  it('prefers the VIN when both are given', async () => {
    const record = await entitlements.lookup({ plate: 'GH123KL', vin: 'ZAM45VLA6R1098765' });
    assert.equal(record?.model, 'GranTurismo');
  });

  it('falls back to the plate when the VIN is unknown', async () => {
    const record = await entitlements.lookup({ plate: 'FZ321EF', vin: 'ZAM00000000000000' });
    assert.equal(record?.extensionUntil, '2027-09-30');
  });

  it('answers null for a vehicle it does not know', async () => {
    assert.equal(await entitlements.lookup({ plate: 'AB123CD' }), null);
    assert.equal(await entitlements.lookup({ vin: 'WVWZZZ1JZXW000001' }), null);
    assert.equal(await entitlements.lookup({}), null);
  });

  it('hands out copies, so a caller cannot change the records', async () => {
    const first = await entitlements.lookup({ plate: 'GK789CD' });
    first!.programmes.length = 0;
    const again = await entitlements.lookup({ plate: 'GK789CD' });
    assert.equal(again?.programmes.length, 1);
  });
});
