/**
 * The bench's load generator, a process of its own (pinned to the other core than the server):
 * `users` customers in a closed loop, each taking the next conversation number and talking until
 * the conversation ends, sending the next message as soon as the reply arrived (no think time).
 * Load runs without a gap through a warm-up window and a measured window; at the window's edges
 * it tells its parent (IPC `{ mark }`), which reads the servers' CPU from /proc at that moment.
 *
 * Only turns that complete inside the measured window count, and only those of conversations that
 * end booked (`mc`) or whose five echoes all came back right (`echo`): a conversation still going
 * at the end of the window is finished (no new one starts) to learn whether its turns count.
 * Failed conversations (no booking within 10 turns, no answer to what the bot awaits) and errors
 * (HTTP status other than 200, broken connections) are reported apart.
 *
 * With `thinkMs` each customer pauses between messages, as people do: turns/s is then the load
 * offered, and the latency is the figure.
 *
 * argv: JSON LoadOptions.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { answer, echoTexts, openingMessage, planFor, type Plan, type Scenario } from './booking-script';
import { percentile } from './stats';

export interface LoadOptions {
  url: string;
  mode: 'mc' | 'echo';
  scenario: Scenario;
  users: number;
  warmupS: number;
  durationS: number;
  /** First customer number (distinct plates across the runs of one server). */
  first: number;
  /** A human load: each customer pauses between `min` and `max` ms before each message but the first (not in the latency). */
  thinkMs?: { min: number; max: number };
  /** Writes every turn here as JSON lines `[sent at (epoch ms), latency ms, customer, turn, in the window]` (profile-human.ts). */
  traceFile?: string;
}

export interface LoadResult {
  /** Turns of completed conversations (booked / echoed right) inside the window. */
  turns: number;
  turnsPerS: number;
  /** All turns completed inside the window, whatever became of their conversation. */
  windowTurns: number;
  warmupTurns: number;
  conversations: { booked: number; failed: number; errored: number };
  failedTurns: number;
  firstFailure?: string;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** CPU of this process inside the window, ms. */
  clientCpuMs: number;
}

const MAX_TURNS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reply {
  activities?: { text?: string; channelData?: { awaiting?: string; booking?: unknown }; suggestedActions?: { actions?: { value?: unknown }[] } }[];
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]) as LoadOptions;
  const url = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.users });
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const now = new Date();
  const tStart = performance.now();
  const tMeas = tStart + o.warmupS * 1000;
  const tEnd = tMeas + o.durationS * 1000;
  const latencies: number[] = [];
  const trace: [number, number, number, number, boolean][] = [];
  let next = o.first;
  let turns = 0;
  let warmupTurns = 0;
  let failedTurns = 0;
  const conversations = { booked: 0, failed: 0, errored: 0 };
  let firstFailure: string | undefined;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let cpuInWindow: NodeJS.CpuUsage | undefined;
  const mark = (which: 'start' | 'end') => {
    if (which === 'start') cpuAtStart = process.cpuUsage();
    else cpuInWindow = process.cpuUsage(cpuAtStart);
    process.send?.({ mark: which });
  };
  const timers = [setTimeout(() => mark('start'), o.warmupS * 1000), setTimeout(() => mark('end'), tEnd - tStart)];

  const post = (body: string, traceId?: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(traceId ? { 'x-bench-turn': traceId } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });

  const fail = (why: string) => {
    firstFailure ??= why;
  };

  async function conversation(c: number): Promise<void> {
    const plan: Plan = planFor(o.scenario, c, now, Math.random);
    const convId = `${runId}-${c}`;
    const echoes = o.mode === 'echo' ? echoTexts(plan) : [];
    let text: string | null = o.mode === 'echo' ? echoes[0] : openingMessage(plan);
    let inWindow = 0;
    const inWindowLatencies: number[] = [];
    let outcome: 'booked' | 'failed' | 'errored' = 'failed';
    const transcript: string[] = [];
    for (let t = 0; t < (o.mode === 'echo' ? echoes.length : MAX_TURNS) && text !== null; t++) {
      if (t > 0 && o.thinkMs) await sleep(o.thinkMs.min + Math.random() * (o.thinkMs.max - o.thinkMs.min));
      const t0 = performance.now();
      let reply: Reply;
      try {
        const res = await post(JSON.stringify({
          type: 'message', id: `${convId}-${t}`, timestamp: new Date().toISOString(), channelId: 'loadtest',
          serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies', locale: 'it-IT',
          from: { id: `user-${c}`, name: plan.name }, recipient: { id: 'bot', name: 'bot' }, conversation: { id: convId }, text,
        }), o.traceFile ? `${c}-${t}` : undefined);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
        reply = JSON.parse(res.body) as Reply;
      } catch (err) {
        fail(`turn ${t}: ${(err as Error).message}`);
        outcome = 'errored';
        break;
      }
      const t1 = performance.now();
      if (o.traceFile) trace.push([performance.timeOrigin + t0, t1 - t0, c, t, t1 >= tMeas && t1 < tEnd]);
      if (t1 >= tMeas && t1 < tEnd) {
        inWindow++;
        inWindowLatencies.push(t1 - t0);
      } else if (t1 < tMeas) warmupTurns++;
      const acts = reply.activities ?? [];
      transcript.push(`> ${text}`, ...acts.map((a) => `  < ${(a.text ?? '').replace(/\s+/g, ' ').slice(0, 240)} ${JSON.stringify(a.channelData ?? {})}`));
      if (o.mode === 'echo') {
        if (acts.length !== 1 || acts[0].text !== `Echo: ${text}`) {
          fail(`turn ${t}: unexpected echo ${JSON.stringify(acts.map((a) => a.text))}`);
          break;
        }
        if (t === echoes.length - 1) outcome = 'booked';
        text = echoes[t + 1] ?? null;
        continue;
      }
      if (acts.some((a) => a.channelData?.booking)) {
        outcome = 'booked';
        break;
      }
      const last = acts.filter((a) => a.channelData?.awaiting).pop();
      const choices = (last?.suggestedActions?.actions ?? []).map((a) => String(a.value));
      text = answer(plan, last?.channelData?.awaiting ?? 'text', choices);
      if (text === null) fail(`turn ${t}: no way on from ${JSON.stringify(acts.map((a) => a.text))}`);
      else if (t === MAX_TURNS - 1) fail(`no booking within ${MAX_TURNS} turns:\n${transcript.join('\n')}`);
    }
    latencies.push(...inWindowLatencies);
    if (!inWindow) return;
    conversations[outcome]++;
    if (outcome === 'booked') turns += inWindow;
    else failedTurns += inWindow;
  }

  async function user(): Promise<void> {
    // Paced customers arrive spread over one pause, not all in the same millisecond.
    if (o.thinkMs) await sleep(Math.random() * o.thinkMs.max);
    while (performance.now() < tEnd) await conversation(next++);
  }

  await Promise.all(Array.from({ length: o.users }, user));
  timers.forEach(clearTimeout);
  agent.destroy();
  if (o.traceFile) writeFileSync(o.traceFile, trace.map((r) => JSON.stringify(r)).join('\n'));
  const sorted = latencies.sort((a, b) => a - b);
  const cpu = cpuInWindow ?? process.cpuUsage(cpuAtStart);
  const result: LoadResult = {
    turns,
    turnsPerS: turns / o.durationS,
    windowTurns: latencies.length,
    warmupTurns,
    conversations,
    failedTurns,
    firstFailure,
    latencyMs: {
      p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN,
      mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    },
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.send?.({ result }, () => process.exit(0));
  if (!process.send) {
    console.log(JSON.stringify(result));
    process.exit(0);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
