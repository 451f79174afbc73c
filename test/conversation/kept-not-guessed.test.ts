/**
 * What matters is never guessed, and everything said early is kept (issue #11, E): unclear legs of
 * pickup & delivery, two dates in one message, a time the day has not → one short question with
 * buttons; legs told in verbs are understood; an address or a date wish given before it was asked
 * is not asked again. Written as customers write, in both languages.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const YES: Record<Lang, string> = { it: 'sì', en: 'yes' };

describe('Kept, not guessed', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  const talk = (lang: Lang) => new Conversation(w.engine, lang).open();

  describe('legs of pickup & delivery told in verbs', () => {
    const both: [Lang, string][] = [
      ['it', 'Buongiorno, sono Anna Bianchi, tagliando per la Ghibli FX456AB. Potete venire a prendere la macchina a casa e poi me la riportate?'],
      ['it', 'sono anna bianchi ghibli FX456AB tagliando, passate a prenderla voi e poi la riportate a casa?'],
      ['en', 'Hi, Sarah Jones here, Ghibli FX456AB due for a service. Could you pick it up from my house and drop it back after?'],
      ['en', 'its sarah jones. ghibli FX456AB needs servicing. can u collect it from home and bring it back when done'],
    ];
    for (const [lang, said] of both) {
      it(`${lang}: "${said}" → both legs, no question about them`, async () => {
        const c = await talk(lang);
        await c.says(said);
        c.asks('address');
        await c.says('Via Giardini 200, 41124 Modena');
        c.asks('date');
        await c.says(lang === 'it' ? 'giovedì alle 10' : 'thursday at 10');
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.equal(c.booking?.solution, 'pickup-delivery');
        assert.equal(c.booking?.legs, 'both');
      });
    }

    const pickupOnly: [Lang, string][] = [
      ['it', 'potete venire a prendere la macchina a casa?'],
      ['it', 'mi passate a ritirare la macchina in ufficio? poi la riprendo io da voi'],
      ['en', 'can you collect the car from my place?'],
      ['en', 'could someone come and get the car from my house, i will pick it up from you after'],
    ];
    for (const [lang, said] of pickupOnly) {
      it(`${lang}: "${said}" → the collection only, not "no mobility"`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        c.asks('mobility');
        await c.says(said);
        c.asks('address');
        await c.says('Via Giardini 200, 41124 Modena');
        await c.says(lang === 'it' ? 'giovedì alle 10' : 'thursday at 10');
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.equal(c.booking?.solution, 'pickup-delivery');
        assert.equal(c.booking?.legs, 'pickup');
      });
    }

    const unclear: [Lang, string][] = [
      ['it', 'mi interessa il servizio a domicilio'],
      ['it', 'ritiro e consegna'],
      ['en', 'pickup & delivery please'],
      ['en', 'the valet service'],
    ];
    for (const [lang, said] of unclear) {
      it(`${lang}: "${said}" → one short question with buttons about the legs`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says(said);
        c.asks('pickupDelivery');
        assert.equal(c.choices().length, 3, c.text);
      });
    }
  });

  describe('two dates in one message', () => {
    const cases: [Lang, string, RegExp, string][] = [
      ['it', 'mercoledì 2 o giovedì 3?', /giovedì 3/i, '2026-12-03'],
      ['it', 'martedi o mercoledi mattina', /mercoledì 2/i, '2026-12-02'],
      ['en', 'either Wednesday or Thursday', /Thursday 3/, '2026-12-03'],
      ['en', 'wed or thu morning', /Wednesday 2/, '2026-12-02'],
    ];
    for (const [lang, said, pick, day] of cases) {
      it(`${lang}: "${said}" → asks which, with a button for each day`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says('taxi');
        c.asks('date');
        await c.says(said);
        c.asks('date');
        assert.equal(c.choices().filter((t) => /\d/.test(t)).length, 2, `two days offered: ${c.choices().join(' | ')}`);
        await c.clicks(pick);
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith(day), `booked ${c.booking?.appointmentAt}`);
      });
    }
  });

  describe('two dates in one message are named in the question, not only on the buttons', () => {
    const named: [Lang, string, RegExp, RegExp][] = [
      ['it', 'martedi 8 oppure venerdi 11, devo ancora vedere', /martedì 8 dicembre/, /venerdì 11 dicembre/],
      ['it', 'forse mercoledi, o magari martedi 15.. non so', /mercoledì 2 dicembre/, /martedì 15 dicembre/],
      ['en', "tue 8 or fri 11, still deciding", /Tuesday 8 December/, /Friday 11 December/],
      ['en', 'could be wed, could be thursday the 10th, dunno yet', /Wednesday 2 December/, /Thursday 10 December/],
    ];
    for (const [lang, said, first, second] of named) {
      it(`${lang}: "${said}" → the question says both days, nothing is fixed`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB, prendo il taxi' : "I'm Sarah Jones, service for Ghibli FX456AB, taxi");
        c.asks('date');
        await c.says(said);
        c.asks('date').said(first).said(second);
        assert.ok(c.choices().filter((t) => /\d/.test(t)).length >= 2, `the days are buttons: ${c.choices().join(' | ')}`);
      });
    }
  });

  describe('a time the day has not', () => {
    const lateHours: [Lang, string, RegExp, RegExp][] = [
      ['it', 'giovedì alle 22', /22:00/, /^Mattina$/],
      ['it', 'giovedi alle 22.30', /22:30/, /^Mattina$/],
      ['en', 'thursday at 10pm', /22:00/, /^Morning$/],
    ];
    for (const [lang, said, hour, morning] of lateHours) {
      it(`${lang}: "${said}" → says it is closed then and asks morning or afternoon`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says('taxi');
        await c.says(said);
        c.asks('date').said(hour).said(/chius|closed/i);
        assert.ok(c.choices().some((t) => morning.test(t)), c.choices().join(' | '));
        await c.clicks(morning);
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03T'), `booked ${c.booking?.appointmentAt}`);
        assert.ok(c.booking!.appointmentAt.slice(11, 13) < '13', 'in the morning');
      });
    }

    // the bench's customers kept asking for lunch-hour times: asked "morning or afternoon?" each time, they
    // saw the nearest times only at the tenth turn (#15 notes); a second closed hour now gets them at once
    const twice: [Lang, string, string][] = [
      ['it', 'giovedì alle 22', 'allora alle 13'],
      ['it', 'giovedi ore 21', 'ok facciamo 12.45'],
      ['en', 'thursday at 10pm', 'ok 1pm then'],
    ];
    for (const [lang, first, second] of twice) {
      it(`${lang}: "${first}", then "${second}" → the nearest times, not the same question again`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says('taxi');
        await c.says(first);
        c.asks('date').said(/chius|closed/i);
        await c.says(second);
        c.said(/chius|closed/i).asks('slot');
        assert.ok(c.choices().length >= 2, c.choices().join(' | '));
        await c.clicks(/^1\./);
        c.asks('confirm');
      });
    }

    const closedDays: [Lang, string, RegExp][] = [
      ['it', 'domenica alle 10', /domenica 6 dicembre/i],
      ['en', 'sunday at 10am', /Sunday 6 December/],
    ];
    for (const [lang, said, day] of closedDays) {
      it(`${lang}: "${said}" → says that day is closed and offers days as buttons`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says('taxi');
        await c.says(said);
        c.said(day).said(/chius|closed/i).asks('slot');
        assert.ok(c.choices().length >= 2);
        await c.clicks(/^1\./);
        c.asks('confirm');
      });
    }
  });

  describe('said early, kept', () => {
    const address: [Lang, string][] = [
      ['it', 'Sono Anna Bianchi, Ghibli FX456AB, tagliando. Vorrei il ritiro e la riconsegna a casa, abito in via Giardini 200, 41124 Modena'],
      ['it', 'ciao sn anna bianchi, tagliando ghibli FX456AB. venite a prenderla e riportarla in Via Emilia Est 120, Modena?'],
      ['en', "I'm Sarah Jones, Ghibli FX456AB, service. I'd like pickup and delivery from home, I live at Via Giardini 200, 41124 Modena"],
    ];
    for (const [lang, said] of address) {
      it(`${lang}: an address in the first message is not asked again`, async () => {
        const c = await talk(lang);
        await c.says(said);
        c.asks('date');
        await c.says(lang === 'it' ? 'giovedì alle 10' : 'thursday at 10');
        c.asks('confirm').said(/Giardini 200|Emilia Est 120/);
        await c.says(YES[lang]);
        assert.equal(c.booking?.legs, 'both');
      });
    }

    it('it: the address given with the legs is kept', async () => {
      const c = await talk('it');
      await c.says('Sono Anna Bianchi, tagliando Ghibli FX456AB');
      await c.says('ritiro e consegna');
      c.asks('pickupDelivery');
      await c.says('entrambi, l indirizzo è via Giardini 200 Modena');
      c.asks('date');
    });

    const dateWhilePlate: [Lang, string, string][] = [
      ['it', 'ciao devo fare il tagliando', 'nessuna fretta, seconda metà del mese. la targa è FX456AB'],
      ['it', 'buongiorno, tagliando', 'targa FX456AB, nn ho fretta va bene anche la seconda meta del mese'],
      ['en', 'hi, my car needs a service', 'no rush, second half of the month. plate FX456AB'],
      ['en', 'hello need a service', "FX456AB. i'm not in a hurry, sometime in the second half of the month is fine"],
    ];
    for (const [lang, first, plate] of dateWhilePlate) {
      it(`${lang}: a date wish given with the plate ("${plate}") is kept`, async () => {
        const c = await talk(lang);
        await c.says(first);
        c.asks('vehicle');
        await c.says(plate);
        c.asks('name');
        await c.says(lang === 'it' ? 'Anna Bianchi' : 'Sarah Jones');
        c.asks('mobility');
        await c.says('taxi');
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok((c.booking?.appointmentAt ?? '') >= '2026-12-16', `booked ${c.booking?.appointmentAt}`);
      });
    }

    const dateAtAddress: [Lang, string][] = [
      ['it', 'giovedì mattina'],
      ['en', 'thursday morning'],
    ];
    for (const [lang, said] of dateAtAddress) {
      it(`${lang}: "${said}" at the address question is a date, not an address`, async () => {
        const c = await talk(lang);
        await c.says(lang === 'it' ? 'Sono Anna Bianchi, tagliando Ghibli FX456AB' : "I'm Sarah Jones, service for Ghibli FX456AB");
        await c.says(lang === 'it' ? 'ritiro e riconsegna, entrambi' : 'pickup and delivery, both');
        c.asks('address');
        await c.says(said);
        c.asks('address').didNotSay(/CAP|postcode/);
        await c.says('Via Giardini 200, 41124 Modena');
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith('2026-12-03'), `booked ${c.booking?.appointmentAt}`);
      });
    }
  });
});
