/**
 * The reply contract over real HTTP on loopback: POST /api/messages with
 * `deliveryMode: expectReplies`, as external tools drive the bot (ARCHITECTURE.md).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { postActivity } from '../support/bot-client';

describe('POST /api/messages (Bot Framework, expectReplies)', () => {
  let app: App;
  let base: string;
  let seq = 0;

  before(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent' });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    const address = await app.listen();
    base = `http://127.0.0.1:${address.port}`;
  });
  after(async () => app.close());

  // The test's own message ids, so that a repeated id means a channel's retry.
  const post = (conversation: string, activity: Record<string, unknown>) => postActivity(base, conversation, { id: `m${++seq}`, ...activity });
  const say = (conversation: string, text: string, locale = 'it-IT') => post(conversation, { type: 'message', text, locale });

  it('answers /healthz once ready', async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
  });

  it('keeps an idle connection open longer than the 60 s a load balancer keeps its own (no reset of a request sent on a closing socket)', async () => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      const header = await new Promise<string | undefined>((resolve, reject) => {
        http.get(`${base}/healthz`, { agent }, (res) => {
          res.resume();
          resolve(String(res.headers['keep-alive']));
        }).on('error', reject);
      });
      assert.equal(header, 'timeout=65');
    } finally {
      agent.destroy();
    }
  });

  it('greets a customer who joins, and asks with channelData.awaiting and suggested actions', async () => {
    const { status, activities } = await post('c-join', { type: 'conversationUpdate', membersAdded: [{ id: 'customer-1' }], locale: 'en-US' });
    assert.equal(status, 200);
    assert.match(activities[0].text!, /welcome/i);
    const ask = activities.at(-1)!;
    assert.equal(ask.inputHint, 'expectingInput');
    assert.equal(ask.channelData?.awaiting, 'service');
    assert.ok(ask.suggestedActions!.actions.every((a) => a.type === 'postBack' && a.value.length > 0));
  });

  it('books end to end and carries channelData.booking on the confirmation', async () => {
    const c = 'c-book';
    let r = await say(c, "Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando giovedì mattina, prendo un taxi");
    assert.equal(r.activities.at(-1)!.channelData?.awaiting, 'confirm');
    const confirm = r.activities.at(-1)!.suggestedActions!.actions[0];
    r = await say(c, confirm.value);
    const booked = r.activities.find((a) => a.channelData?.booking);
    assert.ok(booked, JSON.stringify(r.activities));
    const b = booked.channelData!.booking!;
    assert.deepEqual(Object.keys(b).sort(), ['appointmentAt', 'customerName', 'handoverAt', 'reference', 'returnAt', 'service', 'solution'].sort());
    assert.equal(b.solution, 'taxi');
    assert.equal(b.customerName, 'Marco Rossi');
    for (const t of [b.appointmentAt, b.handoverAt, b.returnAt]) assert.ok(!Number.isNaN(Date.parse(t)), t);
    assert.match(booked.text!, new RegExp(b.reference));
  });

  it('emits handoff.initiate with the transcript when the customer asks for a human', async () => {
    const c = 'c-human';
    await say(c, 'tagliando per la Ghibli FX456AB', 'it-IT');
    const r = await say(c, 'vorrei parlare con un operatore');
    const event = r.activities.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    assert.ok(event, JSON.stringify(r.activities));
    const transcript = event.attachments?.find((a) => a.name === 'Transcript');
    assert.ok(transcript);
    const activities = (transcript.content as { activities: { text: string }[] }).activities;
    assert.ok(activities.some((a) => /FX456AB/.test(a.text)));
  });

  it('handles a repeated delivery of the same message once, answering it with the first reply (#14)', async () => {
    const c = 'c-dup';
    const body = { type: 'message', text: 'tagliando', locale: 'it-IT', id: 'same-id', channelData: { clientActivityID: 'client-1' } };
    const first = await post(c, body);
    const second = await post(c, body);
    assert.ok(first.activities.length > 0);
    assert.deepEqual(second.activities, first.activities);
  });

  it('refuses a malformed body without touching anything', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
  });
});
