/**
 * Issue #14's "done when" for the web chat, with two real server processes on one real
 * redis-server and no sticky routing: a customer opens on A, posts on B, streams on A and on B
 * in turn, an advisor replies through B's console, A is killed (SIGKILL) and started again —
 * nothing lost, nothing doubled, no re-login. No timing assertions: every wait is bounded by
 * mocha's timeout.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { hashPassword } from '../../src/handoff/advisors';
import { DEALER_FILE } from '../conversation/harness';
import { startInstance, whenReady, type Instance } from '../support/bot-client';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const SERVER = path.join(__dirname, 'server-child.ts');

interface Activity {
  id: string;
  text?: string;
  from: { id: string; name?: string };
  channelData?: { awaiting?: string };
}

/** The page's stream: frames with their SSE ids, read in the background. */
class Stream {
  readonly events: { id: number; activity: Activity }[] = [];
  private ended = false;
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();

  static async open(base: string, c: { id: string; token: string }, lastEventId?: number): Promise<Stream> {
    const s = new Stream();
    const res = await fetch(`${base}/api/webchat/conversations/${c.id}/stream`, {
      headers: { authorization: `Bearer ${c.token}`, ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) },
      signal: s.controller.signal,
    });
    assert.equal(res.status, 200);
    void s.pump(res.body!.getReader());
    return s;
  }

  private async pump(body: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await body.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (id && data) this.events.push({ id: Number(id), activity: JSON.parse(data) as Activity });
        }
        for (const w of [...this.waiters]) w();
      }
    } catch {
      // aborted, or the instance was killed
    } finally {
      this.ended = true;
      for (const w of [...this.waiters]) w();
    }
  }

  texts(): string[] {
    return this.events.map((e) => e.activity.text ?? '');
  }

  async until(text: string): Promise<void> {
    while (!this.texts().includes(text)) {
      if (this.ended) throw new Error(`the stream ended before "${text}"; received ${JSON.stringify(this.texts())}`);
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  async end(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.waiters.add(resolve));
  }

  close(): void {
    this.controller.abort();
  }
}

describe('web chat journey across two killed-and-restarted instances (no sticky routing)', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let a: Instance;
  let b: Instance;
  let env: Record<string, string>;

  before(async function () {
    redis = await startTestRedis(this);
    const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
    env = {
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('webchat-journey'), PORT: '0', HOST: '127.0.0.1',
      PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
    };
    [a, b] = await Promise.all([startInstance(SERVER, [JSON.stringify(env)]), startInstance(SERVER, [JSON.stringify(env)])]);
    await Promise.all([whenReady(a.base), whenReady(b.base)]);
  });
  after(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.dispose();
  });

  it('opens on A, posts on B, streams on A then B, an advisor answers through B, A dies and comes back: nothing lost or doubled, no re-login', async () => {
    const opened = await fetch(`${a.base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'it-IT' }) });
    assert.equal(opened.status, 201);
    const body = (await opened.json()) as { conversationId: string; token: string };
    const c = { id: body.conversationId, token: body.token };
    let n = 0;
    const say = async (to: Instance, text: string) => {
      const r = await fetch(`${to.base}/api/webchat/conversations/${c.id}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ type: 'message', text, locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID: `journey-${++n}` } }),
      });
      assert.equal(r.status, 200, `${text} on ${to.base}`);
      return ((await r.json()) as { activities: Activity[] }).activities;
    };

    assert.ok((await say(b, 'buongiorno, la mia ghibli FX456AB deve fare il tagliando')).length > 0);
    const onA = await Stream.open(a.base, c);
    assert.ok((await say(b, 'preferisco parlare con una persona')).length > 0);

    // The advisor works on B's console; the customer's stream is on A.
    const login = await fetch(`${b.base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }) });
    assert.equal(login.status, 200);
    const advisor = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await login.json()) as { csrf: string }).csrf };
    const reply = async (text: string) => {
      const r = await fetch(`${b.base}/advisor/api/conversations/${encodeURIComponent(`webchat:${c.id}`)}/reply`, {
        method: 'POST', headers: { cookie: advisor.cookie, 'x-csrf-token': advisor.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ text }),
      });
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { delivered: string }).delivered, 'sent');
    };
    await reply('Buongiorno, sono Giulia: per il tagliando le va bene giovedì?');
    await onA.until('Buongiorno, sono Giulia: per il tagliando le va bene giovedì?');
    const lastOnA = onA.events.at(-1)!.id;

    // A dies (no goodbye): its stream ends. The page reconnects to B with Last-Event-ID.
    await a.kill();
    await onA.end();
    await reply('Le confermo giovedì alle 9.');
    const onB = await Stream.open(b.base, c, lastOnA);
    await onB.until('Le confermo giovedì alle 9.');
    assert.deepEqual(await say(b, 'perfetto grazie'), [], 'the advisor holds the conversation: the bot is silent');

    // The page goes away for a moment; meanwhile A comes back (as Kubernetes would restart it) and the advisor writes again.
    const lastOnB = onB.events.at(-1)!.id;
    onB.close();
    a = await startInstance(SERVER, [JSON.stringify(env)]);
    await whenReady(a.base);
    await reply('A giovedì!');
    // The same token works on the restarted A, and its stream catches up from Last-Event-ID.
    await say(a, 'a giovedi allora');
    const again = await Stream.open(a.base, c, lastOnB);
    await again.until('A giovedì!');
    again.close();

    // Every advisor message reached the customer's streams exactly once, in order, and the console has every customer message.
    const seen = [...onA.events, ...onB.events, ...again.events];
    assert.ok(onB.events.every((e) => e.id > lastOnA) && again.events.every((e) => e.id > lastOnB), 'each reconnect sent only what was missed');
    const advisorTexts = seen.filter((e) => e.activity.from.name === 'Giulia Bianchi' && e.activity.from.id.startsWith('advisor:')).map((e) => e.activity.text);
    assert.deepEqual(advisorTexts, ['Buongiorno, sono Giulia: per il tagliando le va bene giovedì?', 'Le confermo giovedì alle 9.', 'A giovedì!']);
    const ids = seen.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    const detail = (await (await fetch(`${a.base}/advisor/api/conversations/${encodeURIComponent(`webchat:${c.id}`)}`, { headers: { cookie: advisor.cookie } })).json()) as { messages: { from: string; text: string }[] };
    const customer = detail.messages.filter((m) => m.from === 'customer').map((m) => m.text);
    for (const t of ['perfetto grazie', 'a giovedi allora']) assert.equal(customer.filter((x) => x === t).length, 1, `${t} in ${JSON.stringify(customer)}`);
  });
});
