/**
 * Loops with no way out (issue #11, R11), in Italian and in English. Everyday answers about
 * mobility are understood ("vado a piedi", "my wife drives me"); a message that leaves the
 * question open is asked again once, in other words and with an example, in one message; the
 * second leads to the offer of a person (yes / go on); no question is shown three times in a row.
 * Clock: Monday 30 November 2026, 09:00 in Modena.
 */
import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const script = {
  it: {
    start: 'Sono Marco Rossi, tagliando per la Ghibli FX456AB',
    /** Answers that mean "I need nothing from you". */
    noMobility: [
      'abito a due passi, vado a piedi',
      'vado a piedi',
      'tranquilli ci vado a piedi, sto qui vicino',
      'a piedi',
      'nn mi serve niente, vado e torno a piedi',
      'ho un altra macchina',
      'mi accompagna mia moglie',
      'mio marito mi viene a prendere',
      'mi porta mio figlio, grazie',
    ],
    publicTransport: ['prendo la corriera', 'torno col pullman', 'vado in treno', "prendo l'autobus sotto casa"],
    brandCar: ['una maserati se possibile', 'una Maserati per favore'],
    shuttle: ['se uno dei vostri mi da un passaggio va benissimo', 'mi date un passaggio voi?'],
    thursday10: 'giovedì alle 10',
    taxi: 'taxi',
    yes: 'sì',
    pickupDelivery: /^Ritiro e consegna/,
    both: 'entrambi',
    unclear: ['abito in centro', 'boh'],
    unclearName: ['???', 'ehm non saprei'],
    unclearShort: ['boh', '???'],
    stillUnclear: ['mah', 'hmm'],
    thanks: 'grazie',
    help: 'aiuto',
    mobilityList: /ecco le soluzioni di mobilità/,
    legsSorry: /preferisce solo il ritiro/,
    example: /«[^»]+»/,
    offer: /consulente/,
    talkToAdvisor: 'Parlo con un consulente',
    goOn: 'Riproviamo',
    service: 'tagliando',
    serviceAndCar: 'tagliando per la Ghibli FX456AB',
  },
  en: {
    start: "I'm Marco Rossi, annual service for my Ghibli FX456AB",
    noMobility: [
      "I live round the corner, I'll walk",
      "I'll walk",
      'no worries, walking distance for me',
      'on foot',
      'i have another car',
      'my wife drives me',
      'my husband will pick me up',
      'a friend is giving me a lift, thanks',
    ],
    publicTransport: ["I'll get the coach", 'train is fine', "i'll take the bus home"],
    brandCar: ['a Maserati if possible', 'a maserati please'],
    shuttle: ['one of your staff giving me a lift would be great', 'could one of your people drive me home?'],
    thursday10: 'Thursday at 10',
    taxi: 'taxi',
    yes: 'yes',
    pickupDelivery: /^Pickup & delivery/,
    both: 'both',
    unclear: ['I live downtown', 'dunno'],
    unclearName: ['???', '...'],
    unclearShort: ['dunno', '???'],
    stillUnclear: ['hmm', 'meh'],
    thanks: 'thanks',
    help: 'help',
    mobilityList: /these are the mobility solutions/,
    legsSorry: /would you like pickup only/,
    example: /"[^"]+"/,
    offer: /advisor/,
    talkToAdvisor: 'Talk to an advisor',
    goOn: "Let's try again",
    service: 'annual service please',
    serviceAndCar: 'annual service for my Ghibli FX456AB',
  },
} as const;

/** The text of the bot's question in the last turn. */
const promptOf = (c: Conversation) => c.last.messages.findLast((m) => m.awaiting)?.text ?? '';

for (const lang of ['it', 'en'] as const satisfies Lang[]) {
  const p = script[lang];

  describe(`Loops with no way out (${lang})`, () => {
    let w: World;
    beforeEach(async () => (w = await world()));
    afterEach(async () => w.close());

    const atMobility = async () => {
      const c = await new Conversation(w.engine, lang).open();
      await c.says(p.start);
      return c.asks('mobility');
    };

    describe('everyday answers to the mobility question are answers', () => {
      for (const text of p.noMobility) {
        it(`"${text}" means no mobility is needed`, async () => {
          const c = await atMobility();
          await c.says(text);
          c.asks('date');
          assert.equal(c.last.lang, lang, 'the language stays');
          await c.says(p.thursday10);
          c.asks('confirm');
          await c.says(p.yes);
          assert.equal(c.booking?.solution, 'none', c.transcript.join('\n'));
        });
      }
      for (const text of p.publicTransport) {
        it(`"${text}" means public transport`, async () => {
          const c = await atMobility();
          await c.says(text);
          c.asks('date');
          await c.says(p.thursday10);
          await c.says(p.yes);
          assert.equal(c.booking?.solution, 'public-transport', c.transcript.join('\n'));
        });
      }
      for (const text of p.brandCar) {
        it(`"${text}" means a Maserati courtesy car`, async () => {
          const c = await atMobility();
          await c.says(text);
          c.asks('date');
          await c.says(p.thursday10);
          await c.says(p.yes);
          assert.equal(c.booking?.solution, 'courtesy-car-brand', c.transcript.join('\n'));
        });
      }
      for (const text of p.shuttle) {
        it(`"${text}" means the staff shuttle`, async () => {
          const c = await atMobility();
          await c.says(text);
          c.asks('address');
        });
      }
    });

    describe('a message that leaves the question open', () => {
      it('the first time: asked again in other words, with an example, in one message (not an apology and the whole list)', async () => {
        const c = await atMobility();
        const first = promptOf(c);
        await c.says(p.unclear[0]);
        c.asks('mobility').said(p.example).didNotSay(p.mobilityList);
        assert.equal(c.last.messages.length, 1, c.text);
        assert.notEqual(promptOf(c), first);
        assert.ok(c.choices().length >= 2, 'the options stay as buttons');
      });

      it('the second time: the offer of a person, with "yes" and "go on"', async () => {
        const c = await atMobility();
        await c.says(p.unclear[0]);
        await c.says(p.unclear[1]);
        c.said(p.offer);
        assert.deepEqual(c.choices(), [p.talkToAdvisor, p.goOn]);
        assert.equal(c.last.handoff, undefined, 'offered, not handed over');
      });

      it('yes: handed over to a person', async () => {
        const c = await atMobility();
        await c.says(p.unclear[0]);
        await c.says(p.unclear[1]);
        await c.clicks(p.talkToAdvisor);
        assert.equal(c.last.handoff, 'misunderstood');
      });

      it('go on: the question again, and the count starts over', async () => {
        const c = await atMobility();
        await c.says(p.unclear[0]);
        await c.says(p.unclear[1]);
        await c.clicks(p.goOn);
        c.asks('mobility').said(p.mobilityList);
        await c.says(p.unclear[1]);
        c.asks('mobility').said(p.example);
        assert.notDeepEqual(c.choices(), [p.talkToAdvisor, p.goOn], 'one miss after "go on" is asked again, not offered a person');
        await c.says(p.taxi);
        c.asks('date');
      });

      it('an answer at the offer of a person goes on', async () => {
        const c = await atMobility();
        await c.says(p.unclear[0]);
        await c.says(p.unclear[1]);
        await c.says(p.taxi);
        c.asks('date');
      });

      it('still not understood at the offer: offered once more in other words, then handed over', async () => {
        const c = await atMobility();
        await c.says(p.unclear[0]);
        await c.says(p.unclear[1]);
        const offer = promptOf(c);
        await c.says(p.stillUnclear[0]);
        c.said(p.offer);
        assert.notEqual(promptOf(c), offer);
        assert.equal(c.last.handoff, undefined);
        await c.says(p.stillUnclear[1]);
        assert.equal(c.last.handoff, 'misunderstood', c.transcript.join('\n'));
      });

      it('progress counts, not intent: a date given at the mobility question is kept, the question asked in other words', async () => {
        const c = await atMobility();
        await c.says(p.thursday10);
        c.asks('mobility').said(p.example);
        assert.equal(c.last.messages.length, 1, c.text);
        await c.says(p.unclear[1]);
        c.said(p.offer);
        await c.says(p.taxi);
        c.asks('confirm');
      });

      it('at the legs question: one message, not "sorry, pickup or delivery?" and the question again', async () => {
        const c = await atMobility();
        await c.clicks(p.pickupDelivery);
        c.asks('pickupDelivery');
        const legs = promptOf(c);
        await c.says(p.unclearShort[0]);
        c.asks('pickupDelivery').said(p.example);
        assert.equal(c.last.messages.length, 1, c.text);
        assert.notEqual(promptOf(c), legs);
        await c.says(p.unclearShort[1]);
        c.said(p.offer);
      });
    });

    describe('at every question: asked again once in other words, then a person offered', () => {
      const reach: [string, Awaiting, (string | RegExp)[], string[]][] = [
        ['the work', 'service', [], [...p.unclearShort]],
        ['the car', 'vehicle', [p.service], [...p.unclearShort]],
        ['the name', 'name', [p.serviceAndCar], [...p.unclearName]],
        ['the mobility', 'mobility', [p.start], [...p.unclear]],
        ['the day', 'date', [p.start, p.taxi], [...p.unclearShort]],
        ['the address', 'address', [p.start, p.pickupDelivery, p.both], [...p.unclearShort]],
        ['the summary', 'confirm', [p.start, p.taxi, p.thursday10], [...p.unclearShort]],
      ];
      for (const [what, awaiting, before, unclear] of reach) {
        it(`${what}`, async () => {
          const c = await new Conversation(w.engine, lang).open();
          for (const text of before) await (typeof text === 'string' ? c.says(text) : c.clicks(text));
          c.asks(awaiting);
          const asked = promptOf(c);
          await c.says(unclear[0]);
          c.asks(awaiting).said(p.example);
          assert.equal(c.last.messages.length, 1, c.text);
          assert.notEqual(promptOf(c), asked);
          await c.says(unclear[1]);
          c.said(p.offer);
          assert.deepEqual(c.choices(), [p.talkToAdvisor, p.goOn], c.transcript.join('\n'));
        });
      }
    });

    describe('no question is shown three times in a row: the third time in other words, with a person offered', () => {
      for (const [what, text] of [['thanks', p.thanks], ['help', p.help]] as const) {
        for (const [at, before] of [['mobility', [p.start]], ['date', [p.start, p.taxi]]] as const) {
          it(`"${text}" three times at the ${at} question`, async () => {
            const c = await new Conversation(w.engine, lang).open();
            for (const b of before) await c.says(b);
            const shown = [promptOf(c)];
            for (let i = 0; i < 5; i++) {
              await c.says(text);
              shown.push(promptOf(c));
              // the third time the question is put otherwise, with a person a click away
              if (i === 1) assert.ok(c.choices().includes(p.talkToAdvisor), `${what}: no person offered:\n${c.transcript.join('\n')}`);
            }
            for (let i = 2; i < shown.length; i++) {
              assert.ok(!(shown[i] === shown[i - 1] && shown[i] === shown[i - 2]), `${what}: the same question three times:\n${c.transcript.join('\n')}`);
            }
            assert.ok(c.choices().length > 0);
          });
        }
      }
    });
  });
}
