import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Awaiting, Lang } from '../../dialogs/model';
import { createDateRecognizer } from '../../src/nlu/dates';
import { createLocalRecognizer } from '../../src/nlu/local';
import { normalise } from '../../src/nlu/local/normalise';

const find = createDateRecognizer();
// Monday 30 November 2026, 09:00 in Rome
const NOW = '2026-11-30T09:00:00+01:00';
const date = (text: string, lang: Lang = 'it', now = NOW, awaitingDate = false) =>
  find({ text: normalise(text), normalised: normalise(text), lang, now, timeZone: 'Europe/Rome', awaitingDate });
const pick = (text: string, lang: Lang = 'it', now = NOW) => {
  const d = date(text, lang, now);
  return d && { date: d.date, time: d.time, part: d.part, asap: d.asap };
};

describe('dates (chrono-node extended)', () => {
  describe('Italian gaps of chrono.it', () => {
    it('hours in words: "alle nove"', () => assert.deepEqual(pick('domani alle nove'), { date: '2026-12-01', time: '09:00', part: undefined, asap: undefined }));
    it('"e mezza", "e un quarto", "meno un quarto"', () => {
      assert.equal(date('martedì alle 9 e mezza')?.time, '09:30');
      assert.equal(date('martedì alle 9 e un quarto')?.time, '09:15');
      assert.equal(date('martedì alle 10 meno un quarto')?.time, '09:45');
    });
    it('"alle 3 del pomeriggio" is 15:00', () => assert.equal(date('giovedì alle 3 del pomeriggio')?.time, '15:00'));
    it('an hour from 1 to 6 without "mattina" is in the afternoon', () => assert.equal(date('venerdì alle 3')?.time, '15:00'));
    it('"il 7" is the next 7th', () => assert.equal(date('il 7')?.date, '2026-12-07'));
    it('"il 15 alle 11" keeps day and hour', () => assert.deepEqual(pick('il 15 alle 11'), { date: '2026-12-15', time: '11:00', part: undefined, asap: undefined }));
    it('"verso le 14" and "dopo le 17"', () => {
      assert.equal(date('martedì verso le 14')?.time, '14:00');
      assert.equal(date('martedì dopo le 17')?.time, '17:00');
    });
    it('"3/12 alle 10" is day/month', () => assert.deepEqual(pick('3/12 alle 10'), { date: '2026-12-03', time: '10:00', part: undefined, asap: undefined }));
    it('"12/3" is 12 March in Italian and in British English', () => {
      assert.equal(date('12/3')?.date, '2027-03-12');
      assert.equal(date('12/3', 'en')?.date, '2027-03-12');
    });
    it('"prima possibile" is asap', () => assert.deepEqual(pick('il prima possibile'), { date: undefined, time: undefined, part: undefined, asap: true }));
  });

  describe('parts of the day are ranges, not hours', () => {
    it('"martedì mattina" → morning, no time', () => assert.deepEqual(pick('martedì mattina'), { date: '2026-12-01', time: undefined, part: 'morning', asap: undefined }));
    it('"giovedi pomeriggio" (no accent) → afternoon', () => assert.equal(date('giovedi pomeriggio')?.part, 'afternoon'));
    it('"thursday afternoon" in English', () => assert.deepEqual(pick('thursday afternoon', 'en'), { date: '2026-12-03', time: undefined, part: 'afternoon', asap: undefined }));
    it('"good morning" and "ogni mattina" are not wishes', () => {
      assert.equal(date('good morning', 'en'), undefined);
      assert.equal(date('la batteria è scarica ogni mattina'), undefined);
    });
  });

  describe('weekdays: the next occurrence strictly after today', () => {
    it('"lunedì" said on a Monday is next Monday', () => assert.equal(date('lunedì')?.date, '2026-12-07'));
    it('"martedì" is tomorrow', () => assert.equal(date('martedi')?.date, '2026-12-01'));
    it('"next tuesday" is the coming Tuesday', () => assert.equal(date('next tuesday', 'en')?.date, '2026-12-01'));
    it('a weekday with its day of the month is that date: "martedi 8", "venerdì 11 alle 9", "tue 8", "friday the 11th"', () => {
      assert.equal(date('martedi 8')?.date, '2026-12-08');
      assert.deepEqual(pick('venerdi 11 alle 9'), { date: '2026-12-11', time: '09:00', part: undefined, asap: undefined });
      assert.equal(date('tue 8', 'en')?.date, '2026-12-08');
      assert.equal(date('friday the 11th', 'en')?.date, '2026-12-11');
    });
    it('an hour said as one stays an hour: "venerdì alle 10", "venerdì ore 10", "venerdì 10:00", "fri 11am"', () => {
      for (const said of ['venerdì alle 10', 'venerdì ore 10', 'venerdì 10:00', 'venerdi h 10']) {
        assert.deepEqual(pick(said), { date: '2026-12-04', time: '10:00', part: undefined, asap: undefined }, said);
      }
      assert.deepEqual(pick('fri 11am', 'en'), { date: '2026-12-04', time: '11:00', part: undefined, asap: undefined });
      assert.deepEqual(pick('friday at 10', 'en'), { date: '2026-12-04', time: '10:00', part: undefined, asap: undefined });
    });
  });

  describe('a weekday with its day of the month, as customers write it', () => {
    const agree: [string, Lang, string, string?][] = [
      ['martedì 8', 'it', '2026-12-08'],
      ['Martedi 8 alle 10', 'it', '2026-12-08', '10:00'],
      ["martedì l'8", 'it', '2026-12-08'],
      ['per martedì 15 alle 9 e mezza', 'it', '2026-12-15', '09:30'],
      ['venerdì 11 alle 9', 'it', '2026-12-11', '09:00'],
      ['giovedì 3, verso le 14', 'it', '2026-12-03', '14:00'],
      ['mercoledì 2 pomeriggio', 'it', '2026-12-02'],
      ['ven 11', 'it', '2026-12-11'],
      ['gio 10 alle 11', 'it', '2026-12-10', '11:00'],
      ['lunedì 14 dicembre', 'it', '2026-12-14'],
      ['friday the 11th', 'en', '2026-12-11'],
      ['tue 8th', 'en', '2026-12-08'],
      ['tue 8', 'en', '2026-12-08'],
      ['Thursday 10th at 2pm', 'en', '2026-12-10', '14:00'],
      ['on wed the 2nd', 'en', '2026-12-02'],
      ['monday 14 december at 9.30', 'en', '2026-12-14', '09:30'],
      ['sat 5th in the morning', 'en', '2026-12-05'],
    ];
    for (const [said, lang, day, time] of agree) {
      it(`${lang}: "${said}" → ${day}${time ? ` ${time}` : ''}, nothing to ask`, () => {
        const d = date(said, lang);
        assert.equal(d?.date, day);
        if (time) assert.equal(d?.time, time);
        assert.equal(d?.conflict, undefined);
      });
    }

    // the 9th of December 2026 is a Wednesday, the 10th a Thursday, the 8th a Tuesday
    const disagree: [string, Lang, [string, string], string?][] = [
      ['lunedì 9', 'it', ['2026-12-07', '2026-12-09']],
      ['lunedi 9 alle 10', 'it', ['2026-12-07', '2026-12-09'], '10:00'],
      ['venerdì 10', 'it', ['2026-12-10', '2026-12-11']],
      ['giovedi 8 mattina', 'it', ['2026-12-08', '2026-12-10']],
      ['lunedì 9 dicembre', 'it', ['2026-12-07', '2026-12-09']],
      ['per lunedì il 9', 'it', ['2026-12-07', '2026-12-09']],
      ['domenica 2', 'it', ['2026-12-02', '2026-12-06']],
      ['monday the 9th', 'en', ['2026-12-07', '2026-12-09']],
      ['mon 9th at 10am', 'en', ['2026-12-07', '2026-12-09'], '10:00'],
      ['Monday 9 December', 'en', ['2026-12-07', '2026-12-09']],
      ['friday 10th', 'en', ['2026-12-10', '2026-12-11']],
      ['thursday the 8th in the afternoon', 'en', ['2026-12-08', '2026-12-10']],
    ];
    for (const [said, lang, days, time] of disagree) {
      it(`${lang}: "${said}" → not one picked silently: ${days.join(' or ')}`, () => {
        const d = date(said, lang);
        assert.deepEqual(d?.conflict?.map((c) => c.date), days);
        if (time) assert.deepEqual(d?.conflict?.map((c) => c.time), [time, time]);
      });
    }
    it('the weekday candidate is never a day gone by: "domenica 2" offers Sunday 6, not Sunday 29 November', () => {
      assert.ok(date('domenica 2')?.conflict?.every((c) => (c.date ?? '') > '2026-11-30'));
    });
  });

  describe('a weekday of a later week: calendar weeks, Monday to Sunday', () => {
    // next week is 7–13 December; in two weeks, 14–20 December
    const cases: [string, Lang, string, string?][] = [
      ['martedì prossima settimana', 'it', '2026-12-08'],
      ['martedi della prossima settimana', 'it', '2026-12-08'],
      ['martedì della settimana prossima alle 10', 'it', '2026-12-08', '10:00'],
      ['giovedì settimana prossima', 'it', '2026-12-10'],
      ['la settimana prossima giovedì', 'it', '2026-12-10'],
      ['la prossima settimana, giovedì pomeriggio', 'it', '2026-12-10'],
      ['settimana prossima di venerdì', 'it', '2026-12-11'],
      ['next week on Tuesday', 'en', '2026-12-08'],
      ['next week tuesday at 9', 'en', '2026-12-08', '09:00'],
      ['tuesday next week', 'en', '2026-12-08'],
      ['Thursday of next week', 'en', '2026-12-10'],
      ['next week, thursday morning', 'en', '2026-12-10'],
      ['martedì tra due settimane', 'it', '2026-12-15'],
      ['martedi fra 2 settimane alle 11', 'it', '2026-12-15', '11:00'],
      ['fra 2 settimane di venerdì', 'it', '2026-12-18'],
      ['tra due settimane, venerdì', 'it', '2026-12-18'],
      ['giovedì tra una settimana', 'it', '2026-12-10'],
      ['in 2 weeks on Friday', 'en', '2026-12-18'],
      ['in two weeks time on friday', 'en', '2026-12-18'],
      ['friday in two weeks', 'en', '2026-12-18'],
      ['the Tuesday after next', 'en', '2026-12-08'],
      ['tuesday after next at 10', 'en', '2026-12-08', '10:00'],
      ['a week on friday', 'en', '2026-12-11'],
      ['friday week', 'en', '2026-12-11'],
    ];
    for (const [said, lang, day, time] of cases) {
      it(`${lang}: "${said}" → ${day}${time ? ` ${time}` : ''}, one day`, () => {
        const d = date(said, lang);
        assert.equal(d?.date, day);
        if (time) assert.equal(d?.time, time);
        assert.equal(d?.either, undefined, 'one day, nothing to ask');
        assert.equal(d?.conflict, undefined);
      });
    }
    it('said on a Sunday, next week starts tomorrow: "martedì prossima settimana" on Sunday 6 December is the 8th', () => {
      assert.equal(date('martedì prossima settimana', 'it', '2026-12-06T10:00:00+01:00')?.date, '2026-12-08');
      assert.equal(date('in 2 weeks on tuesday', 'en', '2026-12-06T10:00:00+01:00')?.date, '2026-12-15');
    });
    it('"in N days / weeks" and "tra N giorni / settimane" count from today', () => {
      assert.equal(date('in 3 days', 'en')?.date, '2026-12-03');
      assert.equal(date('in a week', 'en')?.date, '2026-12-07');
      assert.equal(date('in 2 weeks', 'en')?.date, '2026-12-14');
      assert.equal(date('tra 3 giorni')?.date, '2026-12-03');
      assert.equal(date('fra due settimane')?.date, '2026-12-14');
    });
    it('a duration is still no date: "for 3 days", "ready in 2 days?", "in 2 giorni ce la fate?"', () => {
      assert.equal(date('I need a car for 3 days', 'en'), undefined);
      assert.equal(date('will it be ready in 2 days?', 'en'), undefined);
      assert.equal(date('can you get it done in 3 days', 'en'), undefined);
      assert.equal(date('in 2 giorni ce la fate?'), undefined);
    });
  });

  describe('middle and end of a month: the first day of the 15th–20th still ahead, the last weekday', () => {
    // 31 December 2026 is a Thursday, 31 January 2027 a Sunday
    const cases: [string, Lang, string][] = [
      ['a metà mese', 'it', '2026-12-15'],
      ['verso metà mese', 'it', '2026-12-15'],
      ['metà del mese prossimo', 'it', '2026-12-15'],
      ['a metà dicembre', 'it', '2026-12-15'],
      ['metà gennaio', 'it', '2027-01-15'],
      ['verso fine mese', 'it', '2026-12-31'],
      ['a fine mese', 'it', '2026-12-31'],
      ['alla fine del mese', 'it', '2026-12-31'],
      ['fine dicembre', 'it', '2026-12-31'],
      ['a fine gennaio', 'it', '2027-01-29'],
      ['fine del mese prossimo', 'it', '2026-12-31'],
      ['mid-December', 'en', '2026-12-15'],
      ['mid december please', 'en', '2026-12-15'],
      ['in the middle of the month', 'en', '2026-12-15'],
      ['mid-month', 'en', '2026-12-15'],
      ['middle of January', 'en', '2027-01-15'],
      ['end of the month', 'en', '2026-12-31'],
      ['towards the end of the month', 'en', '2026-12-31'],
      ['at the end of December', 'en', '2026-12-31'],
      ['end of january', 'en', '2027-01-29'],
      ['the end of next month', 'en', '2026-12-31'],
    ];
    for (const [said, lang, day] of cases) {
      it(`${lang}: "${said}" → ${day}`, () => assert.equal(date(said, lang)?.date, day));
    }
    it('"next month" said on 2 December is January', () => {
      const dec2 = '2026-12-02T09:00:00+01:00';
      assert.equal(date('metà del mese prossimo', 'it', dec2)?.date, '2027-01-15');
      assert.equal(date('a fine mese prossimo', 'it', dec2)?.date, '2027-01-29');
      assert.equal(date('mid next month', 'en', dec2)?.date, '2027-01-15');
      assert.equal(date('the end of next month', 'en', dec2)?.date, '2027-01-29');
    });
    it('a middle under way is its next day; one gone, or an end that is today, is next month\'s', () => {
      assert.equal(date('a metà mese', 'it', '2026-12-16T09:00:00+01:00')?.date, '2026-12-17');
      assert.equal(date('a metà mese', 'it', '2026-12-20T09:00:00+01:00')?.date, '2027-01-15');
      // 30 November 2026 is a Monday, the last weekday of November
      assert.equal(date('end of the month', 'en', '2026-11-30T09:00:00+01:00')?.date, '2026-12-31');
    });
    it('an end on a weekend is the Friday before: 31 January 2027 is a Sunday → Friday 29', () => {
      assert.equal(date('fine gennaio', 'it', '2027-01-04T09:00:00+01:00')?.date, '2027-01-29');
    });
    it('a deadline is still no day: "entro fine mese", "before the end of the month", "by the end of December"', () => {
      assert.equal(date('devo fare la revisione entro fine mese'), undefined);
      assert.equal(date('prima della fine del mese'), undefined);
      assert.equal(date('need an MOT before the end of the month', 'en'), undefined);
      assert.equal(date('by the end of December', 'en'), undefined);
    });
    it('the parts already understood stay: "seconda metà del mese" from the 16th, "inizio del mese prossimo"', () => {
      assert.equal(date('seconda metà del mese')?.date, '2026-12-16');
      assert.equal(date('inizio del mese prossimo')?.date, '2026-12-01');
      assert.equal(date('second half of the month', 'en')?.date, '2026-12-16');
    });
  });

  describe('moments of the day: meals and the opening are parts of the day, noon an hour', () => {
    const parts: [string, Lang, 'morning' | 'afternoon', string?][] = [
      ['domani prima di pranzo', 'it', 'morning', '2026-12-01'],
      ['giovedì prima della pausa pranzo', 'it', 'morning', '2026-12-03'],
      ['domani in tarda mattinata', 'it', 'morning'],
      ['domani dopo pranzo', 'it', 'afternoon', '2026-12-01'],
      ['mercoledì dopo il pranzo', 'it', 'afternoon'],
      ['giovedì nel primo pomeriggio', 'it', 'afternoon'],
      ['domani a prima ora', 'it', 'morning', '2026-12-01'],
      ['giovedì alla prima ora', 'it', 'morning', '2026-12-03'],
      ['martedì appena aprite', 'it', 'morning', '2026-12-01'],
      ["mercoledì all'apertura", 'it', 'morning'],
      ['tomorrow before lunch', 'en', 'morning', '2026-12-01'],
      ['thursday after lunch', 'en', 'afternoon', '2026-12-03'],
      ['wednesday late morning', 'en', 'morning'],
      ['friday early afternoon', 'en', 'afternoon'],
      ['tomorrow first thing', 'en', 'morning', '2026-12-01'],
      ['first thing on thursday', 'en', 'morning', '2026-12-03'],
      ['thursday first thing in the morning', 'en', 'morning', '2026-12-03'],
      ['friday as soon as you open', 'en', 'morning'],
    ];
    for (const [said, lang, part, day] of parts) {
      it(`${lang}: "${said}" → the ${part}${day ? ` of ${day}` : ''}, no hour`, () => {
        const d = date(said, lang);
        assert.equal(d?.part, part);
        assert.equal(d?.time, undefined);
        if (day) assert.equal(d?.date, day);
      });
    }
    it('said alone at the date question: "dopo pranzo", "before lunch", "first thing"', () => {
      assert.equal(date('dopo pranzo', 'it', NOW, true)?.part, 'afternoon');
      assert.equal(date('before lunch', 'en', NOW, true)?.part, 'morning');
      assert.equal(date('first thing', 'en', NOW, true)?.part, 'morning');
    });
    it('"a prima ora" is no "now": chrono.it read "ora" as this very minute, today', () => {
      const d = date('domani a prima ora');
      assert.equal(d?.date, '2026-12-01');
      assert.equal(d?.either, undefined);
    });
    const noon: [string, Lang, string][] = [
      ['domani a mezzogiorno', 'it', '12:00'],
      ['giovedì verso mezzogiorno', 'it', '12:00'],
      ['martedì mezzogiorno e mezzo', 'it', '12:30'],
      ['tomorrow at noon', 'en', '12:00'],
      ['thursday midday', 'en', '12:00'],
    ];
    for (const [said, lang, time] of noon) {
      it(`${lang}: "${said}" → ${time}`, () => assert.equal(date(said, lang)?.time, time));
    }
  });

  describe('hours written with a dot, a comma, an "e" or an "h"', () => {
    const cases: [string, Lang, string][] = [
      ['domani 9.30', 'it', '09:30'],
      ['domani alle 9.30', 'it', '09:30'],
      ['giovedì ore 15.00', 'it', '15:00'],
      ['martedì h 14.30', 'it', '14:30'],
      ['martedì h14.30', 'it', '14:30'],
      ['martedì alle 14e30', 'it', '14:30'],
      ['martedì 14e30', 'it', '14:30'],
      ['martedì alle 9,30', 'it', '09:30'],
      ['martedì alle 9h30', 'it', '09:30'],
      ['domani alle 2.30', 'it', '14:30'],
      ['tomorrow 2.30pm', 'en', '14:30'],
      ['tomorrow at 2.30 pm', 'en', '14:30'],
      ['tomorrow at 9.30am', 'en', '09:30'],
      ['thursday 10.15', 'en', '10:15'],
    ];
    for (const [said, lang, time] of cases) {
      it(`${lang}: "${said}" → ${time}`, () => assert.equal(date(said, lang)?.time, time));
    }
  });

  describe('no day where none is wished', () => {
    const asked = (text: string, lang: Lang = 'it') => date(text, lang, NOW, true);
    const vague: [string, Lang][] = [
      ["tra un po'", 'it'], ['più avanti', 'it'], ['quando volete', 'it'], ['non ho fretta, quando volete voi', 'it'],
      ['il tagliando lo faccio più avanti', 'it'], ['più in là', 'it'], ['fra poco', 'it'], ['a breve', 'it'],
      ['in a bit', 'en'], ["I'll book it in a bit", 'en'], ['later on', 'en'], ['whenever suits you', 'en'],
      ['at some point', 'en'], ['sometime later', 'en'],
    ];
    for (const [said, lang] of vague) {
      it(`${lang}: "${said}" → no day, even when a day was asked`, () => assert.equal(asked(said, lang), undefined));
    }
    it('"now" is no day: "ora non ricordo la targa, martedì va bene" is Tuesday alone; "not now, maybe friday" is Friday', () => {
      const d = date('ora non ricordo la targa, martedì va bene');
      assert.equal(d?.date, '2026-12-01');
      assert.equal(d?.either, undefined);
      const e = date('not now, maybe friday', 'en');
      assert.equal(e?.date, '2026-12-04');
      assert.equal(e?.either, undefined);
    });
    const cancelling: [string, Lang][] = [
      ["cancel today's appointment", 'en'], ['please cancel my booking for tomorrow', 'en'], ["I need to call off Thursday's appointment", 'en'],
      ["annulla l'appuntamento di oggi", 'it'], ["vorrei disdire l'appuntamento di domani", 'it'], ['devo cancellare la prenotazione di giovedì', 'it'],
    ];
    for (const [said, lang] of cancelling) {
      it(`${lang}: "${said}" → the day names what is cancelled, no wish`, () => assert.equal(asked(said, lang), undefined));
    }
  });

  describe('through the recognizer', () => {
    const recognizer = createLocalRecognizer();
    const understand = (text: string, lang: Lang) => recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting: 'date' });
    it('a cancellation carries no date: "cancel today\'s appointment", "annulla l\'appuntamento di oggi"', async () => {
      for (const [text, lang] of [["cancel today's appointment", 'en'], ["annulla l'appuntamento di oggi", 'it']] as const) {
        const u = await understand(text, lang);
        assert.equal(u.intent, 'cancel', text);
        assert.equal(u.entities.date, undefined, text);
      }
    });
    it('"lunedì 9" reaches the dialogue with both days', async () => {
      const u = await understand('lunedì 9', 'it');
      assert.deepEqual(u.entities.date?.conflict?.map((d) => d.date), ['2026-12-07', '2026-12-09']);
    });
    it('"martedì prossima settimana", "end of the month", "dopo pranzo" arrive whole', async () => {
      assert.equal((await understand('martedì prossima settimana', 'it')).entities.date?.date, '2026-12-08');
      assert.equal((await understand('end of the month', 'en')).entities.date?.date, '2026-12-31');
      assert.equal((await understand('domani dopo pranzo', 'it')).entities.date?.part, 'afternoon');
    });
  });

  describe('English gaps of chrono.en', () => {
    it('"at nine", "half past nine", "quarter past nine"', () => {
      assert.equal(date('tomorrow at nine', 'en')?.time, '09:00');
      assert.equal(date('tomorrow half past nine', 'en')?.time, '09:30');
      assert.equal(date('wednesday at quarter past nine', 'en')?.time, '09:15');
    });
    it('"on the 7th" and "the day after tomorrow"', () => {
      assert.equal(date('on the 7th', 'en')?.date, '2026-12-07');
      assert.equal(date('the day after tomorrow', 'en')?.date, '2026-12-02');
    });
    it('"asap"', () => assert.equal(date('asap please', 'en')?.asap, true));
  });

  describe('time zone and DST', () => {
    it('"domenica 29 marzo alle 10" on the day Europe/Rome moves to summer time', () => {
      assert.deepEqual(pick('domenica 29 marzo alle 10', 'it', '2026-03-20T10:00:00+01:00'), { date: '2026-03-29', time: '10:00', part: undefined, asap: undefined });
    });
    it('days are the dealer\'s: 23:30 UTC on 30 Nov is already 1 Dec in Rome', () => {
      assert.equal(date('domani', 'it', '2026-11-30T23:30:00Z')?.date, '2026-12-02');
    });
    it('a past date is still returned (the dialogue refuses it)', () => assert.equal(date('il 3 dicembre 2025')?.date, '2025-12-03'));
  });

  it('durations are not dates: "per 2 giorni"', () => assert.equal(date("mi serve un'auto per 2 giorni"), undefined));
  it('rates are not dates: "€90 a day??", "50 € al giorno", "per day"; "in a week" still is one', () => {
    assert.equal(date("€90 a day?? that's way too much", 'en'), undefined);
    assert.equal(date('50 € al giorno? troppo'), undefined);
    assert.equal(date('how much per day?', 'en'), undefined);
    assert.equal(date('tomorrow, €90 a day is fine', 'en')?.date, '2026-12-01');
  });
  it('a time alone comes without a date', () => assert.deepEqual(pick('alle 10'), { date: undefined, time: '10:00', part: undefined, asap: undefined }));
});

describe('dates in long customer messages (#12, fresh dev corpus)', () => {
  const cases: [Lang, string, { date?: string; time?: string; part?: string }][] = [
    ['it', 'posso venire lunedi 14 alle 8.30? e poi prendo il autobus', { date: '2026-12-14', time: '08:30' }],
    ['it', 'la porto giovedi 10 alle 11, serve la macchina sostitutiva x 2 gg', { date: '2026-12-10', time: '11:00' }],
    ['it', 'gomme da cambiare (ho ancora le estive!!) sabato 5 di mattina se siete aperti', { date: '2026-12-05', part: 'morning' }],
    ['it', 'vetro scheggiato. il 9 alle 11 e mezza va bene?', { date: '2026-12-09', time: '11:30' }],
    ['it', 'mercoledi 23 di pomeriggio, e serve una macchina a noleggio per 2 giorni', { date: '2026-12-23', part: 'afternoon' }],
    ['it', 'giovedi prossima settimana alle 10. la venite a prendere voi in via Giardini 400 a Modena?', { date: '2026-12-10', time: '10:00' }],
    ['it', 'il 7 alle 14.30, poi me la riportate in via Emilia Est 1020, 41122 modena', { date: '2026-12-07', time: '14:30' }],
    ['en', 'dropping it thursday 10th at 11, need a replacement car for a couple of days', { date: '2026-12-10', time: '11:00' }],
    ['en', 'monday the 7th at 5pm if poss, need a car meanwhile', { date: '2026-12-07', time: '17:00' }],
    ['en', 'can you collect and drop it back? 22 via sant eufemia, 41121. friday at 9', { date: '2026-12-04', time: '09:00' }],
    ['en', 'saturday 5th in the morning if you are open', { date: '2026-12-05', part: 'morning' }],
  ];
  for (const [lang, text, want] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(want)}`, () => {
      const d = date(text, lang);
      assert.equal(d?.date, want.date);
      assert.equal(d?.time, want.time);
      if (want.part) assert.equal(d?.part, want.part);
    });
  }
});

describe('dates in a sixth set of voices (#12, new independent corpus)', () => {
  type Want = { date?: string; time?: string; part?: string };
  /** One day, nothing to ask: the date, the hour or part of the day, no `either`, no `conflict`. */
  const one = (cases: [string, Lang, Want][]) => {
    for (const [said, lang, want] of cases) {
      it(`${lang}: ${JSON.stringify(said)} → ${JSON.stringify(want)}, one day`, () => {
        const d = date(said, lang);
        assert.deepEqual({ date: d?.date, time: d?.time, part: d?.part }, { date: want.date, time: want.time, part: want.part });
        assert.equal(d?.either, undefined, 'one day, nothing to ask');
        assert.equal(d?.conflict, undefined);
      });
    }
  };
  const recognizer = createLocalRecognizer();
  /** Through the whole recognizer (normalise, abbreviations, sentences): the date and the options it carries. */
  const understood = async (text: string, lang: Lang, awaiting?: 'date') => {
    const u = await recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });
    const d = u.entities.date;
    return { date: d?.date, time: d?.time, part: d?.part, options: u.entities.dateOptions?.map((o) => o.date) };
  };

  describe('a weekday, its day of the month and an "h" hour', () => {
    one([
      ['mercoledì 9 h 9.30', 'it', { date: '2026-12-09', time: '09:30' }],
      ['ven 18 h 8.30', 'it', { date: '2026-12-18', time: '08:30' }],
      ['giovedì 10 h 14', 'it', { date: '2026-12-10', time: '14:00' }],
      ['mer 9, h 10.15', 'it', { date: '2026-12-09', time: '10:15' }],
      ['sabato 12 h. 9.30', 'it', { date: '2026-12-12', time: '09:30' }],
      ['Lunedì 14 h 9,30 se possibile', 'it', { date: '2026-12-14', time: '09:30' }],
      ['martedì 15 h9.30', 'it', { date: '2026-12-15', time: '09:30' }],
      ['fri 18th 8.30am', 'en', { date: '2026-12-18', time: '08:30' }],
      ['wednesday 9th at 9.30', 'en', { date: '2026-12-09', time: '09:30' }],
    ]);
    it('through the recognizer: "mercoledì 9 h 9.30", "ven 18 h 8.30"', async () => {
      assert.deepEqual(await understood('mercoledì 9 h 9.30', 'it'), { date: '2026-12-09', time: '09:30', part: undefined, options: undefined });
      assert.deepEqual(await understood('ven 18 h 8.30', 'it'), { date: '2026-12-18', time: '08:30', part: undefined, options: undefined });
    });
  });

  describe('"<weekday> N alle M" and the sentence going on with "e …"', () => {
    one([
      ['sabato 5 alle 10', 'it', { date: '2026-12-05', time: '10:00' }],
      ['sabato 5 alle 10 e mi serve una macchina', 'it', { date: '2026-12-05', time: '10:00' }],
      ['sabato 5 alle 10 e poi torno a piedi', 'it', { date: '2026-12-05', time: '10:00' }],
      ['giovedì 17 alle 9 e vi lascio le chiavi', 'it', { date: '2026-12-17', time: '09:00' }],
      ['lunedì 14 alle 15 e la riprendo il giorno stesso', 'it', { date: '2026-12-14', time: '15:00' }],
      ['venerdì 11 ore 8 e vorrei un taxi', 'it', { date: '2026-12-11', time: '08:00' }],
      ['mar 1 alle 10 e mi riportate a casa?', 'it', { date: '2026-12-01', time: '10:00' }],
      ['sabato 5 alle 10 e mezza', 'it', { date: '2026-12-05', time: '10:30' }],
      ['domenica 6 alle 11 e un quarto', 'it', { date: '2026-12-06', time: '11:15' }],
      ['sabato 5 alle 9 e 30 e poi vado al lavoro', 'it', { date: '2026-12-05', time: '09:30' }],
      ['il 5 alle 10 e mi serve una macchina', 'it', { date: '2026-12-05', time: '10:00' }],
      ['5 dicembre alle 10 e poi prendo il treno', 'it', { date: '2026-12-05', time: '10:00' }],
      ['saturday 5th at 10 and i need a car', 'en', { date: '2026-12-05', time: '10:00' }],
      ['sat 12th at 9 and can you collect it', 'en', { date: '2026-12-12', time: '09:00' }],
    ]);
    it('through the recognizer: "sabato 5 alle 10 e mi serve una macchina"', async () => {
      const d = await understood('sabato 5 alle 10 e mi serve una macchina', 'it');
      assert.deepEqual([d.date, d.time, d.options], ['2026-12-05', '10:00', undefined]);
    });
  });

  describe('the day after tomorrow, and a day taken back', () => {
    one([
      ["domani l'altro", 'it', { date: '2026-12-02' }],
      ["domani l'altro alle 10", 'it', { date: '2026-12-02', time: '10:00' }],
      ["posso portarla domani l'altro di pomeriggio?", 'it', { date: '2026-12-02', part: 'afternoon' }],
      ['dopo domani alle 10', 'it', { date: '2026-12-02', time: '10:00' }],
      ['non domani, dopodomani', 'it', { date: '2026-12-02' }],
      ['non domani ma il giorno dopo', 'it', { date: '2026-12-02' }],
      ['domani no, il giorno dopo alle 9', 'it', { date: '2026-12-02', time: '09:00' }],
      ['domani non posso, il giorno dopo sì', 'it', { date: '2026-12-02' }],
      ['not tomorrow, the day after', 'en', { date: '2026-12-02' }],
      ['not tomorrow but the day after at 10', 'en', { date: '2026-12-02', time: '10:00' }],
      ["tomorrow's no good, the day after?", 'en', { date: '2026-12-02' }],
      ["tomorrow doesn't work for me, the day after would", 'en', { date: '2026-12-02' }],
      ['mercoledì, non martedì', 'it', { date: '2026-12-02' }],
      ['non martedì, mercoledì', 'it', { date: '2026-12-02' }],
      ['not thursday, friday', 'en', { date: '2026-12-04' }],
      ["can't do thursday, friday at 9?", 'en', { date: '2026-12-04', time: '09:00' }],
      // the day after the wish is when something else happens: the car comes back
      ['drop it on monday and collect it the day after', 'en', { date: '2026-12-07' }],
      ['la porto lunedì e la riprendo il giorno dopo', 'it', { date: '2026-12-07' }],
    ]);
    it('"or the day after" is a choice to ask: "tomorrow or the day after", "domani o il giorno dopo", "domani o dopodomani"', () => {
      assert.deepEqual(date('tomorrow or the day after', 'en')?.either?.map((d) => d.date), ['2026-12-01', '2026-12-02']);
      assert.deepEqual(date('domani o il giorno dopo')?.either?.map((d) => d.date), ['2026-12-01', '2026-12-02']);
      assert.deepEqual(date('domani o dopodomani')?.either?.map((d) => d.date), ['2026-12-01', '2026-12-02']);
    });
    it('"se non martedì, mercoledì" names both days still (a first choice and a second)', () => {
      assert.deepEqual(date('se non martedì, mercoledì')?.either?.map((d) => d.date), ['2026-12-01', '2026-12-02']);
    });
    it('through the recognizer: "domani l\'altro alle 10", "not tomorrow, the day after", "mercoledì, non martedì"', async () => {
      assert.deepEqual(await understood("domani l'altro alle 10", 'it', 'date'), { date: '2026-12-02', time: '10:00', part: undefined, options: undefined });
      assert.deepEqual(await understood('not tomorrow, the day after', 'en', 'date'), { date: '2026-12-02', time: undefined, part: undefined, options: undefined });
      assert.deepEqual(await understood('mercoledì, non martedì', 'it', 'date'), { date: '2026-12-02', time: undefined, part: undefined, options: undefined });
    });
  });

  describe('an ordinal day without its month, an hour or a part of the day with it', () => {
    one([
      ['16th at 10?', 'en', { date: '2026-12-16', time: '10:00' }],
      ['21st 8am', 'en', { date: '2026-12-21', time: '08:00' }],
      ['3rd at 2pm please', 'en', { date: '2026-12-03', time: '14:00' }],
      ['22nd, 9.30', 'en', { date: '2026-12-22', time: '09:30' }],
      ['could I do 18th around 11', 'en', { date: '2026-12-18', time: '11:00' }],
      ['18th in the morning', 'en', { date: '2026-12-18', part: 'morning' }],
      ['17th first thing', 'en', { date: '2026-12-17', part: 'morning' }],
      ['16th?', 'en', { date: '2026-12-16' }],
      // a part of the day before "on <day>": chrono merged the two and kept neither day
      ['early afternoon on wednesday 16th?', 'en', { date: '2026-12-16', part: 'afternoon' }],
      ['afternoon on the 16th', 'en', { date: '2026-12-16', part: 'afternoon' }],
      ['late morning on friday', 'en', { date: '2026-12-04', part: 'morning' }],
      ['first thing in the morning on thursday', 'en', { date: '2026-12-03', part: 'morning' }],
      ['morning of the 9th', 'en', { date: '2026-12-09', part: 'morning' }],
      ['nel primo pomeriggio di mercoledì 16', 'it', { date: '2026-12-16', part: 'afternoon' }],
      ['il 21 alle 8', 'it', { date: '2026-12-21', time: '08:00' }],
      // "morning" opening a message about something else greets
      ['morning, thursday 17th, crack in the windscreen', 'en', { date: '2026-12-17' }],
      ['morning thursday', 'en', { date: '2026-12-03', part: 'morning' }],
    ]);
    it('an ordinal that counts something is no day: "3rd gear", "my 2nd message", "for the 3rd time"', () => {
      assert.equal(date('3rd gear is grinding at 50', 'en'), undefined);
      assert.equal(date('this is my 2nd message', 'en'), undefined);
      assert.equal(date('it broke down for the 3rd time', 'en'), undefined);
    });
    it('through the recognizer: "16th at 10?", "early afternoon on wednesday 16th?"', async () => {
      assert.deepEqual(await understood('16th at 10?', 'en', 'date'), { date: '2026-12-16', time: '10:00', part: undefined, options: undefined });
      assert.deepEqual(await understood('early afternoon on wednesday 16th?', 'en', 'date'), { date: '2026-12-16', time: undefined, part: 'afternoon', options: undefined });
    });
  });

  describe('a week or a fortnight from today, and late morning', () => {
    one([
      ['in a fortnight', 'en', { date: '2026-12-14' }],
      ["in a fortnight's time", 'en', { date: '2026-12-14' }],
      ['a fortnight today', 'en', { date: '2026-12-14' }],
      ['a week today', 'en', { date: '2026-12-07' }],
      ['a week today at 10', 'en', { date: '2026-12-07', time: '10:00' }],
      ['a week tomorrow', 'en', { date: '2026-12-08' }],
      ['two weeks today', 'en', { date: '2026-12-14' }],
      ['this time next week', 'en', { date: '2026-12-07' }],
      ['tra due settimane', 'it', { date: '2026-12-14' }],
      ['fra 2 settimane alle 9', 'it', { date: '2026-12-14', time: '09:00' }],
      ['tra una settimana', 'it', { date: '2026-12-07' }],
      ['oggi a otto', 'it', { date: '2026-12-07' }],
      ['domani a otto alle 10', 'it', { date: '2026-12-08', time: '10:00' }],
      ['oggi a quindici', 'it', { date: '2026-12-14' }],
      ['in tarda mattinata, giovedì', 'it', { date: '2026-12-03', part: 'morning' }],
      ['giovedì in tarda mattinata', 'it', { date: '2026-12-03', part: 'morning' }],
      ['late morning, thursday', 'en', { date: '2026-12-03', part: 'morning' }],
      ['thursday, late morning', 'en', { date: '2026-12-03', part: 'morning' }],
    ]);
    it('a fortnight as a duration is no day: "ready in a fortnight?", "a car for a fortnight"', () => {
      assert.equal(date('will it be ready in a fortnight?', 'en'), undefined);
      assert.equal(date('i need a car for a fortnight', 'en'), undefined);
    });
    it('through the recognizer: "in a fortnight", "a week today", "in tarda mattinata, giovedì" (a date asked)', async () => {
      assert.deepEqual(await understood('in a fortnight', 'en', 'date'), { date: '2026-12-14', time: undefined, part: undefined, options: undefined });
      assert.deepEqual(await understood('a week today', 'en', 'date'), { date: '2026-12-07', time: undefined, part: undefined, options: undefined });
      assert.deepEqual(await understood('in tarda mattinata, giovedì', 'it', 'date'), { date: '2026-12-03', time: undefined, part: 'morning', options: undefined });
    });
  });

  describe('a week named, then the weekday in it', () => {
    // next week is 7–13 December, the week after 14–20
    one([
      ['next week, say wednesday', 'en', { date: '2026-12-09' }],
      ['la settimana prossima, diciamo mercoledì', 'it', { date: '2026-12-09' }],
      ["c'è posto la settimana prossima? preferibilmente giovedì", 'it', { date: '2026-12-10' }],
      ['next week, maybe thursday', 'en', { date: '2026-12-10' }],
      ['next week? ideally friday morning', 'en', { date: '2026-12-11', part: 'morning' }],
      ['any room next week? thursday would be best', 'en', { date: '2026-12-10' }],
      ['any morning next week, monday is best', 'en', { date: '2026-12-07', part: 'morning' }],
      ['settimana prossima, magari venerdì alle 10', 'it', { date: '2026-12-11', time: '10:00' }],
      ['la prossima settimana, tipo martedì', 'it', { date: '2026-12-08' }],
      ['tra due settimane, diciamo giovedì', 'it', { date: '2026-12-17' }],
      ['in two weeks, say tuesday', 'en', { date: '2026-12-15' }],
      ['giovedì, ma della settimana prossima', 'it', { date: '2026-12-10' }],
      ['thursday, but next week', 'en', { date: '2026-12-10' }],
    ]);
    it('both weekdays of "next week, wednesday or thursday" are next week\'s, to ask about', () => {
      assert.deepEqual(date('next week, wednesday or thursday', 'en')?.either?.map((d) => d.date), ['2026-12-09', '2026-12-10']);
      assert.deepEqual(date('la settimana prossima, mercoledì o giovedì')?.either?.map((d) => d.date), ['2026-12-09', '2026-12-10']);
    });
    it('"this thursday or next week" keeps this Thursday; a weekday ruled out does not move', () => {
      assert.ok(date('questo giovedì o la settimana prossima')?.either?.some((d) => d.date === '2026-12-03'));
      assert.ok(date('this thursday or next week', 'en')?.either?.some((d) => d.date === '2026-12-03'));
      assert.notEqual(date('giovedì non posso, la settimana prossima va bene')?.date, '2026-12-10');
    });
    it('through the recognizer: one date, no options', async () => {
      const none = { time: undefined, part: undefined, options: undefined };
      assert.deepEqual(await understood('next week, say wednesday', 'en'), { date: '2026-12-09', ...none });
      assert.deepEqual(await understood('la settimana prossima, diciamo mercoledì', 'it'), { date: '2026-12-09', ...none });
      assert.deepEqual(await understood("c'è posto la settimana prossima? preferibilmente giovedì", 'it'), { date: '2026-12-10', ...none });
    });
  });

  describe('a weekday said apart that is the date\'s own', () => {
    // 12 December 2026 is a Saturday, the 16th a Wednesday, the 14th a Monday
    one([
      ['on the 12th? its a saturday i know', 'en', { date: '2026-12-12' }],
      ["the 16th, it's a wednesday", 'en', { date: '2026-12-16' }],
      ['saturday, the 12th at 10', 'en', { date: '2026-12-12', time: '10:00' }],
      ['il 12, che è sabato', 'it', { date: '2026-12-12' }],
      ['il 12? lo so che è sabato', 'it', { date: '2026-12-12' }],
      ['sabato, il 12', 'it', { date: '2026-12-12' }],
      ['14 dicembre, lunedì, alle 9', 'it', { date: '2026-12-14', time: '09:00' }],
    ]);
    it('"il 12 o sabato?" is still a choice between two days', () => {
      assert.deepEqual(date('il 12 o sabato?')?.either?.map((d) => d.date), ['2026-12-12', '2026-12-05']);
      assert.deepEqual(date('the 12th or saturday', 'en')?.either?.map((d) => d.date), ['2026-12-12', '2026-12-05']);
    });
    it('through the recognizer: "on the 12th? its a saturday i know" is one date', async () => {
      assert.deepEqual(await understood('on the 12th? its a saturday i know', 'en'), { date: '2026-12-12', time: undefined, part: undefined, options: undefined });
    });
  });

  describe('the day the customer leaves is not the day wished', () => {
    one([
      ['il 29 alle 10, e mi serve una Maserati nel frattempo che il 30 parto per la montagna', 'it', { date: '2026-12-29', time: '10:00' }],
      ['il 14 alle 9, il 18 parto per Londra', 'it', { date: '2026-12-14', time: '09:00' }],
      ['il 14 alle 9 perché parto il 18', 'it', { date: '2026-12-14', time: '09:00' }],
      ['giovedì va bene, venerdì sono via', 'it', { date: '2026-12-03' }],
      ['martedì 15, poi il 18 partiamo per le vacanze', 'it', { date: '2026-12-15' }],
      ["I'd like the 14th at 9, I leave on the 18th", 'en', { date: '2026-12-14', time: '09:00' }],
      ['the 15th please, i fly out on the 18th', 'en', { date: '2026-12-15' }],
      ["monday 14th please, i'm away from the 18th", 'en', { date: '2026-12-14' }],
      ["tuesday works, on friday we're leaving for the mountains", 'en', { date: '2026-12-01' }],
      ['parto il 18, potete il 15?', 'it', { date: '2026-12-15' }],
    ]);
    it('through the recognizer: "… che il 30 parto", "il 18 partiamo", "on friday we\'re leaving" (the typo corrector leaves them alone since ca29e82)', async () => {
      const one = { part: undefined, options: undefined };
      assert.deepEqual(await understood('il 29 alle 10, e mi serve una Maserati nel frattempo che il 30 parto per la montagna', 'it'), { date: '2026-12-29', time: '10:00', ...one });
      assert.deepEqual(await understood('martedì 15, poi il 18 partiamo per le vacanze', 'it'), { date: '2026-12-15', time: undefined, ...one });
      assert.deepEqual(await understood("tuesday works, on friday we're leaving for the mountains", 'en'), { date: '2026-12-01', time: undefined, ...one });
    });
    it('through the recognizer: "il 29 alle 10, … che il 30 sono via", "the 14th at 9, I am away from the 18th"', async () => {
      assert.deepEqual(await understood('il 29 alle 10, e mi serve una Maserati nel frattempo che il 30 sono via', 'it'), {
        date: '2026-12-29', time: '10:00', part: undefined, options: undefined,
      });
      assert.deepEqual(await understood('the 14th at 9 please, I am away from the 18th', 'en'), { date: '2026-12-14', time: '09:00', part: undefined, options: undefined });
    });
  });
});

describe('dates in chat shorthand, parts of the day in words, hours as written, and what is no hour (#12, dates2)', () => {
  type Want = { date?: string; time?: string; part?: string };
  const recognizer = createLocalRecognizer();
  /** Through the whole recognizer (normalise, abbreviations, typo corrector, sentences). */
  const understood = async (text: string, lang: Lang, awaiting?: Awaiting) => {
    const u = await recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });
    const d = u.entities.date;
    return { date: d?.date, time: d?.time, part: d?.part, options: u.entities.dateOptions?.map((o) => o.date) };
  };
  /** One day (or an hour, or a part), nothing to ask: through `createDateRecognizer()` and through `createLocalRecognizer()`. */
  const both = (cases: [string, Lang, Want][], awaitingDate = false) => {
    for (const [said, lang, want] of cases) {
      it(`${lang}: ${JSON.stringify(said)} → ${JSON.stringify(want)}, one day, both ways`, async () => {
        const d = date(said, lang, NOW, awaitingDate);
        assert.deepEqual({ date: d?.date, time: d?.time, part: d?.part }, { date: want.date, time: want.time, part: want.part }, 'createDateRecognizer');
        assert.equal(d?.either, undefined, 'one day, nothing to ask');
        assert.equal(d?.conflict, undefined);
        assert.deepEqual(await understood(said, lang, awaitingDate ? 'date' : undefined), { ...{ date: want.date, time: want.time, part: want.part }, options: undefined }, 'createLocalRecognizer');
      });
    }
  };
  /** No day and no hour: neither recognizer finds a date. */
  const none = (cases: [string, Lang, Awaiting?][]) => {
    for (const [said, lang, awaiting] of cases) {
      it(`${lang}: ${JSON.stringify(said)} → no day, no hour${awaiting ? ` (awaiting ${awaiting})` : ''}`, async () => {
        const d = date(said, lang, NOW, awaiting === 'date');
        assert.deepEqual({ date: d?.date, time: d?.time }, { date: undefined, time: undefined }, 'createDateRecognizer');
        assert.equal((await recognizer.recognize({ text: said, lang, now: NOW, timeZone: 'Europe/Rome', awaiting })).entities.date, undefined, 'createLocalRecognizer');
      });
    }
  };

  describe('Italian chat abbreviations for the parts of the day, "dp le", "x le"', () => {
    both([
      ['giov 17 pom', 'it', { date: '2026-12-17', part: 'afternoon' }],
      ['per giov 17 pom? poi torno con la moglie', 'it', { date: '2026-12-17', part: 'afternoon' }],
      ['il 21 pom', 'it', { date: '2026-12-21', part: 'afternoon' }],
      ['gomme + tagliando, il 21 pom, e vorrei un auto', 'it', { date: '2026-12-21', part: 'afternoon' }],
      ['domani pom', 'it', { date: '2026-12-01', part: 'afternoon' }],
      ['x domani pom ce la fate?', 'it', { date: '2026-12-01', part: 'afternoon' }],
      ['mart 22 pom?', 'it', { date: '2026-12-22', part: 'afternoon' }],
      ['martedì 22 pom', 'it', { date: '2026-12-22', part: 'afternoon' }],
      ['venerdì pom.', 'it', { date: '2026-12-04', part: 'afternoon' }],
      ['ven 18 pome', 'it', { date: '2026-12-18', part: 'afternoon' }],
      ['giovedì 17 pomer', 'it', { date: '2026-12-17', part: 'afternoon' }],
      ['lunedì pomerig.', 'it', { date: '2026-12-07', part: 'afternoon' }],
      ['domani matt', 'it', { date: '2026-12-01', part: 'morning' }],
      ['ven 18 matt', 'it', { date: '2026-12-18', part: 'morning' }],
      ['giovedì di matt, se si può', 'it', { date: '2026-12-03', part: 'morning' }],
      ['domani dp le 15', 'it', { date: '2026-12-01', time: '15:00' }],
      ['la ghibli nn parte bene la mattina. domani dp le 15 riuscite?', 'it', { date: '2026-12-01', time: '15:00' }],
      ['giov 17 dp le 14.30', 'it', { date: '2026-12-17', time: '14:30' }],
      ['lunedì dopo le 15', 'it', { date: '2026-12-07', time: '15:00' }],
      ['domani x le 9', 'it', { date: '2026-12-01', time: '09:00' }],
      ['giov 17 x le 9', 'it', { date: '2026-12-17', time: '09:00' }],
      ['x le 10 di venerdì', 'it', { date: '2026-12-04', time: '10:00' }],
    ]);
    both([
      ['dp le 15', 'it', { time: '15:00' }],
      ['x le 9', 'it', { time: '09:00' }],
      ['pom', 'it', { part: 'afternoon' }],
    ], true);
    it('"matt" and "pom" elsewhere are no part of the day: "matt paint", "Matt here", a pom', async () => {
      assert.equal(date('matt paint on the levante, tuesday', 'en')?.part, undefined);
      assert.equal(date('thursday, Matt here', 'en')?.part, undefined);
      assert.equal((await understood('matt paint on the levante, tuesday', 'en')).part, undefined);
      assert.equal(date('giovedì, la vernice matt è rovinata')?.part, undefined);
    });
  });

  describe('parts of the day in words', () => {
    both([
      ["domani di buon'ora", 'it', { date: '2026-12-01', part: 'morning' }],
      ["giovedì 3 di buon'ora, aspetto lì", 'it', { date: '2026-12-03', part: 'morning' }],
      ['venerdì di buonora', 'it', { date: '2026-12-04', part: 'morning' }],
      ['domani a prima ora', 'it', { date: '2026-12-01', part: 'morning' }],
      ['giovedì prima ora', 'it', { date: '2026-12-03', part: 'morning' }],
      ['riuscite domani a prima ora?', 'it', { date: '2026-12-01', part: 'morning' }],
      ['prima ora di lunedì', 'it', { date: '2026-12-07', part: 'morning' }],
      ['tomorrow first thing', 'en', { date: '2026-12-01', part: 'morning' }],
      ['first thing friday', 'en', { date: '2026-12-04', part: 'morning' }],
      ['thursday mid-morning', 'en', { date: '2026-12-03', part: 'morning' }],
      ['Tuesday the 15th, mid-morning if possible', 'en', { date: '2026-12-15', part: 'morning' }],
      ['Thursday 17th, late morning. I\'ll wait', 'en', { date: '2026-12-17', part: 'morning' }],
      ['giovedì in tarda mattinata', 'it', { date: '2026-12-03', part: 'morning' }],
      ['venerdì, tarda mattinata', 'it', { date: '2026-12-04', part: 'morning' }],
      ['tomorrow arvo', 'en', { date: '2026-12-01', part: 'afternoon' }],
      ['monday 14th arvo? need a car', 'en', { date: '2026-12-14', part: 'afternoon' }],
      ['tues 1st dec in the arvo?', 'en', { date: '2026-12-01', part: 'afternoon' }],
      ['thursday in the arvo', 'en', { date: '2026-12-03', part: 'afternoon' }],
    ]);
    both([
      ['in the arvo', 'en', { part: 'afternoon' }],
      ["di buon'ora", 'it', { part: 'morning' }],
      ['mid-morning', 'en', { part: 'morning' }],
    ], true);
    it('"la prima ora" counted is no part of the day: "la prima ora di noleggio è gratis?"', () => {
      assert.equal(date('la prima ora di noleggio è gratis? giovedì')?.part, undefined);
    });
  });

  describe('noon and a half, and a weekday of "la settimana dopo" with its hour', () => {
    // chrono.it's merging of "<relative> dopo" and a date after it threw on "mercoledì della settimana dopo" and an hour
    both([
      ['domani a mezzogiorno e mezzo', 'it', { date: '2026-12-01', time: '12:30' }],
      ['giovedì mezzogiorno e mezza', 'it', { date: '2026-12-03', time: '12:30' }],
      ['mercoledì della settimana dopo, a mezzogiorno e mezzo', 'it', { date: '2026-12-09', time: '12:30' }],
      ['mercoledì della settimana dopo a mezzogiorno e mezzo', 'it', { date: '2026-12-09', time: '12:30' }],
      ['mercoledì della settimana dopo alle 10', 'it', { date: '2026-12-09', time: '10:00' }],
      ['giovedì della settimana dopo, mezzogiorno e mezza', 'it', { date: '2026-12-10', time: '12:30' }],
    ]);
    both([['a mezzogiorno e mezzo', 'it', { time: '12:30' }]], true);
  });

  describe('hours as written: "h 9", "8 h 30", "at 0800", "3ish"', () => {
    both([
      ['domani h 9', 'it', { date: '2026-12-01', time: '09:00' }],
      ['tomorrow at h 9', 'en', { date: '2026-12-01', time: '09:00' }],
      ['10 december h 9', 'en', { date: '2026-12-10', time: '09:00' }],
      ['Possible 10 december h 9? I go back with my wife', 'en', { date: '2026-12-10', time: '09:00' }],
      ['10 dicembre h 9', 'it', { date: '2026-12-10', time: '09:00' }],
      ['wed 16 h 9?', 'en', { date: '2026-12-16', time: '09:00' }],
      ['domani 8 h 30', 'it', { date: '2026-12-01', time: '08:30' }],
      ['Is it possible on 14 december at 8 h 30?', 'en', { date: '2026-12-14', time: '08:30' }],
      ['giovedì alle 9 h 15', 'it', { date: '2026-12-03', time: '09:15' }],
      ['tomorrow at 0800', 'en', { date: '2026-12-01', time: '08:00' }],
      ['Would Thursday the 10th at 0800 be possible?', 'en', { date: '2026-12-10', time: '08:00' }],
      ['thursday at 1300? i\'ll wait', 'en', { date: '2026-12-03', time: '13:00' }],
      ['domani 0830', 'it', { date: '2026-12-01', time: '08:30' }],
      ['domani alle 0830', 'it', { date: '2026-12-01', time: '08:30' }],
      ['friday 0830 hrs', 'en', { date: '2026-12-04', time: '08:30' }],
      ['giovedì ore 1430', 'it', { date: '2026-12-03', time: '14:30' }],
      ['friday at 1000', 'en', { date: '2026-12-04', time: '10:00' }],
      ['giovedì alle 1000', 'it', { date: '2026-12-03', time: '10:00' }],
      ['thursday 3ish', 'en', { date: '2026-12-03', time: '15:00' }],
      ['Friday 18th, 3ish? I\'ll need a ride home', 'en', { date: '2026-12-18', time: '15:00' }],
      ['thu 10th, 9ish', 'en', { date: '2026-12-10', time: '09:00' }],
      ['tomorrow around 3ish', 'en', { date: '2026-12-01', time: '15:00' }],
      ['day after tomorrow, 11ish', 'en', { date: '2026-12-02', time: '11:00' }],
      ['friday at 10-ish', 'en', { date: '2026-12-04', time: '10:00' }],
    ]);
    both([
      ['h 9', 'it', { time: '09:00' }],
      ['at 0800', 'en', { time: '08:00' }],
      ['0830', 'it', { time: '08:30' }],
      ['3ish', 'en', { time: '15:00' }],
    ], true);
    it('four digits that are no hour: a year, a postcode, an amount, a model, a phone number; nor an H7 bulb', () => {
      for (const [said, lang] of [
        ['thursday, it\'s a 2026 levante', 'en'], ['giovedì, la macchina è del 2020', 'it'], ['friday, postcode 41122', 'en'],
        ['domani, ho pagato 1800 euro', 'it'], ['thursday, the 3200 GT', 'en'], ['giovedì, chiamatemi allo 0522 123456', 'it'],
        ['thursday, around 2000 km over', 'en'], ['in 2026', 'en'], ["it's an old girl, a 3200 GT from 2000", 'en'], ['giovedì, tel 0830 1234', 'it'],
        ['at 1000 km it broke, thursday', 'en'], ['ha fatto 20000 km, giovedì', 'it'],
        // nor is a headlight bulb's type: "h7"
        ['la lampadina h7 è bruciata, giovedì', 'it'], ['the h7 bulb is out, thursday', 'en'],
      ] as [string, Lang][]) {
        assert.equal(date(said, lang)?.time, undefined, said);
      }
    });
    it('"giovedì 10 h 14", "ven 4 h 15" stay a day and an hour, not 10:14', () => {
      assert.deepEqual(pick('giovedì 10 h 14'), { date: '2026-12-10', time: '14:00', part: undefined, asap: undefined });
      assert.deepEqual(pick('venerdì 4 h 15'), { date: '2026-12-04', time: '15:00', part: undefined, asap: undefined });
    });
    it('how long it takes is no hour: "ci vogliono 2 h 30, giovedì", "it takes 2 h 30", "ci vogliono 2 ore", "it\'s 2 hours"', () => {
      assert.deepEqual(pick('ci vogliono 2 h 30, giovedì'), { date: '2026-12-03', time: undefined, part: undefined, asap: undefined });
      assert.deepEqual(pick('thursday? it takes 2 h 30', 'en'), { date: '2026-12-03', time: undefined, part: undefined, asap: undefined });
      assert.equal(date('il meccanico mi ha detto al telefono che ci vogliono 2 ore, quindi aspetto li'), undefined);
      assert.equal(date("mechanic told me on the phone it's 2 hours so i'll just wait there", 'en'), undefined);
    });
  });

  describe('an hour with its "h" after it, and the train\'s time', () => {
    both([
      ['venerdì 11h', 'it', { date: '2026-12-04', time: '11:00' }],
      ['venerdì 11 h', 'it', { date: '2026-12-04', time: '11:00' }],
      ['domani alle 9h', 'it', { date: '2026-12-01', time: '09:00' }],
      ['tomorrow 10h', 'en', { date: '2026-12-01', time: '10:00' }],
      ['giov 3 h 8, torno col treno delle 8.20', 'it', { date: '2026-12-03', time: '08:00' }],
      ['giovedì alle 9, poi prendo il bus delle 9.40', 'it', { date: '2026-12-03', time: '09:00' }],
      ['thursday at 8, then i get the train at 8.40', 'en', { date: '2026-12-03', time: '08:00' }],
    ]);
    it('hours counted with an "h" are no hour: "ci vogliono 2h, giovedì", "dura 8h, giovedì"', () => {
      assert.deepEqual(pick('ci vogliono 2h, giovedì'), { date: '2026-12-03', time: undefined, part: undefined, asap: undefined });
      assert.deepEqual(pick('dura 8h, giovedì'), { date: '2026-12-03', time: undefined, part: undefined, asap: undefined });
    });
  });

  describe('what is no appointment hour', () => {
    none([
      ['chiamatemi cinque minuti prima', 'it'],
      ['quando passate a ritirare la macchina chiamatemi cinque minuti prima così scendo', 'it'],
      ['mandatemi un messaggio 10 minuti prima', 'it'],
      ['give me a ring 5 minutes before', 'en'],
      ['when you come to collect the car, give me a ring 5 minutes before so i can come down', 'en'],
      ['text me ten minutes before', 'en'],
      ["first one's fine", 'en'],
      ["first one's fine", 'en', 'slot'],
      ['the first one', 'en', 'slot'],
      ['the first', 'en', 'slot'],
      ['la prima', 'it', 'slot'],
      ['la prima va bene', 'it', 'slot'],
      ["one sec it's on the insurance doc... EY 163 LT", 'en', 'vehicle'],
      ["one sec it's on the insurance doc... EY 163 LT", 'en'],
      ['one sec', 'en'],
      ['un secondo che cerco la targa', 'it', 'vehicle'],
      ["this one's new, first service please", 'en'],
      ["there's white smoke for a few seconds, is that normal?", 'en'],
    ]);
    both([
      ['ritiro domani alle 10, avvisatemi 5 minuti prima', 'it', { date: '2026-12-01', time: '10:00' }],
      ['venite a prenderla domani alle 10, suonate il campanello cinque minuti prima', 'it', { date: '2026-12-01', time: '10:00' }],
      ['collect it thursday at 9, text me 5 minutes before', 'en', { date: '2026-12-03', time: '09:00' }],
    ]);
    // the whole recognizer reads these as a call-back request (src/nlu/local) and keeps no date
    it('with a day named, the day and its hour stay: "domani alle 10, chiamatemi cinque minuti prima"', () => {
      assert.deepEqual(pick('domani alle 10, chiamatemi cinque minuti prima'), { date: '2026-12-01', time: '10:00', part: undefined, asap: undefined });
      assert.deepEqual(pick('thursday at 9, give me a ring 5 minutes before', 'en'), { date: '2026-12-03', time: '09:00', part: undefined, asap: undefined });
    });
    it('minutes before a time named are not counted from now: "domani, 5 minuti prima delle 10" is tomorrow, no 08:55', () => {
      const d = date('domani, 5 minuti prima delle 10');
      assert.equal(d?.date, '2026-12-01');
      assert.notEqual(d?.time, '08:55');
      assert.equal(d?.either, undefined);
    });
  });

  describe('a number after the day and the month is its hour, never a year; the holidays by name; days counted in words (#12, eighth fresh dev corpus)', () => {
    both([
      ["can we do Monday 11 January, 10 o'clock?", 'en', { date: '2027-01-11', time: '10:00' }],
      ["we would come Friday, 4 December, 14 o'clock", 'en', { date: '2026-12-04', time: '14:00' }],
      ['venerdì 4 dicembre, 15:30', 'it', { date: '2026-12-04', time: '15:30' }],
      ['see you at 10 o clock', 'en', { time: '10:00' }],
      ['Christmas Eve', 'en', { date: '2026-12-24' }],
      ['on New Year\'s Eve', 'en', { date: '2026-12-31' }],
      ['Boxing Day', 'en', { date: '2026-12-26' }],
      ['la vigilia di Natale', 'it', { date: '2026-12-24' }],
      ['la vigilia di capodanno', 'it', { date: '2026-12-31' }],
      ['a San Silvestro', 'it', { date: '2026-12-31' }],
      ['il giorno di Santo Stefano', 'it', { date: '2026-12-26' }],
      ['il giorno dell Epifania', 'it', { date: '2027-01-06' }],
      ['il martedì dopo Natale', 'it', { date: '2026-12-29' }],
      ['the first Monday after Epiphany', 'en', { date: '2027-01-11' }],
      ['the Wednesday after Christmas', 'en', { date: '2026-12-30' }],
      ['fra quindici giorni', 'it', { date: '2026-12-15' }],
      ['tra dieci giorni', 'it', { date: '2026-12-10' }],
      ['in ten days', 'en', { date: '2026-12-10' }],
      ['2moro', 'en', { date: '2026-12-01' }],
    ]);
    none([
      ['prima di Natale', 'it'], ['dopo le feste di Natale', 'it'], ['buon Natale a tutti!', 'it'], ['merry Christmas', 'en'],
      ['sometime before Christmas', 'en'], ['after the Christmas holidays', 'en'], ['entro l Epifania', 'it'], ['happy New Year', 'en'],
    ]);
  });

  describe('an hour ruled out is not the hour wished', () => {
    both([
      ['sì però alle 9 e mezza non alle 9', 'it', { time: '09:30' }],
      ['alle 10, non alle 9', 'it', { time: '10:00' }],
      ['domani alle 11 e non alle 10', 'it', { date: '2026-12-01', time: '11:00' }],
      ['non alle 9 ma alle 9 e mezza', 'it', { time: '09:30' }],
      ['at 9.30, not at 9', 'en', { time: '09:30' }],
      ['tomorrow at 10 not at 9', 'en', { date: '2026-12-01', time: '10:00' }],
      ['alle 9 no, alle 10', 'it', { time: '10:00' }],
      ['meglio alle 11 che alle 9', 'it', { time: '11:00' }],
      ['preferirei giovedì alle 11 che alle 9', 'it', { date: '2026-12-03', time: '11:00' }],
      ['thursday at 10 is better than at 9', 'en', { date: '2026-12-03', time: '10:00' }],
    ]);
    it('"non alle 9" alone still names no other hour: nothing is left to wish', () => {
      assert.equal(date('domani, ma non alle 9')?.date, '2026-12-01');
    });
  });
});

describe('a weekday counted in a month, and Easter (#12, eighteenth voices)', () => {
  // Friday 5 March 2027, evening (Easter Sunday 2027 is 28 March)
  const FRI = '2027-03-05T21:15:00+01:00';
  const cases: [string, Lang, string][] = [
    ['could we do the first Monday in April?', 'en', '2027-04-05'],
    ['book me for the first thursday in april', 'en', '2027-04-01'],
    ['the second Tuesday of April', 'en', '2027-04-13'],
    ["I'd like it done on the last Friday of March", 'en', '2027-03-26'],
    ['il primo lunedì di aprile', 'it', '2027-04-05'],
    ["l'ultimo venerdì di marzo", 'it', '2027-03-26'],
    ['il secondo martedì di aprile alle 9', 'it', '2027-04-13'],
    ['could I book it for the Tuesday after Easter?', 'en', '2027-03-30'],
    ['il martedì dopo Pasqua', 'it', '2027-03-30'],
    ['Easter Monday', 'en', '2027-03-29'],
    ['a Pasquetta siete aperti?', 'it', '2027-03-29'],
  ];
  for (const [text, lang, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      assert.equal(date(text, lang, FRI)?.date, expected);
    });
  }
  it('"the first Monday in March" said after it is next year\'s', () => {
    assert.equal(date('the first Monday in March', 'en', FRI)?.date, '2028-03-06');
  });
  it('"before Easter", "dopo Pasqua", "entro Pasqua" name no day', () => {
    for (const [text, lang] of [['before Easter', 'en'], ['dopo Pasqua', 'it'], ['entro Pasqua', 'it'], ['buona Pasqua!', 'it']] as [string, Lang][]) {
      assert.equal(date(text, lang, FRI)?.date, undefined, text);
    }
  });
  it('the nth weekday of a month is that weekday, in that month, in the right week (property against luxon)', () => {
    const ZONE = 'Europe/Rome';
    const EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
    const NTH = ['first', 'second', 'third', 'fourth', 'last'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 4 }), (n, w, m, k) => {
        const now = DateTime.fromObject({ year: 2026, month: 1, day: 1, hour: 9 }, { zone: ZONE }).plus({ days: n });
        const found = date(`the ${NTH[k]} ${EN[w]} of ${MONTHS[m]}`, 'en', now.toISO()!)?.date;
        assert.ok(found, `the ${NTH[k]} ${EN[w]} of ${MONTHS[m]} on ${now.toISODate()}`);
        const d = DateTime.fromISO(found, { zone: ZONE });
        assert.equal(d.weekday, w + 1);
        assert.equal(d.month, m + 1);
        if (k < 4) assert.equal(Math.ceil(d.day / 7), k + 1);
        else assert.ok(d.plus({ days: 7 }).month !== d.month);
        assert.ok(d.startOf('day') >= now.startOf('day'), `${found} is not past on ${now.toISODate()}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('dates: properties against luxon', () => {
  const ZONE = 'Europe/Rome';
  const IT_DAYS = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];
  const EN_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const EN_SHORT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  /** A morning in 2026–2028, in Rome. */
  const today = fc.integer({ min: 0, max: 3 * 365 }).map((n) => DateTime.fromObject({ year: 2026, month: 1, day: 1, hour: 9 }, { zone: ZONE }).plus({ days: n }));
  const at = (text: string, lang: Lang, now: DateTime) =>
    find({ text: normalise(text), normalised: normalise(text), lang, now: now.toISO()!, timeZone: ZONE });
  const day = (d: DateTime) => d.toISODate()!;
  const runs = { numRuns: 150 };

  it('"<weekday> <day>" that agree is that day (the next such day of the month, within four weeks)', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 1, max: 27 }), fc.integer({ min: 0, max: 4 }), (now, ahead, form) => {
        const d = now.plus({ days: ahead });
        const w = d.weekday - 1;
        const [text, lang]: [string, Lang] = [
          [`${IT_DAYS[w]} ${d.day}`, 'it'],
          [`${IT_DAYS[w]} ${d.day} alle 10`, 'it'],
          [`${EN_DAYS[w]} ${d.day}`, 'en'],
          [`${EN_DAYS[w]} the ${ordinal(d.day)}`, 'en'],
          [`${EN_SHORT[w]} ${ordinal(d.day)}`, 'en'],
        ][form] as [string, Lang];
        const found = at(text, lang, now);
        assert.equal(found?.date, day(d), text);
        assert.equal(found?.conflict, undefined, text);
      }),
      runs,
    );
  });

  it('"<weekday> <day>" that disagree offers the day said and that weekday nearest it, after today', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 1, max: 27 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (now, ahead, shift, english) => {
        const d = now.plus({ days: ahead });
        const w = (d.weekday - 1 + shift) % 7;
        const text = english ? `${EN_DAYS[w]} the ${ordinal(d.day)}` : `${IT_DAYS[w]} ${d.day}`;
        const found = at(text, english ? 'en' : 'it', now);
        const days = found?.conflict?.map((c) => c.date ?? '') ?? [];
        assert.equal(days.length, 2, text);
        assert.ok(days.includes(day(d)), `${text}: ${days}`);
        const other = DateTime.fromISO(days.find((x) => x !== day(d))!, { zone: ZONE });
        assert.equal(other.weekday, w + 1, text);
        assert.ok(other.startOf('day') > now.startOf('day'), `${text}: ${days}`);
        assert.ok(Math.abs(other.diff(d.startOf('day'), 'days').days) <= 6, `${text}: ${days}`);
      }),
      runs,
    );
  });

  it('"in N days", "tra N giorni", "in N weeks", "fra N settimane" are luxon\'s today plus', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), (now, n, weeks, form) => {
        const [text, lang, expected]: [string, Lang, DateTime] = [
          [`in ${n} ${n === 1 ? 'day' : 'days'}`, 'en', now.plus({ days: n })],
          [`tra ${n} ${n === 1 ? 'giorno' : 'giorni'}`, 'it', now.plus({ days: n })],
          [`in ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`, 'en', now.plus({ weeks })],
          [`fra ${weeks} ${weeks === 1 ? 'settimana' : 'settimane'}`, 'it', now.plus({ weeks })],
        ][form] as [string, Lang, DateTime];
        assert.equal(at(text, lang, now)?.date, day(expected), text);
      }),
      runs,
    );
  });

  it('hours written "h.mm", "h.mm am/pm", "HHeMM" come back as HH:mm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 19 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 3 }), (h, m, form) => {
        const mm = String(m).padStart(2, '0');
        const h12 = h % 12 || 12;
        const [text, lang]: [string, Lang] = [
          [`domani alle ${h}.${mm}`, 'it'],
          [`domani ${h}.${mm}`, 'it'],
          [`martedì alle ${h}e${mm}`, 'it'],
          [`tomorrow at ${h12}.${mm}${h < 12 ? 'am' : 'pm'}`, 'en'],
        ][form] as [string, Lang];
        assert.equal(at(text, lang, DateTime.fromISO(NOW, { setZone: true }))?.time, `${String(h).padStart(2, '0')}:${mm}`, text);
      }),
      { numRuns: 200 },
    );
  });

  it('a weekday alone is never a day gone by nor today: within the next seven days', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }), (now, w, form) => {
        const [text, lang]: [string, Lang] = [[IT_DAYS[w], 'it'], [EN_DAYS[w], 'en'], [`next ${EN_DAYS[w]}`, 'en']][form] as [string, Lang];
        const found = DateTime.fromISO(at(text, lang, now)?.date ?? '', { zone: ZONE });
        const days = found.diff(now.startOf('day'), 'days').days;
        assert.ok(days >= 1 && days <= 7, `${text} on ${day(now)}: ${found.toISODate()}`);
        assert.equal(found.weekday, w + 1, text);
      }),
      runs,
    );
  });

  it('a weekday of a later week is in the calendar week N weeks on', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), (now, w, n, form) => {
        const [text, lang, weeks]: [string, Lang, number] = [
          [`${IT_DAYS[w]} prossima settimana`, 'it', 1],
          [`next week on ${EN_DAYS[w]}`, 'en', 1],
          [`${IT_DAYS[w]} tra ${n} settimane`, 'it', n],
          [`in ${n} weeks on ${EN_DAYS[w]}`, 'en', n],
        ][form] as [string, Lang, number];
        const expected = now.startOf('week').plus({ weeks, days: w });
        assert.equal(at(text, lang, now)?.date, day(expected), `${text} on ${day(now)}`);
      }),
      runs,
    );
  });

  it('the middle of the month is a day from the 15th to the 20th, the end the last weekday, both after today', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 3 }), (now, form) => {
        const [text, lang, part]: [string, Lang, 'middle' | 'end'] = [
          ['a metà mese', 'it', 'middle'], ['mid-month', 'en', 'middle'], ['verso fine mese', 'it', 'end'], ['end of the month', 'en', 'end'],
        ][form] as [string, Lang, 'middle' | 'end'];
        const found = DateTime.fromISO(at(text, lang, now)?.date ?? '', { zone: ZONE });
        assert.ok(found.startOf('day') > now.startOf('day'), `${text} on ${day(now)}: ${found.toISODate()}`);
        assert.ok(found.diff(now, 'days').days < 62, `${text} on ${day(now)}: ${found.toISODate()} this month or the next`);
        if (part === 'middle') {
          assert.ok(found.day >= 15 && found.day <= 20, `${text}: ${found.toISODate()}`);
          // the first such day still ahead: the day before is gone or not in the middle
          const before = found.minus({ days: 1 });
          assert.ok(before.startOf('day') <= now.startOf('day') || before.day < 15, `${text} on ${day(now)}: ${found.toISODate()} is the first ahead`);
        } else {
          assert.ok(found.weekday <= 5, `${text}: ${found.toISODate()} is a weekday`);
          assert.ok(found.plus({ days: found.weekday === 5 ? 3 : 1 }).month !== found.month, `${text}: ${found.toISODate()} is the last weekday`);
        }
      }),
      runs,
    );
  });
});
