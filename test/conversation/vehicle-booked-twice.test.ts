/**
 * Issue #13 (a first slice): the same car booked twice for the same morning, from a second
 * conversation. The planning refuses the overlapping appointment; nothing new is held or booked,
 * and a person is offered. A second conversation has proven nothing (issue #13: a reference and a
 * plate open a booking in the chat), so it hears only that the car cannot be booked online then —
 * not the first booking's day nor its reference, not even that it exists. The conversation that
 * made the first booking is asked first (test/conversation/manage-booking.test.ts) and, going on
 * explicitly, hears the day and reference it already knows.
 *
 * The clock is Monday 30 November 2026, 09:00 in Modena.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const script: Record<Lang, { first: string; taxi: string; day: string; yes: string; person: RegExp; already: RegExp; notBookable: RegExp; when: RegExp }> = {
  it: {
    first: 'buongiorno, Levante GH123KL tagliando, sono Mario Rossi',
    taxi: 'taxi',
    day: 'giovedì alle 10',
    yes: 'sì confermo',
    person: /consulente/,
    already: /Questa vettura ha già un appuntamento/,
    notBookable: /non posso prenotare online/,
    when: /giovedì 3 dicembre/,
  },
  en: {
    first: "hi, Levante GH123KL needs a service, I'm John Smith",
    taxi: 'taxi',
    day: 'thursday at 10',
    yes: 'yes please',
    person: /advisor/,
    already: /This car already has an appointment/,
    notBookable: /can't book this car online/,
    when: /Thursday 3 December/,
  },
};

describe('The same car booked twice for the same morning (#13)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.close();
  });

  /** The same customer, the same car, the same words up to the day. */
  async function upToTheDay(lang: Lang, day: string): Promise<Conversation> {
    const s = script[lang];
    const c = await new Conversation(w.engine, lang).open();
    await c.says(s.first);
    await c.says(s.taxi);
    return c.says(day);
  }

  for (const lang of ['it', 'en'] as const) {
    it(`${lang}: the second conversation hears the car cannot be booked then — nothing of the first booking — and is offered a person`, async () => {
      const s = script[lang];
      const first = await upToTheDay(lang, s.day);
      await first.says(s.yes);
      const reference = first.booking?.reference;
      assert.ok(reference, `first booking:\n${first.transcript.join('\n')}`);

      const second = await upToTheDay(lang, lang === 'it' ? 'giovedì mattina alle 9' : 'thursday morning at 9');
      const transcript = second.transcript.join('\n');
      assert.equal(second.booking, undefined, `no second booking:\n${transcript}`);
      assert.match(transcript, s.notBookable);
      assert.doesNotMatch(transcript, s.already);
      assert.doesNotMatch(transcript, new RegExp(reference));
      assert.doesNotMatch(transcript, s.when);
      second.asks('confirm');
      assert.ok(second.choices().some((title) => s.person.test(title)), `a person offered: ${second.choices().join(' | ')}`);

      const stored = await w.planning.list({ status: ['held', 'confirmed'] });
      assert.deepEqual(stored.map((r) => r.reference), [reference], 'nothing else held or booked');

      await second.clicks(s.person);
      assert.equal(second.last.handoff, 'requested', second.transcript.join('\n'));
    });
  }

  describe('when the dealer only flags overlaps (workshop.vehicleOverlap: flag)', () => {
    beforeEach(async () => {
      await w.close();
      w = await world({ dealer: (d) => ({ ...d, workshop: { ...d.workshop, vehicleOverlap: 'flag' } }) });
    });

    for (const lang of ['it', 'en'] as const) {
      it(`${lang}: the second conversation books the overlapping appointment like any other`, async () => {
        const s = script[lang];
        const first = await upToTheDay(lang, s.day);
        await first.says(s.yes);
        assert.ok(first.booking?.reference, `first booking:\n${first.transcript.join('\n')}`);

        const second = await upToTheDay(lang, lang === 'it' ? 'giovedì mattina alle 9' : 'thursday morning at 9');
        await second.says(s.yes);
        const transcript = second.transcript.join('\n');
        assert.ok(second.booking?.reference, `second booking:\n${transcript}`);
        assert.doesNotMatch(transcript, s.already);
        const stored = await w.planning.list({ status: ['confirmed'] });
        assert.deepEqual(stored.map((r) => r.reference).sort(), [first.booking!.reference, second.booking!.reference].sort());
      });
    }
  });
});
