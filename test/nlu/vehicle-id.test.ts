import assert from 'node:assert/strict';
import { findVehicleId, isItalianPlate, vinCheck, vinCheckDigit } from '../../src/nlu/vehicle-id';

describe('vehicle ids', () => {
  describe('Italian plates since 1994', () => {
    it('accepts AA000AA with spaces, dashes and lowercase', () => {
      assert.deepEqual(findVehicleId('GH123KL'), { plate: 'GH123KL' });
      assert.deepEqual(findVehicleId('la targa è gh 123 kl'), { plate: 'GH123KL' });
      assert.deepEqual(findVehicleId('reg ek-321-ms thanks'), { plate: 'EK321MS' });
    });
    it('never uses I, O, Q, U', () => {
      assert.equal(isItalianPlate('GH123KL'), true);
      assert.equal(isItalianPlate('GO123KL'), false);
      assert.equal(findVehicleId('GO123KL').bad, 'GO123KL');
    });
    it('reads a plate spelled out with dots or spaces inside its groups (#12, eighteenth voices)', () => {
      assert.equal(findVehicleId('targa: G.H. 5 2 1 .Z.S., giovedì alle 9').plate, 'GH521ZS');
      assert.equal(findVehicleId('Targa: E.L. 902 S.P.').plate, 'EL902SP');
      assert.equal(findVehicleId('gh 58 3nr').plate, 'GH583NR');
      assert.equal(findVehicleId('plate is F.K. 4.3.0 B.N.').plate, 'FK430BN');
      assert.equal(findVehicleId('Plate Z-A-9-1-4-H-K. The 18th would be ideal').plate, 'ZA914HK');
      assert.equal(findVehicleId('his Quattroporte, plate F G 9 0 3 T X, needs the rear brakes').plate, 'FG903TX');
    });
    it('does not make a plate of words and numbers that only look spread out', () => {
      assert.deepEqual(findVehicleId('ho 1 2 3 ok'), {});
      assert.deepEqual(findVehicleId('se 10 12 ma'), {});
      assert.deepEqual(findVehicleId('fa 1 20 km al giorno'), {});
    });
    it('does not read words around a number as a plate', () => {
      assert.deepEqual(findVehicleId('fa 100 km al giorno'), {});
      assert.deepEqual(findVehicleId('alle 10 va bene'), {});
    });
  });

  describe('older provincial plates', () => {
    it('accepts a province code or ROMA and up to six characters', () => {
      assert.equal(findVehicleId('targa MO 123456').plate, 'MO123456');
      assert.equal(findVehicleId('ROMA A12345').plate, 'ROMAA12345');
    });
    it('ignores ordinary words and postcodes', () => {
      assert.equal(findVehicleId('no 2 grazie').plate, undefined);
      assert.equal(findVehicleId('abito a como 22100').plate, undefined);
      assert.equal(findVehicleId('il tagliando dei 30000 km').plate, undefined);
    });
  });

  describe('VIN', () => {
    it('computes the ISO 3779 check digit', () => {
      // a textbook North American VIN with a valid check digit
      assert.equal(vinCheckDigit('1M8GDM9AXKP042788'), 'X');
      assert.equal(vinCheck('1M8GDM9AXKP042788'), 'valid');
    });
    it('reports a wrong digit as invalid and a letter as absent (European VINs)', () => {
      assert.equal(vinCheck('1M8GDM9A1KP042788'), 'invalid');
      assert.equal(vinCheck('ZAMYS57CA01234567'), 'absent');
    });
    it('finds a VIN in text', () => {
      assert.deepEqual(findVehicleId('il telaio è ZAMYS57C001234567').vin?.value, 'ZAMYS57C001234567');
    });
  });

  describe('malformed attempts', () => {
    it('flags a short plate, a 16-character VIN and a VIN with O', () => {
      assert.equal(findVehicleId('GH12KL').bad, 'GH12KL');
      assert.equal(findVehicleId('ZAMYS57C00123456').bad, 'ZAMYS57C00123456');
      assert.equal(findVehicleId('ZAMYS57C0O1234567').bad, 'ZAMYS57C0O1234567');
    });
    it('does not flag model names with digits', () => {
      assert.deepEqual(findVehicleId('ho una MC20'), {});
    });
  });
});
