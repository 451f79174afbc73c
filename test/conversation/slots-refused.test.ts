/**
 * Issue #12: the slots offered turned down as a whole. "Nessuna va bene", "none of those" at the
 * list of slots is a no to the list: the bot asks for another day, keeps the way of getting
 * around already chosen (it is not "needs nothing"), and never books nor takes it as a yes.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena; Tuesday 8 December is a holiday, so the slots are offered.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

describe('Customers (issue #12) — the slots offered turned down', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());
  const talk = (lang: Lang) => new Conversation(w.engine, lang).open();

  const cases: [Lang, string, string, string][] = [
    ['it', "Sono Marco Rossi, Ghibli FX456AB, tagliando l'8 dicembre, prendo il taxi", 'nessuna va bene', 'giovedì 10 alle 9'],
    ['it', "buongiorno, Anna Bianchi, levante FY902HS, tagliando l 8 dicembre, taxi", 'nessuno di questi orari purtroppo', 'venerdì 11 mattina'],
    ['en', "I'm John Smith, Ghibli FX456AB, service on 8 December, taxi", 'none of those', 'thursday 10th at 9am'],
    ['en', "hi, Sarah Jones, levante FY902HS, service on the 8th of december, i'll take a taxi", 'nope, none of these work for me', 'friday 11th in the morning'],
  ];
  for (const [lang, opening, refusal, day] of cases) {
    it(`${lang}: "${refusal}" → another day is asked, nothing booked; the taxi is kept through to the booking`, async () => {
      const c = await talk(lang);
      await c.says(opening);
      c.asks('slot');
      await c.says(refusal);
      assert.equal(c.booking === undefined, true, "nothing booked yet");
      c.asks('date');
      await c.says(day);
      c.asks('confirm');
      await c.says(lang === 'it' ? 'sì' : 'yes');
      assert.equal(c.booking?.solution, 'taxi');
      assert.ok(!c.booking?.appointmentAt.startsWith('2026-12-08'));
    });
  }

  // turned down with another day in the same breath (#12, nineteenth voices): that day is searched at once, nothing asked twice
  const withDay: [Lang, string, string, string][] = [
    ['it', "Sono Marco Rossi, Ghibli FX456AB, tagliando l'8 dicembre, prendo il taxi", 'no, non mi va bene nessuno. avete qualcosa venerdì 11?', '2026-12-11'],
    ['en', "I'm John Smith, Ghibli FX456AB, service on 8 December, taxi", 'no, none of them. do you have something on Friday the 11th instead?', '2026-12-11'],
  ];
  for (const [lang, opening, refusal, day] of withDay) {
    it(`${lang}: "${refusal}" → the day named is searched, no second question for a day; booked then with the taxi`, async () => {
      const c = await talk(lang);
      await c.says(opening);
      c.asks('slot');
      await c.says(refusal);
      assert.equal(c.booking === undefined, true, 'nothing booked yet');
      assert.notEqual(c.awaiting, 'date', c.text);
      if (c.awaiting === 'slot') await c.says(lang === 'it' ? 'la prima' : 'the first one');
      c.asks('confirm');
      await c.says(lang === 'it' ? 'sì' : 'yes');
      assert.equal(c.booking?.solution, 'taxi');
      assert.ok(c.booking?.appointmentAt.startsWith(day), c.booking?.appointmentAt);
    });
  }
});
