/**
 * Issue #13 on the web chat, over real HTTP on loopback: the receipt turn carries the booking,
 * the "add to calendar" link and the reminder question; the link downloads the .ics for that
 * conversation's booking only — a link for another conversation's booking, a tampered or
 * unknown one, or a cancelled booking gets the same short 404 —, downloads are rate-limited per
 * address; and the reminder the day before reaches the page over its event stream.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createCalendarLinks } from '../../src/invitations/link';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE } from '../conversation/harness';
import { icsInstant, parseIcs } from './words';

const SECRET = 'a-calendar-link-secret-of-32-chars-or-more';

interface Activity {
  id: string;
  text?: string;
  channelData?: { awaiting?: string; booking?: { reference: string; appointmentAt: string }; reminder?: { reference: string } };
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { content: { actions?: { type: string; title: string; url: string }[] } }[];
}

describe('Web chat: calendar file and reminder (issue #13)', () => {
  let app: App;
  let base: string;
  let now = new Date('2026-12-02T08:00:00Z'); // Wednesday 09:00 in Modena
  let seq = 0;

  before(async () => {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent',
      CALENDAR_LINK_SECRET: SECRET, CALENDAR_DOWNLOADS_PER_ADDRESS: '12',
    });
    app = await createApp(config, { clock: () => now, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => app.close());

  async function open(locale: string) {
    const res = await fetch(`${base}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) });
    const body = (await res.json()) as { conversationId: string; token: string };
    return { id: body.conversationId, token: body.token, locale };
  }
  async function say(c: { id: string; token: string; locale: string }, text: string): Promise<Activity[]> {
    const res = await fetch(`${base}/api/webchat/conversations/${c.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ type: 'message', text, locale: c.locale, from: { id: 'me', role: 'user' }, channelData: { clientActivityID: `c-${++seq}` } }),
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { activities: Activity[] }).activities;
  }
  async function book(locale: string, first: string, yes: string) {
    const c = await open(locale);
    await say(c, first);
    const activities = await say(c, yes);
    const receipt = activities.find((a) => a.channelData?.booking);
    assert.ok(receipt, activities.map((a) => a.text).join('\n'));
    const link = receipt.attachments?.[0]?.content.actions?.find((x) => x.type === 'Action.OpenUrl');
    assert.ok(link, 'the receipt card offers the calendar file');
    return { c, activities, booking: receipt.channelData!.booking!, url: link.url, title: link.title };
  }
  const download = (url: string) => fetch(`${base}${url}`);

  let marco: Awaited<ReturnType<typeof book>>;
  let sarah: Awaited<ReturnType<typeof book>>;

  it('the receipt turn: the booking, the "add to calendar" link, then the reminder question (yes/no) — nothing asked before the receipt', async () => {
    marco = await book('it-IT', 'Sono Marco Rossi, Ghibli FX456AB, tagliando domani alle 10, prendo il taxi', 'sì');
    assert.equal(marco.title, 'Aggiungi al calendario');
    assert.match(marco.url, /^\/api\/calendar\/MC-[A-Z0-9]+\.[\w-]{16}\.it\.[0-9a-z]+\.[\w-]{22}$/);
    const receiptAt = marco.activities.findIndex((a) => a.channelData?.booking);
    const question = marco.activities.at(-1)!;
    assert.ok(receiptAt < marco.activities.length - 1);
    assert.equal(question.channelData?.awaiting, 'confirm');
    assert.deepEqual(question.suggestedActions?.actions.map((x) => x.title), ['Sì, grazie', 'No, grazie']);
    sarah = await book('en-GB', "I'm Sarah Jones, Levante GH123KL, tyres tomorrow at 11, I'll take a taxi", 'yes');
    assert.equal(sarah.title, 'Add to calendar');
  });

  it('the link downloads that booking\'s .ics (attachment, text/calendar, the appointment\'s instant)', async () => {
    const res = await download(marco.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="appuntamento-${marco.booking.reference}\\.ics"`));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { events } = parseIcs(await res.text());
    assert.equal(icsInstant(events[0].DTSTART), Date.parse(marco.booking.appointmentAt));
    assert.match(events[0].DESCRIPTION, new RegExp(marco.booking.reference));
    const en = parseIcs(await (await download(sarah.url)).text());
    assert.match(en.events[0].DESCRIPTION, new RegExp(`Booking ${sarah.booking.reference}`));
  });

  it('refuses another conversation: a link signed for Marco\'s conversation but naming Sarah\'s booking is 404', async () => {
    const links = createCalendarLinks(SECRET);
    const forged = links.path(sarah.booking.reference, `webchat:${marco.c.id}`, 'it', sarah.booking.appointmentAt);
    const res = await download(forged);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'not found' });
    // the right conversation's link works: it is the conversation that decides, not the reference
    assert.equal((await download(links.path(sarah.booking.reference, `webchat:${sarah.c.id}`, 'en', sarah.booking.appointmentAt))).status, 200);
  });

  it('a tampered, unsigned or guessed link is the same 404, without internals', async () => {
    const token = marco.url.slice('/api/calendar/'.length);
    const [, digest, lang, expiry, signature] = token.split('.');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const later = (parseInt(expiry, 36) + 86_400).toString(36);
    for (const url of [
      `/api/calendar/${[sarah.booking.reference, digest, lang, expiry, signature].join('.')}`, // another reference under Marco's signature
      `/api/calendar/${[marco.booking.reference, digest, lang, later, signature].join('.')}`, // a later expiry
      `/api/calendar/${[marco.booking.reference, digest, lang, expiry, flipped].join('.')}`,
      `/api/calendar/${[marco.booking.reference, digest, lang, expiry].join('.')}`,
      `/api/calendar/${marco.booking.reference}`,
      '/api/calendar/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await download(url);
      assert.equal(res.status, 404, url);
      assert.deepEqual(await res.json(), { error: 'not found' }, url);
    }
  });

  it('the reminder the day before reaches the page over its event stream (Wednesday 18:00 for Thursday)', async () => {
    const consent = await say(marco.c, 'si grazie');
    assert.match(consent.map((a) => a.text).join('\n'), /Le mando un promemoria/);
    now = new Date('2026-12-02T17:00:30Z');
    assert.equal(await app.reminders.scan(), 1);
    const controller = new AbortController();
    const res = await fetch(`${base}/api/webchat/conversations/${marco.c.id}/stream`, { headers: { authorization: `Bearer ${marco.c.token}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    while (!/\n\n/.test(text.split('event: activity')[1] ?? '')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = JSON.parse(/data: (.*)\n/.exec(text.split('event: activity')[1])![1]) as Activity;
    assert.equal(data.channelData?.reminder?.reference, marco.booking.reference);
    assert.match(data.text!, /Le ricordiamo l'appuntamento di domani/);
    assert.match(data.text!, /giovedì 3 dicembre/);
    assert.equal(await app.reminders.scan(), 0, 'once');
  });

  it('a cancelled booking\'s link is 404; downloads per address are limited (429)', async () => {
    assert.ok(await app.planning.cancel(marco.booking.reference));
    assert.equal((await download(marco.url)).status, 404);
    let status = 0;
    for (let i = 0; i < 15 && status !== 429; i++) status = (await download(sarah.url)).status;
    assert.equal(status, 429);
  });
});
