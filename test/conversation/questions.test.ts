/**
 * Issue #11 (A): a question is a question, not a choice. Whatever the bot was asking, a customer
 * who asks about a price, the work's cost, the deposit, the documents, the opening hours, the
 * address or what a solution means gets the answer from the dealer's data, and the same question
 * again: nothing is chosen, nothing changes. A question the bot cannot answer is said so, with a
 * person offered. A message that asks AND answers ("is the taxi free? ok then taxi") still answers.
 *
 * The clock is Monday 30 November 2026, 09:00 in Modena; the demo dealer's Levante GH123KL is
 * under warranty (mobility not included for a service), its prices: Maserati courtesy car €90/day
 * (deposit €300), other brand €60/day (€300), rental €75/day (€500), pickup & delivery €50 a trip,
 * taxi €35 a trip, staff shuttle and public transport free; a service from €290.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';


describe('Questions are answered, not taken as choices (#11 A)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.close();
  });

  const open = (lang: Lang) => new Conversation(w.engine, lang).open();

  /** At the mobility prompt: the Levante under warranty, a service, the name given. */
  async function atMobility(lang: Lang): Promise<Conversation> {
    const c = await open(lang);
    await c.says(lang === 'it' ? 'ciao, la Levante GH123KL deve fare il tagliando, sono Mario Rossi' : "hi, Levante GH123KL is due for a service, I'm John Smith");
    c.asks('mobility');
    return c;
  }

  /** At the summary: a taxi chosen, then the day and hour said (the summary is shown, nothing booked yet). */
  async function atSummary(lang: Lang, when = lang === 'it' ? 'giovedì alle 10' : 'thursday at 10'): Promise<Conversation> {
    const c = await atMobility(lang);
    await c.says('taxi');
    await c.says(when);
    c.asks('confirm');
    return c;
  }

  /** The same mobility question again, with nothing chosen. */
  const stillAtMobility = (c: Conversation) => {
    c.asks('mobility');
    assert.ok(c.choices().length >= 5, `the options again: ${c.choices().join(' | ')}`);
  };

  describe('at the mobility prompt, in Italian', () => {
    const priceQuestions: [string, RegExp][] = [
      ['e il ritiro a domicilio quanto costa?', /Ritiro e consegna/],
      ['quanto mi costa il noleggio?', /75\s€ al giorno/],
      ['qnt costa il taxi', /35\s€/],
      ["l'auto di cortesia quanto viene al giorno?", /90\s€ al giorno/],
      ['ma il noleggio lo pago io? quanto?', /75\s€/],
      ['quanto costerebbe la navetta', /senza costi|gratuit/],
    ];
    for (const [question, answer] of priceQuestions) {
      it(`"${question}" is answered and the options are asked again`, async () => {
        const c = await atMobility('it');
        await c.says(question);
        c.said(answer);
        stillAtMobility(c);
        c.didNotSay(/Quando preferisce portare|preferisce che veniamo a prendere/);
      });
    }

    it('the price of pickup & delivery says per trip and for both trips', async () => {
      const c = await atMobility('it');
      await c.says('e il ritiro a domicilio quanto costa?');
      c.said(/50\s€ a tragitto/).said(/100\s€/);
      stillAtMobility(c);
    });

    it('a deposit question states its amount', async () => {
      const c = await atMobility('it');
      await c.says('x la macchina di cortesia ci vuole una cauzione?');
      c.said(/cauzione/).said(/300\s€/);
      stillAtMobility(c);
    });

    it('documents for the rental car', async () => {
      const c = await atMobility('it');
      await c.says('ke documenti servono per il noleggio?');
      c.said(/patente/).said(/carta di credito/);
      stillAtMobility(c);
    });

    it('what a solution means', async () => {
      const c = await atMobility('it');
      await c.says('cosa vuol dire ritiro e consegna?');
      c.said(/autista|veniamo a prendere|ritiriamo/i);
      stillAtMobility(c);
    });

    it('what the staff shuttle is', async () => {
      const c = await atMobility('it');
      await c.says("scusi ma l'accompagnamento con vostro personale cos'è?");
      c.said(/nostro personale|nostri collaboratori|un nostro/i);
      stillAtMobility(c);
    });

    it('opening hours', async () => {
      const c = await atMobility('it');
      await c.says('che orari fate?');
      c.said(/8[:.]30/).said(/18[:.]30/).said(/sabato/i);
      stillAtMobility(c);
    });

    it('the address', async () => {
      const c = await atMobility('it');
      await c.says('dove siete di preciso?');
      c.said(/Via Emilia Ovest 1020/);
      stillAtMobility(c);
    });

    it('the cost of the work', async () => {
      const c = await atMobility('it');
      await c.says('quanto mi costerà il tagliando?');
      c.said(/290\s€/).said(/consulente/);
      stillAtMobility(c);
    });

    it('a question then a choice in the same message takes the choice', async () => {
      const c = await atMobility('it');
      await c.says('il taxi è gratis? ok allora taxi');
      c.said(/35\s€/);
      c.asks('date');
    });

    it('a question the bot cannot answer is said so, with a person offered', async () => {
      const c = await atMobility('it');
      await c.says("avete il wifi nella sala d'attesa?");
      c.said(/non (so|posso) rispondere|non ho questa informazione/i);
      assert.ok(c.choices().some((t) => /consulente/i.test(t)), c.choices().join(' | '));
      stillAtMobility(c);
    });

    it('after the answers, a choice still books as usual', async () => {
      const c = await atMobility('it');
      await c.says('quanto costa il noleggio?');
      await c.says('e il taxi?');
      stillAtMobility(c);
      await c.says('ok prendo il taxi');
      c.asks('date');
      await c.says('giovedì alle 10');
      c.asks('confirm').said(/Taxi/);
      await c.says('sì');
      assert.equal(c.booking?.solution, 'taxi');
    });
  });

  describe('at the mobility prompt, in English', () => {
    const priceQuestions: [string, RegExp][] = [
      ['what would the rental cost me?', /€75 per day/],
      ['how much 4 rental', /€75/],
      ['How much is pick up and delivery?', /€50 per trip/],
      ['and the taxi, how much?', /€35/],
      ['is the courtesy car free?', /€90 per day/],
      ['whats the price for the maserati courtesy car pls', /€90/],
    ];
    for (const [question, answer] of priceQuestions) {
      it(`"${question}" is answered and the options are asked again`, async () => {
        const c = await atMobility('en');
        await c.says(question);
        c.said(answer);
        stillAtMobility(c);
        c.didNotSay(/When would you like|shall we collect the car/);
      });
    }

    it('a daily price says the total for the days the car stays', async () => {
      const c = await atMobility('en');
      await c.says('what would the rental cost me?');
      c.said(/€75 per day/).said(/in total|altogether|total/);
    });

    it('a deposit question states its amount', async () => {
      const c = await atMobility('en');
      await c.says('do i need to leave a deposit for the rental car?');
      c.said(/deposit/).said(/€500/);
      stillAtMobility(c);
    });

    it('documents', async () => {
      const c = await atMobility('en');
      await c.says('what documents do I need to bring for a courtesy car?');
      c.said(/driving licence/).said(/credit card/);
      stillAtMobility(c);
    });

    it('what pickup & delivery means', async () => {
      const c = await atMobility('en');
      await c.says('what does pickup & delivery mean?');
      c.said(/driver|collect/i);
      stillAtMobility(c);
    });

    it('opening hours, asked as an expat would', async () => {
      const c = await atMobility('en');
      await c.says('what time do you open?');
      c.said(/8:30/).said(/Saturday/);
      stillAtMobility(c);
    });

    it('the address', async () => {
      const c = await atMobility('en');
      await c.says('where are you guys located?');
      c.said(/Via Emilia Ovest 1020/);
      stillAtMobility(c);
    });

    it('the cost of the work', async () => {
      const c = await atMobility('en');
      await c.says('how much will the service cost?');
      c.said(/€290/).said(/advisor/);
      stillAtMobility(c);
    });

    it('a question then a choice in the same message takes the choice', async () => {
      const c = await atMobility('en');
      await c.says('is the taxi free? ok then taxi');
      c.said(/€35/);
      c.asks('date');
    });

    it('a question the bot cannot answer is said so, with a person offered', async () => {
      const c = await atMobility('en');
      await c.says('do you have wifi in the waiting room?');
      c.said(/can't answer|cannot answer|don't have that information/i);
      assert.ok(c.choices().some((t) => /advisor/i.test(t)), c.choices().join(' | '));
      stillAtMobility(c);
    });
  });

  describe('elsewhere in the conversation', () => {
    it('a question at the date prompt is answered and the date asked again (it)', async () => {
      const c = await atMobility('it');
      await c.says('taxi');
      c.asks('date');
      await c.says('a che ora aprite la mattina?');
      c.said(/8[:.]30/);
      c.asks('date');
      await c.says('giovedì alle 10');
      c.asks('confirm');
    });

    it('"can you do Thursday at 10?" at the date prompt is an answer, not a question (en)', async () => {
      const c = await atMobility('en');
      await c.says('taxi');
      await c.says('can you do Thursday at 10?');
      c.asks('confirm').said(/Thursday 3 December at 10:00/);
    });

    it('a question at the summary is answered and the summary asked again (en)', async () => {
      const c = await atMobility('en');
      await c.says('courtesy car');
      await c.says('thursday 9am');
      c.asks('confirm');
      await c.says("what's the deposit?");
      c.said(/€300/);
      c.asks('confirm');
      assert.equal(c.booking, undefined);
      await c.says('yes');
      assert.ok(c.booking);
    });

    it('a question at the summary is answered and the summary asked again (it)', async () => {
      const c = await atMobility('it');
      await c.says('auto di cortesia');
      await c.says('giovedì alle 9');
      c.asks('confirm');
      await c.says('che documenti devo portare?');
      c.said(/patente/).said(/carta di credito/);
      c.asks('confirm');
      assert.equal(c.booking, undefined);
    });

    it('a price asked with the plate: the plate is taken, the price given once the car is known (it)', async () => {
      const c = await open('it');
      await c.says('quanto costa un tagliando?');
      c.asks('vehicle');
      await c.says('GH123KL');
      await c.says('Mario Rossi');
      c.said(/290\s€/);
      c.asks('mobility');
    });

    it('a work price asked first is given once the car is known (en)', async () => {
      const c = await open('en');
      await c.says('how much is a service on a levante?');
      await c.says('GH123KL');
      await c.says('John Smith');
      c.said(/€290/);
      c.asks('mobility');
    });

    it('opening hours at the very start, then the request goes on (en)', async () => {
      const c = await open('en');
      await c.says('hi, what are your opening hours?');
      c.said(/8:30/);
      c.asks('service');
      await c.says('Levante GH123KL needs a service');
      c.asks('name');
    });

    it('the address at the plate prompt (it)', async () => {
      const c = await open('it');
      await c.says('devo fare il tagliando');
      c.asks('vehicle');
      await c.says("scusi ma voi dove siete? l'indirizzo?");
      c.said(/Via Emilia Ovest 1020/);
      c.asks('vehicle');
    });

    it('"ok, ma quanto viene in tutto?" at the summary is not a yes (it)', async () => {
      const c = await atSummary('it');
      await c.says('ok, ma quanto viene in tutto?');
      c.said(/35\s€ a tragitto/).said(/290\s€/);
      c.asks('confirm');
      assert.equal(c.booking, undefined);
    });

    it('"ok but how much is it in total?" at the summary is not a yes (en)', async () => {
      const c = await atSummary('en');
      await c.says('ok but how much is it in total?');
      c.said(/€35 per trip/).said(/€290/);
      c.asks('confirm');
      assert.equal(c.booking, undefined);
    });

    it('"yes, but do I need to bring anything?" at the summary: a yes held back, answered, asked again, nothing booked (en, it)', async () => {
      const en = await atSummary('en');
      await en.says('yes, but do I need to bring anything?');
      en.asks('confirm');
      assert.equal(en.booking, undefined);
      await en.says('yes');
      assert.ok(en.booking);
      const it = await atSummary('it');
      await it.says('sì ok, ma devo portare qualche documento?');
      it.asks('confirm');
      assert.equal(it.booking, undefined);
    });

    it('a yes that says the day and hour shown again books at once (en, it)', async () => {
      const en = await atSummary('en');
      await en.says('yes, Thursday at 10 for the Levante, confirmed');
      assert.ok(en.booking, `booked; the bot said:\n${en.text}`);
      const it = await atSummary('it', 'venerdì alle 11');
      await it.says('confermo, venerdì alle 11');
      assert.ok(it.booking, `booked; the bot said:\n${it.text}`);
    });

    it('a yes that says the day again but asks something is held back: answered, nothing booked (en)', async () => {
      const en = await atSummary('en');
      await en.says('yes Thursday at 10, but do I need to bring anything?');
      assert.equal(en.booking, undefined);
      en.asks('confirm');
    });

    it('a yes with another day is no yes: the change is taken and shown (en)', async () => {
      const en = await atSummary('en');
      await en.says('yes but friday at 10');
      assert.equal(en.booking, undefined);
    });

    it('how long the car stays, asked at the mobility prompt (it, en)', async () => {
      const it = await atMobility('it');
      await it.says('quanto tempo ci vuole?');
      it.said(/3 ore/);
      stillAtMobility(it);
      const en = await atMobility('en');
      await en.says('how long will it take?');
      en.said(/3 hours/);
      stillAtMobility(en);
    });

    it('"c\'è la navetta?" / "is there a shuttle?" is answered, not chosen', async () => {
      const it = await atMobility('it');
      await it.says("c'è la navetta?");
      it.said(/Accompagnamento con nostro personale: sì/);
      stillAtMobility(it);
      const en = await atMobility('en');
      await en.says('is there a shuttle?');
      en.said(/A member of staff drives you: yes/);
      stillAtMobility(en);
    });

    it('the plate given beside a question is taken (it)', async () => {
      const c = await open('it');
      await c.says('devo fare il tagliando');
      await c.says('GH123KL, quanto costa il tagliando?');
      c.asks('name');
      await c.says('Mario Rossi');
      c.said(/290\s€/);
      c.asks('mobility');
    });

    it('the name given beside a question is taken (en)', async () => {
      const c = await open('en');
      await c.says('Levante GH123KL needs a service');
      c.asks('name');
      await c.says('John Smith. where are you exactly?');
      c.said(/Via Emilia Ovest 1020/);
      c.asks('mobility');
    });

    it('at the address prompt, a question beside the address answers both (it)', async () => {
      const c = await atMobility('it');
      await c.says('venite a prenderla e poi me la riportate');
      c.asks('address');
      await c.says('dove siete? io abito in via Giardini 200, Modena');
      c.said(/Via Emilia Ovest 1020/);
      c.asks('date');
    });

    it('two questions in one message are both answered (it, en)', async () => {
      const it = await atMobility('it');
      await it.says("cos'è l'accompagnamento? è gratis?");
      it.said(/un nostro collaboratore/).said(/Accompagnamento con nostro personale: senza costi/);
      stillAtMobility(it);
      const en = await atMobility('en');
      await en.says("what's the staff shuttle? is it free?");
      en.said(/member of our staff/).said(/A member of staff drives you: free of charge/);
      stillAtMobility(en);
    });

    it("an option's own title inside a question is the option asked about (it, en)", async () => {
      const it = await atMobility('it');
      await it.says("cosa vuol dire 'Accompagnamento con nostro personale'? si paga?");
      it.said(/un nostro collaboratore/).said(/senza costi/).didNotSay(/Tagliando: prezzo/);
      stillAtMobility(it);
      const en = await atMobility('en');
      await en.says("The 'member of staff drives you' thing - what is it and is it free?");
      en.said(/member of our staff/).said(/free of charge/).didNotSay(/Scheduled service: the indicative price/);
      stillAtMobility(en);
    });

    it('everything at once with a question: answered with the offer, no promise first (en)', async () => {
      const c = await open('en');
      await c.says("Levante GH123KL service, I'm John Smith. what's the staff shuttle? is it free?");
      c.didNotSay(/as soon as I know/).said(/member of our staff/).said(/free of charge/);
      c.asks('mobility');
    });

    it('everything at once with a question: answered with the offer, no promise first (it)', async () => {
      const c = await open('it');
      await c.says('Levante GH123KL tagliando, sono Mario Rossi. quanto costa il noleggio?');
      c.didNotSay(/Glielo dico appena/).said(/75\s€ al giorno/);
      c.asks('mobility');
    });

    it('mobility prices asked before the car is known are given with the offer', async () => {
      const c = await open('en');
      await c.says('how much is a courtesy car?');
      c.said(/as soon as I know|once I know/i);
      await c.says('Levante GH123KL service');
      await c.says('John Smith');
      c.said(/€90 per day/);
      c.asks('mobility');
    });
  });
});
