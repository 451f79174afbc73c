/**
 * Issue #13: after the booking, the customer sees, changes or cancels it in the chat — in the
 * conversation that made it, or in a new one by reference and plate (or surname). Nothing about a
 * booking is said before both facts are proven; three failed attempts lead to a person; a change
 * or cancellation too close to the appointment (the dealer's rule) is said plainly with a person
 * offered; and a new request for the same car asks first, so that it is never booked twice by
 * accident. Written as customers write, before the code.
 *
 * The clock is Monday 30 November 2026, 09:00 in Modena; the dealer's phone is +39 059 820 4400.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import type { Dealer } from '../../src/dealer/schema';
import { Conversation, world, type World } from './harness';

const PHONE = /059 820 4400/;
const PERSON = { it: /consulente/i, en: /advisor/i };

describe('Managing a booking in the chat (#13)', () => {
  let w: World;
  afterEach(async () => w.close());

  async function open(dealer?: (d: Dealer) => Dealer) {
    w = await world(dealer ? { dealer } : {});
  }

  /** A taxi booking for Thursday 3 December at 10:00, made in its own conversation. */
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

  const reservation = async (reference: string) => {
    const r = await w.planning.get(reference);
    assert.ok(r, `reservation ${reference}`);
    return r;
  };
  const confirmedCount = async () => (await w.planning.list({ status: ['confirmed', 'held'] })).length;
  /** One typo: the last character replaced by another of the alphabet. */
  const typo = (reference: string) => reference.slice(0, -1) + (reference.endsWith('Z') ? 'Y' : 'Z');
  const lower = (reference: string) => reference.toLowerCase().replace('-', ' ');

  for (const lang of ['it', 'en'] as const) {
    const it_ = lang === 'it';
    describe(it_ ? 'in Italian' : 'in English', () => {
      describe('status', () => {
        it('in the same conversation: day, time, work, mobility, documents and price', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? 'scusi a che ora è il mio appuntamento?' : 'sorry, when is my appointment again?');
          c.said(new RegExp(reference)).said(/10:00/).said(it_ ? /giovedì 3 dicembre/ : /Thursday 3 December/);
          c.said(it_ ? /[Tt]agliando/ : /[Ss]ervice/).said(/[Tt]axi/).said(it_ ? /patente/ : /driving licence/).said(/€/);
          assert.equal(await confirmedCount(), 1);
        });

        it('in a new conversation, by reference and plate, written in lower case with spaces', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? `ciao volevo vedere la mia prenotazione ${lower(reference)} targa gh 123 kl` : `hi can i check my booking ${lower(reference)}, plate gh123kl`);
          c.said(new RegExp(reference)).said(/10:00/).said(/[Tt]axi/);
        });

        it('by reference and surname, with one typo in the reference', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? `quando è la prenotazione ${typo(reference)}?` : `when is booking ${typo(reference)}?`);
          c.didNotSay(/10:00/).didNotSay(/[Tt]axi/).asks('text');
          await c.says(it_ ? 'Rossi' : 'Smith');
          c.said(new RegExp(reference)).said(/10:00/);
        });
      });

      describe('change of day', () => {
        it('in the same conversation: new day with the summary old → new, then moved in the planning, same reference', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? 'posso spostarla a venerdì alle 11?' : 'could you move it to friday at 11?');
          c.asks('confirm').said(/→/).said(new RegExp(reference));
          assert.equal((await reservation(reference)).appointmentAt.slice(0, 16), '2026-12-03T10:00', 'nothing moved before the yes');
          await c.says(it_ ? 'sì' : 'yes');
          c.said(new RegExp(reference)).said(/11:00/);
          const r = await reservation(reference);
          assert.equal(r.status, 'confirmed');
          assert.equal(r.appointmentAt.slice(0, 16), '2026-12-04T11:00');
          assert.equal(await confirmedCount(), 1, 'moved, not booked twice');
        });

        it('in a new conversation: asked for the day, alternatives offered when it is full, then moved', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? `devo spostare l'appuntamento ${reference}, la targa è GH123KL` : `I need to reschedule ${reference}, plate GH123KL`);
          c.asks('date');
          await c.says(it_ ? 'domenica alle 10' : 'sunday at 10');
          // the dealer is closed on Sunday: alternatives (R9)
          c.asks('slot');
          await c.says('1');
          c.asks('confirm').said(/→/);
          await c.says(it_ ? 'sì' : 'yes');
          const r = await reservation(reference);
          assert.notEqual(r.appointmentAt.slice(0, 16), '2026-12-03T10:00');
          assert.equal(r.status, 'confirmed');
          assert.equal(await confirmedCount(), 1);
        });
      });

      it('change of mobility solution: offered again, same day and time, old → new', async () => {
        await open();
        const { c, reference } = await booked(lang);
        await c.says(it_ ? "vorrei cambiare la mobilità, invece del taxi mi serve un'auto di cortesia" : 'can I change the mobility? I need a courtesy car instead of the taxi');
        c.asks('confirm').said(/→/);
        await c.says(it_ ? 'sì' : 'yes');
        const r = await reservation(reference);
        assert.match(r.solution, /courtesy-car/);
        assert.equal(r.appointmentAt.slice(0, 16), '2026-12-03T10:00');
        assert.equal(await confirmedCount(), 1);
      });

      it('a change of solution to pickup at home asks for the address, shows old → new, and moves it there', async () => {
        await open();
        const { c, reference } = await booked(lang);
        await c.says(it_ ? 'posso cambiare la mobilità? preferisco che la ritiriate e me la riportiate a casa' : 'can I change the mobility? I would rather you collect it from home and bring it back');
        if (c.awaiting === 'pickupDelivery') await c.says(it_ ? 'entrambi' : 'both');
        c.asks('address');
        await c.says('Via Giardini 100, 41043 Formigine');
        c.asks('confirm').said(/→/).said(/Formigine/).said(new RegExp(reference));
        assert.equal((await reservation(reference)).solution, 'taxi', 'nothing moved before the yes');
        await c.says(it_ ? 'sì' : 'yes');
        const r = await reservation(reference);
        assert.equal(r.solution, 'pickup-delivery');
        assert.match(r.address ?? '', /Formigine/);
        assert.equal(r.appointmentAt.slice(0, 16), '2026-12-03T10:00');
        const last = r.history.at(-1);
        assert.ok(last?.type === 'rescheduled', JSON.stringify(r.history));
        assert.deepEqual(last.by, { kind: 'customer' });
        assert.equal(last.from.address, undefined);
        assert.match(last.to.address ?? '', /Formigine/);
        assert.equal(await confirmedCount(), 1);
      });

      it('change of solution asked without naming one: the offers are shown (R4)', async () => {
        await open();
        const { c, reference } = await booked(lang);
        await c.says(it_ ? 'posso cambiare la soluzione di mobilità?' : 'can I change the mobility solution?');
        c.asks('mobility');
        await c.says(it_ ? 'nessuna, aspetto in sede' : 'no need, I will wait at the dealer');
        c.asks('confirm');
        await c.says(it_ ? 'sì' : 'yes');
        assert.equal((await reservation(reference)).solution, 'none');
      });

      describe('change of address (pickup & delivery)', () => {
        const FORMIGINE = /Formigine/;
        const SASSUOLO = 'Via Radici in Piano 5, Sassuolo';
        const FERRARA = "Corso Ercole I d'Este 1, 44121 Ferrara";

        /** A pickup & delivery booking, both ways, at Formigine, Thursday 3 December at 10:00. */
        async function bookedAtHome(): Promise<{ c: Conversation; reference: string }> {
          const c = await new Conversation(w.engine, lang).open();
          if (it_) {
            await c.says('buongiorno sono Mario Rossi, Levante GH123KL tagliando, con ritiro e riconsegna a casa, entrambi');
          } else {
            await c.says("hi I'm John Smith, Levante GH123KL needs a service, pickup and delivery both ways please");
          }
          if (c.awaiting === 'pickupDelivery') await c.says(it_ ? 'entrambi' : 'both');
          c.asks('address');
          await c.says('Via Giardini 100, 41043 Formigine');
          await c.says(it_ ? 'giovedì alle 10' : 'thursday at 10');
          await c.says(it_ ? 'sì' : 'yes');
          const reference = c.booking?.reference;
          assert.ok(reference, `booked:\n${c.transcript.join('\n')}`);
          assert.match((await reservation(reference)).address ?? '', FORMIGINE);
          return { c, reference };
        }

        it('accepted: asked, placed, summary old → new, then changed on the same slot and recorded as the customer\'s', async () => {
          await open();
          const { c, reference } = await bookedAtHome();
          const before = await reservation(reference);
          await c.says(it_ ? "vorrei cambiare l'indirizzo del ritiro" : 'can I change the pickup address?');
          c.asks('address');
          await c.says(SASSUOLO);
          c.asks('confirm').said(/→/).said(FORMIGINE).said(/Sassuolo/).said(new RegExp(reference));
          assert.match((await reservation(reference)).address ?? '', FORMIGINE, 'nothing changed before the yes');
          await c.says(it_ ? 'si va bene' : 'yes please');
          c.said(new RegExp(reference)).said(/Sassuolo/);
          const r = await reservation(reference);
          assert.match(r.address ?? '', /Sassuolo/);
          assert.equal(r.status, 'confirmed');
          assert.deepEqual([r.appointmentAt, r.handoverAt, r.returnAt, r.solution, r.legs], [before.appointmentAt, before.handoverAt, before.returnAt, before.solution, before.legs]);
          // the planning (and so the board) shows the change: who, when, old → new
          const listed = (await w.planning.list({ status: ['confirmed'] })).find((x) => x.reference === reference);
          const last = listed?.history.at(-1);
          assert.ok(last?.type === 'rescheduled', JSON.stringify(listed?.history));
          assert.deepEqual(last.by, { kind: 'customer' });
          assert.match(last.from.address ?? '', FORMIGINE);
          assert.match(last.to.address ?? '', /Sassuolo/);
          assert.equal(await confirmedCount(), 1);
        });

        it('in a new conversation by reference and plate, the button "pickup address" leads to the same change', async () => {
          await open();
          const { reference } = await bookedAtHome();
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? `ciao devo modificare la prenotazione ${reference} targa GH123KL` : `hi I need to change booking ${reference}, plate GH123KL`);
          await c.clicks(it_ ? /Indirizzo/ : /address/i);
          c.asks('address');
          await c.says(SASSUOLO);
          c.asks('confirm').said(/→/);
          await c.says(it_ ? 'sì' : 'yes');
          assert.match((await reservation(reference)).address ?? '', /Sassuolo/);
        });

        it('outside the service radius: refused with the distance, the booking kept, another address asked; that one is taken', async () => {
          await open();
          const { c, reference } = await bookedAtHome();
          await c.says(it_ ? 'devo cambiare indirizzo, mi sono trasferito' : "I've moved house, I need to change the address");
          c.asks('address');
          await c.says(FERRARA);
          c.said(it_ ? /oltre il raggio di 50 km/ : /beyond the 50 km range/).asks('address').didNotSay(/→/);
          const kept = await reservation(reference);
          assert.match(kept.address ?? '', FORMIGINE);
          assert.equal(kept.history.length, 1, 'nothing recorded');
          await c.says(SASSUOLO);
          c.asks('confirm').said(/Sassuolo/);
          await c.says(it_ ? 'sì' : 'yes');
          assert.match((await reservation(reference)).address ?? '', /Sassuolo/);
        });

        it('the planning down at the change: said plainly, nothing changed or claimed', async () => {
          await open();
          const { c, reference } = await bookedAtHome();
          w.planning.reschedule = async () => {
            throw new Error('planning unreachable');
          };
          await c.says(it_ ? "cambiare l'indirizzo per favore" : 'change the address please');
          await c.says(SASSUOLO);
          c.asks('confirm');
          await c.says(it_ ? 'sì' : 'yes');
          c.said(it_ ? /non ho modificato nulla/i : /haven't changed anything/).didNotSay(it_ ? /è stata modificata/ : /has been changed/);
          const r = await reservation(reference);
          assert.match(r.address ?? '', FORMIGINE);
          assert.equal(r.history.length, 1);
        });

        it('a booking that comes to no address (taxi): said so, and the solutions offered again', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? "vorrei cambiare l'indirizzo" : 'I want to change the address');
          c.said(new RegExp(reference)).said(it_ ? /non c'è un indirizzo/ : /no address to change/).asks('mobility');
          assert.equal((await reservation(reference)).solution, 'taxi');
        });
      });

      describe('cancel', () => {
        it('in a new conversation by reference and plate: one confirmation, exactly what was cancelled, planning released', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? `buongiorno vorrei annullare la prenotazione ${reference}` : `I'd like to cancel booking ${reference}`);
          c.asks('text').didNotSay(/10:00/).didNotSay(/[Tt]axi/);
          await c.says('GH123KL');
          c.asks('confirm').said(new RegExp(reference)).said(/10:00/);
          assert.equal((await reservation(reference)).status, 'confirmed', 'nothing cancelled before the yes');
          await c.says(it_ ? 'si' : 'yes');
          c.said(new RegExp(reference)).said(it_ ? /[Hh]o annullato/ : /cancelled/).said(/10:00/).said(/[Tt]axi/);
          assert.equal((await reservation(reference)).status, 'cancelled');
        });

        it('in the same conversation, "no" keeps it', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? 'voglio disdire l appuntamento' : 'cancel my appointment pls');
          c.asks('confirm');
          await c.says(it_ ? 'no' : 'no');
          c.said(it_ ? /resta/ : /stays/);
          assert.equal((await reservation(reference)).status, 'confirmed');
        });
      });

      it('several upcoming bookings in the conversation: the customer chooses which one to cancel', async () => {
        await open();
        const { c, reference } = await booked(lang);
        await c.says(it_ ? 'devo anche cambiare le gomme della Ghibli FX456AB' : 'I also need new tyres on the Ghibli FX456AB');
        await c.says('taxi');
        await c.says(it_ ? 'venerdì alle 11' : 'friday at 11');
        await c.says(it_ ? 'sì' : 'yes');
        const second = c.booking?.reference;
        assert.ok(second && second !== reference, c.text);
        await c.says(it_ ? 'vorrei annullare una prenotazione' : 'I want to cancel a booking');
        assert.deepEqual(c.choices().sort(), [reference, second].sort());
        await c.clicks(second);
        c.asks('confirm').said(new RegExp(second));
        await c.says(it_ ? 'sì' : 'yes');
        assert.equal((await reservation(second)).status, 'cancelled');
        assert.equal((await reservation(reference)).status, 'confirmed');
      });

      it('several bookings, one named by its reference (with a typo): that one, no choice asked', async () => {
        await open();
        const { c, reference } = await booked(lang);
        await c.says(it_ ? 'devo anche cambiare le gomme della Ghibli FX456AB' : 'I also need new tyres on the Ghibli FX456AB');
        await c.says('taxi');
        await c.says(it_ ? 'venerdì alle 11' : 'friday at 11');
        await c.says(it_ ? 'sì' : 'yes');
        await c.says(it_ ? `annulla la prenotazione ${typo(reference)}` : `cancel booking ${typo(reference)}`);
        c.asks('confirm').said(new RegExp(reference));
        await c.says(it_ ? 'sì' : 'yes');
        assert.equal((await reservation(reference)).status, 'cancelled');
        assert.equal(await confirmedCount(), 1);
      });

      it('the planning down while cancelling: said plainly, nothing claimed; retried', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const cancel = w.planning.cancel.bind(w.planning);
        let down = true;
        w.planning.cancel = async (ref: string) => {
          if (down) throw new Error('planning unreachable');
          return cancel(ref);
        };
        await c.says(it_ ? 'annullate la prenotazione per favore' : 'please cancel my booking');
        await c.says(it_ ? 'sì' : 'yes');
        c.didNotSay(it_ ? /[Hh]o annullato/ : /I've cancelled/).said(PERSON[lang]);
        assert.equal((await reservation(reference)).status, 'confirmed');
        down = false;
        await c.says(it_ ? 'no grazie' : 'no thanks');
        await c.says(it_ ? 'annullate la prenotazione per favore' : 'please cancel my booking');
        await c.says(it_ ? 'sì' : 'yes');
        c.said(it_ ? /[Hh]o annullato/ : /I've cancelled/);
        assert.equal((await reservation(reference)).status, 'cancelled');
      });

      describe('proof', () => {
        it('wrong reference: nothing about any booking is said, and it is not cancelled', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? 'annullare prenotazione MC-ZZZZZZ targa GH123KL' : 'cancel booking MC-ZZZZZZ plate GH123KL');
          c.didNotSay(new RegExp(reference)).didNotSay(/10:00/).didNotSay(/[Tt]axi/).didNotSay(/giovedì|Thursday/);
          c.said(it_ ? /Non ho trovato/ : /couldn't find/);
          assert.equal((await reservation(reference)).status, 'confirmed');
        });

        it('reference without plate: the plate or surname is asked, nothing shown', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(reference);
          c.asks('text').didNotSay(/10:00/).didNotSay(/Rossi|Smith/).didNotSay(/[Tt]axi/).said(it_ ? /targa/ : /plate/);
          // a wrong plate proves nothing either
          await c.says('FX456AB');
          c.didNotSay(/10:00/).didNotSay(/[Tt]axi/);
        });

        it('three failed attempts: a person', async () => {
          await open();
          await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? 'vorrei annullare la prenotazione MC-AAAAAA targa GH123KL' : 'cancel booking MC-AAAAAA plate GH123KL');
          assert.equal(c.last.handoff, undefined);
          await c.says('MC-BBBBBB GH123KL');
          assert.equal(c.last.handoff, undefined);
          await c.says('MC-CCCCCC GH123KL');
          assert.ok(c.last.handoff, `handed over:\n${c.transcript.join('\n')}`);
          c.said(PERSON[lang]);
        });

        it('starting again does not reset the count of failed attempts', async () => {
          await open();
          await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? 'vorrei annullare la prenotazione MC-AAAAAA targa GH123KL' : 'cancel booking MC-AAAAAA plate GH123KL');
          await c.says('MC-BBBBBB GH123KL');
          await c.says(it_ ? 'ricominciamo' : 'start over');
          assert.equal(c.last.handoff, undefined);
          await c.says(it_ ? 'vorrei annullare la prenotazione MC-CCCCCC targa GH123KL' : 'cancel booking MC-CCCCCC plate GH123KL');
          assert.ok(c.last.handoff, `handed over:\n${c.transcript.join('\n')}`);
        });
      });

      it('too late for the chat (the dealer allows changes until 96 h before): said plainly, the phone and a person; nothing changed', async () => {
        await open((d) => ({ ...d, bookingChanges: { inChatUntilHours: 96 } }));
        const { c, reference } = await booked(lang);
        await c.says(it_ ? 'posso spostarla a venerdì?' : 'can I move it to friday?');
        c.said(PHONE).said(/96/).said(new RegExp(reference));
        assert.ok(c.choices().some((t) => PERSON[lang].test(t)), c.choices().join(' | '));
        await c.says(it_ ? 'annullala allora' : 'then cancel it');
        c.said(PHONE);
        const r = await reservation(reference);
        assert.equal(r.status, 'confirmed');
        assert.equal(r.appointmentAt.slice(0, 16), '2026-12-03T10:00');
        await c.clicks(PERSON[lang]);
        assert.ok(c.last.handoff, c.text);
      });

      describe('no accidental second booking', () => {
        it('a new request for the same car asks first: change that booking, add work, or another visit', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? 'devo anche cambiare le gomme' : 'I also need new tyres');
          c.said(new RegExp(reference)).said(/GH123KL/);
          assert.ok(c.choices().length === 3, c.choices().join(' | '));
          assert.equal(await confirmedCount(), 1);
          await c.clicks(it_ ? /altra visita/ : /Another visit/);
          c.asks('mobility');
          await c.says('taxi');
          await c.says(it_ ? 'venerdì alle 11' : 'friday at 11');
          await c.says(it_ ? 'sì' : 'yes');
          assert.ok(c.booking && c.booking.reference !== reference, c.text);
          assert.equal(await confirmedCount(), 2);
        });

        it('"add the work to it" adds it to that booking in the chat (test/conversation/add-work.test.ts); nothing booked twice', async () => {
          await open();
          const { c, reference } = await booked(lang);
          await c.says(it_ ? 'vorrei prenotare anche la revisione' : 'I want to book the inspection too');
          await c.clicks(it_ ? /Aggiungi/ : /Add this work/);
          c.asks('confirm').said(/→/).said(new RegExp(reference));
          await c.says(it_ ? 'sì' : 'yes');
          assert.deepEqual((await reservation(reference)).services, ['maintenance', 'inspection']);
          assert.equal(await confirmedCount(), 1);
        });

        it('a fresh conversation that proved nothing books the same car through the plain flow, learning nothing', async () => {
          await open();
          const { reference } = await booked(lang);
          const c = await new Conversation(w.engine, lang).open();
          await c.says(it_ ? 'Buongiorno, sono Marco Rossi, la Levante GH123KL deve cambiare la batteria' : "Hello, I'm Marco Rossi, the Levante GH123KL needs a new battery");
          c.asks('mobility').didNotSay(new RegExp(reference));
          await c.says(it_ ? 'vado coi mezzi pubblici' : "I'll take public transport");
          c.asks('date');
          await c.says(it_ ? 'il 14 gennaio alle 10:30' : '14 January at 10:30');
          c.asks('confirm');
          await c.says(it_ ? 'sì' : 'yes');
          assert.ok(c.booking, c.text);
        });
      });
    });
  }
});
