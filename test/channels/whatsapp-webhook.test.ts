/**
 * The WhatsApp channel through the real app on loopback: Meta's webhook (signed payloads shaped
 * like Meta's) in, the Graph API stand-in out. Only the clock is fixed.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';

const SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-me';
const PHONE_NUMBER_ID = '106540352242922';

function whatsAppEnv(graphUrl: string): Record<string, string> {
  return {
    PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
    WHATSAPP_VERIFY_TOKEN: VERIFY, WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_GRAPH_URL: graphUrl,
  };
}

const sign = (raw: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const seconds = () => String(Math.floor(MONDAY_9AM.getTime() / 1000));

interface Customer {
  phone: string;
  userId?: string;
  name?: string;
}

/** The `value` of a `messages` change, as Meta sends it. */
function envelope(value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
      }],
    }],
  };
}

function inbound(c: Customer, message: Record<string, unknown>) {
  return envelope({
    contacts: [{ profile: { name: c.name ?? 'Marco Rossi' }, wa_id: c.phone, ...(c.userId ? { user_id: c.userId } : {}) }],
    messages: [{ from: c.phone, timestamp: seconds(), ...message }],
  });
}

let wamids = 0;
const wamid = () => `wamid.HBgLMzkzNDc${++wamids}AA==`;
const text = (c: Customer, body: string, id = wamid()) => inbound(c, { id, type: 'text', text: { body } });
const buttonReply = (c: Customer, id: string, title = id) => inbound(c, { id: wamid(), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
const listReply = (c: Customer, id: string, title = id) => inbound(c, { id: wamid(), type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title, description: '' } } });
const templateButton = (c: Customer, payload: string) => inbound(c, { id: wamid(), type: 'button', button: { payload, text: payload } });

/** Choice ids of an interactive message body, in order. */
function idsOf(m: Record<string, any>): string[] {
  if (m.type !== 'interactive') return [];
  const i = m.interactive;
  return i.type === 'button' ? i.action.buttons.map((b: any) => b.reply.id) : i.action.sections.flatMap((s: any) => s.rows.map((r: any) => r.id));
}
const bodyOf = (m: Record<string, any>): string => (m.type === 'text' ? m.text.body : m.type === 'interactive' ? m.interactive.body.text : '');

describe('WhatsApp webhook /api/whatsapp (real app, Graph API stand-in)', () => {
  let graph: GraphStandIn;
  let app: App;
  let base: string;

  before(async () => {
    graph = await new GraphStandIn().start();
    app = await createApp(loadConfig(whatsAppEnv(graph.url)), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app.close();
    await graph.stop();
  });
  beforeEach(() => graph.reset());
  afterEach(function () {
    if (this.currentTest?.state === 'passed') assert.deepEqual(graph.violations, [], 'every message within WhatsApp limits');
  });

  async function post(payload: unknown, headers: Record<string, string> = {}, raw = JSON.stringify(payload)) {
    return fetch(`${base}/api/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw), ...headers },
      body: raw,
    });
  }
  /** Sends a signed webhook and returns what the bot sent in answer. */
  async function send(payload: unknown): Promise<Record<string, any>[]> {
    const before = graph.messages.length;
    const res = await post(payload);
    assert.equal(res.status, 200);
    await graph.settled();
    return graph.messages.slice(before);
  }

  describe('verification (GET)', () => {
    it('answers the challenge as text/plain with the right token', async () => {
      const res = await fetch(`${base}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(await res.text(), '1158201444');
    });

    it('refuses a wrong token or mode with 403', async () => {
      for (const q of [`hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, `hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`, '']) {
        const res = await fetch(`${base}/api/whatsapp?${q}`);
        assert.equal(res.status, 403, q);
        assert.notEqual(await res.text(), '1');
      }
    });
  });

  describe('signature (POST)', () => {
    const c: Customer = { phone: '393471110001' };

    it('refuses a missing, malformed or wrong signature with 403 and sends nothing', async () => {
      const payload = text(c, 'tagliando');
      const raw = JSON.stringify(payload);
      const cases: Record<string, string>[] = [
        { 'x-hub-signature-256': '' },
        { 'x-hub-signature-256': 'sha256=zz' },
        { 'x-hub-signature-256': sign(raw, 'another-secret') },
        { 'x-hub-signature-256': sign(raw).replace('sha256=', 'sha1=') },
      ];
      for (const headers of cases) assert.equal((await post(payload, headers)).status, 403, JSON.stringify(headers));
      // A body changed after signing (one space more) is not what Meta signed.
      assert.equal((await post(payload, { 'x-hub-signature-256': sign(raw) }, `${raw} `)).status, 403);
      await graph.settled();
      assert.equal(graph.requests.length, 0);
    });

    it('refuses a signed body that is not a WhatsApp webhook with 400, without side effects', async () => {
      assert.equal((await post({ object: 'page', entry: [] })).status, 400);
      await graph.settled();
      assert.equal(graph.requests.length, 0);
    });

    it('ignores changes for another phone number of the app', async () => {
      const payload = envelope({ contacts: [{ wa_id: c.phone }], messages: [{ from: c.phone, id: wamid(), timestamp: seconds(), type: 'text', text: { body: 'ciao' } }] }, '999');
      assert.equal((await post(payload)).status, 200);
      await graph.settled();
      assert.equal(graph.requests.length, 0);
    });
  });

  it('answers 200 before the turn is processed', async () => {
    const res = await post(text({ phone: '393471110002' }, 'Buongiorno'));
    assert.equal(res.status, 200);
    // Nothing sent yet when the webhook is answered: processing comes after.
    assert.equal(graph.messages.length, 0);
    await graph.settled();
    assert.ok(graph.messages.length > 0);
  });

  it('sends with the Bearer token to /{phone-number-id}/messages, to the phone number', async () => {
    const c: Customer = { phone: '393471110003', userId: 'IT.13491208655302741918' };
    await send(text(c, 'Buongiorno'));
    assert.ok(graph.requests.length > 0);
    for (const r of graph.requests) {
      assert.equal(r.method, 'POST');
      assert.equal(r.url, `/v21.0/${PHONE_NUMBER_ID}/messages`);
      assert.equal(r.headers.authorization, 'Bearer graph-token');
      assert.equal(r.body.to, c.phone);
    }
  });

  it('books end to end by text, confirms with a reply button and sends the receipt', async () => {
    const c: Customer = { phone: '393471110004', userId: 'IT.40000000000000000001' };
    const first = await send(text(c, 'Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando giovedì mattina, prendo un taxi'));
    const confirm = first.at(-1)!;
    assert.equal(confirm.type, 'interactive');
    assert.equal(confirm.interactive.type, 'button');
    assert.deepEqual(idsOf(confirm), ['yes', 'no']);
    assert.deepEqual(confirm.interactive.action.buttons.map((b: any) => b.reply.title), ['Confermo', 'Vorrei cambiare']);

    const done = await send(buttonReply(c, 'yes', 'Confermo'));
    const all = done.map(bodyOf).join('\n');
    assert.match(all, /Prenotazione confermata, il numero è (\S+)\./);
    const reference = /il numero è (\S+)\./.exec(all)![1];
    const receipt = done.find((m) => m.type === 'text' && m.text.body.startsWith(`Prenotazione ${reference}`));
    assert.ok(receipt, all);
    assert.match(receipt.text.body, /Accettazione: giovedì 3 dicembre/);
    assert.match(receipt.text.body, /Mobilità: Taxi/);
    assert.match(receipt.text.body, /Vettura pronta: /);
  });

  it('books end to end by list and button replies only (and typed answers where a question has no choices)', async () => {
    const c: Customer = { phone: '393471110005' };
    let out = await send(text(c, 'Buongiorno'));
    const seen: string[] = [];
    for (let step = 0; step < 14 && !out.some((m) => m.type === 'text' && /^Prenotazione \S+\n/.test(m.text.body)); step++) {
      const ask = out.at(-1)!;
      const ids = idsOf(ask);
      seen.push(ask.type === 'interactive' ? ask.interactive.type : 'text');
      const pick = ['service:maintenance', 'mobility:taxi', 'date:asap', 'slot:1', 'yes'].find((id) => ids.includes(id));
      if (pick) out = await send(ask.interactive.type === 'list' ? listReply(c, pick) : buttonReply(c, pick));
      else if (/targa/.test(bodyOf(ask))) out = await send(text(c, 'GH123KL'));
      else if (/nome/.test(bodyOf(ask))) out = await send(text(c, 'Marco Rossi'));
      else assert.fail(`unexpected question: ${JSON.stringify(ask)}`);
    }
    assert.ok(out.some((m) => m.type === 'text' && /^Prenotazione \S+\n/.test(m.text.body)), JSON.stringify(out));
    // The service (4 choices) and mobility (long Italian titles) questions came as lists.
    assert.ok(seen.includes('list'), seen.join());
    assert.ok(seen.includes('button'), seen.join());
  });

  it('takes a template quick reply (button payload) as the token', async () => {
    const c: Customer = { phone: '393471110006' };
    await send(text(c, 'Buongiorno'));
    const out = await send(templateButton(c, 'service:tyres'));
    assert.ok(out.length > 0);
    assert.doesNotMatch(out.map(bodyOf).join('\n'), /non ho capito/i);
  });

  it('processes a duplicate wamid once', async () => {
    const c: Customer = { phone: '393471110007' };
    const payload = text(c, 'Buongiorno', 'wamid.same-message');
    const first = await send(payload);
    assert.ok(first.length > 0);
    const again = await send(payload);
    assert.equal(again.length, 0);
  });

  it('records statuses (in any order) without answering them', async () => {
    const statuses = ['read', 'delivered', 'sent', 'failed'].map((status) => ({
      id: 'wamid.out-status', status, timestamp: seconds(), recipient_id: '393471110008',
      ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable' }] } : {}),
    }));
    assert.equal((await post(envelope({ statuses }))).status, 200);
    await graph.settled();
    assert.equal(graph.requests.length, 0);
  });

  it('answers an image politely that it reads only text, in the language of the number', async () => {
    const it = await send(inbound({ phone: '393471110009' }, { id: wamid(), type: 'image', image: { id: '1', mime_type: 'image/jpeg', sha256: 'x' } }));
    assert.equal(it.length, 1);
    assert.match(it[0].text.body, /solo messaggi di testo/);
    const en = await send(inbound({ phone: '447700900123' }, { id: wamid(), type: 'location', location: { latitude: 44.6, longitude: 10.9 } }));
    assert.match(en[0].text.body, /only read text/);
  });

  it('speaks English to a non-Italian number', async () => {
    const out = await send(text({ phone: '447700900124' }, 'Hello'));
    assert.match(out.map(bodyOf).join('\n'), /welcome/i);
  });

  it('keys the conversation on the business-scoped user id and reaches a username-only customer by it', async () => {
    const userId = 'IT.50000000000000000002';
    const payload = envelope({
      contacts: [{ profile: { name: 'Giulia' }, user_id: userId }],
      messages: [{ id: wamid(), timestamp: seconds(), type: 'text', text: { body: 'Buongiorno' } }],
    });
    await send(payload);
    assert.ok(graph.messages.length > 0);
    for (const m of graph.messages) {
      assert.equal(m.recipient, userId);
      assert.equal(m.to, undefined);
    }
  });

  it('retries a send after 500 and 429, then succeeds', async () => {
    graph.failNext(1, { status: 500 });
    graph.failNext(1, { status: 429, headers: { 'retry-after': '0' } });
    const out = await send(text({ phone: '393471110010' }, 'Buongiorno'));
    // The first message was tried three times, then every message went through once.
    const bodies = graph.requests.map((r) => JSON.stringify(r.body));
    assert.ok(out.length >= 3);
    assert.equal(bodies[0], bodies[1]);
    assert.equal(bodies[1], bodies[2]);
    assert.equal(new Set(bodies.slice(2)).size, bodies.length - 2);
  });
});

describe('WhatsApp webhook without settings', () => {
  it('is off (404) unless the four settings are set', async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, WHATSAPP_VERIFY_TOKEN: VERIFY, WHATSAPP_APP_SECRET: SECRET };
    const app = await createApp(loadConfig(env), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    const base = `http://127.0.0.1:${(await app.listen()).port}`;
    try {
      assert.equal((await fetch(`${base}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).status, 404);
      const raw = JSON.stringify(text({ phone: '393471110011' }, 'ciao'));
      const res = await fetch(`${base}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
      assert.equal(res.status, 404);
    } finally {
      await app.close();
    }
  });
});

describe('WhatsApp webhook at shutdown', () => {
  it('finishes the messages already accepted before the app closes its stores', async () => {
    const graph = await new GraphStandIn().start();
    const app = await createApp(loadConfig(whatsAppEnv(graph.url)), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    const base = `http://127.0.0.1:${(await app.listen()).port}`;
    try {
      const raw = JSON.stringify(text({ phone: '393471110012' }, 'Buongiorno, tagliando per la Levante GH123KL'));
      const res = await fetch(`${base}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw), connection: 'close' }, body: raw });
      assert.equal(res.status, 200);
      assert.equal(graph.messages.length, 0);
      await app.close();
      // Everything the turn had to say went out before close() resolved.
      const sent = graph.messages.length;
      assert.ok(sent >= 2, String(sent));
      await graph.settled(200);
      assert.equal(graph.messages.length, sent);
    } finally {
      await graph.stop();
    }
  });
});
