/**
 * Pickup & delivery and the staff shuttle have words of their own (issue #11, G): the collection
 * and the return, with time and place, the total price, what to leave in the car, and what
 * happens at the customer's address; the service is named once. And the words around them (H):
 * hours in the customer's language, a benefit's value per day, no "None: free" line, the
 * deposit's amount, the advisor joining said without guessing a gender.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { createI18n } from '../../src/i18n/i18n';
import { Renderer } from '../../src/render/render';
import { Conversation, world, type World } from './harness';

const YES: Record<Lang, string> = { it: 'sì', en: 'yes' };
const THURSDAY_10: Record<Lang, string> = { it: 'giovedì alle 10', en: 'thursday at 10' };
const ADDRESS = 'Via Giardini 200, 41124 Modena';

describe('Pickup & delivery, in its own words', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  async function pickupDelivery(lang: Lang, opening: string, legs: string): Promise<Conversation> {
    const c = await new Conversation(w.engine, lang).open();
    await c.says(opening);
    c.asks('mobility');
    await c.says(legs);
    c.asks('address');
    await c.says(ADDRESS);
    c.asks('date');
    return c;
  }

  const both: [Lang, string, string][] = [
    ['it', 'Sono Anna Bianchi, tagliando per la Ghibli FX456AB', 'ritiro e riconsegna a domicilio'],
    ['it', 'salve sono anna bianchi ghibli FX456AB, va fatto il tagliando', 'venite a prenderla e me la riportate voi'],
    ['en', "I'm Sarah Jones, my Ghibli FX456AB needs a service", 'pickup and delivery please, both ways'],
    ['en', 'sarah jones here. ghibli FX456AB, annual service', 'u collect it and bring it back'],
  ];
  for (const [lang, opening, legs] of both) {
    describe(`${lang}: collected and brought back ("${legs}")`, () => {
      it('asks when to collect the car, not when the customer brings it in', async () => {
        const c = await pickupDelivery(lang, opening, legs);
        c.said(lang === 'it' ? /ritir|passiamo/i : /collect/i).didNotSay(/portare la vettura|bring the car in/);
      });

      it('summarises collection and return with time and place, the total for two trips, what to leave in the car, the service once', async () => {
        const c = await pickupDelivery(lang, opening, legs);
        await c.says(THURSDAY_10[lang]);
        c.asks('confirm');
        if (lang === 'it') {
          c.said(/Ritiro.*giovedì 3 dicembre alle ore 10:00.*Giardini 200/).said(/Riconsegna.*giovedì 3 dicembre.*Giardini 200/);
          c.said(/2 tragitti × 50\s€ = 100\s€/).said(/[Ll]asci.*nella vettura.*chiavi/);
          c.didNotSay(/Documenti da portare|Consegna della soluzione di mobilità|patente/);
        } else {
          c.said(/Collection.*Thursday 3 December at 10:00.*Giardini 200/).said(/Return.*Thursday 3 December.*Giardini 200/);
          c.said(/2 trips × €50 = €100/).said(/[Ll]eave in the car.*keys/);
          c.didNotSay(/Documents to bring|Mobility solution handed over|driving licence/);
        }
        const lines = c.last.messages.flatMap((m) => m.lines ?? []);
        const naming = lines.filter((l) => /Ritiro e (ri)?consegna|Pickup (&|and) delivery|a tragitto|per trip/i.test(l));
        assert.ok(naming.length <= 1, `the service is named once:\n${lines.join('\n')}`);
      });

      it('confirms what happens at the address, and does not wait for the customer at the dealer', async () => {
        const c = await pickupDelivery(lang, opening, legs);
        await c.says(THURSDAY_10[lang]);
        await c.says(YES[lang]);
        assert.equal(c.booking?.legs, 'both');
        if (lang === 'it') c.said(/Giardini 200/).said(/ritir/i).said(/riport/i).didNotSay(/La aspettiamo|ricordi di portare/);
        else c.said(/Giardini 200/).said(/collect/i).said(/bring it back|return it/i).didNotSay(/look forward to seeing you|remember to bring/);
      });
    });
  }

  const pickupOnly: [Lang, string][] = [
    ['it', 'solo il ritiro a domicilio, poi la riprendo io'],
    ['en', 'just the pickup, i will collect it from you myself'],
  ];
  for (const [lang, said] of pickupOnly) {
    it(`${lang}: the collection only costs one trip and the car waits at the dealer`, async () => {
      const c = await pickupDelivery(lang, lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, Ghibli FX456AB service", said);
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm');
      if (lang === 'it') c.said(/50\s€/).didNotSay(/100\s€|2 tragitti/).said(/in sede|da noi/);
      else c.said(/€50/).didNotSay(/€100|2 trips/).said(/at the dealer|from us/);
      await c.says(YES[lang]);
      assert.equal(c.booking?.legs, 'pickup');
    });
  }

  const deliveryOnly: [Lang, string][] = [
    ['it', 'la porto io, poi me la riportate a casa'],
    ['en', "i'll drop it off myself, just deliver it back to me"],
  ];
  for (const [lang, said] of deliveryOnly) {
    it(`${lang}: delivery only: the customer brings the car in, it comes back to the address`, async () => {
      const c = await pickupDelivery(lang, lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, Ghibli FX456AB service", said);
      c.said(/portare la vettura|bring the car in/);
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm').said(/Giardini 200/);
      await c.says(YES[lang]);
      assert.equal(c.booking?.legs, 'delivery');
      c.said(/Giardini 200/);
    });
  }

  const programme: [Lang, string][] = [
    ['it', 'Sono Anna Bianchi, tagliando per la Levante FY902HS'],
    ['en', "I'm Sarah Jones, Levante FY902HS, service please"],
  ];
  for (const [lang, opening] of programme) {
    it(`${lang}: free through a programme: says so once, with the total it is worth`, async () => {
      const c = await pickupDelivery(lang, opening, lang === 'it' ? 'ritiro e riconsegna, entrambi' : 'pickup and delivery, both');
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm').said(/Pickup & Delivery Club/).said(lang === 'it' ? /160\s€/ : /€160/);
    });
  }

  const shuttle: [Lang, string][] = [
    ['it', 'mi accompagnate voi a casa?'],
    ['en', 'can someone drive me home?'],
  ];
  for (const [lang, said] of shuttle) {
    it(`${lang}: the staff shuttle: the summary and the confirmation say where the customer is taken and fetched`, async () => {
      const c = await new Conversation(w.engine, lang).open();
      await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, Ghibli FX456AB service");
      await c.says(said);
      c.asks('address');
      await c.says(ADDRESS);
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm').said(lang === 'it' ? /accompagn.*Giardini 200/i : /drives? you.*Giardini 200/i);
      const lines = c.last.messages.flatMap((m) => m.lines ?? []);
      assert.ok(lines.filter((l) => /senza costi|free of charge/.test(l)).length <= 1, lines.join('\n'));
      await c.says(YES[lang]);
      c.said(/Giardini 200/);
      assert.equal(c.booking?.solution, 'staff-shuttle');
    });
  }
});

describe('Words', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  const hours: [Lang, string, RegExp][] = [
    ['it', 'Sono Anna Bianchi, cambio batteria sulla Ghibli FX456AB', /circa 1 ora di lavoro/],
    ['it', 'Sono Anna Bianchi, cambio gomme Ghibli FX456AB', /circa 1,5 ore di lavoro/],
    ['en', "I'm Sarah Jones, new battery for Ghibli FX456AB", /about 1 hour of work/],
    ['en', "I'm Sarah Jones, tyre change on Ghibli FX456AB", /about 1\.5 hours of work/],
  ];
  for (const [lang, said, words] of hours) {
    it(`${lang}: hours in words: ${words}`, async () => {
      const c = await new Conversation(w.engine, lang).open();
      await c.says(said);
      c.said(words).didNotSay(/1 ore|1\.5 ore|1 hours/);
    });
  }

  for (const lang of ['it', 'en'] as const) {
    it(`${lang}: a free benefit's value is said per day; the deposit's amount is stated even when the car is free`, async () => {
      const c = await new Conversation(w.engine, lang).open();
      await c.says(lang === 'it' ? 'Sono Anna Bianchi, riparazione in garanzia sulla Levante GH123KL' : "I'm Sarah Jones, warranty repair on my Levante GH123KL");
      c.asks('mobility').said(lang === 'it' ? /valore di circa 150\s€ al giorno/ : /worth about €150 per day/);
      await c.says(lang === 'it' ? 'auto di cortesia maserati' : 'a maserati courtesy car');
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm').said(lang === 'it' ? /Deposito cauzionale: 300\s€/ : /Deposit: €300/);
      await c.says(YES[lang]);
      c.said(lang === 'it' ? /300\s€/ : /€300/);
    });

    it(`${lang}: "no mobility" is not a priced line`, async () => {
      const c = await new Conversation(w.engine, lang).open();
      await c.says(lang === 'it' ? 'Sono Anna Bianchi, cambio batteria Ghibli FX456AB' : "I'm Sarah Jones, new battery for Ghibli FX456AB");
      await c.says(lang === 'it' ? 'nessuna, aspetto in sede' : "none, I'll wait at the dealer");
      await c.says(THURSDAY_10[lang]);
      c.asks('confirm');
      assert.doesNotMatch(c.transcript.join('\n'), /Nessuna, non mi serve: senza costi|None, I don't need one: free of charge/);
    });
  }

  it('the advisor joining is said without guessing a gender', async () => {
    const renderer = new Renderer(await createI18n({ dealer: 'Maserati Modena', phone: '059' }), 'Europe/Rome');
    for (const name of ['Giulia Bianchi', 'Marco Rossi', 'Andrea Costa']) {
      const it = renderer.text('handoff.joined', { name }, 'it');
      assert.match(it, new RegExp(name));
      assert.doesNotMatch(it, /unit[oa]\b/);
      assert.match(renderer.text('handoff.joined', { name }, 'en'), new RegExp(name));
    }
  });
});
