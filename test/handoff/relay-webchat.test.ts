/**
 * The web chat relay across two real server processes sharing one real redis-server: the
 * customer's event stream is held by instance A; the advisor works on instance B's console API.
 * The web chat's state is shared (issue #14: no sticky routing), so B pushes the advisor's words
 * itself (`sent`) and they reach the stream on A through Redis — once each, in order. The
 * customer's answer, sent to A, reaches B's console (its live events and the transcript). The
 * console session is shared too: the same cookie works on A. Hand-back through B puts the bot's
 * words on A's stream.
 *
 * Without redis-server (and without REDIS_URL) the suite is skipped — on CI that is a failure.
 * No timing assertions: every wait is bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { hashPassword } from '../../src/handoff/advisors';
import { DEALER_FILE } from '../conversation/harness';
import { startInstance, whenReady, type Instance } from '../support/bot-client';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const SERVER = path.join(__dirname, '../multi-instance/server-child.ts');

interface StreamActivity {
  type: string;
  text?: string;
  from?: { id: string; name?: string; role?: string };
  channelData?: { handoff?: { from: string; name: string } };
}

/** Server-sent events read in the background; `until` waits (bounded by mocha) for a condition on what arrived. */
class EventReader {
  readonly events: { event: string; data: any }[] = [];
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();
  private done = false;

  static async open(url: string, headers: Record<string, string>): Promise<EventReader> {
    const reader = new EventReader();
    const res = await fetch(url, { headers, signal: reader.controller.signal });
    assert.equal(res.status, 200, url);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    void reader.pump(res.body!.getReader());
    return reader;
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
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) });
        }
        for (const w of [...this.waiters]) w();
      }
    } catch {
      // aborted by close()
    } finally {
      this.done = true;
      for (const w of [...this.waiters]) w();
    }
  }

  async until<T>(check: () => T | undefined | false): Promise<T> {
    for (;;) {
      const found = check();
      if (found) return found;
      if (this.done) throw new Error(`the stream ended; received ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const w = () => (this.waiters.delete(w), resolve());
        this.waiters.add(w);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

describe('handoff relay: web chat across two instances sharing a real redis-server', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let a: Instance;
  let b: Instance;
  let customer: { id: string; token: string };
  let stream: EventReader | undefined;
  let live: EventReader | undefined;
  let advisor: { cookie: string; csrf: string };
  let engineId: string;

  before(async function () {
    redis = await startTestRedis(this);
    const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
    const env = {
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('relay-webchat'), PORT: '0', HOST: '127.0.0.1',
      PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
    };
    [a, b] = await Promise.all([startInstance(SERVER, [JSON.stringify(env)]), startInstance(SERVER, [JSON.stringify(env)])]);
    await Promise.all([whenReady(a.base), whenReady(b.base)]);
  });
  after(async () => {
    stream?.close();
    live?.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.dispose();
  });

  const streamed = () => (stream?.events ?? []).filter((e) => e.event === 'activity').map((e) => e.data as StreamActivity);
  async function act(instance: Instance, action: 'take' | 'reply' | 'hand-back' | 'close', body?: unknown) {
    const r = await fetch(`${instance.base}/advisor/api/conversations/${encodeURIComponent(engineId)}/${action}`, {
      method: 'POST',
      headers: { cookie: advisor.cookie, 'x-csrf-token': advisor.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as { delivered?: string; conversation?: { status: string } } };
  }
  async function customerSays(text: string) {
    const r = await fetch(`${a.base}/api/webchat/conversations/${customer.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ type: 'message', text, locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID: `c-${Math.random()}` } }),
    });
    assert.equal(r.status, 200);
    return ((await r.json()) as { activities: StreamActivity[] }).activities;
  }

  it('the customer, on instance A, asks for a person; the advisor on instance B sees the conversation', async () => {
    const opened = await fetch(`${a.base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'it-IT' }) });
    assert.equal(opened.status, 201);
    const c = (await opened.json()) as { conversationId: string; token: string };
    customer = { id: c.conversationId, token: c.token };
    engineId = `webchat:${customer.id}`;
    stream = await EventReader.open(`${a.base}/api/webchat/conversations/${customer.id}/stream`, { authorization: `Bearer ${customer.token}` });
    // No sticky routing: B knows the conversation A opened.
    const elsewhere = await fetch(`${b.base}/api/webchat/conversations/${customer.id}/stream`, { method: 'HEAD', headers: { authorization: `Bearer ${customer.token}` } });
    assert.equal(elsewhere.status, 200);

    assert.ok((await customerSays('voglio parlare con una persona')).length > 0);

    const login = await fetch(`${b.base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }) });
    assert.equal(login.status, 200);
    advisor = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await login.json()) as { csrf: string }).csrf };
    const queue = (await (await fetch(`${b.base}/advisor/api/queue`, { headers: { cookie: advisor.cookie } })).json()) as { conversations: { conversationId: string; channel: string; status: string }[] };
    assert.deepEqual(queue.conversations.map((q) => [q.conversationId, q.channel, q.status]), [[engineId, 'webchat', 'waiting']]);
  });

  it("the advisor replies through B: the message reaches the customer's stream on A (shared state), once, after the joined notice", async () => {
    live = await EventReader.open(`${b.base}/advisor/api/events`, { cookie: advisor.cookie });
    const r = await act(b, 'reply', { text: 'Buongiorno, sono Giulia: come posso aiutarLa?' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent', 'B reaches the stream A holds through the shared state');
    assert.equal(r.body.conversation?.status, 'active');
    const reply = await stream!.until(() => streamed().find((x) => x.text === 'Buongiorno, sono Giulia: come posso aiutarLa?'));
    assert.equal(reply.type, 'message');
    assert.equal(reply.from?.name, 'Giulia Bianchi');
    assert.equal(reply.from?.role, 'bot');
    assert.deepEqual(reply.channelData?.handoff, { from: 'advisor', name: 'Giulia Bianchi' });
    const texts = streamed().map((x) => x.text);
    const joined = texts.findIndex((t) => /Giulia Bianchi, consulente, è ora in conversazione/.test(t ?? ''));
    assert.ok(joined >= 0 && joined < texts.indexOf(reply.text), `the joined notice first: ${JSON.stringify(texts)}`);
    assert.equal(texts.filter((t) => t === reply.text).length, 1, 'pushed once');
  });

  it("the customer answers on A: the bot stays silent, and B's console hears it live", async () => {
    assert.deepEqual(await customerSays('la Ghibli fa un rumore strano'), [], 'no answer from the bot');
    const heard = await live!.until(() => live!.events.find((e) => e.event === 'handoff' && e.data.type === 'message' && e.data.message.text === 'la Ghibli fa un rumore strano'));
    assert.equal(heard.data.conversationId, engineId);
    assert.equal(heard.data.message.from, 'customer');
    const detail = (await (await fetch(`${b.base}/advisor/api/conversations/${encodeURIComponent(engineId)}`, { headers: { cookie: advisor.cookie } })).json()) as { messages: { from: string; text: string }[] };
    assert.ok(detail.messages.some((m) => m.from === 'customer' && m.text === 'la Ghibli fa un rumore strano'));
  });

  it('the same console session works on A, which holds the stream', async () => {
    const r = await act(a, 'reply', { text: 'Capito, ci penso io.' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    await stream!.until(() => streamed().find((x) => x.text === 'Capito, ci penso io.'));
  });

  it("hand-back through B: the bot's words reach A's stream, and the bot answers again", async () => {
    const r = await act(b, 'hand-back');
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    assert.equal(r.body.conversation?.status, 'closed');
    await stream!.until(() => streamed().find((x) => /riprendiamo da dove eravamo rimasti/.test(x.text ?? '')));
    assert.ok((await customerSays('la Ghibli FX456AB deve fare il tagliando')).length > 0, 'the bot answers by itself again');
    // Every advisor message reached the stream exactly once.
    const texts = streamed().map((x) => x.text);
    for (const t of ['Buongiorno, sono Giulia: come posso aiutarLa?', 'Capito, ci penso io.']) assert.equal(texts.filter((x) => x === t).length, 1, t);
  });
});
