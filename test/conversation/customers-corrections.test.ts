/**
 * Issue #11, category 2: corrections are kept. Within one message the last value wins ("anzi",
 * "sorry I meant", "actually no"); at the summary one field is changed in words and only that
 * field changes, the rest stays, and the summary is shown again.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena (Tuesday = 1 December, Wednesday = 2, Thursday = 3, Friday = 4).
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';

describe('Customers (issue #11) — corrections: the last word wins, only the corrected field changes', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  describe('in Italian', () => {
    it('"mercoledi... anzi no giovedi" in one message → Thursday, booked public-transport on 3 December', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('buongiorno, tagliando per la levante GH123KL');
      c.asks('name');
      await c.says('Luca Ferri');
      c.asks('mobility');
      await c.says('mezzi pubblici');
      c.asks('date');
      await c.says('mercoledi mattina.. anzi no giovedi mattina meglio');
      c.asks('confirm').said(/giovedì 3 dicembre/).didNotSay(/mercoledì 2 dicembre/);
      await c.says('si');
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-03/);
    });

    it('"prendo un taxi.. anzi no vado coi mezzi" in one message → booked public-transport, no taxi anywhere', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Chiara Galli, la mia Ghibli FX456AB deve fare il cambio gomme');
      c.asks('mobility');
      await c.says('prendo un taxi.. anzi no, vado coi mezzi pubblici che costa meno');
      c.asks('date');
      await c.says('venerdi mattina');
      c.asks('confirm').said(/Mobilità: Trasporto pubblico/).didNotSay(/Taxi/);
      await c.says('ok confermo');
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-04/);
    });

    it('at the summary changes only the time ("riesco solo alle 11") → same day, same solution, same name; booked at 11:00 on 3 December', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Giulia Bianchi, Ghibli FX456AB, cambio gomme giovedì alle 9, aspetto in sede, non mi serve nulla');
      c.asks('confirm').said(/giovedì 3 dicembre alle ore 09:00/);
      await c.says('perfetto pero riesco solo alle 11, si puo fare?');
      c.asks('confirm').said(/giovedì 3 dicembre alle ore 11:00/).said(/Cliente: Giulia Bianchi/);
      await c.says('sì');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.match(b.appointmentAt, /^2026-12-03T11:00/);
      assert.equal(b.solution, 'none');
      assert.equal(b.customerName, 'Giulia Bianchi');
      assert.equal(b.service, 'tyres');
    });

    it('at the summary drops the taxi for the Maserati courtesy car → same day and time, booked courtesy-car-brand', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
      c.asks('confirm').said(/Mobilità: Taxi/);
      await c.says("no aspetta, il taxi nn mi va, meglio l'auto di cortesia maserati");
      c.asks('confirm').said(/Mobilità: Auto di cortesia Maserati/).said(/giovedì 3 dicembre alle ore 10:00/).didNotSay(/Mobilità: Taxi/);
      await c.says('si confermo');
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
      assert.match(c.booking!.appointmentAt, /^2026-12-03T10:00/);
      assert.equal(c.booking?.customerName, 'Marco Rossi');
    });

    it("at the summary puts the booking in the husband's name → only the name changes; booked for Paolo Neri, brakes, Friday 9:00", async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Giulia Bianco, Levante GH123KL, freni venerdì alle 9, vado coi mezzi pubblici');
      c.asks('confirm').said(/Cliente: Giulia Bianco/);
      await c.says('ah scusi la prenotazione la deve intestare a mio marito, Paolo Neri');
      c.asks('confirm').said(/Cliente: Paolo Neri/).said(/venerdì 4 dicembre alle ore 09:00/).said(/Trasporto pubblico/);
      await c.says('sì');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.equal(b.customerName, 'Paolo Neri');
      assert.equal(b.solution, 'public-transport');
      assert.equal(b.service, 'brakes');
      assert.match(b.appointmentAt, /^2026-12-04T09:00/);
    });

    it('at the summary of a pickup & delivery changes the address to the office in Sassuolo → same legs and day; booked at the new address', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Paolo Neri, tagliando per la Grecale GK789CD, con ritiro e consegna, entrambi');
      c.asks('address');
      await c.says('Via Giardini 100, 41043 Formigine');
      c.asks('date');
      await c.says('giovedì');
      c.asks('confirm').said(/Formigine/);
      await c.says("anzi no, venite in ufficio: via Radici in Piano 5, Sassuolo");
      c.asks('confirm').said(/Sassuolo/).didNotSay(/Formigine/).said(/giovedì 3 dicembre/);
      await c.says('ok sì');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.equal(b.solution, 'pickup-delivery');
      assert.equal(b.legs, 'both');
      assert.match(b.appointmentAt, /^2026-12-03/);
      const reservation = await w.planning.get(b.reference);
      assert.match(reservation?.address ?? '', /Sassuolo/);
    });
  });

  describe('in English', () => {
    it('"monday at 10... sorry I meant tuesday" → Tuesday 1 December, booked taxi', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi, I'm Tom Baker, Ghibli FX456AB needs new tyres");
      c.asks('mobility');
      await c.says('taxi is fine');
      c.asks('date');
      await c.says('monday at 10... sorry I meant tuesday');
      c.asks('confirm').said(/Tuesday 1 December/).didNotSay(/Monday/);
      await c.says('yes');
      assert.equal(c.booking?.solution, 'taxi');
      assert.match(c.booking!.appointmentAt, /^2026-12-01T10:00/);
    });

    it('"taxi, actually no, public transport" in one message → booked public-transport, no taxi in the summary', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Priya Shah, my Levante GH123KL needs its annual service");
      c.asks('mobility');
      await c.says('taxi, actually no, public transport, the bus stops right outside');
      c.asks('date');
      await c.says('friday morning');
      c.asks('confirm').said(/Mobility: Public transport/).didNotSay(/Taxi/);
      await c.says('yes please');
      assert.equal(c.booking?.solution, 'public-transport');
    });

    it('at the summary: "can we do 2pm instead?" → only the time changes: Thursday 14:00, same solution and name', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, service on Thursday at 9, I'll take a taxi");
      c.asks('confirm').said(/Thursday 3 December at 09:00/);
      await c.says('hmm can we do 2pm instead? morning is bad for me');
      c.asks('confirm').said(/Thursday 3 December at 14:00/).said(/Customer: John Smith/).said(/Mobility: Taxi/);
      await c.says('yes');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.match(b.appointmentAt, /^2026-12-03T14:00/);
      assert.equal(b.solution, 'taxi');
      assert.equal(b.customerName, 'John Smith');
    });

    it('at the summary of a pickup & delivery: "pick it up from my office instead" → only the address changes; booked at Sassuolo', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Paul Black, Grecale GK789CD needs a service, pickup and delivery both ways");
      c.asks('address');
      await c.says('Via Giardini 100, 41043 Formigine');
      c.asks('date');
      await c.says('Thursday');
      c.asks('confirm').said(/Formigine/);
      await c.says('oh wait, pick it up from my office instead: Via Radici in Piano 5, Sassuolo');
      c.asks('confirm').said(/Sassuolo/).didNotSay(/Formigine/).said(/Thursday 3 December/);
      await c.says('yes');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.equal(b.solution, 'pickup-delivery');
      assert.equal(b.legs, 'both');
      assert.match((await w.planning.get(b.reference))?.address ?? '', /Sassuolo/);
    });

    it('at the summary rejects the price and asks for public transport in the same sentence → "yes" books public transport, not the courtesy car', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Julia White, Ghibli FX456AB, service on Thursday at 10, I need a courtesy car");
      c.asks('confirm').said(/Mobility: Maserati courtesy car/);
      await c.says("€90 a day?? that's way too much, I'll just go with public transport then");
      c.asks('confirm').said(/Mobility: Public transport/).didNotSay(/Mobility: Maserati courtesy car/).said(/Thursday 3 December at 10:00/);
      await c.says('yes');
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-03T10:00/);
    });

    it("at the summary: the booking goes under the wife's name → only the name changes; booked for Sarah Connor", async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Connor, Levante GH123KL, brakes on Friday at 9, public transport");
      c.asks('confirm').said(/Customer: John Connor/);
      await c.says("oh and actually put the booking under my wife's name, Sarah Connor, she'll bring it in");
      c.asks('confirm').said(/Customer: Sarah Connor/).said(/Friday 4 December at 09:00/);
      await c.says('yes');
      const b = c.booking;
      assert.ok(b, c.text);
      assert.equal(b.customerName, 'Sarah Connor');
      assert.equal(b.service, 'brakes');
      assert.equal(b.solution, 'public-transport');
      assert.match(b.appointmentAt, /^2026-12-04T09:00/);
    });
  });
});
