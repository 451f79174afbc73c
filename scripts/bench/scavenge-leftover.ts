/**
 * Diagnostic (not a bench, #15): what one operation leaves for the young-generation GC to keep.
 * After a warm-up, each probe runs alone between two full GCs and three forced scavenges; the
 * old space's growth over those scavenges is what survived two of them (promoted), though nothing
 * of it is reachable in a heap snapshot. `nothing` is the harness's own share.
 * `[REDIS=redis://127.0.0.1:6390] node --expose-gc [--no-use-ic] -r tsx/cjs scripts/bench/scavenge-leftover.ts`
 * (a redis-server of your own: the probes write keys under `left<pid>:`).
 */
import v8 from 'node:v8';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { createConfiguredRecognizer } from '../../src/nlu/provider';
import { turnActor } from '../../src/engine/turn-actor';
import type { TurnEngineDeps } from '../../src/engine/turn-engine';
import type { OpenTurn } from '../../src/sessions/session-store';
import { BENCH_NOW, driveCustomers } from './engine-driver';

const gc = (globalThis as unknown as { gc?(o?: { type: 'major' | 'minor' }): void }).gc;
const oldBytes = () => v8.getHeapSpaceStatistics()
  .filter((s) => ['old_space', 'large_object_space', 'code_space', 'map_space'].includes(s.space_name))
  .reduce((sum, s) => sum + s.space_used_size, 0);
const pause = () => new Promise((r) => setTimeout(r, 5));
const NOW = '2026-11-30T09:00:00+01:00';

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const config = loadConfig({
    PLANNING_URL: 'memory', LOG_LEVEL: 'silent', LIVE_CONVERSATIONS: '0',
    ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `left${process.pid}:` } : {}),
  });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => BENCH_NOW, logger: pino({ level: 'silent' }) });
  while (await sessions.ping().then(() => false, () => true)) await pause();
  const recognizer = createConfiguredRecognizer(config, pino({ level: 'silent' }));
  const deps = (engine as unknown as { deps: TurnEngineDeps }).deps;
  await driveCustomers(engine, 10_000, 10_400, 'left');
  const envelope = (await sessions.load('left-10399'))?.envelope;
  if (!envelope) throw new Error('no stored conversation to restore');
  let n = 0;
  const probes: Record<string, () => Promise<unknown>> = {
    nothing: async () => undefined,
    recognize: () => recognizer.recognize({ text: 'il 3 dicembre alle 8:30', lang: 'it', now: NOW, timeZone: dealer.site.timeZone, awaiting: 'date' }),
    session: () => sessions.turn(`left-probe-${n++}`, `m-${n}`, (t) => t.commit({ transcript: [], release: true })),
    restore: async () => turnActor(deps, 'left-probe', { stored: { envelope } } as OpenTurn, undefined, NOW, 'it').actor.stop(),
    turn: () => engine.handle({ conversationId: 'left-10399', kind: 'message', text: 'sì', locale: 'it-IT', messageId: `left-turn-${n++}` }),
  };
  for (let i = 0; i < 300; i++) for (const probe of Object.values(probes)) await probe();
  for (const [name, probe] of Object.entries(probes)) {
    const kept: number[] = [];
    for (let k = 0; k < 3; k++) {
      await pause();
      gc({ type: 'major' });
      gc({ type: 'major' });
      await probe();
      const before = oldBytes();
      await pause();
      for (let s = 0; s < 3; s++) gc({ type: 'minor' });
      kept.push(oldBytes() - before);
    }
    console.log(`${name.padEnd(10)} promoted by the scavenges: ${kept.join(' / ')} B`);
  }
  await sessions.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
