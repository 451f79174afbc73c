/**
 * Issue #11, category 7: pickup & delivery is worded for a customer who does not drive in. The
 * date question does not ask when they will "bring the car in"; the summary and the confirmation
 * state where and when the car is collected, the total price (not only "per trip"), what to leave
 * in the car; never "Documents to bring" or "We look forward to seeing you"; the solution is not
 * listed twice.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena (pickup & delivery needs 48 h: Thursday 3 December is fine).
 * FX456AB pays 50 € a trip; FY902HS (Pickup & Delivery Club) and GK789CD (Mobility Care) have it
 * free.
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';

const count = (text: string, pattern: RegExp): number => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;

describe('Customers (issue #11) — pickup & delivery has its own words', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  describe('in Italian', () => {
    it('paid, both legs, Formigine: no "portare la vettura", the summary gives the collection time and place and 100 € in total, no "Documenti da portare"; booked without "La aspettiamo"', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('buongiorno sono Marco Rossi, la ghibli FX456AB deve fare il tagliando');
      c.asks('mobility');
      await c.says('ritiro e consegna, sia andata che ritorno');
      c.asks('address');
      await c.says('via Giardini 100, 41043 Formigine');
      c.asks('date').didNotSay(/portare la vettura/i);
      await c.says('giovedi mattina');
      c.asks('confirm')
        .said(/Formigine/)
        .said(/100\s€/)
        .said(/ritir[^\n]*\d{1,2}[:.]\d{2}/i)
        .didNotSay(/Documenti da portare/);
      assert.ok(count(c.text, /Ritiro e consegna/i) <= 1, `the solution is listed once:\n${c.text}`);
      await c.says('si va bene');
      assert.equal(c.booking?.solution, 'pickup-delivery');
      assert.equal(c.booking?.legs, 'both');
      c.said(/Formigine/).didNotSay(/La aspettiamo/).didNotSay(/ricordi di portare/i);
    });

    it('free (Pickup & Delivery Club), pickup only, Carpi: the summary says free, what to leave in the car (keys), no "Documenti da portare"; booked, the confirmation says where the car is collected', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Chiara Galli, levante FY902HS, tagliando. vorrei il ritiro a domicilio, solo il ritiro');
      c.asks('address');
      await c.says('via Roma 10, 41012 Carpi');
      c.asks('date').didNotSay(/portare la vettura/i);
      await c.says('giovedì alle 9');
      c.asks('confirm')
        .said(/Carpi/)
        .said(/senza costi/)
        .said(/chiavi/)
        .didNotSay(/Documenti da portare/);
      await c.says('confermo');
      assert.equal(c.booking?.solution, 'pickup-delivery');
      assert.equal(c.booking?.legs, 'pickup');
      c.said(/Carpi/).didNotSay(/La aspettiamo/);
    });

    it('free (Mobility Care), both legs: the solution is not listed twice in the summary, and the value says per trip or in total', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Paolo Neri, tagliando per la Grecale GK789CD, con ritiro e consegna, entrambi');
      c.asks('address');
      await c.says('Via Giardini 100, 41043 Formigine');
      c.asks('date').didNotSay(/portare la vettura/i);
      await c.says('giovedì');
      c.asks('confirm').didNotSay(/Documenti da portare/).said(/valore di circa [^)\n]*(a tragitto|in totale|complessiv)/);
      assert.ok(count(c.text, /Ritiro e consegna/i) <= 1, `the solution is listed once:\n${c.text}`);
      await c.says('sì');
      assert.equal(c.booking?.legs, 'both');
      c.didNotSay(/La aspettiamo/);
    });
  });

  describe('in English', () => {
    it('paid, both legs, Formigine: no "bring the car in", the summary gives the collection time and place and €100 in total, no "Documents to bring"; booked without "We look forward to seeing you"', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi I'm John Smith, Ghibli FX456AB, annual service");
      c.asks('mobility');
      await c.says('pickup and delivery please, both ways');
      c.asks('address');
      await c.says('Via Giardini 100, 41043 Formigine');
      c.asks('date').didNotSay(/bring the car in/i);
      await c.says('thursday morning');
      c.asks('confirm')
        .said(/Formigine/)
        .said(/€100/)
        .said(/(collect|pick)[^\n]*\d{1,2}[:.]\d{2}/i)
        .didNotSay(/Documents to bring/);
      assert.ok(count(c.text, /Pickup & delivery/i) <= 1, `the solution is listed once:\n${c.text}`);
      await c.says('yes');
      assert.equal(c.booking?.solution, 'pickup-delivery');
      assert.equal(c.booking?.legs, 'both');
      c.said(/Formigine/).didNotSay(/We look forward to seeing you/).didNotSay(/remember to bring/i);
    });

    it('free (Pickup & Delivery Club), pickup only, Carpi: the summary says free and to leave the keys, no "Documents to bring"; booked, the confirmation says where the car is collected', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Sarah Connor, Levante FY902HS, service. I'd like you to pick it up from home, pickup only");
      c.asks('address');
      await c.says('Via Roma 10, 41012 Carpi');
      c.asks('date').didNotSay(/bring the car in/i);
      await c.says('Thursday at 9');
      c.asks('confirm')
        .said(/Carpi/)
        .said(/free/i)
        .said(/keys/)
        .didNotSay(/Documents to bring/);
      await c.says('yes');
      assert.equal(c.booking?.solution, 'pickup-delivery');
      assert.equal(c.booking?.legs, 'pickup');
      c.said(/Carpi/).didNotSay(/We look forward to seeing you/);
    });

    it('free (Mobility Care), both legs: the solution is not listed twice, and the value says per trip or in total', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Paul Black, Grecale GK789CD needs a service, pickup and delivery both ways");
      c.asks('address');
      await c.says('Via Giardini 100, 41043 Formigine');
      c.asks('date').didNotSay(/bring the car in/i);
      await c.says('Thursday');
      c.asks('confirm').didNotSay(/Documents to bring/).said(/worth about [^)\n]*(per trip|in total)/);
      assert.ok(count(c.text, /Pickup & delivery/i) <= 1, `the solution is listed once:\n${c.text}`);
      await c.says('yes');
      assert.equal(c.booking?.legs, 'both');
      c.didNotSay(/We look forward to seeing you/);
    });
  });
});
