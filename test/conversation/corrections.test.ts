/**
 * Corrections are never lost (issue #11, B). Within one message the last value wins; at the
 * summary any field can be changed in words and only that field changes; the summary comes back
 * with the change marked (old → new). Written as customers write, in both languages.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const OPENING: Record<Lang, string> = {
  it: 'Sono Marco Rossi, tagliando per la Ghibli FX456AB',
  en: "Hi, I'm John Smith, my Ghibli FX456AB needs a service",
};
const YES: Record<Lang, string> = { it: 'sì', en: 'yes' };

describe('Corrections', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  async function atMobility(lang: Lang): Promise<Conversation> {
    const c = await new Conversation(w.engine, lang).open();
    await c.says(OPENING[lang]);
    c.asks('mobility');
    return c;
  }

  /** Up to the summary: the customer chose `mobility` and `when`. */
  async function atSummary(lang: Lang, mobility = 'taxi', when = lang === 'it' ? 'giovedì alle 10' : 'thursday at 10'): Promise<Conversation> {
    const c = await atMobility(lang);
    await c.says(mobility);
    c.asks('date');
    await c.says(when);
    c.asks('confirm');
    return c;
  }

  describe('within one message, the last value wins', () => {
    const dates: [Lang, string, string][] = [
      ['it', 'mercoledì, anzi no giovedì alle 10', '2026-12-03T10:00'],
      ['it', 'mercoledi anzi giovedi alle 10', '2026-12-03T10:00'],
      ['it', 'giovedì alle 10, anzi facciamo alle 11', '2026-12-03T11:00'],
      ['it', 'martedi... no scusi volevo dire mercoledi alle 9', '2026-12-02T09:00'],
      ['en', 'Monday... sorry, I meant Tuesday at 10', '2026-12-01T10:00'],
      ['en', 'thursday at 10, no wait make it 11', '2026-12-03T11:00'],
      ['en', 'wed. actually no, thurs at 10 pls', '2026-12-03T10:00'],
    ];
    for (const [lang, said, at] of dates) {
      it(`${lang}: "${said}" books ${at}`, async () => {
        const c = await atMobility(lang);
        await c.says('taxi');
        await c.says(said);
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith(at), `booked ${c.booking?.appointmentAt}\n${c.transcript.join('\n')}`);
      });
    }

    const solutions: [Lang, string, string][] = [
      ['it', 'taxi, anzi no, mezzi pubblici', 'public-transport'],
      ['it', 'noleggio... no aspetta, meglio il taxi', 'taxi'],
      ['it', 'niente noleggio, vado coi mezzi', 'public-transport'],
      ['en', 'taxi. actually no, public transport is fine', 'public-transport'],
      ['en', 'rental car... on second thought a taxi', 'taxi'],
      ['en', "no rental car for me, i'll take the bus", 'public-transport'],
    ];
    for (const [lang, said, solution] of solutions) {
      it(`${lang}: "${said}" books ${solution}`, async () => {
        const c = await atMobility(lang);
        await c.says(said);
        c.asks('date');
        await c.says(lang === 'it' ? 'giovedì alle 10' : 'thursday at 10');
        await c.says(YES[lang]);
        assert.equal(c.booking?.solution, solution, c.transcript.join('\n'));
      });
    }
  });

  describe('at the summary, the time alone changes', () => {
    const cases: [Lang, string][] = [
      ['it', 'meglio alle 11'],
      ['it', 'facciamo alle 11 invece'],
      ['it', 'si può fare alle 11?'],
      ['it', 'mi andrebbe meglio verso le 11'],
      ['en', 'make it 11'],
      ['en', 'can we do 11 instead?'],
      ['en', 'actually 11am works better'],
    ];
    for (const [lang, said] of cases) {
      it(`${lang}: "${said}" keeps Thursday and the taxi, marks 11:00 as changed`, async () => {
        const c = await atSummary(lang);
        await c.says(said);
        c.asks('confirm').said(/11:00 \((modificato|changed)\)/).didNotSay(/10:00 \((modificato|changed)\)/).didNotSay(/(lunedì|Monday) 30/);
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T11:00'), `booked ${c.booking?.appointmentAt}`);
        assert.equal(c.booking?.solution, 'taxi');
      });
    }
  });

  describe('at the summary, the day alone changes', () => {
    const cases: [Lang, string][] = [
      ['it', 'meglio venerdì'],
      ['it', 'venerdi invece?'],
      ['en', 'make it Friday'],
      ['en', 'friday would be better'],
    ];
    for (const [lang, said] of cases) {
      it(`${lang}: "${said}" keeps 10:00 and the taxi`, async () => {
        const c = await atSummary(lang);
        await c.says(said);
        c.asks('confirm').said(/(venerdì|Friday) 4 .*\((modificato|changed)\)/);
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-04T10:00'), `booked ${c.booking?.appointmentAt}`);
        assert.equal(c.booking?.solution, 'taxi');
      });
    }
  });

  describe('at the summary, the mobility alone changes', () => {
    const cases: [Lang, string, string][] = [
      ['it', 'auto a noleggio', 'niente noleggio, prendo i mezzi pubblici'],
      ['it', 'noleggio', 'no, meglio i mezzi pubblici'],
      ['en', 'rental car', "drop the rental car, I'll take public transport"],
      ['en', 'a rental please', 'no rental after all, public transport is fine'],
    ];
    for (const [lang, chosen, said] of cases) {
      it(`${lang}: "${said}" books public transport on the same day and time`, async () => {
        const c = await atSummary(lang, chosen);
        await c.says(said);
        c.asks('confirm').said(/: (Trasporto pubblico|Public transport) \((modificato|changed)\)/).didNotSay(/(Auto a noleggio|Rental car)/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.solution, 'public-transport');
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T10:00'), `booked ${c.booking?.appointmentAt}`);
      });
    }

    const rejections: [Lang, string][] = [
      ['it', 'troppo caro, avete qualcosa di meno costoso?'],
      ['it', 'no costa troppo, c è un altra soluzione?'],
      ['en', "that's too expensive, what else have you got?"],
      ['en', 'too pricey. any other options?'],
    ];
    for (const [lang, said] of rejections) {
      it(`${lang}: "${said}" offers the solutions again; a "yes" then books nothing`, async () => {
        const c = await atSummary(lang, lang === 'it' ? 'auto a noleggio' : 'rental car');
        await c.says(said);
        c.asks('mobility');
        await c.says(YES[lang]);
        const booked = c.booking;
        assert.equal(booked, undefined, `nothing booked:\n${c.transcript.join('\n')}`);
        assert.notEqual(c.awaiting, 'confirm');
        await c.says('taxi');
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.equal(c.booking?.solution, 'taxi');
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T10:00'), `booked ${c.booking?.appointmentAt}`);
      });
    }

    it('it: "troppo caro, meglio il taxi" changes to the taxi at once', async () => {
      const c = await atSummary('it', 'auto a noleggio');
      await c.says('troppo caro, meglio il taxi');
      c.asks('confirm').said(/Mobilità: Taxi \((modificato|changed)\)/).didNotSay(/Mobilità: Auto a noleggio/);
      await c.says('ok');
      assert.equal(c.booking?.solution, 'taxi');
    });
  });

  describe('at the summary, the legs and the address alone change', () => {
    async function pickupDelivery(lang: Lang): Promise<Conversation> {
      const c = await atMobility(lang);
      await c.says(lang === 'it' ? 'ritiro e consegna, entrambi' : 'pickup and delivery, both ways');
      c.asks('address');
      await c.says('Via Giardini 200, 41124 Modena');
      c.asks('date');
      await c.says(lang === 'it' ? 'giovedì alle 10' : 'thursday at 10');
      c.asks('confirm');
      return c;
    }
    const legs: [Lang, string][] = [
      ['it', 'solo il ritiro'],
      ['it', 'anzi basta il ritiro, la vado a prendere io'],
      ['en', 'just the pickup actually'],
    ];
    for (const [lang, said] of legs) {
      it(`${lang}: "${said}" keeps the day and the address`, async () => {
        const c = await pickupDelivery(lang);
        await c.says(said);
        c.asks('confirm').said(/Giardini/).said(/\((modificato|changed)\)/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.legs, 'pickup');
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T10:00'), `booked ${c.booking?.appointmentAt}`);
      });
    }
    const addresses: [Lang, string][] = [
      ['it', "l'indirizzo giusto è via Vignolese 500, 41125 Modena"],
      ['it', 'scusi ho sbagliato indirizzo: viale Corassori 40, Modena'],
      ['en', 'sorry, the address is Via Vignolese 500, 41125 Modena'],
    ];
    for (const [lang, said] of addresses) {
      it(`${lang}: "${said}" changes the address only`, async () => {
        const c = await pickupDelivery(lang);
        await c.says(said);
        c.asks('confirm').said(/(Vignolese|Corassori).*\((modificato|changed)\)/).didNotSay(/Giardini 200/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.legs, 'both');
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T10:00'), `booked ${c.booking?.appointmentAt}`);
      });
    }
  });

  describe('at the summary, the work and the name alone change', () => {
    const work: [Lang, string][] = [
      ['it', 'non è il tagliando, sono i freni'],
      ['it', 'ah no scusi, devo fare i freni non il tagliando'],
      ['en', "actually it's the brakes, not a service"],
    ];
    for (const [lang, said] of work) {
      it(`${lang}: "${said}" books the brakes, same day and taxi`, async () => {
        const c = await atSummary(lang);
        await c.says(said);
        c.asks('confirm').said(/: (Freni|Brakes) \((modificato|changed)\)/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.service, 'brakes');
        assert.equal(c.booking?.solution, 'taxi');
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03'), `booked ${c.booking?.appointmentAt}`);
      });
    }
    const names: [Lang, string, string][] = [
      ['it', 'il nome è Laura Bianchi', 'Laura Bianchi'],
      ['it', 'la metta a nome di mia moglie, Laura Bianchi', 'Laura Bianchi'],
      ['en', "put it under my wife's name, Laura Smith", 'Laura Smith'],
      ['en', 'the name should be Laura Smith', 'Laura Smith'],
    ];
    for (const [lang, said, name] of names) {
      it(`${lang}: "${said}" changes the name only`, async () => {
        const c = await atSummary(lang);
        await c.says(said);
        c.asks('confirm').said(new RegExp(`: ${name} \\((modificato|changed)\\)`)).didNotSay(/Marco Rossi|John Smith/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.customerName, name);
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T10:00'), `booked ${c.booking?.appointmentAt}`);
        assert.equal(c.booking?.solution, 'taxi');
      });
    }
  });
});
