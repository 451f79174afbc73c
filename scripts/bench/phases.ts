// Where an in-process turn's CPU goes (not a bench): CPU µs per turn in the recognizer, the
// renderer, the planning and engine.handle as a whole. `npx tsx scripts/bench/phases.ts`.
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import { BENCH_NOW as NOW, driveCustomers } from './engine-driver';
const spent = new Map<string, number>();
const cpu = () => { const c = process.cpuUsage(); return c.user + c.system; };
function wrap<T extends object>(name: string, o: T, methods: string[]): T {
  for (const m of methods) {
    const f = (o as Record<string, (...a: unknown[]) => unknown>)[m].bind(o);
    (o as Record<string, unknown>)[m] = (...a: unknown[]) => {
      const t0 = cpu();
      const r = f(...a);
      if (r instanceof Promise) return r.finally(() => spent.set(`${name}.${m}`, (spent.get(`${name}.${m}`) ?? 0) + cpu() - t0));
      spent.set(`${name}.${m}`, (spent.get(`${name}.${m}`) ?? 0) + cpu() - t0);
      return r;
    };
  }
  return o;
}
async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent' });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const recognizer = wrap('recognizer', createHybridRecognizer(), ['recognize']);
  const { engine, planning, renderer } = await createEngine(config, dealer, { clock: () => NOW, logger: pino({ level: 'silent' }), recognizer }) as never as { engine: import('../../src/engine/turn-engine').TurnEngine; planning: object; renderer: object };
  wrap('planning', planning, ['findSlots', 'hold', 'book']);
  wrap('renderer', renderer, ['render']);
  // engine.handle itself, around the parts wrapped above.
  wrap('engine', engine, ['handle']);
  await driveCustomers(engine, 10_000, 10_200, 'warm');
  spent.clear();
  const { turns } = await driveCustomers(engine, 0, 600, 'phases');
  for (const [k, v] of spent) console.log(k.padEnd(20), (v / turns).toFixed(1), 'µs/turn');
  process.exit(0);
}
main();
