/**
 * Bad input gets a clear, polite answer and changes nothing; failures lead somewhere useful; the
 * planning never gives the last car twice.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { loadDealer } from '../../src/dealer/load';
import type { Dealer } from '../../src/dealer/schema';
import { Conversation, DEALER_FILE, MONDAY_9AM, world, type World } from './harness';

describe('Bad input changes nothing', () => {
  let w: World;
  let c: Conversation;
  beforeEach(async () => {
    w = await world();
    c = await new Conversation(w.engine, 'it').open();
    await c.says('Sono Marco Rossi, tagliando per la Ghibli FX456AB');
    c.asks('mobility');
  });
  afterEach(async () => w.close());

  const cases: [string, string, RegExp][] = [
    ['an empty message', '   ', /Non ho ricevuto alcun testo/],
    ['a 10,000-character message', 'a'.repeat(10_000), /troppo lungo/],
    ['only emoji', '😀🚗👍', /Mi scusi/],
    ['a malformed plate', 'la targa è GH12KL', /non sembra una targa/],
    ['a service the dealer does not do', 'vorrei anche montare un impianto GPL', /non rientra tra quelli che effettuiamo/],
  ];
  for (const [what, text, answer] of cases) {
    it(`answers ${what} clearly and asks the same question again`, async () => {
      await c.says(text);
      c.said(answer).asks('mobility');
      // Nothing was lost: the booking goes on where it was.
      await c.says('taxi');
      c.asks('date');
      await c.says('giovedì alle 10');
      c.asks('confirm').said(/Marco Rossi/).said(/Ghibli FX456AB/).said(/Tagliando/);
    });
  }
});

describe('The last free car', () => {
  it('is held for one of two conversations asking at once; the other is offered other days', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-last-car-'));
    try {
      const onlyOneBrandCar = (d: Dealer): Dealer => {
        d.fleet = d.fleet.filter((car) => car.kind !== 'courtesy-car-brand' || car.id === 'cc-ghibli-1');
        d.mobility.offered = d.mobility.offered.filter((s) => s !== 'courtesy-car-other' && s !== 'rental-car');
        return d;
      };
      // Two bot instances sharing one planning file, as two processes would.
      const dealer = onlyOneBrandCar(loadDealer(DEALER_FILE));
      const file = path.join(dir, 'planning.sqlite');
      const instance = () => world({ dealer: () => dealer, planning: createSqlitePlanning(dealer, { file, clock: () => MONDAY_9AM }) });
      const [w1, w2] = [await instance(), await instance()];
      const first = await new Conversation(w1.engine, 'it').open();
      const second = await new Conversation(w2.engine, 'it').open();
      // Two cars (one car has one appointment at a time, #13), one courtesy car for both.
      for (const [c, plate] of [[first, 'FX456AB'], [second, 'GB678RT']] as const) {
        await c.says(`Sono Marco Rossi, Ghibli ${plate}, tagliando giovedì alle 9`);
        c.asks('mobility');
      }
      // Both ask for the car at the same moment: the planning holds it for one of them only.
      const [r1, r2] = await Promise.all([first.says('Auto di cortesia Maserati'), second.says('Auto di cortesia Maserati')]);
      const winner = [r1, r2].find((c) => c.awaiting === 'confirm');
      const other = [r1, r2].find((c) => c !== winner)!;
      assert.ok(winner, `one conversation holds the car:\n${r1.text}\n---\n${r2.text}`);
      other.asks('slot').didNotSay(/giovedì 3 dicembre alle ore 09:00/);
      await winner.says('sì');
      assert.equal(winner.booking?.solution, 'courtesy-car-brand');
      const reservations = (await w1.planning.list()).filter((r) => r.solution === 'courtesy-car-brand' && r.status === 'confirmed');
      assert.equal(reservations.length, 1);
      await w1.close();
      await w2.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('When a system is down', () => {
  it('apologises, books nothing, and offers to retry or hand over to a human', async () => {
    const w = await world();
    const c = await new Conversation(w.engine, 'en').open();
    await c.says("I'm John Smith, Ghibli FX456AB, service on Thursday, taxi");
    c.asks('confirm');
    await w.planning.close(); // the planning is gone from now on
    await c.says('yes');
    c.said(/can't reach our system/).said(/Nothing has been booked/).asks('confirm');
    assert.equal(c.booking, undefined);
    assert.ok(c.choices().includes('Talk to an advisor'));
    await c.clicks('Talk to an advisor');
    assert.equal(c.last.handoff, 'requested');
  });
});

describe('Stored conversations', () => {
  it('restarts with an apology when a stored snapshot no longer fits the machine', async () => {
    const w = await world();
    const c = await new Conversation(w.engine, 'it').open();
    await c.says('tagliando');
    const { sessions } = w;
    assert.ok(await sessions.turn(c.id, undefined, async (turn) => {
      const { envelope } = turn.stored!;
      (envelope.snapshot as { value: string }).value = 'aStateThatNoLongerExists';
      return turn.commit({ envelope, transcript: [] });
    }));
    await c.says('Ghibli FX456AB');
    c.said(/abbiamo aggiornato il servizio/).asks('service');
    await w.close();
  });
});

describe('Typing instead of clicking', () => {
  it("takes a choice's title, typed, as the choice", async () => {
    const w = await world();
    const c = await new Conversation(w.engine, 'it').open();
    await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, prendo il taxi');
    c.asks('confirm');
    await c.says('vorrei cambiare');
    c.asks('text');
    await c.says('la data');
    c.asks('date');
    await c.says('venerdì alle 11');
    c.asks('confirm').said(/venerdì 4 dicembre alle ore 11:00/);
    await w.close();
  });
});
