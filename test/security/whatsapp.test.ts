/**
 * The WhatsApp webhook's trust edge, through the real app on loopback: signed payloads in Meta's
 * documented shapes in, the Graph API stand-in out. Reactions and system notices are logged and
 * left alone; an interactive reply we cannot read gets the polite "text only"; a number over
 * MESSAGES_PER_CONVERSATION_PER_MINUTE gets no turn and one "slow down" per window, and Meta
 * always gets its 200. Limits are shared by two instances through a real redis-server.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { capturingLogger } from '../support/capturing-logger';
import { whenReady } from '../support/bot-client';
import { MAX_MESSAGE_LENGTH } from '../../dialogs/events';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const SECRET = 'app-secret-for-tests';
const PHONE_NUMBER_ID = '106540352242922';

function whatsAppEnv(graphUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
    WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_GRAPH_URL: graphUrl, ...extra,
  };
}

const sign = (raw: string) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
const seconds = () => String(Math.floor(MONDAY_9AM.getTime() / 1000));
let wamids = 0;
const wamid = () => `wamid.HBgLMzkzNDcxMjM0NTY3FQIAEhgUM0VCMD${++wamids}AA==`;

/** A `messages` change, as Meta sends it (webhooks reference, messages). */
function envelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, ...value },
      }],
    }],
  };
}
const contacts = (phone: string) => [{ profile: { name: 'Marco Rossi' }, wa_id: phone }];
const fromCustomer = (phone: string, message: Record<string, unknown>) =>
  envelope({ contacts: contacts(phone), messages: [{ from: phone, id: wamid(), timestamp: seconds(), ...message }] });
const text = (phone: string, body: string) => fromCustomer(phone, { type: 'text', text: { body } });
/** Reaction messages webhook reference: `emoji` is omitted when the customer removes the reaction. */
const reaction = (phone: string, reactedTo: string, emoji?: string) =>
  fromCustomer(phone, { type: 'reaction', reaction: { message_id: reactedTo, ...(emoji ? { emoji } : {}) } });
/** System messages webhook reference: a changed number; no `contacts` array. */
const numberChanged = (phone: string, newPhone: string) => envelope({
  messages: [{
    from: phone, id: wamid(), timestamp: seconds(), type: 'system',
    system: { body: `User Marco Rossi changed from ${phone} to ${newPhone}`, wa_id: newPhone, type: 'user_changed_number' },
  }],
});
/** A WhatsApp Flow's answer (Flows, response message webhook): interactive of subtype nfm_reply. */
const flowReply = (phone: string) => fromCustomer(phone, {
  context: { from: '15550783881', id: 'gBGGEiRVVgBPAgm7FUgc73noXjo' },
  type: 'interactive',
  interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t-1","service":"tyres"}' } },
});

describe('security: the WhatsApp webhook', function () {
  this.timeout(30_000);
  const lines: Record<string, any>[] = [];
  let graph: GraphStandIn;
  let app: App;
  let base: string;

  before(async () => {
    graph = await new GraphStandIn().start();
    app = await createApp(loadConfig(whatsAppEnv(graph.url, { MESSAGES_PER_CONVERSATION_PER_MINUTE: '2' })), { clock: () => MONDAY_9AM, logger: capturingLogger(lines) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app?.close();
    await graph?.stop();
  });
  beforeEach(() => graph.reset());

  async function post(at: string, payload: unknown): Promise<number> {
    const raw = JSON.stringify(payload);
    const res = await fetch(`${at}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
    await res.arrayBuffer();
    return res.status;
  }
  /** Posts a signed webhook (Meta must get 200) and returns what the bot sent in answer. */
  async function send(payload: unknown, at = base): Promise<Record<string, any>[]> {
    const before = graph.messages.length;
    assert.equal(await post(at, payload), 200);
    await graph.settled();
    return graph.messages.slice(before);
  }
  const bodies = (out: Record<string, any>[]) => out.map((m) => (m.type === 'text' ? m.text.body : m.interactive?.body?.text ?? '')).join('\n');
  const logged = (from: number, conversation: string) => lines.slice(from).filter((l) => l.conversation === conversation);

  describe('messages that are not for the dialogue', () => {
    it('a reaction, and its removal, are logged and neither answered nor written in the conversation', async () => {
      const phone = '393471120001';
      const conversation = `whatsapp:${phone}`;
      const first = await send(text(phone, 'Buongiorno'));
      assert.ok(first.length > 0);
      const transcript = await app.sessions.transcript(conversation);
      const from = lines.length;
      assert.deepEqual(await send(reaction(phone, 'wamid.out-1', '👍')), []);
      assert.deepEqual(await send(reaction(phone, 'wamid.out-1')), []);
      assert.deepEqual(await app.sessions.transcript(conversation), transcript);
      const notes = logged(from, conversation);
      assert.equal(notes.length, 2, JSON.stringify(lines.slice(from)));
      for (const n of notes) assert.equal(n.type, 'reaction');
      assert.ok(notes.every((n) => n.level <= 30), 'debug or info');
    });

    it('a system notice (the customer changed number) is logged and neither answered nor written in the conversation', async () => {
      const phone = '393471120002';
      const conversation = `whatsapp:${phone}`;
      const from = lines.length;
      assert.deepEqual(await send(numberChanged(phone, '393471120099')), []);
      assert.deepEqual(await app.sessions.transcript(conversation), []);
      assert.deepEqual(await app.sessions.transcript('whatsapp:393471120099'), []);
      const notes = logged(from, conversation);
      assert.equal(notes.length, 1, JSON.stringify(lines.slice(from)));
      assert.equal(notes[0].type, 'system');
      assert.equal(notes[0].subtype, 'user_changed_number');
      assert.doesNotMatch(JSON.stringify(notes[0]), /Marco Rossi/, 'the notice\'s words (a name) stay out of the log');
    });

    it('an interactive reply of a subtype we cannot read (a Flow answer) gets one polite "text only", and a log line', async () => {
      const phone = '393471120003';
      const conversation = `whatsapp:${phone}`;
      const from = lines.length;
      const out = await send(flowReply(phone));
      assert.equal(out.length, 1, JSON.stringify(out));
      assert.match(out[0].text.body, /solo messaggi di testo/);
      assert.deepEqual(await app.sessions.transcript(conversation), []);
      assert.ok(logged(from, conversation).some((l) => /interactive/.test(String(l.type))), JSON.stringify(lines.slice(from)));
    });

    it('any other type (a sticker, Meta\'s "unsupported") still gets the polite "text only"', async () => {
      const sticker = await send(fromCustomer('447700900201', { type: 'sticker', sticker: { id: '1', mime_type: 'image/webp', sha256: 'x', animated: false } }));
      assert.equal(sticker.length, 1);
      assert.match(sticker[0].text.body, /only read text/);
      const unsupported = await send(fromCustomer('447700900202', { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] }));
      assert.equal(unsupported.length, 1);
      assert.match(unsupported[0].text.body, /only read text/);
    });
  });

  it('a flood of unsigned or wrongly signed webhooks: 403 each, one log line a minute', async () => {
    const from = lines.length;
    for (let i = 0; i < 20; i++) {
      const raw = JSON.stringify(text('393471120099', `spoof ${i}`));
      const res = await fetch(`${base}/api/whatsapp`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(i % 2 ? { 'x-hub-signature-256': 'sha256=00' } : {}) }, body: raw,
      });
      assert.equal(res.status, 403);
      await res.arrayBuffer();
    }
    assert.equal(graph.messages.length, 0);
    const loud = lines.slice(from).filter((l) => l.level >= 30 && /signature/.test(String(l.msg)));
    assert.ok(loud.length <= 1, JSON.stringify(loud));
  });

  describe('messages per number per minute (limit 2 here)', () => {
    it('over the limit: Meta gets 200, no turn, one "slow down" and one log line per window; other numbers go on', async () => {
      const phone = '393471120010';
      const conversation = `whatsapp:${phone}`;
      const from = lines.length;
      assert.ok((await send(text(phone, 'Buongiorno'))).length > 0);
      assert.ok((await send(text(phone, 'vorrei fare il tagliando'))).length > 0);
      const third = await send(text(phone, 'la Levante GH123KL'));
      assert.equal(third.length, 1, JSON.stringify(third));
      assert.match(third[0].text.body, /un minuto/);
      for (const t of ['giovedì', 'mattina', 'prendo un taxi']) assert.deepEqual(await send(text(phone, t)), []);
      // Neither the refused messages nor the notice are in the conversation.
      const said = (await app.sessions.transcript(conversation)).filter((e) => e.from === 'customer').map((e) => e.text);
      assert.deepEqual(said, ['Buongiorno', 'vorrei fare il tagliando']);
      const warnings = logged(from, conversation).filter((l) => /limit/.test(l.msg));
      assert.equal(warnings.length, 1, JSON.stringify(lines.slice(from)));
      // Another number has its own count.
      assert.ok((await send(text('393471120011', 'Buongiorno'))).length > 0);
    });

    it('counts the number, not the message: a burst in one webhook is limited too', async () => {
      const phone = '447700900210';
      const payload = envelope({
        contacts: contacts(phone),
        messages: ['Hello', 'I need', 'a service', 'for my car'].map((body) => ({ from: phone, id: wamid(), timestamp: seconds(), type: 'text', text: { body } })),
      });
      const out = await send(payload);
      const said = (await app.sessions.transcript(`whatsapp:${phone}`)).filter((e) => e.from === 'customer').map((e) => e.text);
      assert.deepEqual(said, ['Hello', 'I need']);
      assert.equal(out.filter((m) => m.type === 'text' && /in a minute/.test(m.text.body)).length, 1, bodies(out));
    });
  });

  describe('with two instances on one Redis', () => {
    let redis: TestRedis;
    let second: { app: App; base: string } | undefined;
    let first: { app: App; base: string } | undefined;

    before(async function () {
      redis = await startTestRedis(this);
      const env = whatsAppEnv(graph.url, { MESSAGES_PER_CONVERSATION_PER_MINUTE: '2', REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('wa') });
      const start = async () => {
        const a = await createApp(loadConfig(env), { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
        const base = `http://127.0.0.1:${(await a.listen()).port}`;
        // Until its Redis connection is up an instance counts in memory: wait as a load balancer would.
        await whenReady(base);
        return { app: a, base };
      };
      first = await start();
      second = await start();
    });
    after(async () => {
      await first?.app.close();
      await second?.app.close();
      await redis?.dispose();
    });

    it('shares the count: the third message, on the other instance, gets no turn', async () => {
      const phone = '393471120020';
      assert.ok((await send(text(phone, 'Buongiorno'), first!.base)).length > 0);
      assert.ok((await send(text(phone, 'tagliando'), second!.base)).length > 0);
      const third = await send(text(phone, 'la Levante GH123KL'), first!.base);
      assert.equal(third.length, 1, JSON.stringify(third));
      const said = (await first!.app.sessions.transcript(`whatsapp:${phone}`)).filter((e) => e.from === 'customer').map((e) => e.text);
      assert.deepEqual(said, ['Buongiorno', 'tagliando']);
    });
  });

  describe('a text longer than a message may be', () => {
    it('is not written whole in the transcript', async () => {
      const phone = '393471120030';
      const long = `Buongiorno, ${'la mia Levante fa un rumore strano. '.repeat(110)}`;
      assert.ok(long.length > MAX_MESSAGE_LENGTH && long.length <= 4096, 'WhatsApp allows it (4096)');
      const out = await send(text(phone, long));
      assert.ok(out.length > 0, 'answered');
      const said = (await app.sessions.transcript(`whatsapp:${phone}`)).filter((e) => e.from === 'customer');
      assert.equal(said.length, 1);
      assert.ok(said[0].text.length < long.length, `stored ${said[0].text.length} characters of ${long.length}`);
      assert.ok(said[0].text.length <= MAX_MESSAGE_LENGTH + 1, `stored ${said[0].text.length} characters`);
    });
  });
});
