/**
 * Issue #13 on WhatsApp, through the real app: signed webhooks in, the Graph API stand-in out.
 * Right under the receipt the calendar file goes as a document — uploaded first
 * (`POST /{phone-number-id}/media`, multipart: messaging_product, type, file), then a `document`
 * message naming the media id, with its .ics filename and a caption — and only then the
 * reminder question.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { GraphStandIn } from '../support/graph-stand-in';
import { icsInstant, parseIcs } from './words';

const SECRET = 'app-secret-for-tests';
const PHONE_NUMBER_ID = '106540352242922';
const PHONE = '393471234567';

describe('WhatsApp: the calendar file as a document (issue #13)', () => {
  let graph: GraphStandIn;
  let app: App;
  let base: string;
  let n = 0;

  before(async () => {
    graph = await new GraphStandIn().start();
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE,
      WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_GRAPH_URL: graph.url,
    });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app.close();
    await graph.stop();
  });

  /** A customer's text message, signed as Meta signs it; resolves once the bot has answered. */
  async function says(body: string) {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
        contacts: [{ profile: { name: 'Marco Rossi' }, wa_id: PHONE }],
        messages: [{ from: PHONE, id: `wamid.cal${++n}`, timestamp: String(Math.floor(MONDAY_9AM.getTime() / 1000)), type: 'text', text: { body } }],
      } }] }],
    };
    const raw = JSON.stringify(payload);
    const before = graph.requests.length;
    const res = await fetch(`${base}/api/whatsapp`, {
      method: 'POST', body: raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}` },
    });
    assert.equal(res.status, 200);
    await graph.settled();
    return graph.requests.slice(before);
  }

  it('the receipt, the .ics uploaded and sent as a document, then the reminder question', async () => {
    await says('Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi');
    const turn = await says('sì');
    const kinds = turn.map((r) => (r.url.endsWith('/media') ? 'upload' : r.body.type));
    const receiptAt = turn.findIndex((r) => /confermata/.test(r.body.text?.body ?? r.body.interactive?.body?.text ?? ''));
    assert.ok(receiptAt >= 0, JSON.stringify(turn.map((r) => r.body)));
    // the receipt (its text and its summary), then the upload and the document, then the question
    const uploadAt = kinds.indexOf('upload');
    assert.ok(uploadAt > receiptAt, JSON.stringify(kinds));
    assert.deepEqual(kinds.slice(uploadAt), ['upload', 'document', 'interactive'], JSON.stringify(kinds));
    const [upload, document] = [turn[uploadAt], turn[uploadAt + 1]];
    // the upload, as Meta documents it
    assert.equal(upload.method, 'POST');
    assert.equal(upload.url, `/v21.0/${PHONE_NUMBER_ID}/media`);
    assert.equal(upload.headers.authorization, 'Bearer graph-token');
    assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.equal(upload.body.messaging_product, 'whatsapp');
    assert.equal(upload.body.type, 'text/plain');
    assert.match(upload.body.file.name, /^appuntamento-MC-[A-Z0-9]+\.ics$/);
    const reservation = (await app.planning.list({ status: ['confirmed'] }))[0];
    const { events } = parseIcs(upload.body.file.text);
    assert.equal(icsInstant(events[0].DTSTART), Date.parse(reservation.appointmentAt));
    // the document message names the uploaded media
    assert.equal(document.url, `/v21.0/${PHONE_NUMBER_ID}/messages`);
    assert.equal(document.body.to, PHONE);
    assert.equal(document.body.type, 'document');
    assert.match(document.body.document.id, /^media-\d+$/);
    assert.equal(document.body.document.filename, upload.body.file.name);
    assert.match(document.body.document.caption, new RegExp(reservation.reference));
    // the question comes after, as buttons
    const question = turn.at(-1)!.body;
    assert.equal(question.type, 'interactive');
    assert.match(question.interactive.body.text, /promemoria/);
    assert.deepEqual(question.interactive.action.buttons.map((b: { reply: { title: string } }) => b.reply.title), ['Sì, grazie', 'No, grazie']);
    assert.deepEqual(graph.violations, []);
  });

  it('"si" to the question → the consent is kept with the number', async () => {
    const turn = await says('si');
    assert.match(turn.map((r) => r.body.text?.body ?? r.body.interactive?.body?.text ?? '').join('\n'), /Le mando un promemoria/);
    const reservation = (await app.planning.list({ status: ['confirmed'] }))[0];
    const record = await (app as unknown as { reminders: { deps: { store: { get(r: string): Promise<unknown> } } } }).reminders.deps.store.get(reservation.reference);
    assert.deepEqual((record as { reach: unknown }).reach, { channel: 'whatsapp', address: { phone: PHONE } });
  });
});
