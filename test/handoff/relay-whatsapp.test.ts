/**
 * The WhatsApp relay through the real app on loopback: the customer writes through Meta's signed
 * webhook, an advisor answers through the console API, and the answer reaches the customer
 * through the Graph API stand-in — inside the 24-hour window only. Outside it nothing is sent and
 * the console is told to phone the customer (`window-closed`); the customer writing again opens
 * the window again. Only the clock is the test's.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/handoff/advisors';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';

const SECRET = 'app-secret-for-relay-tests';
const PHONE_NUMBER_ID = '106540352242922';
const CUSTOMER = '393471112233';
const CONVERSATION = `whatsapp:${CUSTOMER}`;
const HOUR = 3600_000;

describe('handoff relay: WhatsApp (real app, signed webhooks, Graph API stand-in)', function () {
  this.timeout(30_000);
  let graph: GraphStandIn;
  let app: App;
  let base: string;
  const now = { value: MONDAY_9AM };
  let wamids = 0;
  let advisor: { cookie: string; csrf: string };

  before(async () => {
    graph = await new GraphStandIn().start();
    const passwordHash = await hashPassword('giulia-password', { N: 1024, r: 8, p: 1 });
    app = await createApp(loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url,
      ADVISORS: JSON.stringify([{ id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena', passwordHash }]),
    }), { clock: () => now.value, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    advisor = await login('giulia', 'giulia-password');
  });
  after(async () => {
    await app?.close();
    await graph?.stop();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'passed') assert.deepEqual(graph.violations, [], 'every message within WhatsApp limits');
  });

  async function login(id: string, password: string) {
    const r = await fetch(`${base}/advisor/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, password }) });
    assert.equal(r.status, 200);
    return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await r.json()) as { csrf: string }).csrf };
  }
  async function act(action: 'take' | 'reply' | 'hand-back' | 'close', body?: unknown) {
    const r = await fetch(`${base}/advisor/api/conversations/${encodeURIComponent(CONVERSATION)}/${action}`, {
      method: 'POST',
      headers: { cookie: advisor.cookie, 'x-csrf-token': advisor.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as { delivered?: string; conversation?: { status: string } } };
  }
  async function messages() {
    const r = await fetch(`${base}/advisor/api/conversations/${encodeURIComponent(CONVERSATION)}`, { headers: { cookie: advisor.cookie } });
    assert.equal(r.status, 200);
    return ((await r.json()) as { messages: { from: string; text: string }[] }).messages;
  }

  /** The customer writes (a signed webhook shaped like Meta's, stamped with the test's clock); returns what the bot sent back. */
  async function customerSays(body: string): Promise<Record<string, any>[]> {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{
        id: '102290129340398',
        changes: [{
          field: 'messages',
          value: {
            messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
            contacts: [{ profile: { name: 'Marco Rossi' }, wa_id: CUSTOMER }],
            messages: [{ from: CUSTOMER, id: `wamid.relay-${++wamids}`, timestamp: String(Math.floor(now.value.getTime() / 1000)), type: 'text', text: { body } }],
          },
        }],
      }],
    };
    const raw = JSON.stringify(payload);
    const before = graph.messages.length;
    const res = await fetch(`${base}/api/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}` },
      body: raw,
    });
    assert.equal(res.status, 200);
    // The webhook answers first and works after: wait for the turn itself, then for its sends.
    assert.ok(await app.whatsApp!.drain(10_000), 'the message was processed');
    await graph.settled(100);
    return graph.messages.slice(before);
  }
  const bodyOf = (m: Record<string, any>): string => (m.type === 'text' ? m.text.body : m.type === 'interactive' ? m.interactive.body.text : '');

  it('the customer asks for a person: the handoff remembers how to reach them on WhatsApp', async () => {
    const answer = await customerSays('voglio parlare con una persona');
    assert.ok(answer.length > 0, 'the bot says what happens next');
    const h = await app.handoffStore.get(CONVERSATION);
    assert.equal(h?.status, 'waiting');
    assert.equal(h?.channel, 'whatsapp');
    assert.deepEqual(h?.conversationRef, { channel: 'whatsapp', address: { phone: CUSTOMER } });
  });

  it("an advisor's reply reaches the customer through the Graph API, after the joined notice", async () => {
    graph.reset();
    const r = await act('reply', { text: 'Buongiorno Marco, sono Giulia: mi dica pure.' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    assert.equal(r.body.conversation?.status, 'active');
    await graph.settled(100);
    const sent = graph.messages;
    assert.equal(sent.length, 2, JSON.stringify(sent));
    for (const m of sent) {
      assert.equal(m.to, CUSTOMER);
      assert.equal(m.type, 'text');
    }
    assert.match(bodyOf(sent[0]), /Giulia Bianchi, consulente, è ora in conversazione/);
    assert.equal(bodyOf(sent[1]), '*Giulia Bianchi* (consulente)\nBuongiorno Marco, sono Giulia: mi dica pure.');
    const request = graph.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `/v21.0/${PHONE_NUMBER_ID}/messages`);
    assert.equal(request.headers.authorization, 'Bearer graph-token');
  });

  it('the customer answers: the bot stays silent and the advisor sees the message', async () => {
    const answer = await customerSays('la Ghibli fa un rumore strano');
    assert.deepEqual(answer, [], 'the bot does not answer while the advisor holds the conversation');
    assert.ok((await messages()).some((m) => m.from === 'customer' && m.text === 'la Ghibli fa un rumore strano'));
  });

  it('outside the 24-hour window nothing is sent and the console is told to phone the customer', async () => {
    now.value = new Date(now.value.getTime() + 24 * HOUR + 60_000);
    graph.reset();
    const r = await act('reply', { text: 'Ha ancora bisogno di aiuto?' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'window-closed');
    await graph.settled(100);
    assert.equal(graph.requests.length, 0, 'no free-form message outside the window');
    // The reply is still in the conversation, for the advisor and the next handoff.
    assert.ok((await messages()).some((m) => m.from === 'advisor' && m.text === 'Ha ancora bisogno di aiuto?'));
    const h = await app.handoffStore.get(CONVERSATION);
    assert.equal(h?.status, 'active', 'the advisor keeps the conversation');
  });

  it('the customer writing again reopens the window: the next reply is sent', async () => {
    assert.deepEqual(await customerSays('sì, scusi il ritardo'), []);
    graph.reset();
    const r = await act('reply', { text: 'Nessun problema.' });
    assert.equal(r.body.delivered, 'sent');
    await graph.settled(100);
    assert.deepEqual(graph.messages.map(bodyOf), ['*Giulia Bianchi* (consulente)\nNessun problema.']);
  });

  it('Meta saying the window has closed (131047) is the same for the console: phone the customer', async () => {
    graph.reset();
    graph.failNext(1, { status: 400, body: { error: { message: 'Re-engagement message', code: 131047 } } });
    const r = await act('reply', { text: 'Mi sente?' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'window-closed');
    assert.equal(graph.requests.length, 1, 'tried once: a 4xx is not retried');
  });

  it('a send Meta refuses for another reason: the console hears it did not reach the customer', async () => {
    graph.reset();
    graph.failNext(1, { status: 400, body: { error: { message: 'Message undeliverable', code: 131026 } } });
    const r = await act('reply', { text: 'Mi sente ora?' });
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'unreachable');
    assert.equal((await app.handoffStore.get(CONVERSATION))?.status, 'active');
  });

  it("hand-back: the bot's own words reach the customer through the Graph API", async () => {
    graph.reset();
    const r = await act('hand-back');
    assert.equal(r.status, 200);
    assert.equal(r.body.delivered, 'sent');
    assert.equal(r.body.conversation?.status, 'closed');
    await graph.settled(100);
    assert.ok(graph.messages.length >= 1);
    assert.ok(graph.messages.every((m) => m.to === CUSTOMER));
    assert.match(graph.messages.map(bodyOf).join('\n'), /riprendiamo da dove eravamo rimasti/);
    // …and the bot answers the customer again by itself.
    assert.ok((await customerSays('grazie')).length > 0);
  });
});
