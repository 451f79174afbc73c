/**
 * Slimmer stored snapshots (#15, src/engine/snapshot-codec.ts): what the store keeps is the
 * persisted snapshot with tokens for what the session key, the dealer file and the dialogue's own
 * functions rebuild; restoring rebuilds exactly the snapshot persisted. Checked at every turn of
 * varied conversations against the live actor's own persisted snapshot.
 */
import assert from 'node:assert/strict';
import { createSnapshotCodec, sameJson } from '../../src/engine/snapshot-codec';
import type { Envelope } from '../../src/sessions/session-store';
import { Conversation, world, type World } from '../conversation/harness';

const SCRIPTS: { locale: 'it' | 'en'; steps: string[] }[] = [
  { locale: 'it', steps: ['Buongiorno, sono Anna Rossi, la Quattroporte AA003AA deve cambiare la batteria', 'vado coi mezzi pubblici', 'il 17 gennaio alle 14:00', 'slot:2', 'sì', 'no'] },
  { locale: 'it', steps: ['buongiorno sono Mario Rossi, Levante BB100BB tagliando, con ritiro e riconsegna a casa, entrambi', 'Via Giardini 100, 41043 Formigine', 'giovedì mattina', 'quanto costa?', 'sì, confermo'] },
  // A vehicle on record with a warranty: some offers are free (kept whole), the others by id.
  { locale: 'it', steps: ['Devo fare una riparazione in garanzia', 'Levante GH123KL', 'Marco Rossi', 'auto di cortesia', 'giovedì alle 10', 'no, meglio venerdì', 'sì'] },
  { locale: 'en', steps: ['Hello, I am John Smith, my Ghibli EE400EE needs new tyres', 'taxi', 'thursday at 10', 'yes please', 'no thanks', 'can you move it to friday at 11?', '1', 'yes'] },
];

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
    for (const { locale, steps } of SCRIPTS) {
      const c = new Conversation(w.engine, locale);
      for (const step of steps) {
        await c.says(step);
        const live = w.engine.live!.take(c.id);
        if (!live) continue; // a finished conversation keeps no actor
        w.engine.live!.keep(c.id, live);
        const persisted = live.actor.getPersistedSnapshot() as unknown as { context: unknown; value: unknown; status: unknown };
        const stored = (await w.sessions.load(c.id))!.envelope.snapshot;
        const filled = codec.fill(stored, c.id) as typeof persisted;
        assert.ok(sameJson(filled.context, persisted.context), `${c.id} after «${step}»: the context restored is the one persisted`);
        const around = (x: object) => JSON.parse(JSON.stringify({ ...x, context: null })) as unknown;
        assert.deepEqual(around(filled), around(persisted));
        checked++;
        if (JSON.stringify(stored).length < JSON.stringify(persisted).length / 2) slimmer++;
      }
    }
    assert.ok(checked >= 20, String(checked));
    assert.ok(slimmer >= checked / 2, `${slimmer} of ${checked} stored at less than half their size`);
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
