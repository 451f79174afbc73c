/**
 * One turn, as data (ARCHITECTURE.md): de-duplicate, take the conversation's turn, restore its
 * snapshot, recognise the message, run the statechart until it waits for the customer again,
 * save by compare-and-set, render. A failure anywhere changes nothing and tells the customer
 * what to do next.
 * @module
 */
import { waitFor } from 'xstate';
import { token } from '../../dialogs/choice-tokens';
import { AWAITING_USER, MACHINE_ID, MACHINE_VERSION, type BookingEvent } from '../../dialogs/booking-machine';
import type { BookingContext } from '../../dialogs/context';
import type { Lang, ServiceCategory } from '../../dialogs/model';
import { LANGUAGES } from '../../dialogs/model';
import type { Output } from '../../dialogs/output';
import type { Recognizer } from '../nlu/recognizer';
import { matchChoiceTitle } from '../nlu/choice-title';
import { parsePostback } from '../nlu/postback';
import type { RenderedChoice, Renderer, RenderedTurn } from '../render/render';
import { TurnLimitedError, type Envelope, type OpenTurn, type SessionStore, type TranscriptEntry, type TurnLimit } from '../sessions/session-store';
import type { ConversationRef } from '../handoff/handoff';
import type { HandoffGate } from '../handoff/handoff-gate';
import type { ResumeWhy } from '../../dialogs/events';
import type { ProvidedBookingMachine } from './actors';
import { MAX_MESSAGE_LENGTH } from '../../dialogs/events';
import { cutText } from '../sessions/transcript-bounds';
import { quietObserver, type Observer } from '../observe/observer';
import { PortFailure, via } from './port-failure';
import { LiveActors } from './live-actors';
import { turnActor, type BookingActor, type LiveBookingActor } from './turn-actor';
import type { SnapshotCodec } from './snapshot-codec';

export interface TurnInput {
  conversationId: string;
  /**
   * `start`: the customer opened the conversation (Web Chat's conversationUpdate); `resume` and
   * `end`: an advisor handed the conversation back, or closed it (no customer message).
   */
  kind: 'message' | 'start' | 'resume' | 'end';
  /** With `resume`: handed back by the advisor, or a contact centre that could not take it. */
  why?: ResumeWhy;
  /** How to reach the customer after this turn (kept when the turn hands over). */
  reach?: ConversationRef;
  text?: string;
  /** A BCP-47 tag from the channel (activity.locale), seeding a new conversation's language. */
  locale?: string;
  /** The channel's message id, for de-duplicating its retries. */
  messageId?: string;
  /** The conversation's turn limit (counted by the session store as the turn begins): past it, `limited`. */
  limit?: TurnLimit;
}

export interface TurnOutput extends RenderedTurn {
  lang: Lang;
  /** The retry of a message already handled: nothing was done; the messages are the first delivery's (while kept). */
  duplicate?: boolean;
  /** The apology: nothing was done (the customer may say it again, or ask for a person). */
  failed?: boolean;
  /** The full transcript, when the turn hands over to a human. */
  transcript?: TranscriptEntry[];
  /** An advisor holds the conversation: the message went to them, the bot said (almost) nothing. */
  held?: boolean;
  /** Over the input's `limit`: nothing was done, nothing said; the caller may come back after this long. */
  limited?: { retryAfterSeconds: number };
}

export interface TurnEngineDeps {
  machine: ProvidedBookingMachine;
  sessions: SessionStore;
  recognizer: Recognizer;
  renderer: Renderer;
  timeZone: string;
  catalogue: ServiceCategory[];
  defaultLang: Lang;
  turnTimeoutMs: number;
  /** A conversation only opened (the welcome, never a message) is stored this long, not the session TTL. */
  unusedTtlSeconds?: number;
  /** The current instant as ISO-8601 with the dealer's offset (the statechart's `now`). */
  now: () => string;
  onError?: (err: unknown, conversationId: string) => void;
  /** Handoffs to advisors (src/handoff): without it, the machine's handoff state answers alone. */
  handoffs?: HandoffGate;
  /** Metrics and port failure logs (src/observe/observer.ts). */
  observer?: Observer;
  /**
   * #13: records the customer's answer to the reminder question with how to reach them
   * (src/reminders). `unreachable`: this channel cannot write later; a throw: not recorded. Either
   * way the customer is told, never left believing a reminder will come.
   */
  reminders?: (consent: ReminderConsent) => Promise<'kept' | 'unreachable'>;
  /**
   * #15: how many conversations keep their actor live between turns on this instance
   * (live-actors.ts); 0 or none: every turn restores the machine from the stored snapshot.
   */
  liveActors?: number;
  /** #15: what stored snapshots leave to the dealer file (snapshot-codec.ts); none: stored whole. */
  snapshots?: SnapshotCodec;
}

export interface ReminderConsent {
  conversationId: string;
  reference: string;
  consent: boolean;
  lang: Lang;
  reach?: ConversationRef;
  now: string;
}


export class TurnEngine {
  private readonly observer: Observer;
  /** #15: the actors of the conversations last active here, by conversation. */
  readonly live?: LiveActors<BookingActor, Output>;

  constructor(private readonly deps: TurnEngineDeps) {
    this.observer = deps.observer ?? quietObserver;
    if (deps.liveActors) this.live = new LiveActors(deps.liveActors);
  }

  /** Turns of one conversation run one at a time, in arrival order, across instances. */
  async handle(input: TurnInput): Promise<TurnOutput> {
    const started = performance.now();
    let out: TurnOutput;
    // Taken out while the turn runs; run() keeps it again or stops it.
    const live = this.live?.take(input.conversationId);
    let ran = false;
    try {
      out = await this.deps.sessions.turn(input.conversationId, input.messageId, (turn) => {
        ran = true;
        return this.run(input, turn, live);
      }, live || input.limit ? { ...(live ? { held: live.tag } : {}), ...(input.limit ? { limit: input.limit } : {}) } : undefined);
    } catch (err) {
      // Over the limit: no turn ran (none is counted either); the live actor stays for the next one.
      if (err instanceof TurnLimitedError && !ran) {
        if (live) this.live?.keep(input.conversationId, live);
        return { messages: [], lang: langOf(input.locale) ?? this.deps.defaultLang, limited: { retryAfterSeconds: err.retryAfterSeconds } };
      }
      if (!ran) live?.actor.stop();
      // The store is down or the turn never came (lock): nothing was done.
      this.failed(new PortFailure('sessions', err), input.conversationId);
      out = this.apology(langOf(input.locale) ?? this.deps.defaultLang);
    }
    this.observer.turn(input.conversationId, out.failed ? 'failed' : out.duplicate ? 'duplicate' : out.held ? 'held' : 'answered', (performance.now() - started) / 1000);
    return out;
  }

  /** Logged once: a port's failure by the observer, anything else by onError. */
  private failed(err: unknown, conversationId: string): void {
    if (err instanceof PortFailure) this.observer.portFailed(err.port, err.cause, conversationId);
    else this.deps.onError?.(err, conversationId);
  }

  private async run(input: TurnInput, turn: OpenTurn, live: LiveBookingActor | undefined): Promise<TurnOutput> {
    const fallbackLang = langOf(input.locale) ?? this.deps.defaultLang;
    const now = this.deps.now();
    let lang = fallbackLang;
    let actor: BookingActor | undefined;
    let kept = false;
    try {
      if (turn.duplicate) {
        // Nothing happens to the conversation: its live actor stays as it was.
        if (live) this.live?.keep(input.conversationId, live);
        live = undefined;
        return await this.again(input.conversationId, turn.reply, fallbackLang);
      }
      const outputs: Output[] = [];
      const { sink, reset, running, source, ...started } = turnActor(this.deps, input.conversationId, turn, live, now, fallbackLang);
      actor = started.actor;
      sink.outputs = outputs;
      this.observer.machine(source);
      const existing = turn.stored ?? turn.unchanged;
      // An advisor can hold only a conversation whose machine handed it over (the handoff is
      // opened after that state is saved), one whose snapshot no longer fits, or one whose
      // snapshot expired while advisor and customer went on talking.
      const handedOver = !reset && existing !== undefined && actor.getSnapshot().matches('handoff');
      if (input.kind === 'message' && this.deps.handoffs && (!existing || reset || handedOver)) {
        // The machine handed over: a handoff whose opening failed is opened now (once: turns take the lock).
        const pending = handedOver ? this.pendingHandoff(input, actor, now) : undefined;
        const held = await via('handoffs', this.deps.handoffs.intercept(input.conversationId, input.text ?? '', now, pending));
        if (held) {
          // The message already went to the advisor: a lost commit only leaves its id unmarked.
          if (!(await via('sessions', turn.commit({ transcript: [], release: true, ...replyOf(input, held) })))) this.deps.onError?.(new Error('concurrent update of a held conversation'), input.conversationId);
          return held;
        }
      }
      if (reset) outputs.push({ type: 'say', key: 'session.reset' });
      let failure: unknown;
      const watching = actor.subscribe({ error: (err) => (failure = err) });
      if (!running) {
        actor.start();
        await this.settle(actor);
      }

      const ctx = actor.getSnapshot().context;
      // A message too long to read is answered politely (the machine's isTooLong); nobody needs
      // more of it than one character past the limit, in the snapshot or in the transcript.
      const text = boundedText(input.text ?? '');
      // A clicked choice is written in the transcript as the customer saw it.
      const chosen = ctx.lastPrompt?.choices?.find((c) => c.value === text);
      const said = chosen ? this.deps.renderer.text(chosen.key, chosen.params, ctx.lang) : text;
      const event = await this.eventFor(input, text, ctx, now);
      actor.send(event);
      await this.settle(actor);
      watching.unsubscribe();
      if (failure) throw failure;

      const after = actor.getSnapshot();
      lang = after.context.lang;
      // Opened and never used (a page view, a flood of opens): kept minutes, not the session TTL.
      const unused = input.kind === 'start' && this.deps.unusedTtlSeconds !== undefined && (!existing || started.unused);
      const persisted = actor.getPersistedSnapshot();
      const snapshot = this.deps.snapshots ? this.deps.snapshots.slim(persisted, input.conversationId) : persisted;
      const envelope: Envelope = { machine: MACHINE_ID, version: MACHINE_VERSION, snapshot, ...(unused ? { unused: true } : {}) };
      const tag = this.live?.nextTag();
      const handsOver = outputs.find((o) => o.type === 'handoff');
      if (handsOver && this.deps.handoffs) outputs.push(...this.deps.handoffs.nextSteps(now));
      const rendered = this.deps.renderer.render(outputs, lang);
      const entries: TranscriptEntry[] = [
        ...(input.kind === 'message' ? [{ at: now, from: 'customer' as const, text: cutText(said, MAX_MESSAGE_LENGTH) }] : []),
        ...rendered.messages.map((m) => ({ at: now, from: 'bot' as const, text: m.text })),
      ];
      // A turn that hands over keeps the conversation until the handoff is open, so that the
      // customer's next message already finds it.
      const opens = rendered.handoff !== undefined && this.deps.handoffs !== undefined;
      const ttlSeconds = unused ? this.deps.unusedTtlSeconds : undefined;
      // A turn whose words depend on what happens after the commit (the reminder answer recorded
      // or not) keeps no reply: its duplicate gets none rather than words that may not be true.
      const reply = rendered.reminders ? {} : replyOf(input, { ...rendered, lang });
      if (!(await via('sessions', turn.commit({ envelope, tag, transcript: entries, release: !opens, ...(ttlSeconds ? { ttlSeconds } : {}), ...reply })))) {
        throw new Error('concurrent update of the conversation');
      }
      // Stored: the next turn here may go on from this very actor (a finished one starts over).
      if (this.live && tag !== undefined && after.status === 'active') {
        this.live.keep(input.conversationId, { actor, sink, tag, unused });
        kept = true;
      }
      const booked = outputs.find((o) => o.type === 'booked');
      if (booked) this.observer.booked(input.conversationId, booked.booking.solution);
      if (rendered.reminders) {
        const instead = await this.recordReminders(input, rendered.reminders, lang, now);
        // "I'll remind you" is said only when it is true: otherwise the words that say why not, in its place
        if (instead.length) {
          const promised = this.deps.renderer.text('reminders.willRemind', undefined, lang);
          const at = rendered.messages.findIndex((m) => m.text === promised);
          rendered.messages.splice(at < 0 ? rendered.messages.length : at, at < 0 ? 0 : 1, ...instead);
        }
      }
      const transcript = rendered.handoff ? await via('sessions', this.deps.sessions.transcript(input.conversationId)) : undefined;
      if (rendered.handoff && transcript && this.deps.handoffs) {
        // Saved in the handoff state already: if this fails, the customer's next message opens it.
        const opened = await via('handoffs', this.deps.handoffs.open({
          conversationId: input.conversationId, reason: rendered.handoff, lang, context: after.context, transcript, reach: input.reach, now,
        }));
        if (opened) this.observer.handoffOpened(input.conversationId, opened.reason, false);
      }
      return { ...rendered, lang, ...(transcript ? { transcript } : {}) };
    } catch (err) {
      this.failed(err, input.conversationId);
      return this.apology(lang);
    } finally {
      if (!kept) actor?.stop();
      if (live && live.actor !== actor) live.actor.stop();
    }
  }

  /** What opens a handoff the machine made but the store never got (its opening failed). */
  private pendingHandoff(input: TurnInput, actor: BookingActor, now: string) {
    const ctx = actor.getSnapshot().context;
    const { conversationId } = input;
    return {
      request: async () => ({
        conversationId, reason: ctx.handoffReason ?? 'requested', lang: ctx.lang, context: ctx,
        transcript: await via('sessions', this.deps.sessions.transcript(conversationId)), reach: input.reach, now,
      }),
      onOpened: (h: { reason: string }) => this.observer.handoffOpened(conversationId, h.reason, true),
    };
  }

  /** What the statechart hears for this turn. */
  private async eventFor(input: TurnInput, text: string, ctx: BookingContext, now: string): Promise<BookingEvent> {
    switch (input.kind) {
      case 'start':
        return { type: 'START', now };
      case 'resume':
        return { type: 'RESUME', why: input.why ?? 'handBack', now };
      case 'end':
        return { type: 'END', now };
      case 'message': {
        const u = parsePostback(matchChoiceTitle(text, this.choicesOf(ctx)) ?? text) ??
          (await this.deps.recognizer.recognize({ text, lang: ctx.lang, now, timeZone: this.deps.timeZone, awaiting: ctx.lastPrompt?.awaiting }));
        return { type: 'USER', now, u };
      }
    }
  }

  /**
   * A message handled before (a client's retry after a timeout): the first delivery's reply
   * while the store keeps it, else nothing. A reply that handed over stands only if the
   * handoff is open (its opening may have failed after the commit: then the apology).
   */
  private async again(conversationId: string, stored: string | undefined, lang: Lang): Promise<TurnOutput> {
    const first = stored === undefined ? undefined : (JSON.parse(stored) as TurnOutput);
    if (!first) return { messages: [], lang, duplicate: true };
    if (first.handoff && this.deps.handoffs && !(await via('handoffs', this.deps.handoffs.isOpen(conversationId)))) return { ...this.apology(first.lang), duplicate: true };
    return { ...first, duplicate: true };
  }

  /** #13: the answer to the reminder question, kept outside; what the customer must hear if it was not. */
  private async recordReminders(input: TurnInput, answer: { reference: string; consent: boolean }, lang: Lang, now: string) {
    const say = (key: string) => this.deps.renderer.render([{ type: 'say', key }], lang).messages;
    if (!this.deps.reminders) return answer.consent ? say('reminders.unreachable') : [];
    try {
      const kept = await this.deps.reminders({ conversationId: input.conversationId, ...answer, lang, reach: input.reach, now });
      return answer.consent && kept === 'unreachable' ? say('reminders.unreachable') : [];
    } catch (err) {
      this.observer.portFailed('reminders', err, input.conversationId);
      return answer.consent ? say('reminders.failed') : [];
    }
  }

  /** Nothing was saved: the customer can simply say it again, or ask for a person. */
  private apology(lang: Lang): TurnOutput {
    const apology: Output = { type: 'ask', key: 'error.turn', awaiting: 'text', choices: [{ key: 'choice.human', value: token.human }] };
    return { ...this.deps.renderer.render([apology], lang), lang, failed: true };
  }

  /** The choices the customer was last shown, as titles in the conversation's language. */
  private choicesOf(ctx: BookingContext): RenderedChoice[] | undefined {
    return ctx.lastPrompt?.choices?.map((c) => ({ title: this.deps.renderer.text(c.key, c.params, ctx.lang), value: c.value }));
  }

  private async settle(actor: BookingActor): Promise<void> {
    await waitFor(actor, (s) => s.hasTag(AWAITING_USER) || s.status !== 'active', { timeout: this.deps.turnTimeoutMs });
  }
}

/** The reply kept with a message id for its duplicate deliveries: the words, never the transcript. */
function replyOf(input: TurnInput, out: TurnOutput): { reply?: string } {
  if (input.messageId === undefined) return {};
  const { messages, handoff, lang, held } = out;
  return { reply: JSON.stringify({ messages, lang, ...(handoff ? { handoff } : {}), ...(held ? { held } : {}) }) };
}

/** Past the limit, the text trimmed and cut one character beyond it: still too long, never megabytes. */
function boundedText(text: string): string {
  return text.length <= MAX_MESSAGE_LENGTH + 1 ? text : text.trim().slice(0, MAX_MESSAGE_LENGTH + 1);
}

export function langOf(locale: string | undefined): Lang | undefined {
  const l = locale?.slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(l ?? '') ? (l as Lang) : undefined;
}
