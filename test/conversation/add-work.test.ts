/**
 * Issue #13, the last part: work added to a booking in the chat. The customer managing a proven
 * booking (or answering the same-car offer with "add this work") says what else to do; the bot
 * recognises it, recomputes the downtime and the ready time, shows old → new with the price or
 * what is free, asks once, and the planning applies it on the same slot — or says plainly that
 * the longer work no longer fits, offering a new day or a person. Written as customers write
 * (Italian and English, typos, WhatsApp style), before the code.
 *
 * The clock is Monday 30 November 2026, 09:00 in Modena; the dealer's phone is +39 059 820 4400.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import type { Dealer } from '../../src/dealer/schema';
import { Conversation, world, type World } from './harness';

const PHONE = /059 820 4400/;
const PERSON = { it: /consulente/i, en: /advisor/i };
const ZONE = 'Europe/Rome';
/** "14:30" for an instant, in the dealer's zone. */
const hhmm = (iso: string) => new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(new Date(iso));

describe('Adding work to a booking in the chat (#13)', () => {
  let w: World;
  afterEach(async () => w.close());

  async function open(dealer?: (d: Dealer) => Dealer) {
    w = await world(dealer ? { dealer } : {});
  }

  /** A maintenance booking (3 h) for Thursday 3 December at 10:00, made in its own conversation. */
  async function booked(lang: Lang, mobility: { it: string; en: string } = { it: 'taxi', en: 'taxi' }): Promise<{ c: Conversation; reference: string }> {
    const c = await new Conversation(w.engine, lang).open();
    if (lang === 'it') {
      await c.says('buongiorno, Levante GH123KL tagliando, sono Mario Rossi');
      await c.says(mobility.it);
      await c.says('giovedì alle 10');
      await c.says('sì confermo');
    } else {
      await c.says("hi, Levante GH123KL needs a service, I'm John Smith");
      await c.says(mobility.en);
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
  const liveCount = async () => (await w.planning.list({ status: ['confirmed', 'held'] })).length;

  /** Nothing changed in the planning: the same work, return and history as booked. */
  async function unchanged(reference: string, returnAt: string) {
    const r = await reservation(reference);
    assert.equal(r.status, 'confirmed');
    assert.equal(r.services, undefined, 'no work added');
    assert.equal(r.returnAt, returnAt);
    assert.equal(r.history.length, 1, 'nothing recorded');
  }

  /** The work added, on the same appointment, recorded as the customer's. */
  async function added(reference: string, services: string[], before: { appointmentAt: string; returnAt: string }) {
    const r = await reservation(reference);
    assert.equal(r.status, 'confirmed');
    assert.deepEqual(r.services, services);
    assert.equal(r.appointmentAt, before.appointmentAt, 'the same appointment');
    assert.ok(Date.parse(r.returnAt) > Date.parse(before.returnAt), `ready later: ${before.returnAt} → ${r.returnAt}`);
    const last = r.history.at(-1);
    assert.equal(last?.type, 'rescheduled');
    assert.deepEqual(last?.by, { kind: 'customer' });
    assert.equal(await liveCount(), 1, 'one booking, not two');
    return r;
  }

  for (const lang of ['it', 'en'] as const) {
    const it_ = lang === 'it';
    describe(it_ ? 'in Italian' : 'in English', () => {
      it('in the same conversation: old → new (work, downtime, ready time, price), one yes, applied on the same slot', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'aggiungete anche le pastiglie dei freni' : 'also change the brake pads');
        c.asks('confirm').said(/→/).said(new RegExp(reference));
        c.said(it_ ? /[Ff]reni/ : /[Bb]rakes/).said(/€/);
        // the downtime, old → new: 3 h of maintenance, 5.5 h with the brakes
        c.said(/3\s?h/).said(/5[,.]5\s?h/);
        await unchanged(reference, before.returnAt);
        await c.says(it_ ? 'sì' : 'yes');
        const r = await added(reference, ['maintenance', 'brakes'], before);
        c.said(new RegExp(reference)).said(new RegExp(hhmm(r.returnAt))).didNotSay(PERSON[lang]);
        assert.match(r.need ?? '', it_ ? /pastiglie/ : /brake pads/, 'the words kept for the advisor (R1)');
      });

      it('WhatsApp style: "while you\'re at it", then a short yes; the status afterwards shows both jobs', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'ah gia che ci siete cambiate anke le gomme x favore' : "oh and the tyres while you're at it pls");
        c.asks('confirm').said(/→/);
        await c.says(it_ ? 'ok va bene 👍' : 'yep 👍');
        await added(reference, ['maintenance', 'tyres'], before);
        await c.says(it_ ? 'mi ricorda la mia prenotazione?' : 'can you show me my booking?');
        c.said(it_ ? /[Tt]agliando/ : /[Ss]ervice/).said(it_ ? /[Gg]omme|[Pp]neumatici/ : /[Tt]yres/);
      });

      it('"no" at the summary keeps the booking exactly as it was', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'potete aggiungere anche la revisione?' : 'can you add the inspection too?');
        c.asks('confirm');
        await c.says(it_ ? 'no lascia stare' : 'no, leave it');
        await unchanged(reference, before.returnAt);
        c.didNotSay(it_ ? /aggiunt/i : /added/i);
      });

      it('"add some work" without naming it: asked what, then the summary', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'vorrei aggiungere un lavoro alla prenotazione' : 'can I add some work to my booking?');
        c.asks('service').didNotSay(/→/);
        await c.says(it_ ? 'la batteria' : 'the battery');
        c.asks('confirm').said(/→/);
        await c.says(it_ ? 'sì' : 'yes');
        await added(reference, ['maintenance', 'battery'], before);
      });

      it('work already booked: said so, nothing changed', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'aggiungete anche il tagliando' : 'please add the service too');
        c.said(new RegExp(reference)).didNotSay(/→/);
        await unchanged(reference, before.returnAt);
      });

      it('in a new conversation, by reference and plate in the same message', async () => {
        await open();
        const { reference } = await booked(lang);
        const before = await reservation(reference);
        const c = await new Conversation(w.engine, lang).open();
        await c.says(it_ ? `salve, prenotazione ${reference} targa GH123KL: potete aggiungere anche le gomme?` : `hi, booking ${reference} plate GH123KL - can you add the tyres too?`);
        c.asks('confirm').said(/→/).said(new RegExp(reference));
        await c.says(it_ ? 'si' : 'yes');
        await added(reference, ['maintenance', 'tyres'], before);
      });

      it('in a new conversation, the reference alone proves nothing: the plate is asked first', async () => {
        await open();
        const { reference } = await booked(lang);
        const c = await new Conversation(w.engine, lang).open();
        await c.says(it_ ? `aggiungete le pastiglie dei freni alla ${reference}` : `add the brakes to ${reference} please`);
        c.didNotSay(/→/).didNotSay(/10:00/).asks('text');
        await c.says('GH123KL');
        c.asks('confirm').said(/→/);
      });

      it('answering the same-car offer with "add this work": the summary with that work, then applied', async () => {
        await open();
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'devo anche cambiare le gomme' : 'I also need new tyres');
        assert.equal(c.choices().length, 3, c.choices().join(' | '));
        await c.clicks(it_ ? /Aggiungi/ : /Add this work/);
        c.asks('confirm').said(/→/).said(it_ ? /[Gg]omme|[Pp]neumatici/ : /[Tt]yres/);
        await c.says(it_ ? 'sì' : 'yes');
        await added(reference, ['maintenance', 'tyres'], before);
      });

      it('too late for the chat (changes until 96 h before): said plainly, the phone and a person; nothing changed', async () => {
        await open((d) => ({ ...d, bookingChanges: { inChatUntilHours: 96 } }));
        const { c, reference } = await booked(lang);
        const before = await reservation(reference);
        await c.says(it_ ? 'aggiungete anche le pastiglie dei freni' : 'also change the brake pads');
        c.said(PHONE).said(new RegExp(reference)).didNotSay(/→/);
        assert.ok(c.choices().some((t) => PERSON[lang].test(t)), c.choices().join(' | '));
        await unchanged(reference, before.returnAt);
      });

      describe('the longer work no longer fits', () => {
        /** One brand courtesy car, taken by someone else from Friday morning. */
        const oneCar = (d: Dealer): Dealer => ({ ...d, fleet: d.fleet.filter((car) => car.id === 'cc-ghibli-1') });

        async function bookedWithTheOnlyCar() {
          const { c, reference } = await booked(lang, { it: "auto di cortesia Maserati", en: 'a Maserati courtesy car' });
          const before = await reservation(reference);
          assert.equal(before.solution, 'courtesy-car-brand', c.transcript.join('\n'));
          const friday = await w.planning.book({
            idempotencyKey: 'someone-else', customerName: 'Anna Bianchi', vehicle: { plate: 'FX456AB' }, serviceId: 'tyres', need: 'gomme',
            slot: { solution: 'courtesy-car-brand', appointmentAt: '2026-12-04T08:30:00+01:00', handoverAt: '2026-12-04T09:00:00+01:00', returnAt: '2026-12-04T10:30:00+01:00' },
          });
          assert.ok(friday.ok);
          return { c, reference, before };
        }

        it('said plainly, the booking kept; a new day is offered and the work moves there in one change', async () => {
          await open(oneCar);
          const { c, reference, before } = await bookedWithTheOnlyCar();
          await c.says(it_ ? "aggiungete anche la carrozzeria, c'è un graffio sulla portiera" : "can you also do the bodywork? there's a scratch on the door");
          // checked before anything is asked: not done, and not said to be
          assert.notEqual(c.awaiting, 'confirm', c.text);
          c.said(new RegExp(reference)).said(it_ ? /non (ci )?sta|non è possibile|non rientra/i : /doesn't fit|no longer fits|cannot/i);
          c.didNotSay(it_ ? /aggiunt[oi] alla prenotazione/i : /has been added|added to your booking/i);
          await unchanged(reference, before.returnAt);
          assert.ok(c.choices().some((t) => PERSON[lang].test(t)), c.choices().join(' | '));
          await c.clicks(it_ ? /[Aa]ltro giorno/ : /[Aa]nother day/);
          c.asks('date');
          await c.says(it_ ? 'lunedì 14 dicembre alle 9' : 'monday 14 december at 9');
          if (c.awaiting === 'slot') await c.says('1');
          c.asks('confirm').said(/→/).didNotSay(it_ ? /stesso giorno/ : /same day/);
          await c.says(it_ ? 'sì' : 'yes');
          c.said(new RegExp(reference)).said(it_ ? /spostata/ : /moved/).didNotSay(it_ ? /stesso giorno/ : /same day/);
          const r = await reservation(reference);
          assert.deepEqual(r.services, ['maintenance', 'bodywork']);
          assert.notEqual(r.appointmentAt, before.appointmentAt);
          assert.equal(r.history.length, 2, 'one change: the day and the work together');
          assert.equal(await liveCount(), 2, 'this booking and the other customer’s');
        });

        it('the longer span meets another appointment of the same car: said plainly, nothing of that one told, nothing changed', async () => {
          await open();
          const { c, reference } = await booked(lang);
          const before = await reservation(reference);
          // the same car booked again for Friday, elsewhere (by staff): this conversation does not know it
          const friday = await w.planning.book({
            idempotencyKey: 'same-car-friday', customerName: 'Mario Rossi', vehicle: { plate: 'GH123KL' }, serviceId: 'tyres', need: 'gomme', bookedBy: 'advisor',
            slot: { solution: 'none', appointmentAt: '2026-12-04T08:30:00+01:00', handoverAt: '2026-12-04T09:00:00+01:00', returnAt: '2026-12-04T10:30:00+01:00' },
          });
          assert.ok(friday.ok);
          await c.says(it_ ? 'aggiungete anche la carrozzeria' : 'please add the bodywork too');
          assert.notEqual(c.awaiting, 'confirm', c.text);
          c.said(new RegExp(reference)).didNotSay(new RegExp(friday.booking.reference)).said(it_ ? /non rientra/ : /doesn't fit/);
          await unchanged(reference, before.returnAt);
          await c.clicks(it_ ? /com'era/ : /as it was/);
          c.said(new RegExp(reference));
          await unchanged(reference, before.returnAt);
        });

        it('taken by someone else between the summary and the yes: said plainly after the yes, nothing changed', async () => {
          await open(oneCar);
          const { c, reference } = await booked(lang, { it: 'auto di cortesia Maserati', en: 'a Maserati courtesy car' });
          const before = await reservation(reference);
          await c.says(it_ ? 'aggiungete anche la carrozzeria' : 'please add the bodywork too');
          c.asks('confirm').said(/→/);
          const friday = await w.planning.book({
            idempotencyKey: 'meanwhile', customerName: 'Anna Bianchi', vehicle: { plate: 'FX456AB' }, serviceId: 'tyres', need: 'gomme',
            slot: { solution: 'courtesy-car-brand', appointmentAt: '2026-12-04T08:30:00+01:00', handoverAt: '2026-12-04T09:00:00+01:00', returnAt: '2026-12-04T10:30:00+01:00' },
          });
          assert.ok(friday.ok);
          await c.says(it_ ? 'sì' : 'yes');
          c.said(new RegExp(reference)).said(it_ ? /non rientra/ : /doesn't fit/).didNotSay(it_ ? /Fatto/ : /Done/);
          await unchanged(reference, before.returnAt);
        });

        it('a person instead: handed over, the booking as it was', async () => {
          await open(oneCar);
          const { c, reference, before } = await bookedWithTheOnlyCar();
          await c.says(it_ ? 'potete fare anche la carrozzeria?' : 'could you also do the bodywork');
          await c.clicks(PERSON[lang]);
          assert.ok(c.last.handoff, c.text);
          await unchanged(reference, before.returnAt);
        });
      });
    });
  }
});
