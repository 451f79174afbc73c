/**
 * Dates as customers say them (issue #12): a weekday and a day of the month that disagree are
 * asked back with both days as buttons, never picked silently; the day chosen is the one booked.
 * Monday 30 November 2026: the 9th of December is a Wednesday, the 10th a Thursday.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const YES: Record<Lang, string> = { it: 'sì', en: 'yes' };
const START: Record<Lang, string> = {
  it: 'Sono Anna Bianchi, tagliando Ghibli FX456AB, prendo il taxi',
  en: "I'm Sarah Jones, service for Ghibli FX456AB, taxi",
};

describe('Dates understood (#12)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.close());

  const talk = (lang: Lang) => new Conversation(w.engine, lang).open();

  describe('a weekday that is not that day of the month: one short question, both days as buttons', () => {
    const cases: [Lang, string, RegExp, RegExp, RegExp, string][] = [
      ['it', 'lunedì 9', /lunedì 7 dicembre/, /mercoledì 9 dicembre/, /^mercoledì 9 dicembre$/, '2026-12-09'],
      ['it', 'va bene lunedi 9 alle 10?', /lunedì 7 dicembre/, /mercoledì 9 dicembre/, /^lunedì 7 dicembre, ore 10:00$/, '2026-12-07T10:00'],
      ['it', 'venerdì 10 mattina', /giovedì 10 dicembre/, /venerdì 11 dicembre/, /venerdì 11 dicembre/, '2026-12-11'],
      ['en', 'monday the 9th', /Monday 7 December/, /Wednesday 9 December/, /^Monday 7 December$/, '2026-12-07'],
      ['en', 'friday 10th at 11am works', /Thursday 10 December/, /Friday 11 December/, /^Thursday 10 December, 11:00$/, '2026-12-10T11:00'],
    ];
    for (const [lang, said, first, second, pick, booked] of cases) {
      it(`${lang}: "${said}" → asks which of the two, then books the one clicked`, async () => {
        const c = await talk(lang);
        await c.says(START[lang]);
        c.asks('date');
        await c.says(said);
        c.asks('date').said(first).said(second).said(lang === 'it' ? /non coincidono/ : /don't match/);
        assert.equal(c.choices().filter((t) => /\d/.test(t)).length, 2, `two days offered: ${c.choices().join(' | ')}`);
        await c.clicks(pick);
        c.asks('confirm');
        await c.says(YES[lang]);
        assert.ok(c.booking?.appointmentAt.startsWith(booked), `booked ${c.booking?.appointmentAt}`);
      });
    }

    it('en: asked back in a correction too: "no wait, make it monday the 9th"', async () => {
      const c = await talk('en');
      await c.says(START.en);
      await c.says('thursday at 10');
      c.asks('confirm');
      await c.says('no wait, make it monday the 9th');
      c.asks('date').said(/Monday 7 December/).said(/Wednesday 9 December/);
    });

    it('it: said with everything else in the first message, the question still comes', async () => {
      const c = await talk('it');
      await c.says('Buongiorno, sono Marco Rossi, Ghibli FX456AB, tagliando lunedì 9, prendo il taxi');
      c.asks('date').said(/lunedì 7 dicembre/).said(/mercoledì 9 dicembre/);
    });
  });

  describe('a cancellation names no day to book', () => {
    // "disdire" is now read as cancelling (#12), as "cancel" is in English: the request is called off, tomorrow is not taken
    it('it: "vorrei disdire l\'appuntamento di domani" at the date question → the request is cancelled, tomorrow is not taken', async () => {
      const c = await talk('it');
      await c.says(START.it);
      c.asks('date');
      await c.says("vorrei disdire l'appuntamento di domani");
      assert.equal(c.booking, undefined);
      c.didNotSay(/1 dicembre/).said(/annullato/);
    });
    it('en: "please cancel my booking for tomorrow" → the request is cancelled, nothing booked for tomorrow', async () => {
      const c = await talk('en');
      await c.says(START.en);
      await c.says('please cancel my booking for tomorrow');
      assert.equal(c.booking, undefined);
      c.didNotSay(/1 December/);
    });
  });
});
