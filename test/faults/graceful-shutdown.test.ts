/**
 * Graceful shutdown under load (#14): the real entry point (`src/main.ts`, as `npm start` runs
 * it) in a child process, SIGTERM while turns are in flight on Bot Framework and WhatsApp and a
 * web chat stream is open. It stops accepting connections at once, closes the stream with a retry
 * hint, finishes the turns in flight (each customer gets the reply), drains the WhatsApp queue and
 * exits 0 within SHUTDOWN_GRACE_MS; past that grace period it exits 1, saying so.
 *
 * Turns are held in flight deterministically: the planning is a DMS (the HTTP stand-in) whose
 * planning waits on a gate the test opens. Real app, real HTTP on loopback; Meta's Graph API is
 * the stand-in. No timing assertions: exit code 0 is the proof that the grace period was kept
 * (its timer exits 1), and every wait is bounded.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDealer } from '../../src/dealer/load';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE } from '../conversation/harness';
import { startDmsStandIn, type DmsStandIn } from '../planning/dms-stand-in';
import { awaiting, message, postActivity, text, type Reply } from '../support/bot-client';
import { GraphStandIn } from '../support/graph-stand-in';
import { until } from '../support/redis-topologies';
import { postWhatsAppText } from '../support/whatsapp-webhook';

const ROOT = path.resolve(__dirname, '../..');
const FULL = 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, prendo un taxi';
const SECRET = 'shutdown-app-secret';
const PHONE_NUMBER_ID = '106540352242922';

/** The planning, its calls waiting while the gate is shut (a slow DMS); `held` counts them. */
function gated(planning: PlanningSystem) {
  let waiting: (() => void)[] | undefined;
  const gate = {
    held: 0,
    shut() {
      waiting ??= [];
    },
    open() {
      const go = waiting ?? [];
      waiting = undefined;
      for (const resume of go) resume();
    },
  };
  const through = new Proxy(planning, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || name === 'ping' || name === 'close') return value;
      return async (...args: unknown[]) => {
        if (waiting) {
          gate.held++;
          await new Promise<void>((resume) => waiting!.push(resume));
        }
        return value.apply(target, args);
      };
    },
  });
  return { planning: through, gate };
}

interface Bot {
  child: ChildProcess;
  port: number;
  base: string;
  logs: Record<string, any>[];
  exited: Promise<number | null>;
}

/** `node -r tsx/cjs src/main.ts` with this environment only; resolves once it listens. */
async function startMain(env: Record<string, string>): Promise<Bot> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/main.ts'], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  let rest = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await Promise.race([
    until('the bot to listen', async () => logs.find((l) => typeof l.port === 'number')?.port as number | undefined, 30_000),
    exited.then((code) => {
      throw new Error(`the bot exited (${code}) before listening: ${stderr}`);
    }),
  ]);
  return { child, port, base: `http://127.0.0.1:${port}`, logs, exited };
}

/** A new TCP connection to the port: true if accepted, false if refused. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve(false) : reject(err)));
  });

/** Opens a web chat conversation and its event stream; `text` grows with what arrives, `ended` once the server ends it. */
async function openStream(base: string) {
  const opened = (await (await fetch(`${base}/api/webchat/conversations`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  const stream = { text: '', ended: false, status: 0 };
  await new Promise<void>((resolve, reject) => {
    http.get(`${base}/api/webchat/conversations/${opened.conversationId}/stream`, { headers: { authorization: `Bearer ${opened.token}`, accept: 'text/event-stream' } }, (res) => {
      stream.status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => (stream.text += chunk.toString()));
      res.on('end', () => (stream.ended = true));
      resolve();
    }).on('error', reject);
  });
  return stream;
}

/** A signed WhatsApp webhook with one text message from `phone`. */
const whatsAppText = (base: string, phone: string, id: string, body: string) =>
  postWhatsAppText(base, { phoneNumberId: PHONE_NUMBER_ID, secret: SECRET, from: phone, id, body });

describe('Graceful shutdown under load: SIGTERM to src/main.ts (#14)', function () {
  this.timeout(90_000);
  let dms: DmsStandIn;
  let graph: GraphStandIn;
  let gate: ReturnType<typeof gated>['gate'];
  let bot: Bot | undefined;

  beforeEach(async () => {
    const g = gated(createSqlitePlanning(loadDealer(DEALER_FILE), { file: ':memory:' }));
    gate = g.gate;
    dms = await startDmsStandIn(g.planning);
    graph = await new GraphStandIn().start();
  });
  afterEach(async () => {
    gate.open();
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot?.exited;
    bot = undefined;
    await graph.stop();
    await dms.close();
  });

  // the default session store (SQLite in DATA_DIR): a directory of each test's own, never the repository's
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'shutdown-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const env = (graceMs: number, more: Record<string, string> = {}) => ({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DEALER_CONFIG: DEALER_FILE, DATA_DIR: dataDir,
    PLANNING_URL: dms.url, DMS_TOKEN: dms.token, DMS_TIMEOUT_MS: '60000',
    WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_GRAPH_URL: graph.url, SHUTDOWN_GRACE_MS: String(graceMs), ...more,
  });

  /** Turns in flight on both channels (held at the planning) and an open web chat stream. */
  async function load(b: Bot, customers: number) {
    const stream = await openStream(b.base);
    assert.equal(stream.status, 200);
    gate.shut();
    const replies: Promise<Reply>[] = [];
    for (let i = 0; i < customers; i++) replies.push(postActivity(b.base, `shutdown-${i}`, message('m1', FULL)).catch((err) => ({ status: -1, activities: [], err } as Reply)));
    const phones = Array.from({ length: customers }, (_, i) => `3934700000${String(i).padStart(2, '0')}`);
    for (const [i, phone] of phones.entries()) assert.equal((await whatsAppText(b.base, phone, `wamid.shutdown-${i}`, FULL)).status, 200, 'the webhook took it');
    await until(`${2 * customers} turns to wait on the planning`, async () => gate.held >= 2 * customers);
    return { stream, replies, phones };
  }

  it('stops accepting, closes the stream with a retry hint, finishes every turn in flight and the WhatsApp queue, exits 0', async () => {
    bot = await startMain(env(20_000));
    const b = bot;
    const customers = 8;
    const { stream, replies, phones } = await load(b, customers);

    const streamed = stream.text.length;
    b.child.kill('SIGTERM');
    await until('new connections to be refused', async () => !(await accepts(b.port)));
    await until('the web chat stream to end', async () => stream.ended);
    // The browser reconnects after that long (to another instance), not after its own default.
    assert.match(stream.text.slice(streamed), /^retry: \d+\n\n$/, `a retry hint at the end: ${JSON.stringify(stream.text)}`);
    assert.equal(b.child.exitCode, null, 'still finishing its turns');

    gate.open();
    for (const [i, reply] of (await Promise.all(replies)).entries()) {
      assert.equal(reply.status, 200, `customer ${i}: ${JSON.stringify(reply)}`);
      assert.equal(awaiting(reply), 'confirm', `customer ${i}: ${text(reply)}`);
    }
    assert.equal(await b.exited, 0, b.logs.filter((l) => l.level >= 40).map((l) => l.msg).join(' | '));
    for (const phone of phones) {
      assert.ok(graph.messages.some((m) => m.to === phone), `the WhatsApp reply to ${phone} was sent before exit`);
    }
    const said = b.logs.map((l) => l.msg);
    assert.ok(said.includes('shutting down'), said.join(' | '));
    assert.ok(said.includes('shut down'), said.join(' | '));
  });

  it('past SHUTDOWN_GRACE_MS, exits 1 and says how it ended, with turns still held', async () => {
    // Turns that would wait longer than the grace period (their own timeout is not what ends them).
    bot = await startMain(env(1000, { TURN_TIMEOUT_MS: '30000', TURN_LOCK_MS: '60000' }));
    const b = bot;
    const { replies } = await load(b, 2);
    b.child.kill('SIGTERM');
    assert.equal(await b.exited, 1);
    const over = b.logs.find((l) => /grace period/.test(l.msg ?? ''));
    assert.ok(over, b.logs.map((l) => l.msg).join(' | '));
    assert.equal(over.level, 50);
    assert.equal(over.graceMs, 1000);
    // The held customers lost their connection: the channel retries the delivery elsewhere.
    for (const reply of await Promise.all(replies)) assert.equal(reply.status, -1);
  });
});
