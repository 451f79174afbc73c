/**
 * Issue #11, category 3: no loops. An answer the bot cannot place (R11 counts progress, not
 * intent): the first time it asks again in other words; the second time it offers a person; a
 * customer who insists never sees the same prompt three times in a row.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena.
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';

/** The text of the bot's question this turn (the last message that asks for something). */
const promptOf = (c: Conversation): string => c.last.messages.findLast((m) => m.awaiting)?.text ?? '';

function assertNeverThreeInARow(prompts: string[], transcript: string[]): void {
  for (let i = 2; i < prompts.length; i++) {
    const p = prompts[i];
    if (p && p === prompts[i - 1] && p === prompts[i - 2]) {
      assert.fail(`the same prompt three times in a row:\n${p}\n--- transcript ---\n${transcript.join('\n')}`);
    }
  }
}

/**
 * The first re-ask is not a bare repetition of the question: the customer reads other words (for
 * example "I didn't understand …, for example …") and not only the same prompt again.
 */
function assertOtherWords(c: Conversation, previousPrompt: string): void {
  assert.notEqual(c.text.trim(), previousPrompt.trim(), `the first re-ask must use other words, it only repeated:\n${c.text}`);
}

/** The bot offers a person: a handoff, or a choice to talk to an advisor. */
const offersPerson = (c: Conversation): boolean =>
  c.last.handoff !== undefined || c.choices().some((t) => /consulente|advisor/i.test(t));

describe('Customers (issue #11) — loops: other words, then a person, never the same prompt three times', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  /**
   * A customer who walks. "I'll walk" may be understood as "no mobility needed" (then the
   * booking goes on and ends with solution none), or not understood: then the first re-ask is in
   * other words, the second failure offers a person, and insisting never shows one prompt three
   * times in a row. Either way the conversation stays in the customer's language.
   */
  async function walker(c: Conversation, messages: string[], thursday: string, yes: string): Promise<void> {
    const lang = c.locale;
    c.asks('mobility');
    const prompts = [promptOf(c)];
    for (const [i, text] of messages.entries()) {
      await c.says(text);
      prompts.push(promptOf(c));
      assertNeverThreeInARow(prompts, c.transcript);
      assert.equal(c.last.lang, lang, `the conversation stays in the customer's language:\n${c.text}`);
      if (c.last.handoff) return;
      if (c.awaiting === 'date') {
        // Understood as "I need nothing": the booking goes on.
        await c.says(thursday);
        c.asks('confirm');
        await c.says(yes);
        assert.equal(c.booking?.solution, 'none', c.text);
        return;
      }
      if (i === 0) {
        c.asks('mobility');
        assertOtherWords(c, prompts[0]);
      } else {
        assert.ok(offersPerson(c), `after two failures a person is offered:\n${c.text}`);
      }
    }
  }

  describe('in Italian', () => {
    it('"abito a due passi, vado a piedi", insisting 5 times → understood as no mobility (booked none), or re-asked in other words, then a person offered; never the same prompt 3×', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando');
      await walker(c, [
        'abito a due passi, vado a piedi',
        "ma gliel'ho detto, vado a piedi!! abito dietro l'angolo",
        'A PIEDI',
        'a piediii',
        'piedi',
      ], 'giovedi alle 10', 'si');
    });

    it('"boh fate voi" at the mobility prompt, three times → other words first, then a person; "consulente" → handed over (misunderstood)', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('buongiorno sono Anna Verdi, tagliando levante GH123KL');
      c.asks('mobility');
      const prompts = [promptOf(c)];
      await c.says('boh fate voi');
      prompts.push(promptOf(c));
      c.asks('mobility');
      assertOtherWords(c, prompts[0]);
      await c.says('nn so, decidete voi cmq');
      prompts.push(promptOf(c));
      assert.ok(offersPerson(c), `after two failures a person is offered:\n${c.text}`);
      await c.says('boh');
      prompts.push(promptOf(c));
      assertNeverThreeInARow(prompts, c.transcript);
      if (!c.last.handoff) await c.clicks(/consulente/i);
      assert.equal(c.last.handoff, 'misunderstood');
    });

    it('"dipende dai turni di mia moglie" twice at the date prompt → a person offered; "Riproviamo", then "giovedi alle 10" → booked taxi', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Luca Ferri, Ghibli FX456AB, cambio gomme, prendo il taxi');
      c.asks('date');
      const prompts = [promptOf(c)];
      await c.says('mah dipende dai turni di mia moglie');
      prompts.push(promptOf(c));
      c.asks('date');
      assertOtherWords(c, prompts[0]);
      await c.says('eh dipende dai turni, nn lo so ancora');
      prompts.push(promptOf(c));
      assertNeverThreeInARow(prompts, c.transcript);
      assert.ok(offersPerson(c), `after two failures a person is offered:\n${c.text}`);
      await c.clicks(/Riproviamo/);
      c.asks('date');
      await c.says('giovedi alle 10');
      c.asks('confirm');
      await c.says('si');
      assert.equal(c.booking?.solution, 'taxi');
      assert.match(c.booking!.appointmentAt, /^2026-12-03T10:00/);
    });
  });

  describe('in English', () => {
    it('"I live round the corner, I\'ll walk", insisting 5 times → understood as no mobility (booked none), or re-asked in other words, then a person offered; never the same prompt 3×', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Tom Baker, Ghibli FX456AB, annual service");
      await walker(c, [
        "I live round the corner, I'll walk",
        'like I said I WALK. its 5 min from my flat',
        'walking',
        'on foot!!',
        'walk',
      ], 'Thursday at 10', 'yes');
    });

    it('"dunno, whatever u think is best" three times → other words first, then a person; "yes please" → handed over (misunderstood)', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi I'm Priya Shah, Levante GH123KL, service");
      c.asks('mobility');
      const prompts = [promptOf(c)];
      await c.says('dunno, whatever u think is best');
      prompts.push(promptOf(c));
      c.asks('mobility');
      assertOtherWords(c, prompts[0]);
      await c.says('no idea honestly, you choose');
      prompts.push(promptOf(c));
      assert.ok(offersPerson(c), `after two failures a person is offered:\n${c.text}`);
      await c.says('hmm');
      prompts.push(promptOf(c));
      assertNeverThreeInARow(prompts, c.transcript);
      if (!c.last.handoff) await c.says('yes please');
      assert.equal(c.last.handoff, 'misunderstood');
    });

    it('at the pickup & delivery legs prompt, "the blue one" and "???" → other words first, then a person; insisting never shows one prompt 3×', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Paul Black, Grecale GK789CD needs a service");
      c.asks('mobility');
      await c.clicks('Pickup & delivery');
      c.asks('pickupDelivery');
      const prompts = [promptOf(c)];
      await c.says('the blue one');
      prompts.push(promptOf(c));
      c.asks('pickupDelivery');
      assertOtherWords(c, prompts[0]);
      await c.says('???');
      prompts.push(promptOf(c));
      assert.ok(offersPerson(c), `after two failures a person is offered:\n${c.text}`);
      for (const text of ['???', 'blue', 'the blue one!!']) {
        if (c.last.handoff) break;
        await c.says(text);
        prompts.push(promptOf(c));
      }
      assertNeverThreeInARow(prompts, c.transcript);
    });
  });
});
