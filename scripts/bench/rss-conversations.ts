/**
 * Memory after many booked conversations, with the embedded defaults main.ts builds (#15: RSS
 * after 100,000 booked conversations within 50 MB of RSS after 1,000): the SQLite session store
 * and the SQLite planning (in its child process) in a DATA_DIR of their own (a temporary
 * directory), the bench's customers (booking-script.ts: public transport, a day within 80 days of the clock)
 * one after the other through `engine.handle` in process, on the bench's fixed clock (nothing
 * expires: the harder case), the demo dealer with the capacity snapshot-sizes.ts gives it. At each
 * checkpoint, after a forced gc: this process's RSS and heap, the planning process's RSS, the
 * files' sizes. Not a test: figures only.
 *   node --expose-gc --import tsx scripts/bench/rss-conversations.ts [N=100000] [AT=1000,10000,…] [STEP_MS=0] [CONSENT=1] [HEAP_SNAPSHOTS=1] [KEEP=1]
 * STEP_MS: the clock moves on this much per conversation (expiries and sweeps then happen);
 * CONSENT: after the booking the customer says yes to the reminder the day before (web chat
 * conversations, whose consent can be kept);
 * HEAP_SNAPSHOTS: a .heapsnapshot per checkpoint in the DATA_DIR (kept: KEEP=1 keeps the directory).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { parseDealer } from '../../src/dealer/load';
import { answer, openingMessage, planFor } from './booking-script';
import { BENCH_NOW } from './engine-driver';
import { processTree, sample } from './procstat';
import { seeded } from '../../src/random';

const MAX_TURNS = 10;
const MB = 1024 * 1024;


const fileMB = (file: string) => {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      bytes += statSync(f).size;
    } catch {
      // not there (yet)
    }
  }
  return bytes / MB;
};

/** This process's resident memory by kind (Linux): anonymous (heaps, malloc) and file-backed (code, mapped files). */
function residentKinds(): string {
  try {
    const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return `${(kb('Anonymous') / 1024).toFixed(1)}, ${((kb('Rss') - kb('Anonymous')) / 1024).toFixed(1)}`;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc --import tsx');
  const N = Number(process.env.N ?? 100_000);
  const at = new Set((process.env.AT ?? [1_000, 10_000, 25_000, 50_000, 75_000, N].join(',')).split(',').map(Number).filter((n) => n <= N));
  const stepMs = Number(process.env.STEP_MS ?? 0);
  const consent = Boolean(process.env.CONSENT);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rss-conversations-'));
  // The defaults main.ts builds: SESSION_STORE and PLANNING_URL unset → SQLite for both, in DATA_DIR.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const demo = JSON.parse(readFileSync(config.DEALER_CONFIG, 'utf8')) as Record<string, any>;
  demo.workshop.advisors = 400;
  demo.workshop.technicianHoursPerDay = 8000;
  const dealer = parseDealer(demo, config.DEALER_CONFIG);
  let clock = BENCH_NOW.getTime();
  const { engine, sessions, planning } = await createEngine(config, dealer, { clock: () => new Date(clock), logger: pino({ level: 'silent' }) });
  console.log(`SESSION_STORE=${config.SESSION_STORE} PLANNING_URL=${config.PLANNING_URL} LIVE_CONVERSATIONS=${config.LIVE_CONVERSATIONS} DATA_DIR=${dataDir}`);
  console.log('conversations  booked  failed  minutes  rss MB (anonymous, files)  heapUsed/heapTotal MB  external MB  planning rss MB  live actors  sessions.sqlite MB  planning.sqlite MB');

  const random = seeded(15);
  const started = Date.now();
  let booked = 0;
  let failed = 0;
  const checkpoint = (n: number) => {
    for (let i = 0; i < 3; i++) gc();
    const m = process.memoryUsage();
    const children = processTree(process.pid).slice(1).map((pid) => sample(pid)?.rssKB ?? 0);
    const row = [
      n, booked, failed, ((Date.now() - started) / 60_000).toFixed(1), `${(m.rss / MB).toFixed(1)} (${residentKinds()})`,
      `${(m.heapUsed / MB).toFixed(1)}/${(m.heapTotal / MB).toFixed(1)}`, (m.external / MB).toFixed(1),
      (children.reduce((a, b) => a + b, 0) / 1024).toFixed(1), engine.live?.size ?? 0,
      fileMB(path.join(dataDir, 'sessions.sqlite')).toFixed(1), fileMB(path.join(dataDir, 'planning.sqlite')).toFixed(1),
    ];
    console.log(row.map(String).join('  '));
    if (process.env.HEAP_SNAPSHOTS) v8.writeHeapSnapshot(path.join(dataDir, `at-${n}.heapsnapshot`));
  };

  for (let c = 0; c < N; c++) {
    const plan = planFor('booking', c, new Date(clock), random);
    const conversationId = `${consent ? 'webchat:' : ''}rss-${c}`;
    let text: string | null = openingMessage(plan);
    let done = false;
    const said: string[] = [];
    for (let t = 0; t < MAX_TURNS && text !== null; t++) {
      const out = await engine.handle({ conversationId, kind: 'message', text, locale: 'it-IT', messageId: `${conversationId}-${t}` });
      said.push(`> ${text}`, ...out.messages.map((m) => m.text));
      if (done) break;
      if (out.messages.some((m) => m.booking)) {
        done = true;
        if (!consent) break;
        text = 'sì';
        continue;
      }
      const last = out.messages.filter((m) => m.awaiting).pop();
      text = answer(plan, last?.awaiting ?? 'text', (last?.choices ?? []).map((ch) => String(ch.value)));
    }
    if (done) booked++;
    else if (++failed <= 3) console.log(`not booked:\n${said.join('\n')}`);
    clock += stepMs;
    if (at.has(c + 1)) checkpoint(c + 1);
  }
  engine.live?.clear();
  await sessions.close();
  await planning.close();
  if (!process.env.KEEP) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

void main();
