/**
 * Micro-benchmark of the embedded session stores (#15): whole turns (read, then commit a ~2.8 KB
 * snapshot, two transcript entries, the message id and its reply) one after the other, as a
 * booking's turns go, on `conversations` conversations of `turns` turns each; then the file size,
 * and the RSS of this process before, after 1,000 conversations and at the end. Not a test: figures only.
 *   npx tsx scripts/bench/session-stores.ts [--conversations 20000] [--turns 5] [--store sqlite|memory]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMemorySessionStore } from '../../src/sessions/memory';
import type { Envelope, SessionStore } from '../../src/sessions/session-store';
import { createSqliteSessionStore } from '../../src/sessions/sqlite';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '20000' }, turns: { type: 'string', default: '5' }, store: { type: 'string', default: 'sqlite' } } });
const conversations = Number(values.conversations);
const turns = Number(values.turns);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sessions-'));
  const file = path.join(dir, 'sessions.sqlite');
  const store: SessionStore = values.store === 'memory'
    ? createMemorySessionStore({ ttlSeconds: 3600 })
    : createSqliteSessionStore({ file, ttlSeconds: 3600 });
  const padding = 'x'.repeat(2800);
  const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n, padding } });
  const reply = JSON.stringify({ messages: [{ text: 'Perfetto, giovedì 3 dicembre alle 9:30. Confermo?'.repeat(3) }], lang: 'it' });
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  let rssAt1000 = 0;
  for (let c = 0; c < conversations; c++) {
    if (c === 1000) rssAt1000 = process.memoryUsage().rss;
    const id = `bench:${c}`;
    for (let t = 0; t < turns; t++) {
      await store.turn(id, `m${t}`, (turn) => turn.commit({
        envelope: envelope(t),
        transcript: [{ at: '2026-11-30T08:00:00Z', from: 'customer', text: 'giovedì alle 9 e mezza' }, { at: '2026-11-30T08:00:00Z', from: 'bot', text: 'Perfetto, confermo?' }],
        release: true,
        reply,
      }));
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const total = conversations * turns;
  const rss1 = process.memoryUsage().rss;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  console.log(JSON.stringify({
    store: values.store, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, conversations, turns: total,
    seconds: +seconds.toFixed(2), turnsPerSecond: Math.round(total / seconds),
    // On a shared machine the wall clock includes others' work: the CPU time is this process's own.
    cpuMicrosPerTurn: { user: Math.round(cpu.user / total), system: Math.round(cpu.system / total) },
    turnsPerCpuSecond: Math.round(total / ((cpu.user + cpu.system) / 1e6)),
    rssMB: { before: Math.round(rss0 / 2 ** 20), after1000Conversations: Math.round(rssAt1000 / 2 ** 20), after: Math.round(rss1 / 2 ** 20) },
    fileMB: +(size(file) / 2 ** 20).toFixed(1), walMB: +(size(`${file}-wal`) / 2 ** 20).toFixed(1),
  }));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
