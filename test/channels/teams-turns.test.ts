/**
 * Teams at the turn level: recorded Teams activities POSTed to /api/messages (anonymous, with
 * `deliveryMode: expectReplies`) over loopback; the replies must be Teams-shaped, and every
 * button or card the bot sends must come back as something it understands.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { TEAMS_LIMITS } from '../../src/render/teams';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { fixture, guardNetwork, inConversation, postActivity, type Json } from './fixtures/teams/teams-fixtures';

interface Attachment { contentType: string; content: Json }
interface Reply extends Json {
  text?: string;
  textFormat?: string;
  channelData?: { awaiting?: string; booking?: Record<string, string> };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  attachments?: Attachment[];
}

const HERO = 'application/vnd.microsoft.card.hero';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** Every Adaptive Card element, depth first. */
function elements(node: unknown): Json[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(elements);
  const o = node as Json;
  return [o, ...['body', 'items', 'actions', 'columns'].flatMap((k) => elements(o[k]))];
}

/** What a click on each offered option would post back, as Teams sends it. */
function clicks(reply: Reply): { title: string; activity: Json }[] {
  const out: { title: string; activity: Json }[] = [];
  for (const a of reply.suggestedActions?.actions ?? []) out.push({ title: a.title, activity: { text: a.value } });
  for (const att of reply.attachments ?? []) {
    if (att.contentType === HERO) {
      for (const b of att.content.buttons as { title: string; text: string; value: Json }[]) out.push({ title: b.title, activity: { text: b.text, value: b.value } });
    }
    if (att.contentType === ADAPTIVE) {
      const all = elements(att.content);
      const set = all.find((e) => e.type === 'Input.ChoiceSet');
      for (const s of all.filter((e) => e.type === 'Action.Submit')) {
        const data = (s.data ?? {}) as Json & { msteams?: { text?: string; value?: string } };
        // Teams sends msteams.text as text and merges msteams.value and the inputs into value.
        const merged = { ...data, ...(data.msteams?.value ? (JSON.parse(data.msteams.value) as Json) : {}) };
        delete merged.msteams;
        if (set) {
          for (const c of set.choices as { title: string; value: string }[]) out.push({ title: c.title, activity: { value: { ...merged, [set.id as string]: c.value }, channelData: { postBack: true } } });
        } else out.push({ title: s.title as string, activity: { text: data.msteams?.text, value: merged } });
      }
    }
  }
  return out;
}

function assertTeamsShaped(replies: Reply[]): void {
  for (const r of replies) {
    assert.ok(Buffer.byteLength(JSON.stringify(r)) < TEAMS_LIMITS.budgetBytes, 'well under 100 KB');
    const suggested = r.suggestedActions?.actions ?? [];
    assert.ok(suggested.length <= 3, 'at most 3 suggested actions');
    if (suggested.length) {
      assert.ok(!r.attachments?.length, 'no suggested actions with attachments');
      assert.ok(suggested.every((a) => a.type === 'imBack' && a.value === a.title));
    }
    for (const att of r.attachments ?? []) {
      if (att.contentType === HERO) {
        const buttons = att.content.buttons as { type: string; title: string }[];
        assert.ok(buttons.length > 3 || r.channelData?.booking, 'a hero card when more than 3');
        assert.ok(buttons.length <= 6 && buttons.every((b) => b.type === 'messageBack' && b.title.length <= TEAMS_LIMITS.buttonTitle));
      } else {
        assert.equal(att.contentType, ADAPTIVE);
        assert.equal(att.content.version, '1.5');
        const types = elements(att.content).map((e) => e.type);
        assert.ok(!types.some((t) => t === 'Input.Date' || t === 'Input.Time' || t === 'Media'), 'concrete choices only');
      }
    }
  }
}

describe('Teams turns (recorded activities on /api/messages)', () => {
  let app: App;
  let base: string;
  let network: ReturnType<typeof guardNetwork>;
  let seq = 0;

  before(async () => {
    network = guardNetwork();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent' });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    await app.close();
    network.restore();
    assert.deepEqual(network.lookups, [], 'no call beyond loopback');
  });

  async function send(conversation: string, name: Parameters<typeof fixture>[0], changes: Json = {}): Promise<Reply[]> {
    const { status, body } = await postActivity(base, inConversation(fixture(name), conversation, `t${++seq}`, changes));
    assert.equal(status, 200, JSON.stringify(body));
    const replies = (body.activities ?? []) as Reply[];
    assertTeamsShaped(replies);
    return replies;
  }
  const prompt = (replies: Reply[]) => replies.findLast((r) => r.channelData?.awaiting)!;

  it('greets on conversationUpdate and offers the services on a hero card of messageBack buttons', async () => {
    const replies = await send('greet', 'conversation-update');
    assert.match(replies[0].text!, /benvenut|buongiorno/i);
    const ask = prompt(replies);
    assert.equal(ask.channelData!.awaiting, 'service');
    const hero = ask.attachments!.find((a) => a.contentType === HERO)!;
    const buttons = hero.content.buttons as { value: { token: string } }[];
    assert.deepEqual(buttons.map((b) => b.value.token), ['service:maintenance', 'service:tyres', 'service:repair', 'service:diagnosis']);
    assert.equal(ask.suggestedActions, undefined);
  });

  it('takes a hero card messageBack as its token', async () => {
    await send('hero', 'conversation-update');
    const replies = await send('hero', 'hero-message-back');
    assert.equal(prompt(replies).channelData!.awaiting, 'vehicle');
  });

  it('answers a typed message with the summary as an Adaptive Card 1.5 whose Action.Submit posts a token', async () => {
    const replies = await send('summary', 'message');
    const ask = prompt(replies);
    assert.equal(ask.channelData!.awaiting, 'confirm');
    assert.equal(ask.suggestedActions, undefined);
    const card = ask.attachments!.find((a) => a.contentType === ADAPTIVE)!;
    const all = elements(card.content);
    assert.ok(all.some((e) => e.type === 'FactSet'));
    assert.ok(all.some((e) => e.type === 'TextBlock'));
    const submits = all.filter((e) => e.type === 'Action.Submit') as { data: { token: string; msteams: { type: string; displayText: string } } }[];
    assert.deepEqual(submits.map((s) => s.data.token), ['yes', 'no']);
    assert.ok(submits.every((s) => s.data.msteams.type === 'messageBack' && s.data.msteams.displayText));
    // Markdown joins single newlines: every line stays its own paragraph.
    for (const r of replies.filter((x) => x.text)) assert.ok(!/[^\n]\n[^\n]/.test(r.text!), r.text);
  });

  it('books with the recorded Action.Submit { token: "yes" }: receipt card, channelData.booking kept', async () => {
    // Another car than the other conversations' (one car has one appointment at a time, #13).
    await send('book', 'message', { text: 'Buongiorno, sono Marco Rossi, la Ghibli GB678RT deve fare il tagliando giovedì mattina, prendo un taxi' });
    const replies = await send('book', 'card-submit-yes');
    const booked = replies.find((r) => r.channelData?.booking);
    assert.ok(booked, JSON.stringify(replies));
    const receipt = booked.attachments!.find((a) => a.contentType === ADAPTIVE)!;
    assert.equal(receipt.content.version, '1.5');
    const reference = booked.channelData!.booking!.reference;
    assert.ok(elements(receipt.content).some((e) => e.text === reference));
    assert.equal(booked.channelData!.booking!.solution, 'taxi');
  });

  it('takes a recorded choice-set submit ({ token } from Input.ChoiceSet, no text) as the choice', async () => {
    await send('set', 'message', { text: 'Buongiorno, sono Marco Rossi, la Levante GH123KL deve fare il tagliando giovedì mattina' });
    const replies = await send('set', 'choice-set-submit');
    assert.notEqual(prompt(replies).channelData!.awaiting, 'mobility');
  });

  it('books a whole conversation by clicks alone, as Teams posts them back', async () => {
    const c = 'clicks';
    let replies = await send(c, 'conversation-update');
    const typed: Record<string, string> = { vehicle: 'FY902HS', name: 'Marco Rossi', date: 'giovedì mattina', address: 'Via Emilia Est 1, Modena' };
    const seen = new Set<string>();
    for (let turn = 0; turn < 15 && !replies.some((r) => r.channelData?.booking); turn++) {
      const ask = prompt(replies);
      const awaiting = ask.channelData!.awaiting!;
      seen.add(awaiting);
      const options = clicks(ask);
      const pick = awaiting === 'mobility' ? options.find((o) => /taxi/i.test(o.title)) : awaiting === 'confirm' ? options[0] : awaiting in typed ? undefined : options[0];
      const activity = pick ? { text: undefined, ...pick.activity } : { text: typed[awaiting] };
      replies = await send(c, 'message', activity);
    }
    const booked = replies.find((r) => r.channelData?.booking);
    assert.ok(booked, `not booked; asked: ${[...seen].join(', ')}`);
    assert.ok(seen.has('service') && seen.has('confirm'), [...seen].join(', '));
    assert.ok(booked.attachments?.some((a) => a.contentType === ADAPTIVE));
  });
});
