/**
 * Issue #11, category 8: words. Italian "1 ora" (not "1 ore") and "1,5 ore" (not "1.5 ore"); a
 * benefit's value says per day, per trip or in total; "None, I don't need one" is not a priced
 * summary line; a deposit that is required is stated with its amount; the advisor who joins is
 * not announced with the wrong gender.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena. Catalogue: battery 1 h, tyres 1.5 h, warranty repair 6 h;
 * deposits: courtesy car 300 €, rental 500 €.
 */
import assert from 'node:assert/strict';
import { GIULIA, handoffWorld, type HandoffWorld } from '../handoff/world';
import { Conversation, world, type World } from './harness';

/** The summary itself (the message asking to confirm), not the offers listed before it. */
const summaryOf = (c: Conversation): string => c.last.messages.find((m) => m.awaiting === 'confirm')?.text ?? '';

describe('Customers (issue #11) — words', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  describe('in Italian', () => {
    it('battery (1 hour): "circa 1 ora di lavoro", never "1 ore"; still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('ciao sono marco rossi, ghibli FX456AB, la batteria è andata va cambiata');
      c.said(/circa 1 ora di lavoro/).didNotSay(/\b1 ore\b/).asks('mobility');
    });

    it('tyres (1.5 hours): "1,5 ore", never "1.5 ore"; still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Buongiorno, sono Anna Verdi, Levante GH123KL, devo fare il cambio gomme invernali');
      c.said(/1,5 ore/).didNotSay(/1\.5 ore/).asks('mobility');
    });

    it('warranty repair: the courtesy car\'s value says "al giorno" or "in totale"; still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Levante GH123KL, riparazione in garanzia: il portellone elettrico nn si chiude');
      c.asks('mobility').said(/Auto di cortesia Maserati[^\n]*valore di circa[^\n)]*(al giorno|in totale|complessiv)/);
    });

    it('no mobility needed: the summary has no "Nessuna, non mi serve: senza costi" line → booked none', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, cambio gomme giovedì alle 9, aspetto in sede, non mi serve nulla');
      c.asks('confirm');
      assert.doesNotMatch(summaryOf(c), /Nessuna, non mi serve: senza costi/, summaryOf(c));
      await c.says('sì');
      assert.equal(c.booking?.solution, 'none');
    });

    it('courtesy car booked: the confirmation states the 300 € deposit, not only "carta di credito per il deposito"', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says("Sono Giulia Bianchi, Ghibli FX456AB, tagliando giovedì alle 9, mi serve un'auto di cortesia");
      c.asks('confirm');
      await c.says('sì');
      assert.equal(c.booking?.solution, 'courtesy-car-brand');
      c.said(/300\s€/);
    });

    it('Giulia, an advisor, joins: never announced as "si è unito" → handed over (requested)', async () => {
      const hw: HandoffWorld = await handoffWorld();
      try {
        const c = await new Conversation(hw.engine, 'it').open();
        await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando. posso parlare con una persona?');
        assert.equal(c.last.handoff, 'requested', c.text);
        const taken = await hw.service.take(GIULIA, c.id);
        assert.ok(taken.ok);
        const joined = (await hw.handoffs.messages(c.id)).filter((m) => m.from === 'system').map((m) => m.text).join('\n');
        assert.match(joined, /Giulia/);
        assert.doesNotMatch(joined, /si è unito\b/, `Giulia is announced with the wrong gender: ${joined}`);
      } finally {
        await hw.close();
      }
    });
  });

  describe('in English', () => {
    it('battery (1 hour): "about 1 hour of work", never "1 hours"; still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi, I'm Tom Baker, Ghibli FX456AB, battery is dead needs replacing");
      c.said(/about 1 hour of work/).didNotSay(/\b1 hours\b/).asks('mobility');
    });

    it('warranty repair: the courtesy car\'s value says "per day" or "in total"; still asking mobility', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Priya Shah, Levante GH123KL, warranty repair - the tailgate won't close");
      c.asks('mobility').said(/Maserati courtesy car[^\n]*worth about[^\n)]*(per day|in total)/);
    });

    it('no mobility needed: the summary has no "None, I don\'t need one: free of charge" line → booked none', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm John Smith, Ghibli FX456AB, tyre change Thursday at 9, I'll wait at the dealership, no mobility needed");
      c.asks('confirm');
      assert.doesNotMatch(summaryOf(c), /None, I don't need one: free of charge/, summaryOf(c));
      await c.says('yes');
      assert.equal(c.booking?.solution, 'none');
    });

    it('rental car booked: the confirmation states the €500 deposit, not only "credit card for the deposit"', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Julia White, Ghibli FX456AB, service on Thursday at 9, I'd like a rental car");
      c.asks('confirm');
      await c.says('yes');
      assert.equal(c.booking?.solution, 'rental-car');
      c.said(/€500/);
    });
  });
});
