/**
 * Issue #11, the property: random customers (3–15 messages drawn from pools of answers,
 * questions, corrections, nonsense and requests, in Italian or English; or a cooperative path
 * interrupted at random by the same pools) talk to the real engine
 * (the harness world: real recognizer, statechart, planning). Whatever they write:
 *  - nothing crashes: the apology of a thrown error (error.turn) is never shown, and every turn
 *    answers something;
 *  - the same prompt (the text of the message that asks) is never shown three times in a row;
 *  - the run ends booked, handed over, or still asking with progress: the last 4 turns did not
 *    all ask the identical question (same `awaiting` and the same prompt text, so that a summary
 *    shown again with a change is progress).
 * After a booking only the first rule is checked: the goal is reached, and "anything else?" may
 * be asked again.
 *
 * Written before the code that makes it pass. Fixed clock: Monday 30 November 2026, 09:00.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Awaiting, Lang } from '../../dialogs/model';
import { Conversation, world } from './harness';

interface Pool {
  answers: string[];
  questions: string[];
  corrections: string[];
  nonsense: string[];
  requests: string[];
}

const POOLS: Record<Lang, Pool> = {
  it: {
    answers: [
      'Sono Marco Rossi, Ghibli FX456AB, tagliando',
      'buongiorno devo fare il tagliando',
      'cambio gomme x la levante',
      'GH123KL',
      'FX456AB',
      'Giulia Bianchi',
      'taxi',
      'vado coi mezzi pubblici',
      "mi serve un'auto di cortesia",
      'ritiro e consegna',
      'entrambi',
      'solo ritiro',
      'via Giardini 100, 41043 Formigine',
      'giovedi alle 10',
      'venerdì mattina',
      'prima possibile',
      'aspetto in sede, nn mi serve nulla',
      'sì',
      'confermo',
      'ok',
      '1',
    ],
    questions: [
      'quanto costa il taxi?',
      'e il ritiro a domicilio quanto costa?',
      'quanto mi viene il tagliando?',
      "c'è da lasciare una cauzione?",
      'che documenti devo portare?',
      'a che ora aprite il sabato?',
      'dove siete di preciso?',
      'cosa vuol dire accompagnamento con nostro personale?',
    ],
    corrections: [
      'anzi giovedì',
      'mercoledi, anzi no giovedi',
      'anzi no, venerdì alle 11',
      'meglio il taxi',
      'taxi.. anzi no mezzi pubblici',
      'il nome è Paolo Neri',
      'riesco solo alle 15',
    ],
    nonsense: ['boh', 'asdfgh', '😀👍', 'abito a due passi, vado a piedi', 'che tempo fa domani?', '???', '   ', 'fate voi'],
    requests: ['voglio parlare con una persona', 'annulla', 'ricominciamo da capo', 'aiuto', 'mi fate richiamare?', 'posso cambiare la data?'],
  },
  en: {
    answers: [
      "I'm John Smith, Ghibli FX456AB, annual service",
      'hi, my car needs a service',
      'new tyres for the levante pls',
      'GH123KL',
      'FX456AB',
      'Julia White',
      'taxi',
      'public transport is fine',
      'I need a courtesy car',
      'pickup and delivery',
      'both',
      'pickup only',
      'Via Giardini 100, 41043 Formigine',
      'thursday at 10',
      'friday morning',
      'asap',
      "I'll wait there, don't need anything",
      'yes',
      'confirm',
      'ok',
      '1',
    ],
    questions: [
      'how much is the taxi?',
      'what would the rental cost me?',
      'how much is the service roughly?',
      'is there a deposit?',
      'what documents do I need?',
      'what time do you open on saturday?',
      'where are you exactly?',
      "what's pickup & delivery?",
    ],
    corrections: [
      'actually make it thursday',
      'monday... sorry I meant tuesday',
      'no wait, friday at 11',
      'actually a taxi is better',
      'taxi, actually no, public transport',
      'the name is Sarah Connor',
      'can we do 3pm instead?',
    ],
    nonsense: ['dunno', 'qwerty', '😀👍', "I live round the corner, I'll walk", 'what is the weather like tomorrow?', '???', '   ', 'whatever'],
    requests: ['I want to talk to a person', 'cancel', 'start again', 'help', 'can reception call me back?', 'can I change the date?'],
  },
};

/** Cooperative customers, to be interrupted by the rest: every step answers what is asked. */
const PATHS: Record<Lang, string[][]> = {
  it: [
    ['Sono Marco Rossi, Ghibli FX456AB, tagliando', 'taxi', 'giovedi alle 10', 'sì'],
    ['buongiorno devo fare il cambio gomme', 'GH123KL', 'Giulia Bianchi', 'vado coi mezzi pubblici', 'venerdì mattina', 'confermo'],
    ['Sono Paolo Neri, tagliando per la Grecale GK789CD', 'ritiro e consegna', 'entrambi', 'via Giardini 100, 41043 Formigine', 'giovedi alle 10', 'sì'],
    ["Sono Anna Verdi, Levante GH123KL, freni venerdì alle 9, mi serve un'auto di cortesia", 'sì'],
  ],
  en: [
    ["I'm John Smith, Ghibli FX456AB, annual service", 'taxi', 'thursday at 10', 'yes'],
    ['hi, my car needs new tyres', 'GH123KL', 'Julia White', 'public transport is fine', 'friday morning', 'confirm'],
    ["I'm Paul Black, Grecale GK789CD needs a service", 'pickup and delivery', 'both', 'Via Giardini 100, 41043 Formigine', 'thursday at 10', 'yes'],
    ["I'm Anna Green, Levante GH123KL, brakes on Friday at 9, I need a courtesy car", 'yes'],
  ],
};

const APOLOGY = /qualcosa non ha funzionato|something went wrong/i;

const messageOf = (lang: Lang) => {
  const p = POOLS[lang];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...p.answers), weight: 6 },
    { arbitrary: fc.constantFrom(...p.questions), weight: 2 },
    { arbitrary: fc.constantFrom(...p.corrections), weight: 2 },
    { arbitrary: fc.constantFrom(...p.nonsense), weight: 2 },
    { arbitrary: fc.constantFrom(...p.requests), weight: 1 },
  );
};

/** Anything from the pools, in any order. */
const randomCustomer = (lang: Lang) => fc.array(messageOf(lang), { minLength: 3, maxLength: 15 });

/** A cooperative path interrupted at random places by anything from the pools (at most 15 messages). */
const interruptedCustomer = (lang: Lang) =>
  fc.record({
    path: fc.constantFrom(...PATHS[lang]),
    interruptions: fc.array(fc.record({ at: fc.nat({ max: 15 }), text: messageOf(lang) }), { maxLength: 9 }),
  }).map(({ path, interruptions }) => {
    const messages = [...path];
    for (const { at, text } of interruptions) messages.splice(Math.min(at, messages.length), 0, text);
    return messages.slice(0, 15);
  });

const customer = fc.constantFrom<Lang>('it', 'en').chain((lang) =>
  fc.record({ lang: fc.constant(lang), messages: fc.oneof(randomCustomer(lang), interruptedCustomer(lang)) }));

/** The text of the bot's question this turn (the last message that asks for something). */
const promptOf = (c: Conversation): string => c.last.messages.findLast((m) => m.awaiting)?.text ?? '';

describe('Customers (issue #11) — property: random customers never crash, never loop, always end somewhere', function () {
  this.timeout(120_000);

  it('3–15 random answers, questions, corrections, nonsense and requests → no crash, no prompt 3× in a row, booked / handed over / still asking with progress', async () => {
    await fc.assert(
      fc.asyncProperty(customer, async ({ lang, messages }) => {
        const w = await world();
        try {
          const c = await new Conversation(w.engine, lang).open();
          // The opening question counts: it was shown.
          const turns: { awaiting?: Awaiting; prompt: string }[] = [{ awaiting: c.awaiting, prompt: promptOf(c) }];
          let booked = false;
          let handedOver = false;
          const transcript = () => c.transcript.join('\n');
          for (const text of messages) {
            await c.says(text);
            assert.doesNotMatch(c.text, APOLOGY, `a turn failed:\n${transcript()}`);
            if (c.last.held) break;
            assert.ok(c.last.messages.length > 0, `the bot said nothing:\n${transcript()}`);
            if (c.booking) booked = true;
            if (c.last.handoff) {
              handedOver = true;
              break;
            }
            if (booked) continue;
            const prompt = promptOf(c);
            turns.push({ awaiting: c.awaiting, prompt });
            const [a, b] = turns.slice(-3, -1);
            if (prompt && turns.length >= 3 && a!.prompt === prompt && b!.prompt === prompt) {
              assert.fail(`the same prompt three times in a row:\n${prompt}\n--- transcript ---\n${transcript()}`);
            }
          }
          if (!booked && !handedOver && turns.length >= 4) {
            const last = turns.slice(-4);
            const stuck = last.every((t) => t.awaiting !== undefined && t.awaiting === last[0]!.awaiting && t.prompt === last[0]!.prompt);
            assert.ok(!stuck, `no progress in the last 4 turns (always ${last[0]!.awaiting}):\n${transcript()}`);
          }
        } finally {
          await w.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
