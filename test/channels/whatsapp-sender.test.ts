/**
 * Sending: the 24-hour window, templates outside it, retries and timeouts, against the Graph
 * API stand-in; delivery statuses in any order; the signature check on raw bytes.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryContactWindow } from '../../src/channels/whatsapp/contact-window';
import { GraphApiError, OutsideWindowError } from '../../src/channels/whatsapp/errors';
import { createGraphClient } from '../../src/channels/whatsapp/graph-client';
import { localeOfPhone } from '../../src/channels/whatsapp/phone-locale';
import { createSender } from '../../src/channels/whatsapp/sender';
import { validSignature } from '../../src/channels/whatsapp/signature';
import { StatusLog } from '../../src/channels/whatsapp/statuses';
import { GraphStandIn } from '../support/graph-stand-in';

const HOUR = 3600_000;

describe('WhatsApp sending (Graph API stand-in)', () => {
  let graph: GraphStandIn;
  let now: Date;
  const clock = () => now;
  const customer = { phone: '393471234567' };
  const conversation = 'whatsapp:393471234567';

  before(async () => (graph = await new GraphStandIn().start()));
  after(async () => graph.stop());
  beforeEach(() => {
    graph.reset();
    now = new Date('2026-11-30T08:00:00Z');
  });

  const client = (options: { retries?: number; timeoutMs?: number; url?: string } = {}) =>
    createGraphClient({ graphUrl: options.url ?? graph.url, phoneNumberId: 'PNID', token: 'T', initialDelayMs: 5, maxDelayMs: 20, ...options });

  it('sends text and interactive inside the 24-hour window, and refuses them after it', async () => {
    const window = createMemoryContactWindow();
    const sender = createSender(client(), window, clock);
    await window.recordInbound(conversation, now);
    now = new Date(now.getTime() + 23 * HOUR);
    assert.match((await sender.sendText(customer, 'Ciao'))!, /^wamid\./);
    await sender.sendInteractive(customer, { type: 'interactive', interactive: { type: 'button', body: { text: 'Confermo?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Sì' } }] } } });
    assert.equal(graph.requests.length, 2);

    now = new Date(now.getTime() + 2 * HOUR);
    await assert.rejects(sender.sendText(customer, 'Ciao'), OutsideWindowError);
    await assert.rejects(sender.sendInteractive(customer, { type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Sì' } }] } } }), OutsideWindowError);
    await assert.rejects(createSender(client(), window, clock).sendText({ phone: '390000' }, 'never wrote'), OutsideWindowError);
    assert.equal(graph.requests.length, 2, 'nothing sent outside the window');
  });

  it('sends a template outside the window', async () => {
    const sender = createSender(client(), createMemoryContactWindow(), clock);
    const components = [{ type: 'body', parameters: [{ type: 'text', text: 'giovedì 3 dicembre' }] }];
    await sender.sendTemplate(customer, 'appointment_reminder', 'it', components);
    assert.deepEqual(graph.requests[0].body, {
      messaging_product: 'whatsapp', recipient_type: 'individual', to: customer.phone, type: 'template',
      template: { name: 'appointment_reminder', language: { code: 'it' }, components },
    });
    assert.equal(graph.requests[0].headers.authorization, 'Bearer T');
    assert.equal(graph.requests[0].url, '/v21.0/PNID/messages');
  });

  it("treats Meta's re-engagement error (131047) as the window being closed", async () => {
    const window = createMemoryContactWindow();
    await window.recordInbound(conversation, now);
    graph.failNext(1, { status: 400, body: { error: { code: 131047, message: 'Re-engagement message' } } });
    await assert.rejects(createSender(client(), window, clock).sendText(customer, 'Ciao'), OutsideWindowError);
  });

  it('retries 500 and 429, then succeeds', async () => {
    graph.failNext(2, { status: 500 });
    graph.failNext(1, { status: 429, body: { error: { code: 130429, message: 'Rate limit hit' } } });
    const id = await client().send({ to: '39347', type: 'text', text: { body: 'x' } });
    assert.match(id!, /^wamid\./);
    assert.equal(graph.requests.length, 4);
  });

  it('gives up after its retries with the last error, and never retries a 4xx', async () => {
    graph.failNext(5, { status: 503 });
    await assert.rejects(client({ retries: 2 }).send({ to: '1', type: 'text', text: { body: 'x' } }), (e: unknown) => e instanceof GraphApiError && e.status === 503);
    assert.equal(graph.requests.length, 3);
    graph.reset();
    graph.failNext(1, { status: 400, body: { error: { code: 100, message: 'Invalid parameter' } } });
    await assert.rejects(client().send({ to: '1', type: 'text', text: { body: 'x' } }), (e: unknown) => e instanceof GraphApiError && e.code === 100);
    assert.equal(graph.requests.length, 1);
  });

  it('times out a hanging request and retries it', async () => {
    let calls = 0;
    const slow = http.createServer((req, res) => {
      calls++;
      req.resume();
      if (calls === 1) return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: 'wamid.late' }] }));
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
      const id = await client({ url, timeoutMs: 150 }).send({ to: '1', type: 'text', text: { body: 'x' } });
      assert.equal(id, 'wamid.late');
      assert.equal(calls, 2);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });

  it('reaches a username-only customer by business-scoped user id', async () => {
    const window = createMemoryContactWindow();
    await window.recordInbound('whatsapp:IT.123', now);
    await createSender(client(), window, clock).sendText({ userId: 'IT.123' }, 'Ciao');
    assert.equal(graph.requests[0].body.recipient, 'IT.123');
    assert.equal(graph.requests[0].body.to, undefined);
  });
});

describe('WhatsApp statuses, signature and language', () => {
  it('keeps the furthest status of a message, whatever the arrival order', () => {
    const log = new StatusLog();
    const at = new Date();
    assert.equal(log.record('w1', { status: 'read', at }), true);
    assert.equal(log.record('w1', { status: 'sent', at }), false);
    assert.equal(log.record('w1', { status: 'delivered', at }), false);
    assert.equal(log.get('w1')!.status, 'read');
    assert.equal(log.record('w2', { status: 'sent', at }), true);
    assert.equal(log.record('w2', { status: 'failed', at, errors: [{ code: 131026 }] }), true);
    assert.equal(log.get('w2')!.status, 'failed');
  });

  it('checks the HMAC of the exact bytes', () => {
    const raw = Buffer.from('{"a":"è"}', 'utf8');
    const sig = `sha256=${createHmac('sha256', 's3cret').update(raw).digest('hex')}`;
    assert.equal(validSignature(raw, sig, 's3cret'), true);
    assert.equal(validSignature(raw, sig.toUpperCase().replace('SHA256=', 'sha256='), 's3cret'), true);
    assert.equal(validSignature(Buffer.from('{"a":"e"}'), sig, 's3cret'), false);
    assert.equal(validSignature(raw, sig, 'other'), false);
    assert.equal(validSignature(raw, undefined, 's3cret'), false);
    assert.equal(validSignature(raw, 'sha256=abc', 's3cret'), false);
  });

  it('speaks Italian to +39 numbers and English to the others', () => {
    assert.equal(localeOfPhone('393471234567'), 'it-IT');
    assert.equal(localeOfPhone('+39 347 123'), 'it-IT');
    assert.equal(localeOfPhone('447700900123'), 'en-GB');
    assert.equal(localeOfPhone(undefined), 'en-GB');
  });
});
