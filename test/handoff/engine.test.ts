/**
 * The engine with handoffs, in both languages: each trigger opens a handoff in the store with the
 * summary and the transcript; the bot then stays silent while an advisor holds the conversation;
 * hand-back resumes the booking where it was; close starts a new request; outside opening hours
 * the customer hears when an advisor is back and can leave a phone number.
 */
import assert from 'node:assert/strict';
import { GIULIA, PIETRO, OTHER_SITE, handoffWorld, type HandoffWorld } from './world';

const SATURDAY_EVENING = new Date('2026-12-05T19:00:00Z'); // 20:00 in Modena; back Monday 08:30

const script = {
  it: {
    locale: 'it-IT',
    service: 'buongiorno, la mia Ghibli FX456AB deve fare il tagliando',
    human: 'voglio parlare con una persona',
    weather: 'che tempo fa domani?',
    joke: 'raccontami una barzelletta',
    yes: 'sì',
    no: 'no',
    accident: 'ho avuto un incidente in autostrada e la macchina non parte',
    everything: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, prendo il taxi',
    waiting: /Un consulente Le risponderà/,
    joined: /Giulia Bianchi, consulente, è ora in conversazione/,
    resumed: /riprendiamo da dove eravamo rimasti/,
    askedName: /nome/i,
    closed: /ha chiuso la conversazione/,
    back: /lunedì 7 dicembre alle ore 08:30/,
    saved: /La richiamerà al numero \+393331234567/,
    invalid: /non mi sembra un numero/,
    failed: /nessun consulente può prendere la conversazione/,
  },
  en: {
    locale: 'en-GB',
    service: 'hi, my Ghibli FX456AB needs its annual service',
    human: 'I want to talk to a person',
    weather: 'what is the weather like tomorrow?',
    joke: 'tell me a joke',
    yes: 'yes',
    no: 'no',
    accident: 'I had an accident on the motorway and the car does not start',
    everything: "I'm Marco Rossi, Ghibli FX456AB, service on Thursday, I'll take a taxi",
    waiting: /An advisor will reply shortly/,
    joined: /Giulia Bianchi, an advisor, has joined/,
    resumed: /carry on from where we left off/,
    askedName: /name/i,
    closed: /has closed the conversation/,
    back: /Monday 7 December at 08:30/,
    saved: /call you back at \+393331234567/,
    invalid: /doesn't look like a valid phone number/,
    failed: /no advisor can take the conversation/,
  },
} as const;

let n = 0;
const text = (t: { messages: { text: string }[] }) => t.messages.map((m) => m.text).join('\n');

for (const lang of ['it', 'en'] as const) {
  const p = script[lang];
  describe(`handoff through the engine (${lang})`, () => {
    let w: HandoffWorld;
    let id: string;
    const say = (t: string) => w.say(id, t, p.locale);
    beforeEach(async () => {
      w = await handoffWorld();
      id = `webchat:${lang}-${++n}`;
    });
    afterEach(async () => w.close());

    it('on request: opens a waiting handoff with the summary and the transcript', async () => {
      await say(p.service);
      const turn = await say(p.human);
      assert.equal(turn.handoff, 'requested');
      const h = await w.handoffs.get(id);
      assert.equal(h?.status, 'waiting');
      assert.equal(h?.lang, lang);
      assert.equal(h?.channel, 'webchat');
      assert.equal(h?.siteId, 'modena');
      assert.equal(h?.summary.vehicle?.plate, 'FX456AB');
      assert.equal(h?.summary.need?.serviceId, 'maintenance');
      assert.ok(h?.summary.entitlements.length, 'warranty / programmes of the car');
      assert.equal(h?.callback, undefined, 'inside opening hours: no call back offered');
      const messages = await w.handoffs.messages(id);
      assert.ok(messages.some((m) => m.from === 'customer' && m.text === p.service));
      assert.deepEqual((await w.service.list('modena')).map((x) => x.conversationId), [id]);
    });

    it('after two misunderstandings and a yes', async () => {
      await say(p.weather);
      await say(p.joke);
      const turn = await say(p.yes);
      assert.equal(turn.handoff, 'misunderstood');
      assert.equal((await w.handoffs.get(id))?.reason, 'misunderstood');
    });

    it('urgent: an accident', async () => {
      const turn = await say(p.accident);
      assert.equal(turn.handoff, 'urgent');
      assert.equal((await w.handoffs.get(id))?.reason, 'urgent');
    });

    it('system down: the planning cannot be reached and the customer wants a person', async () => {
      await w.close();
      w = await handoffWorld({ planningDown: true });
      await say(p.everything);
      const turn = await say(p.no);
      assert.equal(turn.handoff, 'system');
      const h = await w.handoffs.get(id);
      assert.equal(h?.reason, 'system');
      assert.equal(h?.summary.customerName, 'Marco Rossi');
      assert.equal(h?.summary.mobility, 'taxi');
    });

    it('stays silent while handed over: one "an advisor will reply" while nobody has it, then nothing; the advisor gets every message', async () => {
      await say(p.human);
      const first = await say('ci siete?');
      assert.match(text(first), p.waiting);
      assert.equal(first.held, true);
      const second = await say('hello?');
      assert.deepEqual(second.messages, []);
      await w.service.take(GIULIA, id);
      const third = await say('FX456AB');
      assert.deepEqual(third.messages, []);
      const messages = (await w.handoffs.messages(id)).filter((m) => m.from === 'customer').map((m) => m.text);
      assert.deepEqual(messages.slice(-3), ['ci siete?', 'hello?', 'FX456AB']);
      const transcript = await w.sessions.transcript(id);
      assert.ok(transcript.some((e) => e.from === 'customer' && e.text === 'FX456AB'), 'the session transcript keeps them too');
    });

    it('keeps the customer with the advisor even when the conversation\'s snapshot has expired', async () => {
      await say(p.human);
      // The same handoff on a conversation whose snapshot is gone (30 days without a bot turn).
      const expired = `${id}-expired`;
      const held = (await w.handoffs.get(id))!;
      await w.handoffs.update(expired, () => ({ ...held, conversationId: expired }));
      const reply = await w.say(expired, 'ci siete ancora?', p.locale);
      assert.equal(reply.held, true);
      assert.match(text(reply), p.waiting);
      assert.ok((await w.handoffs.messages(expired)).some((m) => m.from === 'customer' && m.text === 'ci siete ancora?'));
    });

    it('take, reply, hand back: the customer is told, and the bot resumes where it was', async () => {
      await say(p.service);
      await say(p.human);
      const taken = await w.service.take(GIULIA, id);
      assert.ok(taken.ok);
      assert.match(JSON.stringify(w.delivered.at(-1)?.delivery), p.joined);
      assert.deepEqual(await w.service.take(PIETRO, id), { ok: false, error: 'taken' });
      assert.deepEqual(await w.service.reply(PIETRO, id, 'io?'), { ok: false, error: 'taken' });
      const replied = await w.service.reply(GIULIA, id, 'Buongiorno, eccomi');
      assert.ok(replied.ok);
      assert.deepEqual(w.delivered.at(-1)?.delivery, { kind: 'advisor', name: 'Giulia Bianchi', text: 'Buongiorno, eccomi' });
      const back = await w.service.handBack(GIULIA, id);
      assert.ok(back.ok);
      assert.equal((await w.handoffs.get(id))?.status, 'closed');
      const resumed = w.delivered.at(-1)!.delivery;
      assert.equal(resumed.kind, 'bot');
      const said = resumed.kind === 'bot' ? resumed.turn.messages.map((m) => m.text).join('\n') : '';
      assert.match(said, p.resumed);
      // The vehicle and the need are remembered: the bot goes on with what is missing (the name).
      assert.match(said, p.askedName);
      const next = await say('Marco Rossi');
      assert.ok(!next.held && next.messages.length > 0, 'the bot answers by itself again');
      assert.equal((await w.service.list('modena')).length, 0);
    });

    it('close: the bot says so, and the next message is a new request', async () => {
      await say(p.human);
      await w.service.take(GIULIA, id);
      const closed = await w.service.close(GIULIA, id);
      assert.ok(closed.ok);
      const d = w.delivered.at(-1)!.delivery;
      assert.match(d.kind === 'bot' ? d.turn.messages[0].text : '', p.closed);
      const next = await say(p.service);
      assert.ok(!next.held && next.messages.length > 0);
    });

    it('an advisor of another site sees nothing and can do nothing', async () => {
      await say(p.human);
      assert.deepEqual(await w.service.list('bologna'), []);
      assert.equal(await w.service.detail('bologna', id), undefined);
      assert.deepEqual(await w.service.take(OTHER_SITE, id), { ok: false, error: 'not-found' });
      assert.deepEqual(await w.service.reply(OTHER_SITE, id, 'x'), { ok: false, error: 'not-found' });
    });

    it('outside opening hours: says when an advisor is back, and keeps a valid phone number', async () => {
      await w.close();
      w = await handoffWorld({ now: SATURDAY_EVENING });
      const turn = await say(p.human);
      assert.match(text(turn), p.back);
      assert.equal(turn.messages.at(-1)?.awaiting, 'text');
      assert.equal((await w.handoffs.get(id))?.callback?.backAt, '2026-12-07T08:30:00+01:00');
      assert.match(text(await say('0123')), p.waiting, 'too short to be a number: just a message');
      assert.match(text(await say('chiamatemi al 12 34 56 78 90')), p.invalid);
      assert.match(text(await say('+39 333 123 4567')), p.saved);
      assert.equal((await w.handoffs.get(id))?.callback?.phone, '+393331234567');
      assert.deepEqual((await say('grazie')).messages, []);
    });

    it('a contact centre: accepted holds it, failed offers to go on with the bot, completed closes it', async () => {
      await say(p.service);
      await say(p.human);
      await w.service.contactCentre(id, 'accepted');
      const h = await w.handoffs.get(id);
      assert.equal(h?.status, 'active');
      assert.equal(h?.advisor?.kind, 'external');
      assert.deepEqual((await say('hello?')).messages, [], 'silent while the contact centre holds it');
      const failed = await w.service.contactCentre(id, 'failed');
      assert.match(text(failed!), p.failed);
      assert.equal((await w.handoffs.get(id))?.outcome, 'failed');

      await say(p.human);
      await w.service.contactCentre(id, 'accepted');
      const completed = await w.service.contactCentre(id, 'completed');
      assert.match(text(completed!), p.closed);
      assert.equal((await w.handoffs.get(id))?.status, 'closed');
    });
  });
}
