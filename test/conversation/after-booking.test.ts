/**
 * Issue #11 (F): after the booking, no false statements — now that the chat manages bookings
 * (#13): a customer who asks to cancel it is shown the booking and asked once to confirm; one who
 * asks to move it is asked for the day or shown the change (old → new) to confirm; nothing is
 * cancelled or moved before that yes, and nothing is claimed that was not done. Questions are
 * answered; a new request is still possible; and "nothing has been booked" is never said when
 * something was booked or held.
 *
 * The clock is Monday 30 November 2026, 09:00 in Modena; the dealer's phone is +39 059 820 4400.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const FALSE_CANCEL = {
  it: /ho annullato|Non è stato prenotato nulla|prenotazione (è stata )?annullata|ho disdetto|ho spostato/i,
  en: /I've cancelled|I have cancelled|Nothing has been booked|Nothing was booked|booking (is|has been) cancelled|I've moved/i,
};
const WELCOME = { it: /benvenuto/i, en: /welcome/i };
const SUMMARY = { it: /Ecco il riepilogo/i, en: /Here is the summary/i };

describe('After the booking, no false statements (#11 F)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.close();
  });

  /** A confirmed taxi booking for Thursday 3 December at 10:00. */
  async function booked(lang: Lang): Promise<{ c: Conversation; reference: string }> {
    const c = await new Conversation(w.engine, lang).open();
    if (lang === 'it') {
      await c.says('buongiorno, Levante GH123KL tagliando, sono Mario Rossi');
      await c.says('taxi');
      await c.says('giovedì alle 10');
      await c.says('sì confermo');
    } else {
      await c.says("hi, Levante GH123KL needs a service, I'm John Smith");
      await c.says('taxi');
      await c.says('thursday at 10');
      await c.says('yes please');
    }
    const reference = c.booking?.reference;
    assert.ok(reference, `booked:\n${c.transcript.join('\n')}`);
    return { c, reference };
  }

  async function stillConfirmed(reference: string) {
    const r = await w.planning.get(reference);
    assert.equal(r?.status, 'confirmed', `booking ${reference} is ${r?.status}`);
    assert.equal(r?.appointmentAt.slice(0, 16), '2026-12-03T10:00');
  }

  /** #13: a cancellation is asked once, with the booking shown; nothing claimed, nothing done yet. */
  function asksToConfirmCancel(c: Conversation, lang: Lang, reference: string) {
    c.didNotSay(FALSE_CANCEL[lang]).didNotSay(WELCOME[lang]).didNotSay(SUMMARY[lang]);
    c.asks('confirm').said(new RegExp(reference)).said(/10:00/);
    c.said(lang === 'it' ? /Vuole annullare la prenotazione/ : /Shall I cancel booking/);
  }

  /** #13: a move is asked for (the day) or shown (old → new) to confirm; nothing claimed, nothing moved yet. */
  function asksForTheChange(c: Conversation, lang: Lang) {
    c.didNotSay(FALSE_CANCEL[lang]).didNotSay(WELCOME[lang]).didNotSay(SUMMARY[lang]);
    assert.ok(['date', 'slot', 'confirm'].includes(c.awaiting ?? ''), `asked for the new day or the change:\n${c.text}`);
    if (c.awaiting === 'confirm') c.said(/→/);
  }

  const cancelRequests: Record<Lang, string[]> = {
    it: ['vorrei annullare la prenotazione {ref}', 'voglio disdire l appuntamento', 'annulla tutto', 'cancella la prenotazione x favore', 'nn vengo piu, disdico'],
    en: ["I'd like to cancel booking {ref}", 'cancel my appointment pls', 'please cancel it', 'can i cancel the booking?', 'i need to call off the appointment'],
  };
  const changeRequests: Record<Lang, string[]> = {
    it: ['posso cambiare la data?', "nn posso + venire giovedì, si può spostare l'appuntamento?", 'vorrei spostarlo a venerdì', 'possiamo anticipare a mercoledì?', "mi cambia l'orario alle 15?"],
    en: ['can I change the date?', 'need to reschedule', 'can we push it to next week?', 'could you move it to friday?', 'I want to change the time to 3pm'],
  };

  for (const lang of ['it', 'en'] as const) {
    describe(lang === 'it' ? 'in Italian' : 'in English', () => {
      for (const template of cancelRequests[lang]) {
        it(`"${template}": shown and asked once; not cancelled before the yes`, async () => {
          const { c, reference } = await booked(lang);
          await c.says(template.replace('{ref}', reference));
          asksToConfirmCancel(c, lang, reference);
          await stillConfirmed(reference);
        });
      }

      for (const request of changeRequests[lang]) {
        it(`"${request}": the new day asked or the change shown; not moved before the yes`, async () => {
          const { c, reference } = await booked(lang);
          await c.says(request);
          asksForTheChange(c, lang);
          await stillConfirmed(reference);
        });
      }

      it('asked three times, never the same words three times in a row; still not moved', async () => {
        const { c, reference } = await booked(lang);
        const said: string[] = [];
        for (const request of changeRequests[lang].slice(0, 3)) {
          await c.says(request);
          c.didNotSay(FALSE_CANCEL[lang]).didNotSay(WELCOME[lang]);
          said.push(c.text);
        }
        assert.ok(!(said[0] === said[1] && said[1] === said[2]), said.join('\n'));
        await stillConfirmed(reference);
      });

      it('cancelled for real after the yes: the planning says so and the answer names it', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'devo disdire' : 'cancel the booking');
        await c.clicks(lang === 'it' ? /Sì, annulla/ : /Yes, cancel/);
        c.said(new RegExp(reference)).said(lang === 'it' ? /Ho annullato/ : /I've cancelled/);
        assert.equal((await w.planning.get(reference))?.status, 'cancelled');
      });

      it('a person is still there for the asking', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'devo disdire' : 'cancel the booking');
        await c.says(lang === 'it' ? 'preferisco parlare con un consulente' : "I'd rather talk to an advisor");
        assert.ok(c.last.handoff, `handed over:\n${c.text}`);
        await stillConfirmed(reference);
      });

      it('the work price asked after the booking is answered; no new summary, no second booking', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'quanto mi costerà il tagliando?' : 'what will the service cost?');
        c.said(lang === 'it' ? /290\s€/ : /€290/);
        c.didNotSay(SUMMARY[lang]).didNotSay(/Prenotazione confermata|booking is confirmed/);
        assert.equal((await w.planning.list({ status: ['confirmed', 'held'] })).length, 1);
        await stillConfirmed(reference);
      });

      it('documents and address after the booking', async () => {
        const { c } = await booked(lang);
        await c.says(lang === 'it' ? 'che documenti devo portare?' : 'what do I need to bring?');
        c.said(lang === 'it' ? /patente/ : /driving licence/);
        await c.says(lang === 'it' ? 'e dove siete esattamente?' : 'and where exactly are you?');
        c.said(/Via Emilia Ovest 1020/);
        c.didNotSay(SUMMARY[lang]);
      });

      it('"no" to the cancellation keeps it; thanks then ends politely', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'vorrei annullare' : 'I want to cancel');
        await c.says(lang === 'it' ? 'no' : 'no');
        c.said(lang === 'it' ? /resta/ : /stays/);
        await c.says(lang === 'it' ? 'ok grazie' : 'ok thanks');
        c.said(lang === 'it' ? /Grazie a Lei/ : /Thank you/);
        c.didNotSay(FALSE_CANCEL[lang]);
        await stillConfirmed(reference);
      });

      it('a new request after a booking, then "cancel": the first booking is said to stand', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'nuova prenotazione' : 'new booking');
        await c.says(lang === 'it' ? 'annulla' : 'cancel');
        c.didNotSay(FALSE_CANCEL[lang]);
        c.said(new RegExp(reference));
        await stillConfirmed(reference);
      });

      it('a genuinely new booking is still possible', async () => {
        const { c, reference } = await booked(lang);
        await c.says(lang === 'it' ? 'devo anche cambiare le gomme della Ghibli FX456AB' : 'I also need new tyres on the Ghibli FX456AB');
        c.asks('mobility');
        await c.says('taxi');
        await c.says(lang === 'it' ? 'venerdì alle 11' : 'friday at 11');
        await c.says(lang === 'it' ? 'sì' : 'yes');
        assert.ok(c.booking && c.booking.reference !== reference, c.text);
        await stillConfirmed(reference);
      });

      it('"cancel" while the slot is held: nothing booked is not the whole truth', async () => {
        const c = await new Conversation(w.engine, lang).open();
        await c.says(lang === 'it' ? 'Levante GH123KL tagliando, sono Mario Rossi, taxi giovedì alle 10' : "Levante GH123KL service, I'm John Smith, taxi thursday at 10");
        c.asks('confirm');
        await c.says(lang === 'it' ? 'annulla' : 'cancel');
        c.didNotSay(lang === 'it' ? /Non è stato prenotato nulla\./ : /Nothing has been booked\./);
        c.said(lang === 'it' ? /tenevo|riservato|trattenuto/i : /holding|held|set aside/i);
      });
    });
  }
});
