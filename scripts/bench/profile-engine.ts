// Profiling driver (not a bench): the bench's customers through engine.handle in process, with the
// in-memory planning and sessions (no HTTP, no Redis), on the bench's fixed clock.
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { customer, type Reply } from './customers';

const NOW = new Date('2026-11-30T08:00:00Z');

async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent', ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `prof${process.pid}:` } : {}) });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => NOW, logger: pino({ level: 'silent' }) });
  // The Redis client fails fast until connected: wait as a load balancer would.
  while (await sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  const N = Number(process.env.N ?? 600);
  let turns = 0, booked = 0;
  const run = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = customer(i, `prof-${i}`);
      let last: Reply | undefined;
      for (let turn = 0; ; turn++) {
        const m = c.next(last, turn);
        if (!m) break;
        const out = await engine.handle(m.type === 'conversationUpdate'
          ? { conversationId: c.conversation, kind: 'start', locale: 'it-IT' }
          : { conversationId: c.conversation, kind: 'message', text: m.text, locale: 'it-IT', messageId: `${c.conversation}-${turn}` });
        turns++;
        last = { activities: out.messages.map((msg) => ({ text: msg.text, channelData: { awaiting: msg.awaiting, booking: msg.booking } })) };
      }
      if (c.booked) booked++;
    }
  };
  await run(10_000, 10_100); // warm-up
  turns = 0; booked = 0;
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  await run(0, N);
  const cpu = process.cpuUsage(cpu0); const ms = performance.now() - t0;
  console.log(`${turns} turns, ${booked}/${N} booked, ${(ms / turns).toFixed(3)} ms/turn wall, ${((cpu.user + cpu.system) / 1000 / turns).toFixed(3)} ms/turn CPU`);
  process.exit(0);
}
main();
