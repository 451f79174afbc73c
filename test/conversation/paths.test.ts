/**
 * One conversation per path of PROCESS.md, read as transcripts. The clock is Monday 30 November
 * 2026, 09:00 in Modena; "giovedì" / "Thursday" is 3 December.
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';
import type { Dealer } from '../../src/dealer/schema';

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

describe('Booking conversations', () => {
  let w: World;
  afterEach(async () => w?.close());

  describe('R3 entitled customer (it)', () => {
    it('is told the warranty and the value of the benefit, and gets a free Maserati courtesy car', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      c.said(/Buongiorno e benvenuto/).asks('service');
      await c.says('Devo fare una riparazione in garanzia');
      c.asks('vehicle');
      await c.says('GH123KL');
      c.asks('name');
      await c.says('Marco Rossi');
      c.said(/circa 6 ore di lavoro/)
        .said(/garanzia fino al 15 marzo 2027/)
        .said(/alcune soluzioni di mobilità sono incluse/)
        .said(/Auto di cortesia Maserati: senza costi per Lei \(garanzia, valore di circa 150\s€\)/)
        .asks('mobility');
      assert.ok(c.choices().includes('Taxi'), 'every solution is offered');
      await c.clicks('Auto di cortesia Maserati');
      c.asks('date');
      await c.says('giovedì mattina');
      c.asks('confirm').said(/giovedì 3 dicembre/).said(/Auto di cortesia Maserati: senza costi per Lei \(garanzia/).said(/patente di guida/);
      await c.says('sì, confermo');
      const booking = c.booking;
      assert.ok(booking, c.text);
      assert.equal(booking.solution, 'courtesy-car-brand');
      assert.equal(booking.customerName, 'Marco Rossi');
      assert.equal(booking.service, 'warranty-repair');
      assert.match(booking.appointmentAt, /^2026-12-03T0[89]:/);
      assert.ok(booking.returnAt > booking.handoverAt);
      c.said(new RegExp(booking.reference));
    });
  });

  describe('R4 customer without warranty (en)', () => {
    it('still hears every solution, each with its price', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('hi, my Ghibli FX456AB needs its annual service');
      c.asks('name');
      await c.says('my name is John Smith');
      c.said(/Mobility isn't included/).asks('mobility');
      for (const line of [/Maserati courtesy car: €90(\.00)? per day/, /Rental car: €75(\.00)? per day/, /Pickup & delivery: €50(\.00)? per trip/, /Taxi: €35(\.00)? per trip/, /Public transport: free of charge/]) {
        c.said(line);
      }
      assert.equal(c.choices().length, 8);
      await c.says('public transport is fine');
      c.asks('date');
      await c.says('Thursday at 9:30');
      c.asks('confirm');
      await c.says('yes');
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-03T09:30/);
    });
  });

  describe('R5 replacement vehicle order', () => {
    it('offers a car of another brand when no Maserati courtesy car is free (it)', async () => {
      w = await world({ dealer: brandCarsAway });
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Giulia Bianchi, Ghibli FX456AB, tagliando giovedì, mi serve un\'auto di cortesia');
      c.said(/in alternativa: Auto di cortesia di altra marca/).asks('confirm');
      await c.clicks('Confermo');
      assert.equal(c.booking?.solution, 'courtesy-car-other');
    });

    it('falls back to a rental car where the policy allows it (en)', async () => {
      w = await world({ dealer: allCourtesyCarsAway });
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Anna Verdi, Levante GH123KL, brakes on Thursday, I need a courtesy car");
      c.said(/instead I can offer you: Rental car/).asks('confirm');
      await c.says('yes please');
      assert.equal(c.booking?.solution, 'rental-car');
    });

    it('never offers a rental car where the policy forbids it (it)', async () => {
      w = await world({
        dealer: (d) => {
          d.mobility.rental.allowed = false;
          d.mobility.offered = d.mobility.offered.filter((s) => s !== 'rental-car');
          return allCourtesyCarsAway(d);
        },
      });
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Anna Verdi, Levante GH123KL, freni giovedì');
      c.asks('mobility').didNotSay(/noleggio/i);
      await c.says('auto di cortesia');
      c.asks('slot').said(/non c'è più disponibilità/);
      assert.ok(c.choices().length >= 3, 'at least two alternatives and another date');
      c.didNotSay(/noleggio/i);
    });
  });

  describe('R6 pickup & delivery', () => {
    for (const [legs, lang, answer] of [
      ['pickup', 'it', 'solo ritiro'],
      ['delivery', 'en', 'delivery only'],
      ['both', 'it', 'entrambi'],
    ] as const) {
      it(`books ${legs} with an address inside the radius (${lang})`, async () => {
        w = await world();
        const c = await new Conversation(w.engine, lang).open();
        await c.says(lang === 'it' ? 'Sono Paolo Neri, tagliando per la Grecale GK789CD' : "I'm Paul Black, Grecale GK789CD needs a service");
        c.asks('mobility');
        await c.clicks(lang === 'it' ? 'Ritiro e consegna' : 'Pickup & delivery');
        c.asks('pickupDelivery');
        await c.says(answer);
        c.asks('address');
        await c.says('Via Giardini 100, 41043 Formigine');
        c.asks('date');
        await c.says(lang === 'it' ? 'giovedì' : 'Thursday');
        c.asks('confirm').said(/Formigine/);
        await c.says(lang === 'it' ? 'confermo' : 'confirm');
        assert.equal(c.booking?.solution, 'pickup-delivery');
        assert.equal(c.booking?.legs, legs);
      });
    }

    it('refuses an address outside the radius and asks again (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Paolo Neri, tagliando per la Grecale GK789CD, ritiro e consegna entrambi');
      c.asks('address');
      await c.says('Corso Ercole I d\'Este 1, 44121 Ferrara');
      c.said(/oltre il raggio di 50 km/).asks('address');
    });
  });

  describe('R7 taxi, staff shuttle, public transport, nothing', () => {
    it('books a taxi (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, tyre change on Thursday morning, I'll take a taxi");
      c.asks('confirm').said(/Taxi: €35/);
      await c.says('yes');
      assert.equal(c.booking?.solution, 'taxi');
    });

    it('books a member of staff driving the customer, within its radius (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, mi accompagna un vostro dipendente?');
      c.asks('address');
      await c.says('Via Radici in Piano 5, Sassuolo');
      c.asks('confirm');
      await c.says('sì');
      assert.equal(c.booking?.solution, 'staff-shuttle');
    });

    it('books with no mobility needed (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, cambio gomme giovedì alle 9, aspetto in sede, non mi serve nulla');
      c.asks('confirm');
      await c.says('va bene');
      assert.equal(c.booking?.solution, 'none');
    });
  });

  describe('R9 dates', () => {
    it('proposes at least two alternatives with their return when the day is full, and books the one chosen (en)', async () => {
      w = await world({ dealer: (d) => ({ ...d, workshop: { ...d.workshop, technicianHoursPerDay: 5 } }) });
      // Someone else's job fills Thursday's workshop capacity.
      const first = await w.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-03', text: 'x' }, now: '2026-11-30T09:00:00+01:00' });
      assert.ok(first.wished);
      const taken = await w.planning.book({ idempotencyKey: 'other', slot: first.wished, customerName: 'Other', vehicle: { plate: 'AA000AA' }, serviceId: 'maintenance', need: 'x' });
      assert.ok(taken.ok);

      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, service on Thursday, public transport");
      c.asks('slot').said(/fully booked/);
      const proposals = c.last.messages.at(-1)!.lines!;
      assert.ok(proposals.length >= 2);
      for (const p of proposals) assert.match(p, /car back/);
      await c.says('the second one');
      c.asks('confirm');
      await c.says('yes');
      assert.ok(c.booking);
      assert.ok(!c.booking.appointmentAt.startsWith('2026-12-03'));
    });

    it('refuses a holiday politely and offers other days (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando l\'8 dicembre, prendo il taxi');
      c.said(/siamo chiusi \(.*Immacolata/i).asks('slot');
    });

    it('refuses a date in the past and changes nothing (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, service, taxi");
      c.asks('date');
      await c.says('yesterday');
      c.said(/already passed/).asks('slot');
    });

    it('lets the customer correct the date after the summary (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, prendo il taxi');
      c.asks('confirm').said(/giovedì 3 dicembre/);
      await c.says('anzi, venerdì');
      c.asks('confirm').said(/venerdì 4 dicembre/).didNotSay(/giovedì 3 dicembre/);
      await c.says('sì');
      assert.match(c.booking!.appointmentAt, /^2026-12-04/);
    });
  });

  describe('R11 always', () => {
    it('cancels and starts again (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, service");
      await c.says('cancel');
      c.said(/cancelled the request/);
      await c.says('hello');
      c.asks('service');
      await c.says('start again');
      c.said(/start again/).asks('service');
    });

    it('hands over to an advisor on request, with the transcript (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Ghibli FX456AB, tagliando');
      await c.says('voglio parlare con una persona');
      assert.equal(c.last.handoff, 'requested');
      assert.ok(c.last.transcript!.some((e) => e.from === 'customer' && /FX456AB/.test(e.text)));
      c.said(/consulente/);
      await c.says('allora?');
      c.said(/Un consulente Le risponderà/);
    });

    it('offers a human after two misunderstandings in a row (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('what is the weather like tomorrow?');
      c.said(/Sorry/).asks('service');
      await c.says('tell me a joke');
      c.asks('confirm').said(/advisor/);
      await c.clicks('Talk to an advisor');
      assert.equal(c.last.handoff, 'misunderstood');
    });

    it('switches language on request (it → en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('can we speak English please?');
      c.said(/continue in English/).asks('service');
    });

    it('takes everything said in the first message and asks only what is missing (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says("Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando martedì mattina, mi serve un'auto di cortesia");
      c.asks('confirm').said(/Marco Rossi/).said(/martedì 1 dicembre/).said(/Auto di cortesia Maserati/);
      await c.says('sì');
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
    });

    it('hands an accident over to a human at once (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('I had an accident on the motorway and the car does not start');
      assert.equal(c.last.handoff, 'urgent');
      c.said(/112/);
    });
  });

  describe('vehicles', () => {
    it('serves a vehicle not in the records; the advisor verifies entitlements at drop-off (it)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Luca Blu, tagliando per la mia Levante targa ZZ999ZZ');
      c.said(/Non trovo la vettura nei nostri archivi/).asks('mobility');
    });

    it('warns about a VIN check digit but goes on (en)', async () => {
      w = await world();
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('service for VIN ZAMYA12J000123456');
      c.said(/check digit/).asks('name');
    });
  });
});
