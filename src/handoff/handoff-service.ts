/**
 * What advisors (and a dealer's contact centre) do with a handed-over conversation: take it,
 * reply, hand it back to the bot, close it. Every change is written by compare-and-set, heard
 * by every instance (the store's events) and, when the customer must know, relayed to them.
 *
 * Hand back: the bot resumes with everything it collected (the machine's RESUME: the router asks
 * what is still missing, or "anything else?" after a booking). Close: the next message starts a
 * new request for the same customer and car (END).
 * @module
 */
import type { Logger } from 'pino';
import type { TurnEngine, TurnOutput } from '../engine/turn-engine';
import type { Renderer } from '../render/render';
import type { SessionStore } from '../sessions/session-store';
import type { Handoff, HandoffMessage, Holder, Outcome } from './handoff';
import type { HandoffStore } from './handoff-store';
import type { Delivery, RelayResult, Relays } from './relay';

export interface Advisor {
  id: string;
  name: string;
  siteId: string;
}

export type ActionResult =
  | { ok: true; handoff: Handoff; delivered?: RelayResult }
  | { ok: false; error: 'not-found' | 'taken' | 'closed' };

export type ContactCentreState = 'accepted' | 'failed' | 'completed';

export interface HandoffServiceDeps {
  store: HandoffStore;
  sessions: SessionStore;
  engine: Pick<TurnEngine, 'handle'>;
  renderer: Renderer;
  relays: Relays;
  logger: Logger;
  clock?: () => Date;
}

export class HandoffService {
  constructor(private readonly deps: HandoffServiceDeps) {}

  list(siteId: string): Promise<Handoff[]> {
    return this.deps.store.list(siteId);
  }

  /** A handoff with its messages; nothing for another site's conversation. */
  async detail(siteId: string, id: string): Promise<{ handoff: Handoff; messages: HandoffMessage[] } | undefined> {
    const handoff = await this.deps.store.get(id);
    if (!handoff || handoff.siteId !== siteId) return undefined;
    return { handoff, messages: await this.deps.store.messages(id) };
  }

  async take(advisor: Advisor, id: string): Promise<ActionResult> {
    const holder: Holder = { kind: 'advisor', id: advisor.id, name: advisor.name };
    const result = await this.change(advisor, id, (h) => (h.status === 'waiting' ? { ...h, status: 'active', advisor: holder } : undefined));
    if (!result.ok) return result;
    const text = this.deps.renderer.text('handoff.joined', { name: advisor.name }, result.handoff.lang);
    await this.record(result.handoff, [{ at: this.now(), from: 'system', text }]);
    return { ...result, delivered: await this.relay(result.handoff, { kind: 'bot', turn: { lang: result.handoff.lang, messages: [{ text }] } }) };
  }

  /** Replies; a waiting conversation is taken first. */
  async reply(advisor: Advisor, id: string, text: string): Promise<ActionResult> {
    const current = await this.deps.store.get(id);
    if (current?.status === 'waiting' && current.siteId === advisor.siteId) {
      const taken = await this.take(advisor, id);
      if (!taken.ok) return taken;
    }
    const result = await this.change(advisor, id, (h) => (this.holds(advisor, h) ? { ...h } : undefined));
    if (!result.ok) return result;
    await this.record(result.handoff, [{ at: this.now(), from: 'advisor', name: advisor.name, text }]);
    return { ...result, delivered: await this.relay(result.handoff, { kind: 'advisor', name: advisor.name, text }) };
  }

  async handBack(advisor: Advisor, id: string): Promise<ActionResult> {
    return this.finish(advisor, id, 'handedBack');
  }

  async close(advisor: Advisor, id: string): Promise<ActionResult> {
    return this.finish(advisor, id, 'closed');
  }

  /**
   * A contact centre's `handoff.status`: accepted → it holds the conversation; failed → the bot
   * offers to go on; completed → closed. A conversation an advisor of the console holds is left
   * alone. Returns the bot's turn for the channel to send, if any.
   */
  async contactCentre(id: string, state: ContactCentreState, agent = 'contact centre'): Promise<TurnOutput | undefined> {
    const { store } = this.deps;
    const now = this.now();
    if (state === 'accepted') {
      const h = await store.update(id, (c) => (c && c.status === 'waiting' ? { ...c, status: 'active', advisor: { kind: 'external', name: agent }, updatedAt: now } : undefined));
      if (h) await store.publish({ type: 'changed', siteId: h.siteId, conversationId: id, status: h.status });
      return undefined;
    }
    const outcome: Outcome = state === 'failed' ? 'failed' : 'completed';
    // Only what the contact centre could hold: a waiting conversation, or one it accepted. One
    // that an advisor of the console took first stays theirs.
    const its = (c: Handoff) => c.status === 'waiting' || (c.status === 'active' && c.advisor?.kind === 'external');
    const h = await store.update(id, (c) => (c && its(c) ? { ...c, status: 'closed', outcome, updatedAt: now } : undefined));
    if (!h) return undefined;
    await store.publish({ type: 'changed', siteId: h.siteId, conversationId: id, status: 'closed' });
    const turn = await this.deps.engine.handle(state === 'failed' ? { conversationId: id, kind: 'resume', why: 'failed' } : { conversationId: id, kind: 'end' });
    await this.record(h, turn.messages.map((m) => ({ at: now, from: 'bot' as const, text: m.text })), false);
    return turn;
  }

  private async finish(advisor: Advisor, id: string, outcome: 'handedBack' | 'closed'): Promise<ActionResult> {
    // Anyone of the site may end a waiting conversation; an active one only its holder.
    const result = await this.change(advisor, id, (h) =>
      h.status === 'waiting' || this.holds(advisor, h) ? { ...h, status: 'closed', outcome } : undefined);
    if (!result.ok) return result;
    const turn = await this.deps.engine.handle(outcome === 'handedBack' ? { conversationId: id, kind: 'resume', why: 'handBack' } : { conversationId: id, kind: 'end' });
    await this.record(result.handoff, turn.messages.map((m) => ({ at: this.now(), from: 'bot' as const, text: m.text })), false);
    return { ...result, delivered: await this.relay(result.handoff, { kind: 'bot', turn }) };
  }

  private holds(advisor: Advisor, h: Handoff): boolean {
    return h.status === 'active' && h.advisor?.kind === 'advisor' && h.advisor.id === advisor.id;
  }

  /** Compare-and-set on the advisor's site; tells why nothing changed. */
  private async change(advisor: Advisor, id: string, next: (h: Handoff) => Handoff | undefined): Promise<ActionResult> {
    const now = this.now();
    const { store } = this.deps;
    const written = await store.update(id, (c) => {
      if (!c || c.siteId !== advisor.siteId) return undefined;
      const n = next(c);
      return n && { ...n, updatedAt: now };
    });
    if (written) {
      await store.publish({ type: 'changed', siteId: written.siteId, conversationId: id, status: written.status });
      return { ok: true, handoff: written };
    }
    const current = await store.get(id);
    if (!current || current.siteId !== advisor.siteId) return { ok: false, error: 'not-found' };
    return { ok: false, error: current.status === 'closed' ? 'closed' : 'taken' };
  }

  /** Keeps messages for the console and in the conversation's transcript (the next handoff sees them). */
  private async record(h: Handoff, messages: HandoffMessage[], toSessions = true): Promise<void> {
    if (!messages.length) return;
    const { store, sessions } = this.deps;
    await store.append(h.conversationId, messages);
    // The bot's own turns are already in the transcript (the engine wrote them).
    if (toSessions) {
      await sessions.appendTranscript(h.conversationId, messages.map((m) => ({ at: m.at, from: m.from === 'system' ? 'bot' : m.from, text: m.text })));
    }
    for (const message of messages) await store.publish({ type: 'message', siteId: h.siteId, conversationId: h.conversationId, message });
  }

  private async relay(h: Handoff, delivery: Delivery): Promise<RelayResult> {
    if (delivery.kind === 'bot' && !delivery.turn.messages.length) return 'sent';
    const relay = this.deps.relays[h.channel];
    if (!relay) return 'unreachable';
    try {
      return await relay.deliver(h, delivery);
    } catch (err) {
      this.deps.logger.warn({ err, conversation: h.conversationId, channel: h.channel }, 'handoff: relay failed');
      return 'unreachable';
    }
  }

  private now(): string {
    return (this.deps.clock?.() ?? new Date()).toISOString();
  }
}
