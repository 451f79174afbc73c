/**
 * One conversation per path of PROCESS.md, in Italian and in English, read as transcripts. The
 * clock is Monday 30 November 2026, 09:00 in Modena: "giovedì" / "Thursday" is 3 December.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import type { Dealer } from '../../src/dealer/schema';
import { Conversation, world, type World } from './harness';

const brandCarsAway = (d: Dealer): Dealer => {
  for (const car of d.fleet) {
    if (car.kind === 'courtesy-car-brand') car.outOfService.push({ from: '2026-11-30', to: '2026-12-20', reason: 'test' });
  }
  return d;
};
const allCourtesyCarsAway = (d: Dealer): Dealer => {
  for (const car of d.fleet) {
    if (car.kind !== 'staff-car') car.outOfService.push({ from: '2026-11-30', to: '2026-12-04', reason: 'test' });
  }
  return d;
};
const noRental = (d: Dealer): Dealer => {
  d.mobility.rental.allowed = false;
  d.mobility.offered = d.mobility.offered.filter((s) => s !== 'rental-car');
  return allCourtesyCarsAway(d);
};
const smallWorkshop = (d: Dealer): Dealer => ({ ...d, workshop: { ...d.workshop, technicianHoursPerDay: 5 } });

/** What the customer writes and what the bot must say, per language. */
const phrasebook = {
  it: {
    warrantyRepair: 'Devo fare una riparazione in garanzia',
    name: 'Marco Rossi',
    sixHours: /circa 6 ore di lavoro/,
    warrantyUntil: /garanzia fino al 15 marzo 2027/,
    freeIncluded: /alcune soluzioni di mobilità sono incluse/,
    brandCarWorth: /Auto di cortesia Maserati: senza costi per Lei \(garanzia, valore di circa 150\s€ al giorno\)/,
    brandCarFree: /Mobilità: Auto di cortesia Maserati[\s\S]*Costo: senza costi per Lei \(garanzia/,
    brandCar: 'Auto di cortesia Maserati',
    thursdayMorning: 'giovedì mattina',
    thursday3: /giovedì 3 dicembre/,
    friday4: /venerdì 4 dicembre/,
    licence: /patente di guida/,
    yes: 'sì, confermo',
    serviceGhibli: 'buongiorno, la mia Ghibli FX456AB deve fare il tagliando',
    myName: 'mi chiamo Giulia Bianchi',
    notIncluded: /la mobilità non è inclusa/,
    prices: [/Auto di cortesia Maserati: 90\s€ al giorno/, /Auto a noleggio: 75\s€ al giorno/, /Ritiro e consegna: 50\s€ a tragitto/, /Taxi: 35\s€ a tragitto/, /Trasporto pubblico: senza costi/],
    publicTransport: 'vado con i mezzi pubblici',
    thursdayAt930: 'giovedì alle 9 e mezza',
    everythingCourtesy: "Sono Giulia Bianchi, Ghibli FX456AB, tagliando giovedì, mi serve un'auto di cortesia",
    everythingBrakes: "Sono Anna Verdi, Levante GH123KL, devo cambiare i freni giovedì, mi serve un'auto di cortesia",
    brakesNoMobility: 'Sono Anna Verdi, Levante GH123KL, freni giovedì',
    courtesyCar: 'auto di cortesia',
    otherBrandFallback: /in alternativa: Auto di cortesia di altra marca/,
    rentalFallback: /in alternativa: Auto a noleggio/,
    rental: /noleggio/i,
    dayFull: /Per giovedì 3 dicembre non c'è più disponibilità/,
    confirm: 'Confermo',
    grecale: 'Sono Paolo Neri, tagliando per la Grecale GK789CD',
    pickupDelivery: 'Ritiro e consegna',
    legs: { pickup: 'solo ritiro', delivery: 'solo riconsegna', both: 'entrambi' },
    formigine: 'Via Giardini 100, 41043 Formigine',
    thursday: 'giovedì',
    ferraraFirst: 'Sono Paolo Neri, tagliando per la Grecale GK789CD, con ritiro e consegna, entrambi',
    ferrara: "Corso Ercole I d'Este 1, 44121 Ferrara",
    outsideRadius: /oltre il raggio di 50 km/,
    taxi: "Sono Marco Rossi, Ghibli FX456AB, cambio gomme giovedì mattina, prendo un taxi",
    taxiPrice: /Costo: 35\s€ a tragitto/,
    shuttle: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, mi accompagna un vostro dipendente?',
    sassuolo: 'Via Radici in Piano 5, Sassuolo',
    nothing: 'Sono Marco Rossi, Ghibli FX456AB, cambio gomme giovedì alle 9, aspetto in sede, non mi serve nulla',
    publicTransportThursday: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, vado con i mezzi pubblici',
    carBack: /rientro previsto/,
    second: 'la seconda',
    holiday: "Sono Marco Rossi, Ghibli FX456AB, tagliando l'8 dicembre, prendo il taxi",
    holidayClosed: /Il giorno martedì 8 dicembre siamo chiusi \(.*Immacolata/i,
    serviceTaxi: 'Sono Marco Rossi, Ghibli FX456AB, tagliando, prendo il taxi',
    yesterday: 'ieri',
    passed: /già passato/,
    thursdayTaxi: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, prendo il taxi',
    makeItFriday: 'anzi, venerdì',
    cancel: 'annulla',
    cancelled: /ho annullato la richiesta/,
    hello: 'buongiorno',
    restart: 'ricominciamo da capo',
    restarted: /ricominciamo da capo/i,
    human: 'voglio parlare con una persona',
    advisor: /consulente/,
    waiting: /Un consulente Le risponderà/,
    then: 'allora?',
    weather: 'che tempo fa domani?',
    joke: 'raccontami una barzelletta',
    sorry: /Mi scusi/,
    talkToAdvisor: 'Parlo con un consulente',
    otherLanguage: 'can we speak English please?',
    switched: /continue in English/,
    everything: "Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando martedì mattina, mi serve un'auto di cortesia",
    tuesday1: /martedì 1 dicembre/,
    accident: "ho avuto un incidente in autostrada e la macchina non parte",
    unknownVehicle: 'Sono Luca Blu, tagliando per la mia Levante targa ZZ999ZZ',
    notInRecords: /Non trovo la vettura nei nostri archivi/,
    vin: 'tagliando per il telaio ZAMYA12J000123456',
    checkDigit: /cifra di controllo/,
  },
  en: {
    warrantyRepair: 'I need a warranty repair',
    name: 'John Smith',
    sixHours: /about 6 hours of work/,
    warrantyUntil: /under warranty until 15 March 2027/,
    freeIncluded: /some mobility solutions are included/,
    brandCarWorth: /Maserati courtesy car: free for you \(warranty, worth about €150 per day\)/,
    brandCarFree: /Mobility: Maserati courtesy car[\s\S]*Cost: free for you \(warranty/,
    brandCar: 'Maserati courtesy car',
    thursdayMorning: 'Thursday morning',
    thursday3: /Thursday 3 December/,
    friday4: /Friday 4 December/,
    licence: /driving licence/,
    yes: 'yes, confirm',
    serviceGhibli: 'hi, my Ghibli FX456AB needs its annual service',
    myName: 'my name is Julia White',
    notIncluded: /Mobility isn't included/,
    prices: [/Maserati courtesy car: €90 per day/, /Rental car: €75 per day/, /Pickup & delivery: €50 per trip/, /Taxi: €35 per trip/, /Public transport: free of charge/],
    publicTransport: 'public transport is fine',
    thursdayAt930: 'Thursday at 9:30',
    everythingCourtesy: "I'm Julia White, Ghibli FX456AB, service on Thursday, I need a courtesy car",
    everythingBrakes: "I'm Anna Green, Levante GH123KL, brakes on Thursday, I need a courtesy car",
    brakesNoMobility: "I'm Anna Green, Levante GH123KL, brakes on Thursday",
    courtesyCar: 'a courtesy car',
    otherBrandFallback: /instead I can offer you: Courtesy car, other brand/,
    rentalFallback: /instead I can offer you: Rental car/,
    rental: /rental/i,
    dayFull: /Thursday 3 December is fully booked/,
    confirm: 'Confirm',
    grecale: "I'm Paul Black, Grecale GK789CD needs a service",
    pickupDelivery: 'Pickup & delivery',
    legs: { pickup: 'pickup only', delivery: 'delivery only', both: 'both please' },
    formigine: 'Via Giardini 100, 41043 Formigine',
    thursday: 'Thursday',
    ferraraFirst: "I'm Paul Black, Grecale GK789CD needs a service, pickup and delivery both ways",
    ferrara: "Corso Ercole I d'Este 1, 44121 Ferrara",
    outsideRadius: /beyond the 50 km range/,
    taxi: "I'm John Smith, Ghibli FX456AB, tyre change on Thursday morning, I'll take a taxi",
    taxiPrice: /Cost: €35 per trip/,
    shuttle: "I'm John Smith, Ghibli FX456AB, service on Thursday, can one of your staff drive me home?",
    sassuolo: 'Via Radici in Piano 5, Sassuolo',
    nothing: "I'm John Smith, Ghibli FX456AB, tyre change Thursday at 9, I'll wait at the dealership, no mobility needed",
    publicTransportThursday: "I'm John Smith, Ghibli FX456AB, service on Thursday, public transport",
    carBack: /car back/,
    second: 'the second one',
    holiday: "I'm John Smith, Ghibli FX456AB, service on 8 December, taxi",
    holidayClosed: /closed on Tuesday 8 December \(.*Immacolata/i,
    serviceTaxi: "I'm John Smith, Ghibli FX456AB, service, taxi",
    yesterday: 'yesterday',
    passed: /already passed/,
    thursdayTaxi: "I'm John Smith, Ghibli FX456AB, service on Thursday, taxi",
    makeItFriday: 'actually, make it Friday',
    cancel: 'cancel',
    cancelled: /cancelled the request/,
    hello: 'hello',
    restart: 'start again',
    restarted: /start again/,
    human: 'I want to talk to a person',
    advisor: /advisor/,
    waiting: /An advisor will reply shortly/,
    then: 'so?',
    weather: 'what is the weather like tomorrow?',
    joke: 'tell me a joke',
    sorry: /Sorry/,
    talkToAdvisor: 'Talk to an advisor',
    otherLanguage: 'possiamo parlare in italiano?',
    switched: /proseguiamo in italiano/,
    everything: "Good morning, I'm John Smith, the Levante GH123KL needs a service on Tuesday morning, I need a courtesy car",
    tuesday1: /Tuesday 1 December/,
    accident: 'I had an accident on the motorway and the car does not start',
    unknownVehicle: "I'm Luke Blue, service for my Levante, plate ZZ999ZZ",
    notInRecords: /can't find the car in our records/,
    vin: 'service for VIN ZAMYA12J000123456',
    checkDigit: /check digit/,
  },
} satisfies Record<Lang, unknown>;

for (const lang of ['it', 'en'] as const) {
  const p = phrasebook[lang];

  describe(`Booking conversations (${lang})`, () => {
    let w: World;
    const start = async (options?: Parameters<typeof world>[0]) => {
      w = await world(options);
      return new Conversation(w.engine, lang).open();
    };
    afterEach(async () => w?.close());

    it('R3: an entitled customer is told the warranty and its value, and gets a free Maserati courtesy car', async () => {
      const c = await start();
      c.asks('service');
      await c.says(p.warrantyRepair);
      c.asks('vehicle');
      await c.says('GH123KL');
      c.asks('name');
      await c.says(p.name);
      c.said(p.sixHours).said(p.warrantyUntil).said(p.freeIncluded).said(p.brandCarWorth).asks('mobility');
      assert.equal(c.choices().length, 8, 'every solution is offered');
      await c.clicks(p.brandCar);
      c.asks('date');
      await c.says(p.thursdayMorning);
      c.asks('confirm').said(p.thursday3).said(p.brandCarFree).said(p.licence);
      await c.says(p.yes);
      const booking = c.booking;
      assert.ok(booking, c.text);
      assert.equal(booking.solution, 'courtesy-car-brand');
      assert.equal(booking.customerName, p.name);
      assert.equal(booking.service, 'warranty-repair');
      assert.match(booking.appointmentAt, /^2026-12-03T(08|09|10|11):/);
      assert.ok(booking.returnAt > booking.handoverAt);
      c.said(new RegExp(booking.reference));
    });

    it('R4: a customer without warranty still hears every solution, each with its price', async () => {
      const c = await start();
      await c.says(p.serviceGhibli);
      c.asks('name');
      await c.says(p.myName);
      c.said(p.notIncluded).asks('mobility');
      for (const line of p.prices) c.said(line);
      assert.equal(c.choices().length, 8);
      await c.says(p.publicTransport);
      c.asks('date');
      await c.says(p.thursdayAt930);
      c.asks('confirm');
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-03T09:30/);
    });

    it('R5: no Maserati courtesy car free → a courtesy car of another brand', async () => {
      const c = await start({ dealer: brandCarsAway });
      await c.says(p.everythingCourtesy);
      c.said(p.otherBrandFallback).asks('confirm');
      await c.clicks(p.confirm);
      assert.equal(c.booking?.solution, 'courtesy-car-other');
    });

    it('R5: no courtesy car at all → a rental car, where the policy allows it', async () => {
      const c = await start({ dealer: allCourtesyCarsAway });
      await c.says(p.everythingBrakes);
      c.said(p.rentalFallback).asks('confirm');
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'rental-car');
    });

    it('R5: never a rental car where the policy forbids it: other days instead', async () => {
      const c = await start({ dealer: noRental });
      await c.says(p.brakesNoMobility);
      c.asks('mobility').didNotSay(p.rental);
      await c.says(p.courtesyCar);
      c.asks('slot').said(p.dayFull).didNotSay(p.rental);
      assert.ok(c.choices().length >= 3, 'at least two alternatives, and another date');
    });

    for (const legs of ['pickup', 'delivery', 'both'] as const) {
      it(`R6: pickup & delivery, ${legs}, at an address inside the radius`, async () => {
        const c = await start();
        await c.says(p.grecale);
        c.asks('mobility');
        await c.clicks(p.pickupDelivery);
        c.asks('pickupDelivery');
        await c.says(p.legs[legs]);
        c.asks('address');
        await c.says(p.formigine);
        c.asks('date');
        await c.says(p.thursday);
        c.asks('confirm').said(/Formigine/);
        await c.says(p.yes);
        assert.equal(c.booking?.solution, 'pickup-delivery');
        assert.equal(c.booking?.legs, legs);
      });
    }

    it('R6: an address outside the radius is refused, and asked again', async () => {
      const c = await start();
      await c.says(p.ferraraFirst);
      c.asks('address');
      await c.says(p.ferrara);
      c.said(p.outsideRadius).asks('address');
    });

    it('R7: a taxi', async () => {
      const c = await start();
      await c.says(p.taxi);
      c.asks('confirm').said(p.taxiPrice);
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'taxi');
    });

    it('R7: a member of staff drives the customer, within the shuttle radius', async () => {
      const c = await start();
      await c.says(p.shuttle);
      c.asks('address');
      await c.says(p.sassuolo);
      c.asks('confirm');
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'staff-shuttle');
    });

    it('R7: public transport', async () => {
      const c = await start();
      await c.says(p.publicTransportThursday);
      c.asks('confirm');
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'public-transport');
    });

    it('R4: no mobility needed', async () => {
      const c = await start();
      await c.says(p.nothing);
      c.asks('confirm');
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'none');
    });

    it('R9: the wished day is full → at least two alternatives with their return → one chosen', async () => {
      const c = await start({ dealer: smallWorkshop });
      // Someone else's job fills Thursday's workshop capacity.
      const first = await w.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-03', text: 'x' }, now: '2026-11-30T09:00:00+01:00' });
      assert.ok(first.wished);
      assert.ok((await w.planning.book({ idempotencyKey: 'other', slot: first.wished, customerName: 'Other', vehicle: { plate: 'AA000AA' }, serviceId: 'maintenance', need: 'x' })).ok);

      await c.says(p.publicTransportThursday);
      c.asks('slot').said(p.dayFull);
      const proposals = c.last.messages.at(-1)!.lines!;
      assert.ok(proposals.length >= 2);
      for (const line of proposals) assert.match(line, p.carBack);
      await c.says(p.second);
      c.asks('confirm');
      await c.says(p.yes);
      assert.ok(c.booking);
      assert.ok(!c.booking.appointmentAt.startsWith('2026-12-03'));
    });

    it('R9: a holiday is refused politely, with other days', async () => {
      const c = await start();
      await c.says(p.holiday);
      c.said(p.holidayClosed).asks('slot');
    });

    it('R9: a date in the past is refused politely', async () => {
      const c = await start();
      await c.says(p.serviceTaxi);
      c.asks('date');
      await c.says(p.yesterday);
      c.said(p.passed).asks('slot');
    });

    it('R11: the date is corrected after the summary', async () => {
      const c = await start();
      await c.says(p.thursdayTaxi);
      c.asks('confirm').said(p.thursday3);
      await c.says(p.makeItFriday);
      // the change is marked on its line, with the new value only
      c.asks('confirm').said(new RegExp(`${p.friday4.source}.*\\((modificato|changed)\\)`));
      await c.says(p.yes);
      assert.match(c.booking!.appointmentAt, /^2026-12-04/);
    });

    it('R11: cancel, then start again', async () => {
      const c = await start();
      await c.says(p.serviceTaxi);
      await c.says(p.cancel);
      c.said(p.cancelled);
      await c.says(p.hello);
      c.asks('service');
      await c.says(p.restart);
      c.said(p.restarted).asks('service');
    });

    it('R11: a human on request, with the transcript; the bot then waits for the advisor', async () => {
      const c = await start();
      await c.says(p.serviceGhibli);
      await c.says(p.human);
      assert.equal(c.last.handoff, 'requested');
      assert.ok(c.last.transcript!.some((e) => e.from === 'customer' && /FX456AB/.test(e.text)));
      c.said(p.advisor);
      await c.says(p.then);
      c.said(p.waiting);
    });

    it('R11: two misunderstandings in a row lead to the human offer', async () => {
      const c = await start();
      await c.says(p.weather);
      c.said(p.sorry).asks('service');
      await c.says(p.joke);
      c.asks('confirm').said(p.advisor);
      await c.clicks(p.talkToAdvisor);
      assert.equal(c.last.handoff, 'misunderstood');
    });

    it('R11: the language is switched on request', async () => {
      const c = await start();
      await c.says(p.otherLanguage);
      c.said(p.switched).asks('service');
    });

    it('everything said in the first message: only what is missing is asked', async () => {
      const c = await start();
      await c.says(p.everything);
      c.asks('confirm').said(new RegExp(p.name)).said(p.tuesday1).said(new RegExp(p.brandCar));
      await c.says(p.yes);
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
    });

    it('R11: an accident goes to a human at once', async () => {
      const c = await start();
      await c.says(p.accident);
      assert.equal(c.last.handoff, 'urgent');
      c.said(/112/);
    });

    it('R3: a vehicle not in the records is still served; the advisor verifies at drop-off', async () => {
      const c = await start();
      await c.says(p.unknownVehicle);
      c.said(p.notInRecords).asks('mobility');
    });

    it('a VIN whose check digit does not match is noted with a warning, not refused', async () => {
      const c = await start();
      await c.says(p.vin);
      c.said(p.checkDigit).asks('name');
    });
  });
}
