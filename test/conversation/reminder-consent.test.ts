/**
 * Issue #13: the reminder the day before is offered once, in the same turn as the receipt (the
 * turn whose reply carries the booking), as a yes/no choice — never as a step before the
 * confirmation. Customers answer in their own words or with the buttons; the answer is recorded
 * (the engine's `reminders` hook) with the booking's reference.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { TurnOutput } from '../../src/engine/turn-engine';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE, MONDAY_9AM } from './harness';

async function setUp() {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, SESSION_STORE: 'memory' });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const planning = createSqlitePlanning(dealer, { file: ':memory:', clock: () => MONDAY_9AM });
  const made = await createEngine(config, dealer, { planning, clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
  return { ...made, planning };
}

let n = 0;
/** A web chat customer (the engine's id names the conversation to push the reminder to). */
function customer(engine: Awaited<ReturnType<typeof setUp>>['engine'], lang: 'it' | 'en') {
  const conversationId = `webchat:consent-${process.pid}-${++n}`;
  let last: TurnOutput;
  const say = async (text: string) => (last = await engine.handle({ conversationId, kind: 'message', text, locale: lang }));
  return {
    conversationId,
    say,
    open: async () => (last = await engine.handle({ conversationId, kind: 'start', locale: lang })),
    click: async (title: RegExp) => {
      const choice = last.messages.flatMap((m) => m.choices ?? []).find((c) => title.test(c.title));
      assert.ok(choice, `no choice ${title} in ${JSON.stringify(last.messages.flatMap((m) => m.choices ?? []).map((c) => c.title))}`);
      return say(choice.value);
    },
    get last() {
      return last;
    },
    text: () => last.messages.map((m) => m.text).join('\n'),
  };
}

describe('Reminder consent (issue #13), asked with the receipt', () => {
  let w: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    w = await setUp();
  });
  afterEach(async () => w.planning.close());

  async function book(lang: 'it' | 'en', first: string, yes: string) {
    const c = customer(w.engine, lang);
    await c.open();
    await c.say(first);
    assert.equal(c.last.messages.findLast((m) => m.awaiting)?.awaiting, 'confirm', c.text());
    await c.say(yes);
    const receipt = c.last.messages.find((m) => m.booking);
    assert.ok(receipt, `the receipt is in this turn:\n${c.text()}`);
    return { c, reference: receipt.booking!.reference };
  }

  it('Italian: the receipt turn ends with the yes/no question; "si grazie" records the yes, and the bot says so', async () => {
    const { c, reference } = await book('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì');
    const last = c.last.messages.at(-1)!;
    assert.match(last.text, /promemoria il giorno prima/);
    assert.equal(last.awaiting, 'confirm');
    assert.deepEqual(last.choices?.map((x) => x.title), ['Sì, grazie', 'No, grazie']);
    // the receipt comes first, the question after it
    assert.ok(c.last.messages.findIndex((m) => m.booking) < c.last.messages.length - 1);
    await c.say('si grazie');
    assert.deepEqual(c.last.reminders, { reference, consent: true });
    assert.match(c.text(), /Le mando un promemoria/);
    assert.ok(await w.reminders.get(reference), 'the consent is kept');
    assert.equal((await w.reminders.get(reference))!.reach.channel, 'webchat');
  });

  it('English: the "No, thanks" button → no reminder kept, and the conversation goes on', async () => {
    const { c, reference } = await book('en', "I'm Sarah Jones, Levante GH123KL, brakes Friday at 9, I'll take the bus", 'yes please');
    assert.match(c.text(), /reminder here the day before/);
    await c.click(/No, thanks/);
    assert.deepEqual(c.last.reminders, { reference, consent: false });
    assert.match(c.text(), /no reminder/i);
    assert.equal(await w.reminders.get(reference), undefined);
    assert.match(c.text(), /anything else/i);
  });

  it('English, typed: "yeah sure" → yes; asked once only: a later "yes" is not taken as consent again', async () => {
    const { c, reference } = await book('en', 'Tom Baker here, Ghibli FX456AB, service on Thursday at 10, taxi please', 'yes');
    await c.say('yeah sure');
    assert.deepEqual(c.last.reminders, { reference, consent: true });
    await c.say('yes');
    assert.equal(c.last.reminders, undefined);
  });

  it('Italian: ignoring the question and asking something else → no consent, the question is answered, not asked again', async () => {
    const { c, reference } = await book('it', 'Sono Giulia Bianchi, Levante GH123KL, freni venerdì alle 9, vado con i mezzi pubblici', 'si');
    await c.say('quanto costa il tagliando?');
    assert.equal(c.last.reminders, undefined);
    assert.doesNotMatch(c.text(), /promemoria il giorno prima/);
    assert.equal(await w.reminders.get(reference), undefined);
  });

  it('a channel that cannot write later (no way to reach the customer) never promises the reminder', async () => {
    const conversationId = `console:consent-${process.pid}`;
    await w.engine.handle({ conversationId, kind: 'start', locale: 'en' });
    await w.engine.handle({ conversationId, kind: 'message', locale: 'en', text: 'Tom Baker here, Ghibli FX456AB, service on Thursday at 10, taxi please' });
    const booked = await w.engine.handle({ conversationId, kind: 'message', locale: 'en', text: 'yes' });
    assert.ok(booked.messages.some((m) => m.booking));
    const answer = await w.engine.handle({ conversationId, kind: 'message', locale: 'en', text: 'yes' });
    const text = answer.messages.map((m) => m.text).join('\n');
    assert.doesNotMatch(text, /I'll send you a reminder/);
    assert.match(text, /won't arrive/);
  });
});
