/**
 * Slimmer stored snapshots (#15, src/engine/snapshot-codec.ts): what the store keeps is the
 * persisted snapshot with tokens for what the session key, the dealer file and the dialogue's own
 * functions rebuild; restoring rebuilds exactly the snapshot persisted. Checked at every turn of
 * varied conversations against the live actor's own persisted snapshot.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSnapshotCodec, sameJson } from '../../src/engine/snapshot-codec';
import type { Envelope } from '../../src/sessions/session-store';
import { answer, openingMessage, planFor } from '../../scripts/bench/booking-script';
import { Conversation, MONDAY_9AM, world, type World } from '../conversation/harness';
import { seeded } from '../../src/random';

const SCRIPTS: { locale: 'it' | 'en'; steps: string[]; now?: Date }[] = [
  { locale: 'it', steps: ['Buongiorno, sono Anna Rossi, la Quattroporte AA003AA deve cambiare la batteria', 'vado coi mezzi pubblici', 'il 17 gennaio alle 14:00', 'slot:2', 'sì', 'no'] },
  { locale: 'it', steps: ['buongiorno sono Mario Rossi, Levante BB100BB tagliando, con ritiro e riconsegna a casa, entrambi', 'Via Giardini 100, 41043 Formigine', 'giovedì mattina', 'quanto costa?', 'sì, confermo'] },
  // A vehicle on record with a warranty: some offers are free (kept whole), the others by id.
  { locale: 'it', steps: ['Devo fare una riparazione in garanzia', 'Levante GH123KL', 'Marco Rossi', 'auto di cortesia', 'giovedì alle 10', 'no, meglio venerdì', 'sì'] },
  { locale: 'en', steps: ['Hello, I am John Smith, my Ghibli EE400EE needs new tyres', 'taxi', 'thursday at 10', 'yes please', 'no thanks', 'can you move it to friday at 11?', '1', 'yes'] },
  // A holiday: the nearest slots offered, one taken, booked.
  { locale: 'it', steps: ['Buongiorno, sono Laura Conti, la GranTurismo AA083AA deve cambiare la batteria', 'vado coi mezzi pubblici', 'il 31 gennaio alle 11:00', 'slot:2', 'sì', 'sì'] },
  // Summer time: the slot's offset is not the conversation's (a week before the change).
  { locale: 'it', now: new Date('2027-03-22T08:00:00Z'), steps: ['Buongiorno, sono Paolo Verdi, la Ghibli CC200CC deve cambiare la batteria', 'prendo un taxi', 'il 30 marzo alle 10', 'sì', 'no'] },
  { locale: 'it', now: new Date('2027-03-22T08:00:00Z'), steps: ['Buongiorno, sono Sara Neri, la Levante DD300DD deve fare il tagliando', 'auto di cortesia Maserati', 'il 28 marzo alle 9', '2', 'sì'] },
  // Not understood at the date question, then not again: the question in other words each time.
  { locale: 'it', steps: ['Buongiorno, sono Carlo Conti, la Levante AA222AA deve cambiare la batteria', 'vado coi mezzi pubblici', 'il 20 gennaio alle 13:00', 'boh', 'non so', 'no', 'il 21 gennaio alle 10', 'sì'] },
  { locale: 'it', steps: ['Buongiorno, sono Elena Gallo, la MC20 FF500FF deve cambiare la batteria', 'vado coi mezzi pubblici', 'quanto costa?', 'quanto costa?', 'quanto costa?', 'il 22 gennaio alle 15', 'sì'] },
];

/** Kinds of token the scripts above reach, as they show in a stored snapshot. */
const TOKENS: [string, RegExp][] = [
  ['start values left out', /"context":\{"lang":/],
  ['alternatives as tuples', /"alternatives":\[\["[a-z-]+",\d+,\d+,\d+\],\[\d+,\d+,\d+\]/],
  ['a slot by index', /"slot":\d/],
  ['a slot as a tuple', /"slot":\["/],
  ['a time in summer time', /"\d+\+02:00"/],
  ['held until, after now', /"heldUntil":\d+/],
  ['the plain prompt', /"lastPrompt":0/],
  ['the prompt in other words', /"lastPrompt":1/],
  ['the prompt said otherwise', /"lastPrompt":2/],
  ['what was asked', /"asked":\["[a-zA-Z]+",\d\]/],
  ['a booking by reference', /"booking":"MC-/],
  ['a booking with its car', /"booking":\["MC-[A-Z0-9]+",\{"resourceId":/],
];

/** The same context JSON, key order included; the same fields around it. */
function assertSameSnapshot(restored: unknown, persisted: unknown, where = ''): void {
  const [r, p] = [restored, persisted].map((x) => JSON.parse(JSON.stringify(x)) as { context: unknown });
  assert.ok(sameJson(r.context, p.context), `${where}: the context restored is the one persisted\n${JSON.stringify(r.context)}\n${JSON.stringify(p.context)}`);
  assert.deepEqual({ ...r, context: null }, { ...p, context: null }, where);
}


describe('the same JSON', () => {
  it('compares as a stored snapshot would show: key order counts, undefined members do not', () => {
    assert.ok(sameJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] }));
    assert.ok(!sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }));
    assert.ok(sameJson({ a: 1, u: undefined, b: 2 }, { a: 1, b: 2, v: undefined }));
    assert.ok(sameJson({ u: undefined }, {}));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!sameJson({ a: 1, b: undefined }, { a: 1, b: null }));
    assert.ok(!sameJson([1, 2], { 0: 1, 1: 2 }));
    assert.ok(!sameJson({ a: [] }, { a: {} }));
  });
});

describe('slimmer stored snapshots (#15)', function () {
  this.timeout(60_000);
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(() => w.close());

  it('restores exactly the snapshot the live actor persisted, at every turn', async () => {
    const codec = createSnapshotCodec(w.dealer);
    let checked = 0;
    let slimmer = 0;
    const seen = new Set<string>();
    for (const { locale, steps, now } of SCRIPTS) {
      const at = now ? await world({ now }) : w;
      const c = new Conversation(at.engine, locale);
      for (const step of steps) {
        await c.says(step);
        const live = at.engine.live!.take(c.id);
        if (!live) continue; // a finished conversation keeps no actor
        at.engine.live!.keep(c.id, live);
        const persisted = live.actor.getPersistedSnapshot();
        const stored = (await at.sessions.load(c.id))!.envelope.snapshot;
        assertSameSnapshot(codec.fill(stored, c.id), persisted, `${c.id} after «${step}»`);
        checked++;
        if (JSON.stringify(stored).length < JSON.stringify(persisted).length / 2) slimmer++;
        for (const [what, pattern] of TOKENS) if (pattern.test(JSON.stringify(stored))) seen.add(what);
      }
      if (at !== w) await at.close();
    }
    assert.ok(checked >= 50, String(checked));
    assert.ok(slimmer >= checked / 2, `${slimmer} of ${checked} stored at less than half their size`);
    assert.deepEqual([...seen].sort(), TOKENS.map(([what]) => what).sort(), 'the scripts reach every kind of token');
  });

  for (const scenario of ['booking', 'contention'] as const) {
    it(`stores every step of the bench's ${scenario} customers in at most 1 KB, and restores it exactly`, async () => {
      const codec = createSnapshotCodec(w.dealer);
      const random = seeded(15);
      const customers = 40;
      let booked = 0;
      let largest = 0;
      let withAlternatives = 0;
      for (let i = 0; i < customers; i++) {
        const plan = planFor(scenario, i, MONDAY_9AM, random);
        const c = new Conversation(w.engine, 'it');
        let text: string | null = openingMessage(plan);
        for (let t = 0; t < 10 && text !== null; t++) {
          await c.says(text);
          const json = JSON.stringify((await w.sessions.load(c.id))!.envelope);
          largest = Math.max(largest, Buffer.byteLength(json));
          assert.ok(Buffer.byteLength(json) <= 1024, `${c.id} after «${text}»: ${json}`);
          if (json.includes('"alternatives":[[')) withAlternatives++;
          const live = w.engine.live!.take(c.id);
          if (live) {
            w.engine.live!.keep(c.id, live);
            assertSameSnapshot(codec.fill(JSON.parse(json).snapshot, c.id), live.actor.getPersistedSnapshot(), `${c.id} after «${text}»`);
          }
          if (c.last.messages.some((m) => m.booking)) {
            booked++;
            break;
          }
          const last = c.last.messages.filter((m) => m.awaiting).pop();
          text = answer(plan, last?.awaiting ?? 'text', (last?.choices ?? []).map((ch) => String(ch.value)));
        }
      }
      assert.ok(booked >= customers * 0.9, `${booked} of ${customers} booked`);
      assert.ok(withAlternatives > 5, `${withAlternatives} steps with alternatives`);
      assert.ok(largest > 600, String(largest));
    });
  }

  it('restores snapshots stored before slots were tuples exactly', () => {
    const codec = createSnapshotCodec(w.dealer);
    // Stored by the codec of d582ac3 (slot by index, alternatives and held-until whole, a prompt in other words whole).
    const fixtures = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/snapshots-stored-before-compact.json'), 'utf8')) as { conversationId: string; stored: unknown; persisted: unknown }[];
    for (const { conversationId, stored, persisted } of fixtures) {
      const filled = codec.fill(stored, conversationId);
      assertSameSnapshot(filled, persisted);
      // Stored again, it is shorter and restores the same.
      const again = codec.slim(filled, conversationId);
      assert.ok(JSON.stringify(again).length < JSON.stringify(stored).length - 100, JSON.stringify(again));
      assertSameSnapshot(codec.fill(JSON.parse(JSON.stringify(again)), conversationId), persisted);
    }
  });

  it('restores a snapshot stored whole (before #15) as it is', async () => {
    const codec = createSnapshotCodec(w.dealer);
    const c = await new Conversation(w.engine, 'it').says('Buongiorno, sono Anna Rossi, la Ghibli FX456AB deve fare il tagliando');
    const persisted = w.engine.live!.take(c.id)!.actor.getPersistedSnapshot();
    assert.deepEqual(codec.fill(JSON.parse(JSON.stringify(persisted)), c.id), JSON.parse(JSON.stringify(persisted)));
    // And the engine goes on from it.
    assert.ok(await w.sessions.turn(c.id, undefined, (turn) => turn.commit({ envelope: { ...turn.stored!.envelope, snapshot: persisted }, transcript: [] })));
    await c.says('prendo un taxi');
    c.asks('date');
  });

  it('starts over with an apology when an offer stored by id is no longer in the dealer file', async () => {
    const c = await new Conversation(w.engine, 'it').says('Buongiorno, sono Anna Rossi, la Ghibli FX456AB deve fare il tagliando');
    assert.ok(await w.sessions.turn(c.id, undefined, async (turn) => {
      const envelope = turn.stored!.envelope as Envelope & { snapshot: { context: { offers: unknown } } };
      assert.equal(envelope.snapshot.context.offers, 0, 'all the dealer\'s plain offers, as one token');
      envelope.snapshot.context.offers = ['teleport'];
      return turn.commit({ envelope, transcript: [] });
    }));
    w.engine.live!.clear();
    await c.says('prendo un taxi');
    c.said(/abbiamo aggiornato il servizio/);
  });
});
