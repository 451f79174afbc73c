/**
 * Issue #11, category 1: a question is a question, not a choice. Asked at any prompt (the price of
 * a solution, the cost of the work, the deposit, the documents, opening hours, where the dealer
 * is, what a solution means) or after the booking, it is answered from the dealer's file
 * (config/dealers/modena.json), nothing is chosen, and the same thing is asked again.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena ("giovedì" / "Thursday" is 3 December).
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';

/**
 * The question was not taken for a failed answer: none of the "Sorry, I didn't understand …"
 * re-asks (misunderstood.*), which would only show the same list or summary again.
 */
const MISUNDERSTOOD = /Mi scusi, non ho (capito|colto|riconosciuto)|Mi scusi, (posso confermare|quale proposta|preferisce solo)|Sorry, I didn't (understand|catch|recognise)|Sorry, (shall I confirm|which proposal|would you like pickup)/;

describe('Customers (issue #11) — questions are answered, never taken as choices', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  const confirmed = async () => (await w.planning.list()).filter((r) => r.status === 'confirmed');

  describe('in Italian', () => {
    it('asks what the pickup costs at the mobility prompt: hears 50 € a tragitto, nothing is chosen; then takes a taxi → booked taxi', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('ciao devo fare il tagliando alla ghibli FX456AB, sono marco rossi');
      c.asks('mobility');
      await c.says('e il ritiro a domicilio quanto costa?');
      c.said(/50\s€/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says('ok allora taxi');
      c.asks('date');
      await c.says('giovedi alle 10');
      c.asks('confirm').said(/Taxi/);
      await c.says('si');
      assert.equal(c.booking?.solution, 'taxi');
      assert.equal(c.booking?.customerName, 'Marco Rossi');
    });

    it('asks what the service will cost before choosing: hears "da 290 €", the mobility question comes back; waits at the dealer → booked none', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Buongiorno, sono Giulia Bianchi. La mia Ghibli targata FX456AB deve fare il tagliando');
      c.asks('mobility');
      await c.says('prima di scegliere: il tagliando quanto mi viene a costare piu o meno?');
      c.said(/290\s€/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says('va bene, aspetto in sede, non mi serve nulla');
      c.asks('date');
      await c.says('giovedì mattina');
      c.asks('confirm');
      await c.says('sì');
      assert.equal(c.booking?.solution, 'none');
      assert.equal(c.booking?.service, 'maintenance');
    });

    it('asks about the deposit for the courtesy car: hears 300 €, nothing is chosen; then takes it → booked courtesy-car-brand', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('salve sono luca ferri, freni da fare sulla ghibli FX456AB');
      c.asks('mobility');
      await c.says("x l'auto di cortesia maserati c'e da lasciare una cauzione? quant'è?");
      c.said(/300\s€/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says("ok allora prendo l'auto di cortesia maserati");
      c.asks('date');
      await c.says('venerdi alle 9');
      c.asks('confirm');
      await c.says('confermo');
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
      assert.match(c.booking!.appointmentAt, /^2026-12-04T09:00/);
    });

    it('asks the Saturday opening hours at the date prompt: hears 8:30–12:30, the date is asked again; books Friday at 9', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Anna Verdi, Levante GH123KL, cambio gomme, vado coi mezzi pubblici');
      c.asks('date');
      await c.says('il sabato siete aperti? a che ora?');
      c.said(/8[:.]30/).said(/12[:.]30/).didNotSay(MISUNDERSTOOD).asks('date');
      await c.says('ok allora vengo venerdì alle 9');
      c.asks('confirm');
      await c.says('sì grazie');
      assert.equal(c.booking?.solution, 'public-transport');
      assert.match(c.booking!.appointmentAt, /^2026-12-04T09:00/);
    });

    it('asks where the dealer is at the summary: hears Via Emilia Ovest 1020, nothing is booked yet; then confirms → booked taxi', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
      c.asks('confirm');
      await c.says('scusi ma voi dove siete di preciso? nn sono mai venuto');
      c.said(/Via Emilia Ovest,? 1020/).didNotSay(MISUNDERSTOOD).asks('confirm');
      assert.ok(!c.last.messages.some((m) => m.booking), 'a question books nothing');
      assert.equal((await confirmed()).length, 0);
      await c.says('ok perfetto, confermo');
      assert.equal(c.booking?.solution, 'taxi');
    });

    it('after the booking asks what the service will cost: hears 290 €, no new summary, no second booking', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
      c.asks('confirm');
      await c.says('sì');
      const reference = c.booking?.reference;
      assert.ok(reference, c.text);
      await c.says('ah un ultima cosa, quanto mi costera il tagliando?');
      c.said(/290\s€/).didNotSay(MISUNDERSTOOD).didNotSay(/riepilogo/i).didNotSay(/benvenuto/i);
      assert.ok(!c.last.messages.some((m) => m.booking), 'nothing is booked again');
      assert.notEqual(c.awaiting, 'confirm');
      assert.notEqual(c.awaiting, 'service');
      const bookings = await confirmed();
      assert.deepEqual(bookings.map((r) => r.reference), [reference]);
    });
    it('dice sì al riepilogo e chiede cosa portare nello stesso messaggio: prenotato una volta, documenti spiegati (#12)', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 9, mi serve un auto di cortesia');
      c.asks('confirm');
      await c.says('Sì, confermo. Devo portare il libretto?');
      c.said(/patente/).didNotSay(MISUNDERSTOOD);
      assert.equal((await confirmed()).length, 1);
    });
  });


  describe('in English', () => {
    it('an Italian writing English asks the courtesy car price in the first message: nothing is chosen, still asking mobility; then the taxi → booked taxi', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('Good morning, I am Luca Ferri. My Levante GH123KL must do the service. How much costs the courtesy car for one day please?');
      c.said(/€90/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says('ok is expensive, I take the taxi');
      c.asks('date');
      await c.says('thursday at 10');
      c.asks('confirm');
      await c.says('yes thank you');
      assert.equal(c.booking?.solution, 'taxi');
      assert.equal(c.booking?.customerName, 'Luca Ferri');
    });

    it('asks what the rental would cost at the mobility prompt: hears €75 per day, nothing is chosen; then public transport → booked public-transport', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi there, I'm Tom Baker, my Ghibli FX456AB needs new tyres");
      c.asks('mobility');
      await c.says('what would the rental cost me?');
      c.said(/€75/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says('ok fine, public transport then');
      c.asks('date');
      await c.says('thursday 10am');
      c.asks('confirm');
      await c.says('yes');
      assert.equal(c.booking?.solution, 'public-transport');
    });

    it('asks what "pickup & delivery" means: it is explained (a driver collects the car, within 50 km), not chosen; the list comes back → still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("Hello, this is Sarah Connor. Levante GH123KL, brakes are squeaking, need them done");
      c.asks('mobility');
      await c.says("sorry what does 'pickup & delivery' mean exactly?? never used it");
      c.said(/50\s?km|collect|fetch|pick(s|ing)? (it|the car|your car) up/i).didNotSay(MISUNDERSTOOD).asks('mobility');
      assert.ok(c.choices().length >= 8, 'every solution is offered again');
    });

    it('asks what the staff shuttle is and whether it is free: answered (free, within 15 km), nothing chosen; then takes it → asks the address', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Paolo Neri, Ghibli FX456AB, annual service. what's this 'member of staff drives you' thing, is it free??");
      c.said(/15\s?km/).didNotSay(MISUNDERSTOOD).asks('mobility');
      await c.says('ok then, can one of your staff drive me home?');
      c.asks('address');
    });

    it('asks which documents to bring at the summary: hears driving licence, nothing is booked; then "yes book it" → booked courtesy-car-brand', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Julia White, Ghibli FX456AB, service on Thursday at 9, I need a courtesy car");
      c.asks('confirm');
      await c.says('what documents do I need to bring exactly?');
      c.said(/driving licen[cs]e/).didNotSay(MISUNDERSTOOD).asks('confirm');
      assert.ok(!c.last.messages.some((m) => m.booking), 'a question books nothing');
      assert.equal((await confirmed()).length, 0);
      await c.says('great, yes book it');
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
    });

    it('says yes at the summary and asks what to bring in the same message: booked once, and the documents answered (#12, seventeenth voices)', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Julia White, Ghibli FX456AB, service on Thursday at 9, I need a courtesy car");
      c.asks('confirm');
      await c.says('perfect. do I need to bring the logbook?');
      c.said(/driving licen[cs]e/).didNotSay(MISUNDERSTOOD);
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
      assert.equal((await confirmed()).length, 1);
    });

    it('says no at the summary and asks the deposit in the same message: nothing booked, the deposit answered, asked what to change', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Julia White, Ghibli FX456AB, service on Thursday at 9, I need a courtesy car");
      c.asks('confirm');
      await c.says('no, not yet. how much is the deposit?');
      c.said(/300\s?€|€\s?300/).didNotSay(MISUNDERSTOOD);
      assert.equal((await confirmed()).length, 0);
    });

    it('asks the opening hours at the date prompt: hears 8:30, the date is asked again; "as soon as possible" then → a proposal or a summary', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("morning! I'm Anna Green, Levante GH123KL needs a service, I'll take a taxi");
      c.asks('date');
      await c.says('what time do you open in the morning?');
      c.said(/8[:.]30/).didNotSay(MISUNDERSTOOD).asks('date');
      await c.says('as soon as possible');
      assert.ok(c.awaiting === 'slot' || c.awaiting === 'confirm', c.text);
    });

    it('after the booking asks roughly what the service will cost: hears €290, no new summary, no second booking', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, service on Thursday, public transport");
      c.asks('confirm');
      await c.says('yes');
      const reference = c.booking?.reference;
      assert.ok(reference, c.text);
      await c.says('btw how much is the service going to cost me roughly?');
      c.said(/€290/).didNotSay(MISUNDERSTOOD).didNotSay(/summary/i).didNotSay(/welcome/i);
      assert.ok(!c.last.messages.some((m) => m.booking), 'nothing is booked again');
      assert.notEqual(c.awaiting, 'confirm');
      assert.notEqual(c.awaiting, 'service');
      assert.deepEqual((await confirmed()).map((r) => r.reference), [reference]);
    });
  });
});
