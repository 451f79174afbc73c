/**
 * The web chat's endpoint over real HTTP on loopback: conversations with a secret token, the
 * echo of the customer's activity with its clientActivityID, one turn per re-posted activity,
 * the receipt card, and the server-sent events stream that carries what the hub pushes later.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import type { WebChatHub } from '../../src/channels/webchat/hub';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

interface Activity {
  id: string;
  type: string;
  name?: string;
  text?: string;
  timestamp: string;
  from: { id: string; role: string };
  channelData?: { clientActivityID?: string; awaiting?: string; booking?: Record<string, string> };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  attachments?: { contentType: string; content: { body: unknown[] } }[];
}
interface Answer {
  id: string;
  echo: Activity;
  activities: Activity[];
}

describe('web chat endpoint (/api/webchat)', () => {
  let app: App;
  let hub: WebChatHub;
  let base: string;
  let seq = 0;

  before(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent' });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    hub = app.webChat!;
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => app.close());

  async function open(locale = 'it-IT'): Promise<{ id: string; token: string; activities: Activity[] }> {
    const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { conversationId: string; token: string; activities: Activity[] };
    return { id: body.conversationId, token: body.token, activities: body.activities };
  }
  async function post(c: { id: string; token?: string }, activity: Record<string, unknown>): Promise<{ status: number; body: Answer }> {
    const res = await fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(c.token !== undefined ? { authorization: `Bearer ${c.token}` } : {}) },
      body: JSON.stringify({ type: 'message', locale: 'it-IT', from: { id: 'r_customer', role: 'user' }, channelData: { clientActivityID: `client-${++seq}` }, ...activity }),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  }

  it('opens a conversation with an unguessable id, a secret token and the welcome', async () => {
    const a = await open();
    const b = await open('en-GB');
    assert.notEqual(a.id, b.id);
    assert.ok(a.id.length >= 20 && a.token.length >= 40);
    assert.match(a.activities[0].text!, /benvenuto/i);
    assert.match(b.activities[0].text!, /welcome/i);
    const ask = a.activities.at(-1)!;
    assert.equal(ask.channelData?.awaiting, 'service');
    assert.ok(ask.suggestedActions!.actions.every((x) => x.type === 'postBack' && x.value.length > 0));
    assert.ok(a.activities.every((x) => x.from.role === 'bot' && x.id.startsWith(a.id)));
  });

  it('refuses a call without the token, or with another conversation\'s token (401)', async () => {
    const a = await open();
    const b = await open();
    assert.equal((await post({ id: a.id }, { text: 'tagliando' })).status, 401);
    assert.equal((await post({ id: a.id, token: b.token }, { text: 'tagliando' })).status, 401);
    assert.equal((await post({ id: 'no-such-conversation', token: a.token }, { text: 'tagliando' })).status, 401);
    const stream = await fetch(`${base}/api/webchat/conversations/${a.id}/stream`);
    assert.equal(stream.status, 401);
    assert.equal(stream.headers.get('www-authenticate'), 'Bearer');
  });

  it('echoes the activity with its clientActivityID, then the replies in order', async () => {
    const c = await open();
    const { status, body } = await post(c, { text: 'tagliando per la Ghibli', channelData: { clientActivityID: 'abc-123' } });
    assert.equal(status, 200);
    assert.equal(body.echo.channelData?.clientActivityID, 'abc-123');
    assert.equal(body.echo.id, body.id);
    assert.equal(body.echo.from.role, 'user');
    assert.equal(body.echo.text, 'tagliando per la Ghibli');
    assert.ok(body.activities.length > 0);
    // Web Chat orders by timestamp: the echo first, replies after, strictly increasing.
    const times = [body.echo, ...body.activities].map((a) => Date.parse(a.timestamp));
    assert.ok(times.every((t, i) => i === 0 || t > times[i - 1]), JSON.stringify(times));
  });

  it('answers a re-posted activity with the same answer, running the turn once', async () => {
    const c = await open();
    const activity = { text: 'tagliando', channelData: { clientActivityID: 'retry-1' } };
    const [first, again] = await Promise.all([post(c, activity), post(c, activity)]);
    const third = await post(c, activity);
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(third.body, first.body);
    // One turn only: the next message continues from the question asked once.
    const transcript = await app.sessions.transcript(`webchat:${c.id}`);
    assert.equal(transcript.filter((e) => e.from === 'customer' && e.text === 'tagliando').length, 1);
  });

  it('takes a clicked choice from value (postBack / messageBack) and refuses what is not a message', async () => {
    const c = await open();
    const choice = c.activities.at(-1)!.suggestedActions!.actions[0];
    const { body } = await post(c, { text: choice.title, value: choice.value, channelData: { clientActivityID: 'click-1', messageBack: { displayText: choice.title } } });
    assert.equal((body.echo.channelData as { messageBack?: { displayText: string } }).messageBack?.displayText, choice.title);
    assert.ok(body.activities.length > 0);
    assert.equal((await post(c, { type: 'typing' })).status, 400);
    assert.equal((await post(c, { text: '   ' })).status, 400);
    assert.equal((await post(c, { text: 'x'.repeat(2001) })).status, 400);
  });

  it('books end to end and attaches the receipt card to the confirmation, keeping channelData.booking', async () => {
    const c = await open();
    let r = await post(c, { text: 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì, prendo un taxi' });
    assert.equal(r.body.activities.at(-1)!.channelData?.awaiting, 'confirm', JSON.stringify(r.body.activities.map((a) => a.text)));
    r = await post(c, { text: 'Confermo', value: 'yes' });
    const booked = r.body.activities.find((a) => a.channelData?.booking);
    assert.ok(booked, JSON.stringify(r.body.activities));
    const card = booked.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    assert.ok(card);
    const text = JSON.stringify(card.content);
    assert.ok(text.includes(booked.channelData!.booking!.reference));
    assert.match(text, /Prenotazione confermata/);
    assert.match(text, /giovedì 3 dicembre/);
  });

  it('streams what the hub pushes later over server-sent events, and replays it on reconnect', async () => {
    const c = await open();
    const controller = new AbortController();
    const res = await fetch(`${base}/api/webchat/conversations/${c.id}/stream`, { headers: { authorization: `Bearer ${c.token}` }, signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const pushed = await hub.push(`webchat:${c.id}`, { text: 'Sono Giulia, consulente: La richiamo tra cinque minuti.', from: { id: 'advisor-7', name: 'Giulia', role: 'bot' } });
    assert.equal(pushed, true);
    let received = '';
    while (!received.includes('consulente')) received += decoder.decode((await reader.read()).value);
    controller.abort();
    const data = /event: activity\ndata: (.+)\n/.exec(received)![1];
    const activity = JSON.parse(data) as Activity;
    assert.equal(activity.from.id, 'advisor-7');
    assert.ok(activity.id.startsWith(c.id));
    const eventId = /id: (\d+)/.exec(received)![1];

    // A reconnecting stream gets what it missed after Last-Event-ID, and nothing twice.
    await hub.push(c.id, { text: 'Secondo messaggio' });
    const again = await fetch(`${base}/api/webchat/conversations/${c.id}/stream`, { headers: { authorization: `Bearer ${c.token}`, 'last-event-id': eventId } });
    const r2 = again.body!.getReader();
    let replay = '';
    while (!replay.includes('Secondo')) replay += decoder.decode((await r2.read()).value);
    await r2.cancel();
    assert.ok(!replay.includes('consulente'), replay);
    assert.equal(await hub.push('unknown-conversation', { text: 'x' }), false);
  });

  it('ends open streams when the server closes', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent' });
    const other = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    const url = `http://127.0.0.1:${(await other.listen()).port}/api/webchat/conversations`;
    const c = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { conversationId: string; token: string };
    const res = await fetch(`${url}/${c.conversationId}/stream`, { headers: { authorization: `Bearer ${c.token}` } });
    const reader = res.body!.getReader();
    await reader.read();
    // closing ends the stream (a hang fails on mocha's timeout; speed is no test's business)
    await other.close();
    for (;;) if ((await reader.read()).done) break;
  });
});
