/** What leaves the dealer's network: plates and VINs masked as customers write them (src/nlu/cloud/mask.ts). */
import assert from 'node:assert/strict';
import { maskVehicleIds } from '../../src/nlu/cloud/mask';

describe('Masking vehicle ids before a cloud recognizer', () => {
  const cases: [string, string][] = [
    ['la mia targa è gh-123-kl', 'la mia targa è [PLATE]'],
    ['Targa FX 456 TM, tagliando giovedì', 'Targa [PLATE], tagliando giovedì'],
    ['plate fx456tm pls', 'plate [PLATE] pls'],
    ['telaio zam57yta3k1234567', 'telaio [VIN]'],
    ['VIN ZAM57YTA3K1234567 and plate GH123KL', 'VIN [VIN] and plate [PLATE]'],
    ['la vecchia ha targa MO 123456', 'la vecchia ha targa [PLATE]'],
    ['targa gh12kl', 'targa [VEHICLE-ID]'],
    ['due auto: GH123KL e FX456TM', 'due auto: [PLATE] e [PLATE]'],
    ['tagliando grecale, targa: G.H. 5 2 1 .Z.S., giovedì 18', 'tagliando grecale, targa: [PLATE], giovedì 18'],
    ['Plate Z-A-9-1-4-H-K. The 18th would be ideal', 'Plate [PLATE] The 18th would be ideal'],
  ];
  for (const [text, sent] of cases) it(`"${text}"`, () => assert.equal(maskVehicleIds(text), sent));

  for (const text of ['fa 100 km e poi si spegne', 'la MC20 fa rumore', 'abito al 41121 Modena', 'venerdì alle 10.30', 'ciao! 😊']) {
    it(`leaves "${text}" as it is`, () => assert.equal(maskVehicleIds(text), text));
  }
});
