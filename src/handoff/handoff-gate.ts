/**
 * The engine's side of a handoff. On the turn that hands over it opens the handoff (summary,
 * transcript, how to reach the customer) and, outside opening hours, tells the customer when an
 * advisor is back and offers a call back. While an advisor holds the conversation (waiting or
 * active) the bot stays silent: the customer's messages go to the advisor, and only the first
 * one while nobody has taken it gets the "an advisor will reply shortly" answer; a phone number
 * after the call-back offer is validated and kept.
 * @module
 */
import type { BookingContext } from '../../dialogs/context';
import { summaryOf } from '../../dialogs/handoff-summary';
import type { Lang } from '../../dialogs/model';
import type { HandoffReason, Output } from '../../dialogs/output';
import type { Dealer } from '../dealer/schema';
import type { TurnOutput } from '../engine/turn-engine';
import type { Renderer } from '../render/render';
import type { SessionStore, TranscriptEntry } from '../sessions/session-store';
import type { ConversationRef, Handoff, HandoffChannel, HandoffMessage } from './handoff';
import type { HandoffStore } from './handoff-store';
import { presenceAt } from './opening-hours';
import { normalizePhone } from './phone';

/** A phone number inside a message: optional + or 00, then six digits or more with separators. */
const PHONE_IN_TEXT = /(?:\+|00)?\d(?:[\s./()-]*\d){5,}/;

export interface OpenRequest {
  conversationId: string;
  reason: HandoffReason;
  lang: Lang;
  context: BookingContext;
  transcript: TranscriptEntry[];
  reach?: ConversationRef;
  now: string;
}

export class HandoffGate {
  constructor(private readonly deps: { store: HandoffStore; sessions: SessionStore; renderer: Renderer; dealer: Dealer }) {}

  /** What the customer hears besides the handoff's own words: outside hours, when and how. */
  nextSteps(now: string): Output[] {
    const presence = presenceAt(this.deps.dealer, now);
    if (presence.open) return [];
    return [presence.backAt
      ? { type: 'ask', key: 'handoff.afterHours.back', params: { backAt: presence.backAt }, awaiting: 'text' }
      : { type: 'ask', key: 'handoff.afterHours.later', awaiting: 'text' }];
  }

  /**
   * Opens the handoff, idempotently: a conversation already held stays as it is (undefined).
   * `retry`: the opening of a turn that handed over failed; only a conversation with no handoff
   * at all is opened (one an advisor closed stays closed).
   */
  async open(r: OpenRequest, retry = false): Promise<Handoff | undefined> {
    const { store, dealer } = this.deps;
    const presence = presenceAt(dealer, r.now);
    const ref = r.reach ?? refOf(r.conversationId);
    const handoff: Handoff = {
      conversationId: r.conversationId, status: 'waiting', siteId: dealer.site.id, channel: channelOf(ref), lang: r.lang,
      reason: r.reason, since: r.now, updatedAt: r.now, summary: summaryOf(r.context), conversationRef: ref,
      ...(presence.open ? {} : { callback: presence.backAt ? { backAt: presence.backAt } : {} }),
    };
    // A conversation already held stays as it is.
    const opened = await store.update(r.conversationId, (current) => (current && (retry || current.status !== 'closed') ? undefined : handoff));
    if (!opened) return undefined;
    await store.append(r.conversationId, r.transcript.map((e) => ({ at: e.at, from: e.from, text: e.text })), true);
    await store.publish({ type: 'changed', siteId: opened.siteId, conversationId: opened.conversationId, status: 'waiting' });
    return opened;
  }

  /** Whether a handoff of the conversation is open (waiting or active). */
  async isOpen(conversationId: string): Promise<boolean> {
    const h = await this.deps.store.get(conversationId);
    return h !== undefined && h.status !== 'closed';
  }

  /**
   * The turn of a customer whose conversation an advisor holds; undefined when nobody holds it.
   * `pending`: the machine handed the conversation over; if no handoff exists (its opening
   * failed), it is opened now, and `onOpened` hears of it.
   */
  async intercept(conversationId: string, text: string, now: string,
    pending?: { request: () => Promise<OpenRequest>; onOpened: (h: Handoff) => void }): Promise<TurnOutput | undefined> {
    const { store, renderer, sessions } = this.deps;
    let held = await store.get(conversationId);
    if (!held && pending) {
      const opened = await this.open(await pending.request(), true);
      if (opened) pending.onOpened(opened);
      held = opened ?? (await store.get(conversationId));
    }
    if (!held || held.status === 'closed') return undefined;
    const outputs: Output[] = [];
    let patch: Partial<Handoff> | undefined;
    const attempt = held.callback && !held.callback.phone ? PHONE_IN_TEXT.exec(text)?.[0] : undefined;
    if (attempt !== undefined) {
      const phone = normalizePhone(attempt);
      if (phone) {
        patch = { callback: { ...held.callback, phone } };
        outputs.push({ type: 'say', key: 'handoff.callback.saved', params: { phone } });
      } else {
        outputs.push({ type: 'ask', key: 'handoff.callback.invalid', awaiting: 'text' });
      }
    } else if (held.status === 'waiting' && !held.waitingNoticeSent) {
      patch = { waitingNoticeSent: true };
      outputs.push({ type: 'say', key: 'handoff.waiting' });
    }
    if (patch) {
      const changes = patch;
      await store.update(conversationId, (c) => (c && c.status === held.status ? { ...c, ...changes, updatedAt: now } : undefined));
    }
    const rendered = renderer.render(outputs, held.lang);
    const exchanged: HandoffMessage[] = [
      { at: now, from: 'customer', text },
      ...rendered.messages.map((m) => ({ at: now, from: 'bot' as const, text: m.text })),
    ];
    await store.append(conversationId, exchanged);
    await sessions.appendTranscript(conversationId, exchanged.map((m) => ({ at: m.at, from: m.from as TranscriptEntry['from'], text: m.text })));
    for (const message of exchanged) await store.publish({ type: 'message', siteId: held.siteId, conversationId, message });
    if (patch?.callback) await store.publish({ type: 'changed', siteId: held.siteId, conversationId, status: held.status });
    return { ...rendered, lang: held.lang, held: true };
  }
}

/** Without a reference from the channel, the conversation id says which channel it is. */
function refOf(conversationId: string): ConversationRef {
  if (conversationId.startsWith('webchat:')) return { channel: 'webchat', conversationId };
  return { channel: 'other' };
}

function channelOf(ref: ConversationRef): HandoffChannel {
  return ref.channel;
}
