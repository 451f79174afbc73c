// Diagnostic (not a bench, #15): the bench's customers through engine.handle in process, CONCURRENT
// conversations at once, each pausing 0.5–1.5 × PAUSE_MS between turns (0: back to back), for
// DURATION_S; under `node --trace-gc-nvp -r tsx/cjs` it shows what a turn leaves to be promoted.
// `CONCURRENT=200 PAUSE_MS=2000 LIVE_CONVERSATIONS=0 [REDIS=redis://… (your own server)] [SESSION_STORE=memory]`
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { customer, type Reply } from './customers';
import { BENCH_NOW } from './engine-driver';

async function main() {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent', ...(process.env.SESSION_STORE ? { SESSION_STORE: process.env.SESSION_STORE } : {}), ...(process.env.LIVE_CONVERSATIONS ? { LIVE_CONVERSATIONS: process.env.LIVE_CONVERSATIONS } : {}), ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `paced${process.pid}:` } : {}) });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => BENCH_NOW, logger: pino({ level: 'silent' }) });
  while (await sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  const concurrent = Number(process.env.CONCURRENT ?? 200);
  const pause = Number(process.env.PAUSE_MS ?? 2000);
  const end = Date.now() + Number(process.env.DURATION_S ?? 30) * 1000;
  let next = 0;
  let turns = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function user() {
    if (pause) await sleep(Math.random() * pause * 1.5);
    while (Date.now() < end) {
      const i = next++;
      const c = customer(i, `paced-${i}`);
      let last: Reply | undefined;
      for (let turn = 0; Date.now() < end; turn++) {
        const m = c.next(last, turn);
        if (!m) break;
        if (pause && turn > 0) await sleep(pause * (0.5 + Math.random()));
        const out = await engine.handle(m.type === 'conversationUpdate'
          ? { conversationId: c.conversation, kind: 'start', locale: 'it-IT' }
          : { conversationId: c.conversation, kind: 'message', text: m.text, locale: 'it-IT', messageId: `${c.conversation}-${turn}` });
        turns++;
        last = { activities: out.messages.map((msg) => ({ text: msg.text, channelData: { awaiting: msg.awaiting, booking: msg.booking } })) };
      }
    }
  }
  await Promise.all(Array.from({ length: concurrent }, user));
  console.error(`TURNS ${turns}`);
  process.exit(0);
}
main();
