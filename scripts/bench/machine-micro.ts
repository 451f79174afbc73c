// One statechart turn alone (not a bench): restore at "offerMobility", send the customer's choice,
// wait for the next question, persist; with TURN=intro, the first message (vehicle look-up and
// quote included). `[TURN=intro] npx tsx scripts/bench/machine-micro.ts`
import { createActor, waitFor } from 'xstate';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { AWAITING_USER } from '../../dialogs/booking-machine';
import { provideBookingMachine } from '../../src/engine/actors';
import { createEmbeddedEntitlements } from '../../src/entitlements/embedded';
import { createGazetteer } from '../../src/places/gazetteer';
import { BENCH_NOW } from './engine-driver';

async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent' });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions, planning } = await createEngine(config, dealer, { clock: () => BENCH_NOW, logger: pino({ level: 'silent' }) });
  await engine.handle({ conversationId: 'x', kind: 'start', locale: 'it-IT' });
  const intro = process.env.TURN === 'intro';
  if (!intro) await engine.handle({ conversationId: 'x', kind: 'message', text: 'Sono Marco Rossi, Levante GH123KL, cambio gomme', locale: 'it-IT' });
  const json = JSON.stringify((await sessions.load('x'))!.envelope.snapshot);
  const machine = provideBookingMachine({ dealer, planning, entitlements: createEmbeddedEntitlements(dealer), places: createGazetteer(dealer) });
  const input = { conversationId: 'x', lang: 'it' as const, now: '2026-11-30T09:00:00+01:00', catalogue: dealer.services.map((s) => s.id) };
  const now = '2026-11-30T09:00:00+01:00';
  const u = intro
    ? { intent: 'book', score: 1, entities: { service: { id: 'tyres', text: 'cambio gomme' }, plate: 'GH123KL', model: 'Levante', name: 'Marco Rossi' }, text: 'Sono Marco Rossi, Levante GH123KL, cambio gomme' }
    : { intent: 'inform', score: 1, entities: { mobility: 'taxi' }, text: 'prendo un taxi' };
  const N = 5000;
  let steps = 0;
  const turn = async (inspect: boolean) => {
    const a = createActor(machine, { snapshot: JSON.parse(json), input, ...(inspect ? { inspect: (e: { type: string }) => { if (e.type === '@xstate.microstep') steps++; } } : {}) });
    a.on('*', () => undefined);
    a.start();
    a.send({ type: 'USER', now, u } as never);
    await waitFor(a, (s) => s.hasTag(AWAITING_USER));
    a.getPersistedSnapshot();
    a.stop();
  };
  await turn(true);
  console.log('microsteps in the turn:', steps);
  for (let i = 0; i < 500; i++) await turn(false);
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await turn(false);
  const c = process.cpuUsage(t0);
  console.log('restore + USER + settle + persist:', ((c.user + c.system) / N).toFixed(1), 'µs');
  process.exit(0);
}
main();
