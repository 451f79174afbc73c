/**
 * Issue #13: the recognizer reads requests about a booking already made — see it, change it,
 * cancel it — and booking references, in Italian and English and in many voices (WhatsApp style,
 * typos, no accents, lower case, spaces), without mistaking a reference for a plate, and without
 * reading a new booking request as one about an old booking. Written before the rules.
 */
import assert from 'node:assert/strict';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import { editDistance, findReference, withBookingRequests } from '../../src/nlu/manage';
import type { Understanding } from '../../src/nlu/recognizer';

const NOW = '2026-11-30T09:00:00+01:00';
const TZ = 'Europe/Rome';

describe('requests about a booking already made (#13)', () => {
  const recognizer = withBookingRequests(createHybridRecognizer());
  const read = (text: string, lang: 'it' | 'en' = 'it', awaiting?: 'text' | 'confirm' | 'mobility'): Promise<Understanding> =>
    recognizer.recognize({ text, lang, now: NOW, timeZone: TZ, ...(awaiting ? { awaiting } : {}) });

  describe('references', () => {
    const written: [string, string][] = [
      ['MC-7K3QX2', 'MC-7K3QX2'],
      ['mc-7k3qx2', 'MC-7K3QX2'],
      ['mc 7k3qx2', 'MC-7K3QX2'],
      ['MC7K3QX2', 'MC-7K3QX2'],
      ['mc 7k3 qx2', 'MC-7K3QX2'],
      ['Mc 7K3-QX2', 'MC-7K3QX2'],
      ['il codice è MC-7K3QX2.', 'MC-7K3QX2'],
      ['ref: mc-7k3qx', 'MC-7K3QX'], // one short: a typo, matched later beside the plate
      ['prenotazione n. 7K3QX2', 'MC-7K3QX2'],
      ['booking reference 7k3qx2 thanks', 'MC-7K3QX2'],
      ['mc abcdef è la mia prenotazione', 'MC-ABCDEF'],
    ];
    for (const [text, reference] of written) {
      it(`"${text}" → ${reference}, never a plate`, async () => {
        assert.equal(findReference(text)?.reference, reference);
        const u = await read(text);
        assert.equal(u.entities.reference, reference, JSON.stringify(u.entities));
        assert.equal(u.entities.plate, undefined, JSON.stringify(u.entities));
      });
    }

    const notReferences = ['GH123KL', 'mc donald mi aspetta', 'tagliando dei 30000 km', 'il 14 gennaio alle 10:30', 'FX 456 AB', 'ZAMXX00C000123456'];
    for (const text of notReferences) {
      it(`"${text}" has no reference`, () => assert.equal(findReference(text), undefined));
    }

    it('reads the plate beside the reference', async () => {
      const u = await read('mc-7k3qx2 targa gh 123 kl');
      assert.equal(u.entities.reference, 'MC-7K3QX2');
      assert.equal(u.entities.plate, 'GH123KL');
    });

    it('counts one typo as one edit (a swap of neighbours too)', () => {
      assert.equal(editDistance('7K3QX2', '7K3QX2'), 0);
      assert.equal(editDistance('7K3QX2', '7K3QZ2'), 1);
      assert.equal(editDistance('7K3QX2', '7K3QX'), 1);
      assert.equal(editDistance('7K3QX2', '7K3XQ2'), 1);
      assert.equal(editDistance('7K3QX2', 'AAAAAA'), 6);
    });
  });

  const acts: Record<'status' | 'change' | 'cancel', [string, 'it' | 'en'][]> = {
    cancel: [
      ['vorrei annullare la prenotazione', 'it'],
      ['voglio disdire l appuntamento', 'it'],
      ['nn vengo piu, disdico', 'it'],
      ['cancella la prenotazione x favore', 'it'],
      ["devo annullare l'appuntamento di giovedi", 'it'],
      ['buongiorno, volevo disdire', 'it'],
      ['annullate la mia prenotazione grazie', 'it'],
      ["I'd like to cancel my booking", 'en'],
      ['cancel my appointment pls', 'en'],
      ['i need to call off the appointment', 'en'],
      ['can i cancel the booking?', 'en'],
      ['pls cancel my reservation', 'en'],
    ],
    change: [
      ['posso spostare l appuntamento?', 'it'],
      ['vorrei spostarlo a venerdi', 'it'],
      ['si puo rimandare?', 'it'],
      ['possiamo anticipare a mercoledì?', 'it'],
      ['devo posticipare la prenotazione', 'it'],
      ['posso cambiare la data?', 'it'],
      ['vorrei modificare la prenotazione', 'it'],
      ['need to reschedule', 'en'],
      ['can we push it to next week?', 'en'],
      ['could you move my booking to friday', 'en'],
      ['can I change the date?', 'en'],
      ['i want to change the time to 3pm', 'en'],
      ['postpone my appointment pls', 'en'],
    ],
    status: [
      ['vorrei vedere la mia prenotazione', 'it'],
      ['a che ora è il mio appuntamento?', 'it'],
      ['ciao volevo sapere quando e il mio appuntamento', 'it'],
      ['mi ricorda i dettagli della prenotazione?', 'it'],
      ['la prenotazione e confermata?', 'it'],
      ['controllare la prenotazione', 'it'],
      ['when is my appointment?', 'en'],
      ['can I check my booking', 'en'],
      ['what time is my booking', 'en'],
      ['is my booking confirmed?', 'en'],
      ['show me my reservation pls', 'en'],
    ],
  };
  for (const [act, messages] of Object.entries(acts)) {
    for (const [text, lang] of messages) {
      it(`${lang}: "${text}" asks to ${act} a booking`, async () => {
        const u = await read(text, lang);
        assert.equal(u.entities.manage, act, JSON.stringify(u));
      });
    }
  }

  it('the part a change names: the day, the mobility, the address', async () => {
    assert.equal((await read('posso spostarla a venerdì alle 11?')).entities.managePart, 'date');
    assert.equal((await read('vorrei cambiare la mobilità della prenotazione')).entities.managePart, 'mobility');
    assert.equal((await read('can I change the mobility solution?', 'en')).entities.managePart, 'mobility');
    assert.equal((await read("devo cambiare l'indirizzo della prenotazione")).entities.managePart, 'address');
    assert.equal((await read('move it to friday same time', 'en')).entities.sameTime, true);
  });

  // #13: work to add to a booking: named beside a way of adding it, or not named yet
  const additions: [string, 'it' | 'en', string | undefined][] = [
    ['aggiungete anche le pastiglie dei freni', 'it', 'brakes'],
    ['aggiungete anche il tagliando', 'it', 'maintenance'],
    ['ah gia che ci siete cambiate anke le gomme x favore', 'it', 'tyres'],
    ['potete aggiungere anche la revisione?', 'it', 'inspection'],
    ['potete fare anche la carrozzeria?', 'it', 'bodywork'],
    ['Già che ci siete controllate pure la batteria', 'it', 'battery'],
    ['vorrei aggiungere un lavoro alla prenotazione', 'it', undefined],
    ['also change the brake pads', 'en', 'brakes'],
    ["oh and the tyres while you're at it pls", 'en', 'tyres'],
    ['can you add the inspection too?', 'en', 'inspection'],
    ['pls add brakes to my booking', 'en', 'brakes'],
    ['could u also do the aircon while its there', 'en', 'air-conditioning'],
    ['can I add some work to my booking?', 'en', undefined],
  ];
  for (const [text, lang, service] of additions) {
    it(`${lang}: "${text}" adds work${service ? ` (${service})` : ''} to a booking`, async () => {
      const u = await read(text, lang);
      assert.equal(u.entities.manage, 'add', JSON.stringify(u.entities));
      assert.equal(u.entities.service?.id, service, JSON.stringify(u.entities));
    });
  }
  // a plain "also" is a new request: the customer is asked whether it goes with the booking
  for (const [text, lang] of [['devo anche cambiare le gomme', 'it'], ['I also need new tyres', 'en'], ['cambio gomme e freni', 'it']] as const) {
    it(`${lang}: "${text}" does not say to add it to the booking`, async () => {
      assert.equal((await read(text, lang)).entities.manage, undefined);
    });
  }

  const newRequests: [string, 'it' | 'en'][] = [
    ['Buongiorno, sono Marco Rossi, la Levante GH123KL deve cambiare la batteria', 'it'],
    ['Sono Luca Ferri, Ghibli FX456AB, cambio gomme, prendo il taxi', 'it'],
    ['vorrei prenotare un tagliando', 'it'],
    ['annulla', 'it'],
    ['sì confermo la prenotazione', 'it'],
    ['vado coi mezzi pubblici', 'it'],
    ["Hi, I'm Julia White. Grecale GK789CD needs a service, can you pick it up from my place and bring it back?", 'en'],
    ['I need to change the oil in my car', 'en'],
    ['yes please book it', 'en'],
  ];
  for (const [text, lang] of newRequests) {
    it(`${lang}: "${text}" is not about an old booking`, async () => {
      const u = await read(text, lang);
      assert.equal(u.entities.manage, undefined, JSON.stringify(u.entities));
      assert.equal(u.entities.reference, undefined, JSON.stringify(u.entities));
    });
  }
});
