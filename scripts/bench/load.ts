/**
 * Runs customers concurrently against the instances (round robin per request, as a load
 * balancer would), timing every turn from request to the reply body.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Customer, Reply } from './customers';

export interface LoadResult {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  latenciesMs: number[];
  notBooked: number;
  errors: number;
}

// node:http with keep-alive: Node 20's fetch costs several times more client CPU per request,
// which on a small machine would measure the client rather than the servers.
const agent = new http.Agent({ keepAlive: true });

/**
 * A kept-alive socket the server closes while idle can be picked for a request at that very
 * moment ("socket hang up" before any response): the request never reached the server, so it is
 * sent again, once, on a fresh socket.
 */
async function post(base: string, body: string): Promise<{ status: number; body: string }> {
  try {
    return await postOnce(base, body);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
    return postOnce(base, body);
  }
}

function postOnce(base: string, body: string): Promise<{ status: number; body: string }> {
  const url = new URL(`${base}/api/messages`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(bases: string[], customers: Customer[], pause: { min: number; max: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let rr = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const pauseMs = () => pause.min + Math.random() * (pause.max - pause.min);

  async function talk(c: Customer): Promise<void> {
    // Paced customers arrive spread over one pause, not all in the same millisecond.
    if (pause.max > 0) await sleep(Math.random() * pause.max);
    let last: Reply | undefined;
    for (let turn = 0; ; turn++) {
      const activity = c.next(last, turn);
      if (!activity) return;
      if (turn > 0 && pause.max > 0) await sleep(pauseMs());
      const base = bases[rr++ % bases.length];
      const started = performance.now();
      const res = await post(base, JSON.stringify({
        channelId: 'bench', serviceUrl: 'http://127.0.0.1:1', conversation: { id: c.conversation },
        from: { id: `u-${c.conversation}`, name: 'Customer' }, recipient: { id: 'bot', name: 'Bot' },
        id: `${c.conversation}-${turn}`, locale: 'it-IT', deliveryMode: 'expectReplies',
        ...(activity.type === 'conversationUpdate' ? { membersAdded: [{ id: `u-${c.conversation}` }] } : {}),
        ...activity,
      }));
      last = res.status === 200 ? (JSON.parse(res.body) as Reply) : { activities: [] };
      latencies.push(performance.now() - started);
      if (res.status !== 200) errors++;
    }
  }

  const started = performance.now();
  await Promise.all(customers.map(talk));
  const seconds = (performance.now() - started) / 1000;
  return {
    turns: latencies.length, seconds, turnsPerSecond: latencies.length / seconds, latenciesMs: latencies,
    notBooked: customers.filter((c) => !c.booked).length, errors,
  };
}
