/**
 * Live actors change nothing a customer or the store can see (#15): the same conversations, once
 * with every turn restoring the statechart from its stored snapshot (LIVE_CONVERSATIONS=0) and
 * once going on from the live actor, give the same replies and store the same snapshots after
 * every turn. The conversations take in the paths where a live actor lives longest: bookings with
 * each kind of mobility, corrections, questions, misunderstandings, a cancelled booking (its
 * conversation starts over), a handoff, English, and a conversation opened before its first
 * message. Booking references are random: masked.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

/** `null`: the conversation is opened (Web Chat's conversationUpdate), else what the customer writes. */
type Step = string | null;

const CONVERSATIONS: { locale: string; steps: Step[] }[] = [
  { locale: 'it-IT', steps: ['Buongiorno, sono Anna Rossi, la Quattroporte AA003AA deve cambiare la batteria', 'vado coi mezzi pubblici', 'il 17 gennaio alle 14:00', 'slot:1', 'sì', 'sì'] },
  { locale: 'it-IT', steps: [null, 'buongiorno, Levante GH123KL tagliando, sono Mario Rossi', 'taxi', 'giovedì alle 10', 'no, meglio venerdì alle 11', 'sì confermo', 'no grazie'] },
  { locale: 'it-IT', steps: ['buongiorno sono Mario Rossi, Levante BB100BB tagliando, con ritiro e riconsegna a casa, entrambi', 'Via Giardini 100, 41043 Formigine', 'giovedì mattina', '1', 'quanto costa?', 'sì, confermo'] },
  { locale: 'it-IT', steps: ["Sono Giulia Bianchi, Ghibli FX456AB, tagliando giovedì, mi serve un'auto di cortesia", 'la seconda', 'che documenti servono?', 'Confermo', 'sì'] },
  { locale: 'it-IT', steps: ['ciao', 'boh', 'asdfgh', 'Sono Paolo Neri, tagliando per la Grecale GK789CD', 'prendo il taxi', 'ieri', 'giovedì alle 9 e mezza', 'sì'] },
  { locale: 'it-IT', steps: ['Sono Marco Rossi, Ghibli CC200CC, cambio gomme giovedì alle 9, aspetto in sede, non mi serve nulla', 'sì', 'no', 'vorrei annullare la prenotazione', 'sì', 'Sono Marco Rossi, Ghibli CC200CC, tagliando venerdì, prendo un taxi', 'alle 11', 'sì'] },
  { locale: 'it-IT', steps: ['Sono Anna Verdi, Levante DD300DD, freni giovedì', 'vorrei parlare con una persona', 'grazie'] },
  { locale: 'en-GB', steps: ['Hello, I am John Smith, my Ghibli EE400EE needs new tyres', 'taxi', 'thursday at 10', 'yes please', 'no thanks', 'can you move it to friday at 11?', '1', 'yes'] },
  { locale: 'en-GB', steps: [null, 'I need a service for my Levante FF500FF', 'John Smith', 'public transport', 'friday morning', '2', 'yes'] },
];

const masked = (text: string) => text.replace(/MC-[A-HJ-NP-Z2-9]{6}/g, 'MC-XXXXXX');

interface Seen {
  turn: string;
  reply: string;
  /** Parsed: a live context may keep keys in another order than one read back from JSON (same snapshot). */
  stored: unknown;
}

/** Every reply and the stored envelope after every turn, of every conversation, one conversation after the other. */
async function run(liveConversations: number): Promise<Seen[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, SESSION_STORE: 'memory', LIVE_CONVERSATIONS: String(liveConversations) });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const planning = createSqlitePlanning(dealer, { file: ':memory:', clock: () => MONDAY_9AM });
  const { engine, sessions } = await createEngine(config, dealer, { planning, clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
  const seen: Seen[] = [];
  try {
    for (const [c, { locale, steps }] of CONVERSATIONS.entries()) {
      const conversationId = `equivalence:${c}`;
      for (const [t, step] of steps.entries()) {
        const out = await engine.handle(step === null
          ? { conversationId, kind: 'start', locale }
          : { conversationId, kind: 'message', text: step, locale, messageId: `m${t}` });
        const stored = await sessions.load(conversationId);
        seen.push({ turn: `${conversationId} > ${step}`, reply: masked(JSON.stringify(out)), stored: JSON.parse(masked(JSON.stringify(stored))) });
      }
    }
  } finally {
    await planning.close();
  }
  return seen;
}

describe('live actors change nothing the customer or the store sees (#15)', function () {
  this.timeout(60_000);

  it('gives the same replies and stores the same snapshots as restoring every turn', async () => {
    const restoring = await run(0);
    const live = await run(1000);
    assert.equal(live.length, restoring.length);
    for (let i = 0; i < live.length; i++) {
      assert.equal(live[i].reply, restoring[i].reply, restoring[i].turn);
      assert.deepStrictEqual(live[i].stored, restoring[i].stored, restoring[i].turn);
    }
    // The conversations went where they were meant to: bookings, a cancellation, a handoff.
    const all = restoring.map((s) => s.reply).join('\n');
    assert.ok((all.match(/"booking":\{"reference"/g) ?? []).length >= 6, 'bookings made');
    assert.match(all, /handoff/);
  });
});
