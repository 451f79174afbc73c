import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import { createLocalRecognizer } from '../../src/nlu/local';

const recognizer = createLocalRecognizer();
const NOW = '2026-11-30T09:00:00+01:00'; // a Monday
const say = (text: string, lang: Lang = 'it', awaiting?: Awaiting) =>
  recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });

describe('local recognizer', () => {
  describe('everything said at once', () => {
    it('Italian: name, model, plate, service, date and mobility in one message', async () => {
      const u = await say("Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando martedì mattina, mi serve un'auto di cortesia");
      assert.equal(u.intent, 'book');
      assert.equal(u.entities.name, 'Marco Rossi');
      assert.equal(u.entities.model, 'Levante');
      assert.equal(u.entities.plate, 'GH123KL');
      assert.equal(u.entities.service?.id, 'maintenance');
      assert.equal(u.entities.date?.date, '2026-12-01');
      assert.equal(u.entities.date?.part, 'morning');
      assert.equal(u.entities.mobility, 'replacement');
      assert.equal(u.detectedLang, 'it');
    });
    it('English: the same in English', async () => {
      const u = await say("Hi, I'm John Smith, my Ghibli FX456RT needs new tyres on Thursday at 10, can I have a loan car?", 'en');
      assert.equal(u.intent, 'book');
      assert.equal(u.entities.name, 'John Smith');
      assert.equal(u.entities.model, 'Ghibli');
      assert.equal(u.entities.plate, 'FX456RT');
      assert.equal(u.entities.service?.id, 'tyres');
      assert.deepEqual([u.entities.date?.date, u.entities.date?.time], ['2026-12-03', '10:00']);
      assert.equal(u.entities.mobility, 'replacement');
      assert.equal(u.detectedLang, 'en');
    });
  });

  describe('dates next to other words', () => {
    it('finds an English weekday glued to "next" or "this", and none in a name or a plate', async () => {
      for (const [text, date] of [['nextmonday', '2026-12-07'], ['tagliando thisfriday', '2026-12-04'], ['onsaturday please', '2026-12-05']] as const) {
        assert.equal((await say(text, 'en')).entities.date?.date, date, text);
      }
      for (const text of ['Sono Marco Rossi, Levante GH123KL, cambio batteria', 'Simona Ferri, Ghibli FX456AB']) {
        assert.equal((await say(text)).entities.date, undefined, text);
      }
    });
  });

  describe('bad input never throws', () => {
    for (const [label, text] of [['empty', ''], ['only emoji', '😀🚗🔧'], ['10,000 characters', 'tagliando '.repeat(1000)], ['spaces', '   ']] as const) {
      it(label, async () => {
        const u = await say(text);
        assert.ok(u.score <= 0.9 && u.score >= 0);
        assert.equal(typeof u.intent, 'string');
      });
    }
    it('gives a low-scored outOfDomain for nothing understandable', async () => {
      const u = await say('😀😀😀');
      assert.equal(u.intent, 'outOfDomain');
      assert.ok(u.score <= 0.4);
    });
    it('survives a malformed input object', async () => {
      const u = await recognizer.recognize({ text: undefined as unknown as string, lang: 'it', now: 'not a date', timeZone: 'Nowhere/Land' });
      assert.equal(u.intent, 'outOfDomain');
    });
  });

  describe('out of domain scores low', () => {
    for (const [text, lang] of [['che tempo fa domani?', 'it'], ['raccontami una barzelletta', 'it'], ['quanto costa una Grecale nuova?', 'it'], ['who won the football last night?', 'en'], ['tell me a joke', 'en'], ['I want to buy a used Maserati', 'en']] as const) {
      it(text, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'outOfDomain');
        assert.ok(u.score <= 0.4);
        assert.equal(u.entities.date, undefined);
      });
    }
  });

  describe('typos and missing accents', () => {
    it('"tagliandoo x la grekale"', async () => {
      const u = await say('tagliandoo x la grekale');
      assert.equal(u.entities.service?.id, 'maintenance');
      assert.equal(u.entities.model, 'Grecale');
    });
    it('"cortesía", "martedi", "giovedi pomeriggio"', async () => {
      assert.equal((await say('cortesía', 'it', 'mobility')).entities.mobility, 'replacement');
      assert.equal((await say('martedi', 'it', 'date')).entities.date?.date, '2026-12-01');
      assert.equal((await say('giovedi pomeriggio', 'it', 'date')).entities.date?.part, 'afternoon');
    });
    it('"brakez r squeaking" in English', async () => {
      assert.equal((await say('brakez r squeaking', 'en')).entities.service?.id, 'brakes');
    });
  });

  describe('corrections carry the new value', () => {
    it('"anzi, giovedì"', async () => {
      const u = await say('anzi, giovedì', 'it', 'confirm');
      assert.equal(u.intent, 'correction');
      assert.equal(u.entities.date?.date, '2026-12-03');
    });
    it('"no aspetta, meglio venerdì"', async () => {
      const u = await say('no aspetta, meglio venerdì', 'it', 'confirm');
      assert.equal(u.intent, 'correction');
      assert.equal(u.entities.date?.date, '2026-12-04');
    });
    it('"actually make it Thursday"', async () => {
      const u = await say('actually make it Thursday', 'en', 'confirm');
      assert.equal(u.intent, 'correction');
      assert.equal(u.entities.date?.date, '2026-12-03');
    });
  });

  it('"prendo i mezzi" is public transport, as "coi mezzi" is', async () => {
    assert.equal((await say('prendo i mezzi', 'it', 'mobility')).entities.mobility, 'public-transport');
    assert.equal((await say('tagliando giovedì alle 10, prendo i mezzi', 'it')).entities.mobility, 'public-transport');
  });

  describe('at the summary, a change names what it changes', () => {
    for (const [text, name] of [
      ['la deve intestare a mio marito, Paolo Neri', 'Paolo Neri'],
      ['intestatela a mia moglie, Laura Bassi', 'Laura Bassi'],
      ["put it in my husband's name, Tom Baker", 'Tom Baker'],
    ] as const) {
      it(`"${text}" is the name ${name}`, async () => assert.equal((await say(text, /[àèé]|intest/.test(text) ? 'it' : 'en', 'confirm')).entities.name, name));
    }
    it('"pick it up from my office instead: <address>" moves the place, not the legs', async () => {
      const u = await say('oh wait, pick it up from my office instead: Via Radici in Piano 5, Sassuolo', 'en', 'confirm');
      assert.equal(u.entities.legs, undefined);
      assert.match(u.entities.address ?? '', /Sassuolo/);
    });
    it('"just pick it up from <address>" narrows the legs', async () => {
      const u = await say("actually just pick it up from Via Radici in Piano 5, Sassuolo, I'll collect it myself", 'en', 'confirm');
      assert.equal(u.entities.legs, 'pickup');
    });
  });

  describe('awaiting-aware short answers', () => {
    it('confirm: yes and no in both languages', async () => {
      for (const t of ['sì', 'va bene', 'ok', 'confermo', 'perfetto']) assert.equal((await say(t, 'it', 'confirm')).intent, 'affirm', t);
      for (const t of ['yes', 'sure', 'go ahead']) assert.equal((await say(t, 'en', 'confirm')).intent, 'affirm', t);
      assert.equal((await say('no', 'it', 'confirm')).intent, 'deny');
      assert.equal((await say('no', 'en', 'confirm')).intent, 'deny');
    });
    it('a bare name when a name was asked', async () => {
      assert.equal((await say('marco rossi', 'it', 'name')).entities.name, 'Marco Rossi');
      // out of the name question only a known first name makes two bare words a name (#12)
      assert.equal((await say('marco rossi', 'it')).entities.name, 'Marco Rossi');
      assert.equal((await say('levante grigia', 'it')).entities.name, undefined);
      assert.equal((await say('ferrara centro', 'it')).entities.name, undefined);
    });
    it('"sono in panne" and "sono interessato" are not names', async () => {
      assert.equal((await say('sono in panne')).entities.name, undefined);
      assert.equal((await say('sono interessato al tagliando')).entities.name, undefined);
    });
    it('choices: "2", "la seconda", "the second one", "opzione 1"', async () => {
      assert.equal((await say('2', 'it', 'slot')).entities.choice, 2);
      assert.equal((await say('2', 'it', 'slot')).entities.date, undefined);
      assert.equal((await say('la seconda', 'it', 'slot')).entities.choice, 2);
      assert.equal((await say('the second one', 'en', 'slot')).entities.choice, 2);
      assert.equal((await say('opzione 1', 'it')).entities.choice, 1);
    });
    it('pickup & delivery legs', async () => {
      assert.deepEqual(pickMobility(await say('solo ritiro', 'it', 'pickupDelivery')), ['pickup-delivery', 'pickup']);
      assert.deepEqual(pickMobility(await say('ritiro e consegna', 'it')), ['pickup-delivery', 'both']);
      assert.deepEqual(pickMobility(await say('only delivery please', 'en', 'pickupDelivery')), ['pickup-delivery', 'delivery']);
    });
  });

  describe('control intents', () => {
    const cases: [string, Lang, string, Record<string, unknown>?][] = [
      ['in English please', 'it', 'switchLanguage', { language: 'en' }],
      ['parla italiano?', 'en', 'switchLanguage', { language: 'it' }],
      ['can we speak Italian', 'en', 'switchLanguage', { language: 'it' }],
      ['sono in panne in autostrada', 'it', 'urgent'],
      ['voglio fare un reclamo', 'it', 'urgent'],
      ['I crashed', 'en', 'urgent'],
      ['voglio parlare con un operatore', 'it', 'human'],
      ['annulla', 'it', 'cancel'],
      ['start over', 'en', 'restart'],
      ['aiuto', 'it', 'help'],
      ['grazie mille', 'it', 'thanks'],
      ['buongiorno', 'it', 'greeting'],
    ];
    for (const [text, lang, intent, entities] of cases) {
      it(`${text} → ${intent}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, intent);
        if (entities) assert.deepEqual(u.entities, entities);
      });
    }
  });

  describe('language detection', () => {
    it('is silent on "ok", "sì", "grazie"', async () => {
      for (const t of ['ok', 'sì', 'grazie']) assert.equal((await say(t)).detectedLang, undefined, t);
    });
    it('names a clear longer message', async () => {
      assert.equal((await say('I would like to book a service for my car next week', 'it')).detectedLang, 'en');
      assert.equal((await say('vorrei prenotare il tagliando per la mia macchina', 'en')).detectedLang, 'it');
    });
  });
});

function pickMobility(u: { entities: { mobility?: string; legs?: string } }) {
  return [u.entities.mobility, u.entities.legs];
}
