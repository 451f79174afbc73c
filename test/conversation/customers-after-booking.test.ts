/**
 * Issue #11, category 6: after the booking the bot never claims what it did not do. "Cancel
 * booking MC-…" is never answered "cancelled, nothing was booked" while the booking stays: the bot
 * either cancels it (and the planning shows it) or says plainly that it cannot do it here and
 * offers a person. "Can I change the date?" never restarts with the welcome. Managing a booking
 * is a separate issue: both outcomes are accepted here, a false statement is not.
 *
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena.
 */
import assert from 'node:assert/strict';
import { Conversation, world, type World } from './harness';

/** The bot offers a person: a handoff, a button, or at least names the advisor as the way. */
const offersPerson = (c: Conversation): boolean =>
  c.last.handoff !== undefined || c.choices().some((t) => /consulente|advisor/i.test(t)) || /consulente|advisor/i.test(c.text);

describe('Customers (issue #11) — after the booking, no false statements', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  const confirmed = async () => (await w.planning.list()).filter((r) => r.status === 'confirmed');

  async function booked(lang: 'it' | 'en', first: string, yes: string): Promise<{ c: Conversation; reference: string }> {
    const c = await new Conversation(w.engine, lang).open();
    await c.says(first);
    c.asks('confirm');
    await c.says(yes);
    const reference = c.booking?.reference;
    assert.ok(reference, c.text);
    return { c, reference };
  }

  /**
   * Either the booking was really cancelled (the planning says so, the answer names it), or it
   * stays and the bot says so plainly and offers a person. Never "nothing was booked".
   */
  async function cancelIsTruthful(c: Conversation, reference: string, nothingBooked: RegExp, claimedCancelled: RegExp): Promise<void> {
    c.didNotSay(nothingBooked);
    // #13: the chat cancels after one confirmation, the booking shown
    if (c.awaiting === 'confirm') {
      c.said(new RegExp(reference)).didNotSay(claimedCancelled);
      await c.says(/Nothing/.test(nothingBooked.source) ? 'yes' : 'sì');
    }
    const reservation = await w.planning.get(reference);
    if (reservation && reservation.status === 'confirmed') {
      c.didNotSay(claimedCancelled);
      assert.ok(offersPerson(c), `the booking stays: the bot must say it cannot cancel it here and offer a person:\n${c.text}`);
    } else {
      c.said(new RegExp(reference));
    }
    c.didNotSay(/benvenuto|welcome/i);
  }

  describe('in Italian', () => {
    it('"vorrei disdire la prenotazione MC-…" → never "non è stato prenotato nulla": cancelled for real (named), or it stays and a person is offered', async () => {
      const { c, reference } = await booked('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì');
      await c.says(`buongiorno vorrei disdire la prenotazione ${reference}, mi è venuto un impegno`);
      await cancelIsTruthful(c, reference, /Non è stato prenotato nulla/i, /(?<!non )ho annullato/i);
    });

    it('"annulla tutto" right after the booking → never "non è stato prenotato nulla" while the booking stays', async () => {
      const { c, reference } = await booked('it', 'Sono Giulia Bianchi, Levante GH123KL, freni venerdì alle 9, vado con i mezzi pubblici', 'si');
      await c.says('annulla tutto');
      await cancelIsTruthful(c, reference, /Non è stato prenotato nulla/i, /(?<!non )ho annullato/i);
    });

    it('"posso cambiare la data?" → no welcome, no new booking from scratch: the date is asked or a person is offered; the booking is still there', async () => {
      const { c, reference } = await booked('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì');
      await c.says('scusi posso cambiare la data?');
      c.didNotSay(/benvenuto/i);
      assert.ok(!['service', 'vehicle', 'name', 'mobility'].includes(c.awaiting ?? ''), `nothing given is asked again:\n${c.text}`);
      assert.ok(c.awaiting === 'date' || c.awaiting === 'slot' || offersPerson(c), `the new date is asked, or a person offered:\n${c.text}`);
      assert.deepEqual((await confirmed()).map((r) => r.reference), [reference]);
    });

    it('a question after the booking, then "annullate la prenotazione MC-…" → never "non è stato prenotato nulla" while the booking stays', async () => {
      const { c, reference } = await booked('it', 'Sono Luca Ferri, Levante GH123KL, tagliando giovedì alle 9, taxi', 'si grazie');
      await c.says('ma quanto mi costa il tagliando alla fine?');
      await c.says(`ok allora no, annullate la prenotazione ${reference} che costa troppo`);
      await cancelIsTruthful(c, reference, /Non è stato prenotato nulla/i, /(?<!non )ho annullato/i);
    });
  });

  describe('in English', () => {
    it('"I\'d like to cancel booking MC-…" → never "nothing has been booked": cancelled for real (named), or it stays and a person is offered', async () => {
      const { c, reference } = await booked('en', "I'm John Smith, Ghibli FX456AB, service on Thursday, taxi", 'yes');
      await c.says(`Hi, I'd like to cancel booking ${reference} please, something came up`);
      await cancelIsTruthful(c, reference, /Nothing has been booked/i, /(?<!not |n't )cancelled the (request|booking)/i);
    });

    it('"can I change the date?" → no welcome, nothing asked again: the date is asked or a person is offered; the booking is still there', async () => {
      const { c, reference } = await booked('en', "I'm Julia White, Levante GH123KL, brakes on Friday at 9, public transport", 'yes');
      await c.says('can I change the date?');
      c.didNotSay(/welcome/i);
      assert.ok(!['service', 'vehicle', 'name', 'mobility'].includes(c.awaiting ?? ''), `nothing given is asked again:\n${c.text}`);
      assert.ok(c.awaiting === 'date' || c.awaiting === 'slot' || offersPerson(c), `the new date is asked, or a person offered:\n${c.text}`);
      assert.deepEqual((await confirmed()).map((r) => r.reference), [reference]);
    });

    it('"sorry wrong day, can you move it to Friday?" → moved (one booking, on Friday) or a person offered; never a second booking beside the first', async () => {
      const { c, reference } = await booked('en', "I'm Tom Baker, Ghibli FX456AB, tyre change on Thursday at 10, I'll take a taxi", 'yes');
      await c.says('sorry wrong day, can you move it to friday same time?');
      c.didNotSay(/welcome/i);
      if (c.awaiting === 'confirm') await c.says('yes');
      const now = await confirmed();
      assert.equal(now.length, 1, `one booking, never two: ${now.map((r) => `${r.reference} ${r.appointmentAt}`).join(', ')}\n${c.text}`);
      if (now[0]!.reference === reference && now[0]!.appointmentAt.startsWith('2026-12-03')) {
        assert.ok(offersPerson(c), `not moved: the bot must say so and offer a person:\n${c.text}`);
        c.didNotSay(/Friday 4 December/);
      } else {
        assert.match(now[0]!.appointmentAt, /^2026-12-04T10:00/);
      }
    });

    it('a question after the booking, then "I\'d like to cancel booking MC-…" → never "nothing has been booked" while the booking stays', async () => {
      const { c, reference } = await booked('en', "I'm Priya Shah, Grecale GK789CD, service on Thursday at 9, public transport", 'yes');
      await c.says('how much will the service cost me btw?');
      await c.says(`ok in that case I'd like to cancel booking ${reference}`);
      await cancelIsTruthful(c, reference, /Nothing has been booked/i, /(?<!not |n't )cancelled the (request|booking)/i);
    });
  });
});
