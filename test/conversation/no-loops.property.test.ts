/**
 * Random conversations through the real engine (recognizer, statechart, planning, sessions):
 * answers, questions, corrections, nonsense and requests in any order, in Italian and in English.
 * Whatever the customer writes: no crash, never the same question three times in a row (nor twice
 * in one turn), and every conversation ends booked, handed over, or still asking; nonsense four
 * times in a row always ends with a person (R11).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Lang } from '../../dialogs/model';
import { Conversation, world, type World } from './harness';

const messages = {
  it: {
    answers: [
      'tagliando', 'cambio gomme', 'FX456AB', 'la Ghibli FX456AB', 'Sono Marco Rossi', 'mi chiamo Anna Verdi', 'taxi',
      "auto di cortesia", 'vado a piedi', 'ritiro e consegna', 'entrambi', 'Via Giardini 100, Formigine', 'giovedì alle 10',
      'venerdì mattina', 'domenica', 'sì', 'no', '1', '2', 'Sono Marco Rossi, tagliando per la Ghibli FX456AB',
    ],
    questions: ['quanto costa il taxi?', 'dove siete?', 'che documenti servono?', 'a che ora aprite?'],
    corrections: ['anzi venerdì', 'no aspetta, meglio il taxi', 'cambia data', 'preferisco martedì'],
    nonsense: ['boh', 'asdfgh', '???', '😀', 'che tempo fa domani?', 'mah'],
    requests: ['aiuto', 'grazie', 'ricomincia', 'voglio parlare con una persona'],
  },
  en: {
    answers: [
      'annual service', 'new tyres', 'FX456AB', 'my Ghibli FX456AB', "I'm Marco Rossi", 'my name is Anna Verdi', 'taxi',
      'courtesy car', "I'll walk", 'pickup and delivery', 'both', 'Via Giardini 100, Formigine', 'Thursday at 10',
      'Friday morning', 'Sunday', 'yes', 'no', '1', '2', "I'm Marco Rossi, annual service for my Ghibli FX456AB",
    ],
    questions: ['how much is the taxi?', 'where are you?', 'what documents do I need?', 'what time do you open?'],
    corrections: ['actually Friday', 'no wait, make it a taxi', 'change the date', "I'd rather Tuesday"],
    nonsense: ['dunno', 'asdfgh', '???', '😀', "what's the weather tomorrow?", 'meh'],
    requests: ['help', 'thanks', 'start again', 'I want to talk to a person'],
  },
} as const;

const apology = Object.fromEntries((['it', 'en'] as const).map((l) => [
  l, JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${l}/translation.json`), 'utf8')).error.turn as string,
])) as Record<Lang, string>;

const any = (lang: Lang) => {
  const m = messages[lang];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...m.answers), weight: 5 },
    { arbitrary: fc.constantFrom(...m.questions), weight: 1 },
    { arbitrary: fc.constantFrom(...m.corrections), weight: 1 },
    { arbitrary: fc.constantFrom(...m.nonsense), weight: 2 },
    { arbitrary: fc.constantFrom(...m.requests), weight: 1 },
  );
};

/** A conversation of one customer: stops sending once handed over. */
async function talk(w: World, lang: Lang, texts: readonly string[]) {
  const c = await new Conversation(w.engine, lang).open();
  const prompts: string[] = [];
  let booked = false;
  let handedOver = false;
  for (const text of texts) {
    if (handedOver) break;
    await c.says(text);
    const said = c.last.messages.map((m) => m.text);
    assert.ok(!said.includes(apology.it) && !said.includes(apology.en), `the turn failed:\n${c.transcript.join('\n')}`);
    const asked = c.last.messages.filter((m) => m.awaiting).map((m) => m.text);
    assert.equal(new Set(asked).size, asked.length, `the same question twice in one turn:\n${c.transcript.join('\n')}`);
    prompts.push(...asked);
    booked ||= c.booking !== undefined;
    handedOver ||= c.last.handoff !== undefined;
  }
  for (let i = 2; i < prompts.length; i++) {
    const same = prompts[i] === prompts[i - 1] && prompts[i] === prompts[i - 2];
    assert.ok(!same, `the same question three times in a row:\n${c.transcript.join('\n')}`);
  }
  return { c, booked, handedOver };
}

describe('No loops, whatever the customer writes (property)', function () {
  this.timeout(60_000);
  let w: World;
  before(async () => (w = await world()));
  after(async () => w.close());

  it('no crash, never the same question three times in a row; booked, handed over or still asking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Lang>('it', 'en').chain((lang) => fc.tuple(fc.constant(lang), fc.array(any(lang), { minLength: 1, maxLength: 12 }))), async ([lang, texts]) => {
        const { c, booked, handedOver } = await talk(w, lang, texts);
        assert.ok(booked || handedOver || c.awaiting !== undefined, `neither booked, handed over nor asking:\n${c.transcript.join('\n')}`);
      }),
      { numRuns: 50 },
    );
  });

  it('nonsense four times in a row, after anything, ends with a person (or the booking already made)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Lang>('it', 'en').chain((lang) => fc.tuple(
          fc.constant(lang),
          fc.array(any(lang), { maxLength: 8 }),
          // a bare unknown word at the name question is a name ("Asdfgh" may be one): not nonsense there
          fc.array(fc.constantFrom(...messages[lang].nonsense.filter((t) => t !== 'asdfgh')), { minLength: 4, maxLength: 4 }),
        )),
        async ([lang, before, nonsense]) => {
          const { c, booked, handedOver } = await talk(w, lang, [...before, ...nonsense]);
          assert.ok(booked || handedOver, `nonsense without end:\n${c.transcript.join('\n')}`);
        },
      ),
      { numRuns: 25 },
    );
  });
});
