/**
 * Stateless instances (issue #14): two real apps on loopback sharing one real redis-server and
 * one key prefix, with no sticky routing — each request goes to whichever instance the test
 * picks, as a load balancer without affinity would. The web chat's conversations, token hashes,
 * stream backlogs and live events, and WhatsApp's 24-hour windows and seen message ids, live in
 * Redis: a conversation opened on A goes on on B with the same token, a stream on B carries what
 * A produced, a reconnect to B with Last-Event-ID gets exactly what was missed, A restarted logs
 * nobody out; a WhatsApp message received by A opens the window for an advisor's reply through B,
 * and a message id A took is dropped by B. The apps run in this process (their clock is the
 * test's); no timing assertions, every wait is bounded by mocha's timeout.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { conversationKeys } from '../../src/sessions/redis-keys';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { whenReady } from '../support/bot-client';
import { GraphStandIn } from '../support/graph-stand-in';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';
import { requireRedisBinary, startCluster, type ClusterTopology } from '../support/redis-topologies';
import { postWhatsAppText } from '../support/whatsapp-webhook';

interface Activity {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  from: { id: string; name?: string; role?: string };
  channelData?: { awaiting?: string; clientActivityID?: string };
}
interface Answer {
  id: string;
  echo: Activity;
  activities: Activity[];
}
interface Opened {
  id: string;
  token: string;
  activities: Activity[];
}
interface Running {
  app: App;
  base: string;
}

/** Server-sent events read in the background, with their SSE ids; `until` waits for a condition on what arrived. */
class EventReader {
  readonly events: { id: number; activity: Activity }[] = [];
  ended = false;
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();

  static async open(base: string, c: Opened, lastEventId?: number): Promise<EventReader> {
    const reader = new EventReader();
    const res = await fetch(`${base}/api/webchat/conversations/${c.id}/stream`, {
      headers: { authorization: `Bearer ${c.token}`, ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) },
      signal: reader.controller.signal,
    });
    assert.equal(res.status, 200);
    const body = res.body!.getReader();
    // The first frame (`retry:`) proves the instance attached the stream before the test goes on.
    const first = await body.read();
    void reader.pump(body, new TextDecoder().decode(first.value));
    return reader;
  }

  private async pump(body: ReadableStreamDefaultReader<Uint8Array>, start: string): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = start;
    try {
      for (;;) {
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (id && data) this.events.push({ id: Number(id), activity: JSON.parse(data) as Activity });
        }
        for (const w of [...this.waiters]) w();
        const { value, done } = await body.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
      for (const w of [...this.waiters]) w();
    }
  }

  texts(): string[] {
    return this.events.map((e) => e.activity.text ?? '');
  }

  async until(check: () => boolean, what: string): Promise<void> {
    for (;;) {
      if (check()) return;
      if (this.ended) throw new Error(`the stream ended before ${what}; received ${JSON.stringify(this.texts())}`);
      await new Promise<void>((resolve) => {
        const w = () => {
          this.waiters.delete(w);
          resolve();
        };
        this.waiters.add(w);
      });
    }
  }

  async endedByServer(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.waiters.add(resolve));
  }

  close(): void {
    this.controller.abort();
  }
}

describe('stateless instances: two apps on one Redis, no sticky routing', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  before(async function () {
    redis = await startTestRedis(this);
  });
  after(async () => redis?.dispose());

  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  /** An instance: the real app on loopback, on the shared Redis, ready as a load balancer would see it. */
  async function instance(settings: Record<string, string>, clock: () => Date = () => MONDAY_9AM): Promise<Running> {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', REDIS_URL: redis?.url ?? '', ...settings,
    });
    const app = await createApp(config, { clock, logger: pino({ level: 'silent' }) });
    apps.push(app);
    const base = `http://127.0.0.1:${(await app.listen()).port}`;
    await whenReady(base);
    return { app, base };
  }
  async function restart(old: Running, settings: Record<string, string>, clock?: () => Date): Promise<Running> {
    await old.app.close();
    apps.splice(apps.indexOf(old.app), 1);
    return instance(settings, clock);
  }

  describe('web chat', () => {
    async function open(base: string): Promise<Opened> {
      const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'it-IT' }) });
      assert.equal(res.status, 201);
      const body = (await res.json()) as { conversationId: string; token: string; activities: Activity[] };
      return { id: body.conversationId, token: body.token, activities: body.activities };
    }
    let seq = 0;
    async function post(base: string, c: Opened, text: string, clientActivityID = `stateless-${++seq}`): Promise<{ status: number; body: Answer }> {
      const res = await fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ type: 'message', text, locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID } }),
      });
      return { status: res.status, body: (res.status === 200 ? await res.json() : {}) as Answer };
    }
    const awaiting = (a: Answer) => a.activities.findLast((x) => x.channelData?.awaiting)?.channelData?.awaiting;
    const said = (a: Answer) => a.activities.map((x) => x.text ?? '').join('\n');

    it('a conversation opened on A goes on on B with the same token, and back on A; ids and timestamps keep growing', async () => {
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-chat') };
      const [a, b] = [await instance(settings), await instance(settings)];
      const c = await open(a.base);
      assert.match(said({ id: '', echo: c.activities[0], activities: c.activities }), /benvenut/i);

      let r = await post(b.base, c, 'ciao devo fare il tagliando alla ghibli');
      assert.equal(r.status, 200, 'B knows the conversation A opened');
      r = await post(a.base, c, 'sono marco rossi targa FX456AB');
      assert.equal(r.status, 200);
      r = await post(b.base, c, 'vengo coi mezzi');
      assert.equal(r.status, 200);
      assert.equal(awaiting(r.body), 'date', said(r.body));

      // Redis holds the token's SHA-256, never the token.
      const client = new Redis(redis.url);
      try {
        const stored = await client.hgetall(conversationKeys(settings.REDIS_KEY_PREFIX, `webchat:${c.id}`).channel.webChat);
        assert.equal(stored.token, createHash('sha256').update(c.token).digest('hex'));
        assert.ok(!JSON.stringify(stored).includes(c.token));
      } finally {
        client.disconnect();
      }

      // A wrong token is refused on every instance.
      assert.equal((await post(b.base, { ...c, token: `${c.token}x` }, 'ciao')).status, 401);
      assert.equal((await post(a.base, { ...c, token: (await open(b.base)).token }, 'ciao')).status, 401);

      const transcript = await b.app.sessions.transcript(`webchat:${c.id}`);
      assert.deepEqual(transcript.filter((e) => e.from === 'customer').map((e) => e.text), [
        'ciao devo fare il tagliando alla ghibli', 'sono marco rossi targa FX456AB', 'vengo coi mezzi',
      ]);
      // Web Chat orders by timestamp and drops a repeated id: both only grow, whichever instance stamped them.
      const all = [...c.activities, r.body.echo, ...r.body.activities];
      const ids = all.map((x) => x.id);
      assert.equal(new Set(ids).size, ids.length);
      const stamps = all.map((x) => Date.parse(x.timestamp));
      assert.deepEqual([...stamps].sort((x, y) => x - y), stamps);
    });

    it('a re-post to the other instance, later or at the same time, gets the first answer, and no second turn', async () => {
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-repost') };
      const [a, b] = [await instance(settings), await instance(settings)];
      const c = await open(a.base);
      const first = await post(a.base, c, 'buongiorno vorrei prenotare un tagliando', 'repost-1');
      const again = await post(b.base, c, 'buongiorno vorrei prenotare un tagliando', 'repost-1');
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      // The same post to both at the same time (a retry racing the first try): one turn, the same answer to both.
      const [onA, onB] = await Promise.all([post(a.base, c, 'per la ghibli', 'repost-2'), post(b.base, c, 'per la ghibli', 'repost-2')]);
      assert.equal(onA.status, 200);
      assert.equal(onB.status, 200);
      assert.ok(onA.body.activities.length > 0, 'answered');
      assert.deepEqual(onB.body.activities, onA.body.activities);
      const transcript = await a.app.sessions.transcript(`webchat:${c.id}`);
      assert.deepEqual(transcript.filter((e) => e.from === 'customer').map((e) => e.text), ['buongiorno vorrei prenotare un tagliando', 'per la ghibli']);
    });

    it("a stream on B carries an advisor's reply produced on A; a reconnect to B with Last-Event-ID replays exactly what was missed", async () => {
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-stream') };
      const [a, b] = [await instance(settings), await instance(settings)];
      const c = await open(a.base);
      assert.equal((await post(b.base, c, 'voglio parlare con una persona')).status, 200);
      const advisor = { id: 'giulia', name: 'Giulia Bianchi', siteId: (await a.app.handoffStore.get(`webchat:${c.id}`))!.siteId };

      const onB = await EventReader.open(b.base, c);
      const replied = await a.app.handoffs.reply(advisor, `webchat:${c.id}`, 'Buongiorno Marco, sono Giulia: mi dica pure.');
      assert.ok(replied.ok);
      assert.equal(replied.delivered, 'sent');
      await onB.until(() => onB.texts().includes('Buongiorno Marco, sono Giulia: mi dica pure.'), "the advisor's reply");
      const seen = onB.events.at(-1)!;
      assert.equal(seen.activity.from.name, 'Giulia Bianchi');
      onB.close();

      // Missed while the page was away: two more, pushed on A.
      for (const text of ['Ha ancora il libretto di manutenzione?', 'Le mando il preventivo per email.']) {
        assert.equal((await a.app.handoffs.reply(advisor, `webchat:${c.id}`, text)).ok, true);
      }
      const again = await EventReader.open(b.base, c, seen.id);
      await again.until(() => again.events.length >= 2, 'the replay');
      // And one live after the replay, produced on A again: no event lost between replay and live, none twice.
      await a.app.handoffs.reply(advisor, `webchat:${c.id}`, 'A dopo.');
      await again.until(() => again.texts().includes('A dopo.'), 'the live event');
      assert.deepEqual(again.texts(), ['Ha ancora il libretto di manutenzione?', 'Le mando il preventivo per email.', 'A dopo.']);
      const ids = again.events.map((e) => e.id);
      assert.deepEqual([...ids].sort((x, y) => x - y), ids);
      assert.ok(ids[0] > seen.id);
      again.close();
    });

    it('A restarted (closed and created again): the same token goes on, on A and on B, and a stream on B is untouched', async () => {
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-restart') };
      let a = await instance(settings);
      const b = await instance(settings);
      const c = await open(a.base);
      assert.equal((await post(a.base, c, 'salve, la mia levante GH123KL ha bisogno del tagliando')).status, 200);
      const onB = await EventReader.open(b.base, c);

      a = await restart(a, settings);
      let r = await post(a.base, c, 'mi chiamo giulia bianchi');
      assert.equal(r.status, 200, 'no re-login after a rolling update');
      r = await post(b.base, c, 'prendo un taxi');
      assert.equal(r.status, 200);
      assert.equal(awaiting(r.body), 'date', said(r.body));
      assert.ok(!onB.ended);

      assert.equal(await a.app.webChat!.push(c.id, { text: 'Promemoria: domani alle 9.' }), true);
      await onB.until(() => onB.texts().includes('Promemoria: domani alle 9.'), 'the push from the restarted A');
      onB.close();
    });

    it('Redis away: the web chat answers 503 with Retry-After and nothing internal; Redis back, the same token goes on', async function () {
      if (!redis.controllable) this.skip();
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-away') };
      const [a, b] = [await instance(settings), await instance(settings)];
      const c = await open(a.base);
      assert.equal((await post(b.base, c, 'salve vorrei fare il tagliando')).status, 200);
      await redis.stop();
      try {
        for (const base of [a.base, b.base]) {
          const res = await fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
            body: JSON.stringify({ type: 'message', text: 'ci siete?', channelData: { clientActivityID: 'away-1' } }),
          });
          assert.equal(res.status, 503);
          assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
          assert.deepEqual(await res.json(), { error: 'busy, try again shortly' });
        }
      } finally {
        await redis.start();
      }
      await Promise.all([whenReady(a.base), whenReady(b.base)]);
      const r = await post(a.base, c, 'sono marco rossi');
      assert.equal(r.status, 200, 'nobody was logged out');
    });

    describe('on a Redis Cluster (3 masters)', function () {
      let cluster: ClusterTopology;
      before(async function () {
        requireRedisBinary(this);
        cluster = await startCluster();
      });
      after(async () => cluster?.dispose());

      it('the conversation, its stream, the replay and the table work across slots (no CROSSSLOT), opened on A and served by B', async () => {
        const settings = { REDIS_URL: cluster.url, REDIS_KEY_PREFIX: uniquePrefix('stateless-cluster'), WEBCHAT_MAX_CONVERSATIONS: '20' };
        const [a, b] = [await instance(settings), await instance(settings)];
        const conversations = [await open(a.base), await open(b.base), await open(a.base)];
        for (const c of conversations) assert.equal((await post(b.base, c, 'ciao, tagliando per la levante')).status, 200);
        const c = conversations[1];
        const onB = await EventReader.open(b.base, c);
        assert.equal(await a.app.webChat!.push(c.id, { text: 'Uno da A.' }), true);
        await onB.until(() => onB.texts().includes('Uno da A.'), 'the push from A');
        const last = onB.events.at(-1)!.id;
        onB.close();
        assert.equal(await a.app.webChat!.push(`webchat:${c.id}`, { text: 'Due da A.' }), true);
        const again = await EventReader.open(b.base, c, last);
        await again.until(() => again.texts().includes('Due da A.'), 'the replay');
        assert.deepEqual(again.texts(), ['Due da A.']);
        again.close();
      });
    });

    it('one table for all instances: full is 503 everywhere and evicts nobody; unused conversations expire and their streams end on any instance', async () => {
      let now = MONDAY_9AM.getTime();
      const clock = () => new Date(now);
      const settings = { REDIS_KEY_PREFIX: uniquePrefix('stateless-table'), WEBCHAT_MAX_CONVERSATIONS: '3', UNUSED_CONVERSATION_TTL_SECONDS: '900', WEBCHAT_OPENS_PER_ADDRESS_PER_HOUR: '1000' };
      const [a, b] = [await instance(settings, clock), await instance(settings, clock)];
      const customer = await open(a.base);
      assert.equal((await post(b.base, customer, 'tagliando per la ghibli')).status, 200);
      const idle = [await open(b.base), await open(a.base)];
      const idleStream = await EventReader.open(b.base, idle[1]);
      for (const base of [a.base, b.base]) {
        const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        assert.equal(res.status, 503, 'the shared table is full');
        assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
        await res.arrayBuffer();
      }
      assert.equal((await post(a.base, idle[0], 'ciao')).status, 200, 'nobody was evicted');

      now += 901_000;
      // idle[0] was used above; idle[1] never was: it goes, and its stream on B ends, though A made the room.
      assert.equal((await open(a.base)).token.length > 0, true);
      await idleStream.endedByServer();
      assert.equal((await post(b.base, idle[1], 'ciao')).status, 401);
      assert.equal((await post(b.base, customer, 'giovedì alle 9')).status, 200, 'a conversation in use stays');
    });
  });

  describe('WhatsApp', () => {
    const SECRET = 'app-secret-for-stateless-tests';
    const PHONE_NUMBER_ID = '106540352242922';
    let graph: GraphStandIn;
    before(async () => {
      graph = await new GraphStandIn().start();
    });
    after(async () => graph?.stop());
    beforeEach(() => graph.reset());

    const settings = () => ({
      REDIS_KEY_PREFIX: uniquePrefix('stateless-wa'),
      WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url,
    });
    let wamids = 0;
    /** A signed webhook shaped like Meta's to one instance; waits until that instance has processed it. */
    async function customerSays(to: Running, phone: string, body: string, id = `wamid.stateless-${++wamids}`): Promise<Record<string, any>[]> {
      const before = graph.messages.length;
      const res = await postWhatsAppText(to.base, {
        phoneNumberId: PHONE_NUMBER_ID, secret: SECRET, from: phone, id, body, timestamp: Math.floor(MONDAY_9AM.getTime() / 1000),
      });
      assert.equal(res.status, 200);
      assert.ok(await to.app.whatsApp!.drain(10_000), 'the message was processed');
      await graph.settled(100);
      return graph.messages.slice(before);
    }

    it("a customer's message received by A opens the window: an advisor's reply through B is sent", async () => {
      const s = settings();
      const [a, b] = [await instance(s), await instance(s)];
      const phone = '393471115566';
      assert.ok((await customerSays(a, phone, 'voglio parlare con una persona')).length > 0);
      const conversation = `whatsapp:${phone}`;
      const siteId = (await b.app.handoffStore.get(conversation))!.siteId;
      graph.reset();
      const replied = await b.app.handoffs.reply({ id: 'giulia', name: 'Giulia Bianchi', siteId }, conversation, 'Buongiorno, sono Giulia: mi dica.');
      assert.ok(replied.ok);
      assert.equal(replied.delivered, 'sent', 'B sees the window A opened');
      await graph.settled(100);
      assert.ok(graph.messages.some((m) => m.to === phone && /mi dica/.test(m.text?.body ?? '')), JSON.stringify(graph.messages));
    });

    it('a message id A took is dropped by B (Meta retrying to another instance): not answered, not counted, one transcript line', async () => {
      // Two messages a minute: the retry, were it counted on B, would leave no room for the next message.
      const s = { ...settings(), MESSAGES_PER_CONVERSATION_PER_MINUTE: '2' };
      const [a, b] = [await instance(s), await instance(s)];
      const phone = '393471117788';
      const answered = await customerSays(a, phone, 'ciao devo portare la macchina a fare il tagliando', 'wamid.retried-once');
      assert.ok(answered.length > 0);
      assert.deepEqual(await customerSays(b, phone, 'ciao devo portare la macchina a fare il tagliando', 'wamid.retried-once'), []);
      // A new message on B is within the limit and reaches the conversation.
      assert.ok((await customerSays(b, phone, 'per la ghibli')).length > 0);
      const transcript = await b.app.sessions.transcript(`whatsapp:${phone}`);
      assert.deepEqual(transcript.filter((e) => e.from === 'customer').map((e) => e.text), ['ciao devo portare la macchina a fare il tagliando', 'per la ghibli']);
    });
  });
});
