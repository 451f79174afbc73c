/**
 * Snapshot sizes and CPU per turn over the bench's own customers (booking-script.ts, the demo
 * dealer with the bench's capacity), through `engine.handle` in process (no HTTP), in-memory
 * planning; sessions in memory, or Redis with REDIS=url. Not a test: figures only (#15 wants
 * every stored envelope ≤ 1 KB). After each turn the stored envelope is read back and its JSON
 * measured, as the Redis store keeps it.
 *   N=300 [SCENARIO=contention] [REDIS=redis://…] [SHOW=1] npx tsx scripts/bench/snapshot-sizes.ts   (SHOW: print the largest envelope)
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/compose';
import { parseDealer } from '../../src/dealer/load';
import { answer, openingMessage, planFor, type Scenario } from './booking-script';
import { BENCH_NOW } from './engine-driver';
import { seeded } from '../../src/random';

const MAX_TURNS = 10;


function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function main(): Promise<void> {
  const config = loadConfig({ PLANNING_URL: 'memory', LOG_LEVEL: 'silent', ...(process.env.REDIS ? { REDIS_URL: process.env.REDIS, REDIS_KEY_PREFIX: `sizes${process.pid}:` } : {}) });
  const demo = JSON.parse(readFileSync(config.DEALER_CONFIG, 'utf8')) as Record<string, any>;
  demo.workshop.advisors = 400;
  demo.workshop.technicianHoursPerDay = 8000;
  const dealer = parseDealer(demo, config.DEALER_CONFIG);
  const { engine, sessions } = await createEngine(config, dealer, { clock: () => BENCH_NOW, logger: pino({ level: 'silent' }) });
  while (await sessions.ping().then(() => false, () => true)) await new Promise((r) => setTimeout(r, 20));
  const random = seeded(15);
  const scenario = (process.env.SCENARIO ?? 'booking') as Scenario;
  const sizes: number[] = [];
  let largest = '';
  const byAwaiting = new Map<string, number[]>();
  let turns = 0;
  let booked = 0;
  const drive = async (from: number, to: number, measure: boolean) => {
    for (let c = from; c < to; c++) {
      const plan = planFor(scenario, c, BENCH_NOW, random);
      const conversationId = `sizes-${process.pid}-${c}`;
      let text: string | null = openingMessage(plan);
      for (let t = 0; t < MAX_TURNS && text !== null; t++) {
        const out = await engine.handle({ conversationId, kind: 'message', text, locale: 'it-IT', messageId: `${conversationId}-${t}` });
        if (measure) {
          turns++;
          const stored = await sessions.load(conversationId);
          const json = JSON.stringify(stored?.envelope ?? null);
          const bytes = Buffer.byteLength(json);
          if (bytes > Buffer.byteLength(largest)) largest = json;
          const awaiting = out.messages.filter((m) => m.awaiting).pop()?.awaiting ?? (out.messages.some((m) => m.booking) ? 'booked' : 'none');
          sizes.push(bytes);
          byAwaiting.set(awaiting, [...(byAwaiting.get(awaiting) ?? []), bytes]);
        }
        if (out.messages.some((m) => m.booking)) {
          if (measure) booked++;
          break;
        }
        const last = out.messages.filter((m) => m.awaiting).pop();
        text = answer(plan, last?.awaiting ?? 'text', (last?.choices ?? []).map((ch) => String(ch.value)));
      }
    }
  };
  const N = Number(process.env.N ?? 300);
  await drive(100_000, 100_050, false);
  const cpu0 = process.cpuUsage();
  await drive(0, N, true);
  const cpu = process.cpuUsage(cpu0);
  const summary = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `n=${s.length} p50=${percentile(s, 50)} p90=${percentile(s, 90)} p100=${s[s.length - 1]}`;
  };
  console.log(`${turns} turns, ${booked}/${N} booked, ${((cpu.user + cpu.system) / 1000 / turns).toFixed(3)} ms/turn CPU (the size reads included)`);
  console.log(`envelope bytes, every turn: ${summary(sizes)}`);
  for (const [awaiting, xs] of byAwaiting) console.log(`  after a turn awaiting ${awaiting.padEnd(8)} ${summary(xs)}`);
  if (process.env.SHOW) console.log(`the largest: ${largest}`);
  await sessions.close();
  process.exit(0);
}

void main();
