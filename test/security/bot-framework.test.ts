/**
 * /api/messages as an attacker meets it, over real HTTP (issue #10): the real app on loopback,
 * the real WhatsApp webhook and web chat beside it, Connector and Graph stand-ins that record
 * what reaches them. What the channel may not do:
 * - name another channel's conversation (a WhatsApp customer's number, a web chat id);
 * - without a JWT (anonymous, development): leave a reply reference, post a handoff.status,
 *   call from another machine, or have replies POSTed anywhere but the response or an allowed URL;
 * - send an activity of the wrong shape, or more messages than a conversation may send a minute.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import os from 'node:os';
import pino, { type Logger } from 'pino';
import type { Request } from 'restify';
import sinon from 'sinon';
import { callerRefusal } from '../../src/channels/botframework/anonymous-guard';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { whenReady } from '../support/bot-client';
import { APP_ID } from '../support/bot-framework-jwt';
import { capturingLogger } from '../support/capturing-logger';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { GraphStandIn } from '../support/graph-stand-in';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

type Json = Record<string, any>;

interface Started {
  app: App;
  port: number;
  base: string;
  handle: sinon.SinonSpy;
}

async function start(env: Record<string, string> = {}, logger: Logger = pino({ level: 'silent' })): Promise<Started> {
  const app = await createApp(loadConfig({
    PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', ...env,
  }), { clock: () => MONDAY_9AM, logger });
  const handle = sinon.spy(app.engine, 'handle');
  const { port } = await app.listen();
  return { app, port, base: `http://127.0.0.1:${port}`, handle };
}

/** The log lines written through a pino logger, parsed. */
function capturedLogs(): { logger: Logger; lines: Json[] } {
  const lines: Json[] = [];
  return { logger: capturingLogger(lines, 'info'), lines };
}

let seq = 0;
/** A test client's activity (channelId test, expectReplies); `undefined` in `changes` leaves a field out. */
function activity(conversation: string, changes: Json = {}): Json {
  return {
    type: 'message', id: `sec-${++seq}`, channelId: 'test', serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: conversation }, from: { id: `user-${conversation}`, name: 'Customer' }, recipient: { id: 'bot', name: 'Bot' },
    deliveryMode: 'expectReplies', locale: 'it-IT', text: 'tagliando', ...changes,
  };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; body: Json }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    parsed = {};
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** An advisor of the console, signed in. */
async function advisor(base: string): Promise<{ act(id: string, action: 'take' | 'reply', body?: unknown): Promise<{ status: number; body: Json }> }> {
  const r = await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'giulia', password: 'giulia-password' }) });
  assert.equal(r.status, 200);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrf } = (await r.json()) as { csrf: string };
  return {
    async act(id, action, body) {
      const res = await fetch(`${base}/advisor/api/conversations/${encodeURIComponent(id)}/${action}`, {
        method: 'POST', headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Json };
    },
  };
}

const advisorsEnv = async () => ({
  ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash: await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 }) }]),
});

/** This machine's address on a network (not loopback), if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
}

describe('security: /api/messages (Bot Framework)', function () {
  this.timeout(30_000);

  describe('a channel cannot name another channel\'s conversation', () => {
    const SECRET = 'app-secret-for-tests';
    const PHONE = '393471234567';
    let graph: GraphStandIn;
    let s: Started;

    before(async () => {
      graph = await new GraphStandIn().start();
      s = await start({
        WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_GRAPH_URL: graph.url,
      });
    });
    after(async () => {
      await s?.app.close();
      await graph?.stop();
    });

    /** Everything kept about a conversation. */
    const kept = async (id: string) => ({ session: await s.app.sessions.load(id), transcript: await s.app.sessions.transcript(id), handoff: await s.app.handoffStore.get(id) });

    /** The attacker's turn must show nothing of the victim's, and leave it as it was. */
    async function assertUntouched(victim: string, before: Awaited<ReturnType<typeof kept>>, reply: Awaited<ReturnType<typeof post>>) {
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.body.activities?.length > 0, 'the attacker is answered, in a conversation of their own');
      assert.doesNotMatch(reply.text, /GH123KL|Marco Rossi/, 'nothing of the customer\'s conversation is read back');
      assert.deepEqual(await kept(victim), before, 'the customer\'s conversation is as it was');
    }

    it("channelId 'whatsapp' with a WhatsApp customer's number starts a conversation of its own", async () => {
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
          contacts: [{ profile: { name: 'Marco Rossi' }, wa_id: PHONE }],
          messages: [{ from: PHONE, id: 'wamid.victim-1', timestamp: String(Math.floor(MONDAY_9AM.getTime() / 1000)), type: 'text',
            text: { body: 'Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando' } }],
        } }] }],
      });
      const signature = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
      const res = await fetch(`${s.base}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
      assert.equal(res.status, 200);
      await graph.settled();
      const victim = `whatsapp:${PHONE}`;
      const before = await kept(victim);
      assert.ok(before.transcript.some((e) => /GH123KL/.test(e.text)), 'the customer talked to the bot on WhatsApp');
      const sent = graph.requests.length;

      const reply = await post(s.base, activity(PHONE, { channelId: 'whatsapp', from: { id: PHONE }, text: 'vorrei parlare con un operatore' }));
      await assertUntouched(victim, before, reply);
      assert.equal(graph.requests.length, sent, 'nothing was sent to the customer on WhatsApp');
      const own = (await s.app.sessions.transcript(`bf:whatsapp:${PHONE}`)).filter((e) => e.from === 'customer').map((e) => e.text);
      assert.deepEqual(own, ['vorrei parlare con un operatore'], 'the attacker\'s words are in a Bot Framework conversation');
    });

    it("channelId 'webchat' with a site web chat conversation's id starts a conversation of its own", async () => {
      const opened = await fetch(`${s.base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'it-IT' }) });
      assert.equal(opened.status, 201);
      const { conversationId, token } = (await opened.json()) as { conversationId: string; token: string };
      const said = await fetch(`${s.base}/api/webchat/conversations/${conversationId}/activities`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ type: 'message', locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID: 'victim-1' },
          text: 'Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando' }),
      });
      assert.equal(said.status, 200);
      const victim = `webchat:${conversationId}`;
      const before = await kept(victim);
      assert.ok(before.transcript.some((e) => /GH123KL/.test(e.text)), 'the customer talked to the bot in the web chat');

      const reply = await post(s.base, activity(conversationId, { channelId: 'webchat', text: 'vorrei parlare con un operatore' }));
      await assertUntouched(victim, before, reply);
    });
  });

  describe('anonymous: no reply reference and no handoff.status from the caller', () => {
    let connector: ConnectorStandIn;
    let s: Started;
    const logs = capturedLogs();

    before(async () => {
      connector = await new ConnectorStandIn().start();
      s = await start(await advisorsEnv(), logs.logger);
    });
    after(async () => {
      await s?.app.close();
      await connector?.stop();
    });

    /** A customer whose conversation (channelId test) is handed over; its handoff. */
    async function handedOver(conversation: string) {
      const r = await post(s.base, activity(conversation, { serviceUrl: connector.url, text: 'voglio parlare con una persona' }));
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.activities.some((a: Json) => a.name === 'handoff.initiate'));
      const h = (await s.app.handoffStore.list('modena')).find((x) => x.conversationId.endsWith(`:${conversation}`));
      assert.equal(h?.status, 'waiting');
      return h!;
    }

    it("a handoff keeps no reference from an anonymous request: the advisor's answer is POSTed nowhere", async () => {
      const h = await handedOver('anon-reach');
      assert.notEqual(h.conversationRef.channel, 'botframework', 'no conversation reference kept');
      const giulia = await advisor(s.base);
      const r = await giulia.act(h.conversationId, 'reply', { text: 'Buongiorno, sono Giulia.' });
      assert.equal(r.status, 200);
      assert.equal(r.body.delivered, 'unreachable');
      assert.deepEqual(connector.requests, [], 'nothing reached the serviceUrl the caller chose');
    });

    it('a reference stored before this rule (an older version, anonymous) is not used either', async () => {
      const id = 'test:stored-by-an-older-version';
      const since = '2026-11-30T09:00:00+01:00';
      const reference = { channelId: 'test', serviceUrl: connector.url, conversation: { id: 'stored-by-an-older-version' }, user: { id: 'u' }, bot: { id: 'bot' } };
      await s.app.handoffStore.update(id, () => ({
        conversationId: id, status: 'waiting', siteId: 'modena', channel: 'botframework', lang: 'it', reason: 'requested', since, updatedAt: since,
        summary: { entitlements: [], freeSolutions: [] }, conversationRef: { channel: 'botframework', channelId: 'test', reference },
      }));
      const r = await (await advisor(s.base)).act(id, 'reply', { text: 'Buongiorno.' });
      assert.equal(r.status, 200);
      assert.equal(r.body.delivered, 'unreachable');
      assert.deepEqual(connector.requests, []);
    });

    it('a forged handoff.status (accepted, failed, completed) changes nothing, and an advisor can still take the conversation', async () => {
      const h = await handedOver('anon-status');
      for (const state of ['accepted', 'failed', 'completed']) {
        const r = await post(s.base, activity('anon-status', { type: 'event', name: 'handoff.status', value: { state }, text: undefined }));
        assert.equal(r.status, 200, state);
        assert.deepEqual(r.body.activities ?? [], [], `${state}: nothing said`);
        assert.equal((await s.app.handoffStore.get(h.conversationId))?.status, 'waiting', state);
      }
      assert.ok(logs.lines.some((l) => l.level === 40 && /handoff\.status/.test(String(l.msg))), 'the ignored status is logged');
      const taken = await (await advisor(s.base)).act(h.conversationId, 'take');
      assert.equal(taken.status, 200, JSON.stringify(taken.body));
      assert.deepEqual((await s.app.handoffStore.get(h.conversationId))?.advisor, { kind: 'advisor', id: 'giulia', name: 'Giulia Bianchi' });
      assert.deepEqual(connector.requests, []);
    });
  });

  describe('anonymous: callers on this machine, replies in the response or to an allowed service URL', () => {
    let allowed: ConnectorStandIn;
    let other: ConnectorStandIn;
    let s: Started;
    const logs = capturedLogs();
    const outside = outsideAddress();

    before(async () => {
      [allowed, other] = await Promise.all([new ConnectorStandIn().start(), new ConnectorStandIn().start()]);
      // On every address: a caller from this machine's network address is not loopback.
      s = await start({ HOST: '0.0.0.0', ANONYMOUS_SERVICE_URLS: allowed.url }, logs.logger);
    });
    after(async () => {
      await s?.app.close();
      await allowed?.stop();
      await other?.stop();
    });
    beforeEach(() => {
      s.handle.resetHistory();
      allowed.reset();
      other.reset();
    });

    it('warns at start that /api/messages has no authentication', () => {
      assert.ok(logs.lines.some((l) => l.level === 40 && /anonymous/i.test(String(l.msg))), JSON.stringify(logs.lines));
    });

    it('refuses a caller from another address (403), whatever X-Forwarded-For says, before any turn', async () => {
      const forged: Record<string, string>[] = [{}, { 'x-forwarded-for': '127.0.0.1' }, { 'x-forwarded-for': '::1', 'x-real-ip': '127.0.0.1', forwarded: 'for=127.0.0.1' }];
      if (outside) {
        for (const headers of forged) {
          const r = await post(`http://${outside}:${s.port}`, activity('from-outside'), headers);
          assert.equal(r.status, 403, JSON.stringify(headers));
          assert.ok(r.text.length < 80, r.text);
        }
        assert.equal(s.handle.callCount, 0);
      } else {
        // No network address on this machine: the guard alone, with a socket from elsewhere.
        for (const headers of forged) {
          const req = { socket: { remoteAddress: '192.0.2.7' }, header: (n: string) => (headers as Record<string, string>)[n.toLowerCase()] } as unknown as Request;
          assert.equal(callerRefusal(req, s.app.config)?.status, 403);
        }
      }
    });

    it('serves a loopback caller even with a forged X-Forwarded-For', async () => {
      const r = await post(s.base, activity('loopback-forwarded'), { 'x-forwarded-for': '203.0.113.7' });
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.activities.length > 0);
    });

    it('refuses (400) a turn whose replies would be POSTed to a service URL not allowed: the server named receives nothing', async () => {
      const [, otherPort] = [allowed.url, new URL(other.url).port];
      const urls = [other.url, `http://127.0.0.1:${new URL(allowed.url).port}@127.0.0.1:${otherPort}/`, `${other.url}?${allowed.url}`];
      for (const serviceUrl of urls) {
        for (const deliveryMode of [undefined, 'normal', 'notification']) {
          const r = await post(s.base, activity('ssrf', { serviceUrl, deliveryMode }));
          assert.equal(r.status, 400, `${serviceUrl} ${deliveryMode}`);
          assert.match(r.text, /expectReplies/);
        }
      }
      const join = await post(s.base, activity('ssrf', { type: 'conversationUpdate', membersAdded: [{ id: 'c' }], serviceUrl: other.url, deliveryMode: undefined }));
      assert.equal(join.status, 400);
      assert.equal(s.handle.callCount, 0, 'no turn ran');
      assert.equal((await s.app.sessions.transcript('bf:test:ssrf')).length, 0, 'nothing stored');
      assert.deepEqual(other.requests, [], 'the server named was never called');
    });

    it('POSTs the replies to an allowed service URL', async () => {
      const r = await post(s.base, activity('allowed-url', { serviceUrl: allowed.url, deliveryMode: undefined }));
      assert.equal(r.status, 200, r.text);
      await allowed.waitFor(1);
      assert.ok(allowed.activities.length > 0);
      assert.ok(allowed.activities.every((a) => a.conversationId === 'allowed-url' && a.body.type === 'message'));
      assert.deepEqual(other.requests, []);
    });

    describe('ANONYMOUS_CALLERS=any', () => {
      let open: Started;
      const loud = capturedLogs();
      before(async () => {
        open = await start({ HOST: '0.0.0.0', ANONYMOUS_CALLERS: 'any' }, loud.logger);
      });
      after(async () => open?.app.close());

      it('says so loudly at start, and serves callers from other addresses (still only through expectReplies)', async () => {
        assert.ok(loud.lines.some((l) => l.level >= 50 && /ANONYMOUS_CALLERS/.test(String(l.msg))), JSON.stringify(loud.lines));
        if (outside) {
          const base = `http://${outside}:${open.port}`;
          assert.equal((await post(base, activity('any-caller'))).status, 200);
          assert.equal((await post(base, activity('any-caller', { serviceUrl: other.url, deliveryMode: undefined }))).status, 400);
        } else {
          const req = { socket: { remoteAddress: '192.0.2.7' }, header: () => undefined } as unknown as Request;
          assert.equal(callerRefusal(req, open.app.config), undefined);
        }
        assert.deepEqual(other.requests, []);
      });
    });
  });

  describe('activities are checked at the edge, before botbuilder and the engine', () => {
    let s: Started;
    before(async () => {
      s = await start();
    });
    after(async () => s?.app.close());
    beforeEach(() => s.handle.resetHistory());

    it('refuses a field of the wrong type, or missing, with 400 and a short reason; no turn, nothing stored', async () => {
      const cases: [string, Json][] = [
        ['locale is a number', { locale: 42 }],
        ['locale is an object', { locale: { tag: 'it-IT' } }],
        ['conversation.id is an object', { conversation: { id: { shared: true } } }],
        ['conversation.id is empty', { conversation: { id: '' } }],
        ['conversation is missing', { conversation: undefined }],
        ['type is missing', { type: undefined }],
        ['channelId is missing', { channelId: undefined }],
        ['channelId is a number', { channelId: 7 }],
        ['channelId reaches into another namespace', { channelId: 'test:bf' }],
        ['text is a number', { text: 12 }],
        ['text is over 16 KB', { text: 'a'.repeat(16 * 1024 + 1) }],
        ['clientActivityID is not a string', { channelData: { clientActivityID: { id: 1 } } }],
        ['membersAdded is not a list', { type: 'conversationUpdate', membersAdded: 'everyone' }],
      ];
      for (const [why, changes] of cases) {
        const r = await post(s.base, activity(`bad-${why.replace(/\W+/g, '-')}`, changes));
        assert.equal(r.status, 400, `${why}: ${r.status} ${r.text.slice(0, 200)}`);
        assert.equal(typeof r.body.error, 'string', why);
        assert.ok(r.text.length < 120, `${why}: short body (${r.text.length})`);
      }
      assert.equal(s.handle.callCount, 0, 'no turn ran');
      assert.equal((await s.app.sessions.transcript('bf:test:bad-locale-is-a-number')).length, 0);
      assert.equal((await s.app.sessions.transcript('test:bad-locale-is-a-number')).length, 0);
    });

    it('refuses a body that is not an activity object with 400', async () => {
      for (const body of ['[]', '"hello"', '42', 'null', '[{"type":"message"}]']) {
        const r = await post(s.base, body);
        assert.equal(r.status, 400, `${body}: ${r.status}`);
        assert.ok(r.text.length < 120, r.text);
      }
      assert.equal(s.handle.callCount, 0);
    });

    it('a message over 2000 characters gets the polite "too long" answer', async () => {
      const r = await post(s.base, activity('long-text', { text: 'tagliando '.repeat(300) }));
      assert.equal(r.status, 200, r.text.slice(0, 200));
      assert.match(r.body.activities.map((a: Json) => a.text).join('\n'), /troppo lungo/);
    });

    it('value, clientActivityID and membersAdded still work', async () => {
      const joined = await post(s.base, activity('still-works', { type: 'conversationUpdate', membersAdded: [{ id: 'customer' }], text: undefined }));
      assert.equal(joined.status, 200);
      const ask = joined.body.activities.at(-1) as Json;
      const token = ask.suggestedActions.actions[0].value as string;
      const first = await post(s.base, activity('still-works', { text: undefined, value: token, channelData: { clientActivityID: 'click-1' } }));
      assert.equal(first.status, 200);
      assert.ok(first.body.activities.length > 0);
      const again = await post(s.base, activity('still-works', { text: undefined, value: token, channelData: { clientActivityID: 'click-1' } }));
      // Another activity id (replyToId follows it), the same clientActivityID: the first reply again, no second turn.
      const words = (r: typeof first) => (r.body.activities as Json[]).map((a) => [a.text, a.suggestedActions]);
      assert.deepEqual(words(again), words(first), 'the same click, retried, is handled once and answered with the first reply');
    });
  });

  describe('messages per conversation per minute', () => {
    let redis: TestRedis;
    before(async function () {
      redis = await startTestRedis(this);
    });
    after(async () => redis?.dispose());

    it('past the limit: 429 with Retry-After and no turn; other conversations, and the same id on another channel, go on', async () => {
      const s = await start({ MESSAGES_PER_CONVERSATION_PER_MINUTE: '3' });
      try {
        for (let i = 0; i < 3; i++) assert.equal((await post(s.base, activity('chatty'))).status, 200);
        const refused = await post(s.base, activity('chatty'));
        assert.equal(refused.status, 429);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        // The session store counts the turn as it begins, and runs none past the limit.
        const said = (await s.app.sessions.transcript('bf:test:chatty')).filter((e) => e.from === 'customer');
        assert.equal(said.length, 3, 'the fourth message ran no turn');
        assert.ok((await s.handle.lastCall.returnValue).limited, 'the fourth message ran no turn');
        assert.equal((await post(s.base, activity('quiet'))).status, 200);
        assert.equal((await post(s.base, activity('chatty', { channelId: 'emulator' }))).status, 200);
      } finally {
        await s.app.close();
      }
    });

    it('two instances on one Redis share the count', async () => {
      const env = { MESSAGES_PER_CONVERSATION_PER_MINUTE: '3', REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('bf-limit') };
      const [a, b] = await Promise.all([start(env), start(env)]);
      try {
        await Promise.all([whenReady(a.base), whenReady(b.base)]);
        for (const i of [a, b, a]) assert.equal((await post(i.base, activity('shared'))).status, 200);
        assert.equal((await post(b.base, activity('shared'))).status, 429);
      } finally {
        await Promise.all([a.app.close(), b.app.close()]);
      }
    });
  });
  describe('a flood of refused requests costs the log one line a minute per kind', () => {
    let console$: sinon.SinonStub[] = [];
    beforeEach(() => {
      // botbuilder writes to the console itself, past the app's logger and its level.
      console$ = [sinon.stub(console, 'error'), sinon.stub(console, 'warn'), sinon.stub(console, 'log')];
    });
    afterEach(() => console$.forEach((c) => c.restore()));

    const consoleCalls = () => console$.reduce((n, c) => n + c.callCount, 0);
    const loud = (lines: Json[]) => lines.filter((l) => l.level >= 30 && /refused|limit|without a JWT|unauthenticated/i.test(String(l.msg)));
    // Every field wrong, and many members: an activity that yields hundreds of schema issues.
    const garbage = () => ({
      ...activity('garbage'), text: 1, locale: 2, name: 3, from: { id: 4 }, recipient: { id: 5 },
      membersAdded: Array.from({ length: 200 }, (_, i) => ({ id: i, name: i })),
    });

    it('with an app id: requests without a valid JWT (401) and malformed ones (400) write nothing to the console', async () => {
      const logs = capturedLogs();
      const s = await start({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }, logs.logger);
      try {
        for (let i = 0; i < 20; i++) {
          const unsigned = await post(s.base, activity(`flood-${i}`));
          assert.equal(unsigned.status, 401);
          assert.ok(unsigned.text.length < 80, unsigned.text);
          assert.equal((await post(s.base, activity(`flood-${i}`), { authorization: 'Bearer not.a.jwt' })).status, 401);
          assert.equal((await post(s.base, garbage())).status, 400);
        }
        assert.equal(s.handle.callCount, 0);
        assert.equal(consoleCalls(), 0, 'no stack traces on the console');
        assert.ok(loud(logs.lines).length <= 2, JSON.stringify(loud(logs.lines)));
        const bytes = logs.lines.reduce((n, l) => n + JSON.stringify(l).length, 0);
        assert.ok(bytes < 20_000, `${bytes} bytes of log for 60 refused requests`);
      } finally {
        await s.app.close();
      }
    });

    it('anonymous: refused reply routes, handoff.status without a JWT and messages over the limit', async () => {
      const logs = capturedLogs();
      const s = await start({ MESSAGES_PER_CONVERSATION_PER_MINUTE: '1' }, logs.logger);
      try {
        assert.equal((await post(s.base, activity('chatty'))).status, 200);
        for (let i = 0; i < 20; i++) {
          assert.equal((await post(s.base, activity('chatty'))).status, 429);
          assert.equal((await post(s.base, activity('route', { deliveryMode: 'normal', serviceUrl: 'http://198.51.100.1/' }))).status, 400);
          await post(s.base, activity('status', { type: 'event', name: 'handoff.status', value: { state: 'accepted' } }));
        }
        assert.equal(consoleCalls(), 0);
        assert.ok(loud(logs.lines).length <= 3, JSON.stringify(loud(logs.lines)));
      } finally {
        await s.app.close();
      }
    });
  });
});
