/**
 * The web chat on the dealer's website: its own small endpoint instead of Direct Line, so that
 * it runs without Azure. The page (page.ts) holds a custom Direct Line object that talks to it:
 *
 * - `POST /api/webchat/conversations` → `{ conversationId, token, activities }` (the welcome);
 * - `POST /api/webchat/conversations/:id/activities` (Bearer token) → `{ id, echo, activities }`:
 *   the customer's activity as the bot received it, then the turn's replies;
 * - `GET /api/webchat/conversations/:id/stream` (Bearer token): server-sent events for what
 *   arrives later (`WebChatHub.push`).
 *
 * Opening is limited per client address, the table of conversations, messages per conversation
 * and streams per conversation and in all (./limits.ts, docs/webchat.md "Limits"). What outlives a
 * request is in the web chat's state (./state.ts): this process's memory, or Redis shared by every
 * instance, so that no sticky routing is needed.
 *
 * /api/messages stays for the Azure channels. See docs/webchat.md.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../../config';
import type { Dealer } from '../../dealer/schema';
import type { TurnEngine } from '../../engine/turn-engine';
import { clientAddress } from '../../http/client-address';
import { wasHead } from '../../http/head-as-get';
import { pacedLog } from '../../http/paced-log';
import { busy, tooMany } from '../../http/refuse';
import type { RateLimits } from '../../limits/rate-limits';
import type { WebChatConversation } from './conversations';
import { WebChatHub } from './hub';
import { parseInbound, parseOpening, type Inbound } from './inbound';
import { webChatLimits } from './limits';
import { stamped, turnActivities, type BotIdentity } from './outbound';
import { mountWebChatPage } from './page';
import { createReceiptCard, type CalendarLinkOf } from './receipt-card';
import { createMemoryWebChatState, type WebChatState, type WebChatStateOptions } from './state';
import { loadWords } from './words';

export { WebChatHub } from './hub';

/** A duplicate post waits this many times this long for the first one's answer from another instance. */
const KEPT_ANSWER_ATTEMPTS = 20;
const KEPT_ANSWER_PAUSE_MS = 100;

export interface WebChatDeps {
  engine: TurnEngine;
  dealer: Dealer;
  config: Config;
  logger: Logger;
  /** The edges' rate limits (src/limits): opens per address, messages per conversation. */
  rateLimits: RateLimits;
  /** The app's clock (tests move it): conversations expire by it. */
  clock?: () => Date;
  /** #13: the receipt's "add to calendar" link, signed for the conversation (absent: no link). */
  calendarLink?: CalendarLinkOf;
  /** Where conversations, backlogs and answers live: Redis shared by the instances (src/compose.ts), or this process's memory (the default). */
  state?: (options: WebChatStateOptions) => WebChatState;
}

interface PostAnswer {
  id: string;
  echo: Partial<Activity>;
  activities: Partial<Activity>[];
}

/** A post's outcome, shared by identical re-posts: the answer, or too many messages for now. */
type PostOutcome = PostAnswer | { retryAfterSeconds: number };

export function mountWebChat(server: Server, deps: WebChatDeps): WebChatHub {
  const { engine, dealer, config, logger, clock } = deps;
  const words = loadWords();
  const receipt = createReceiptCard(words, dealer.site.timeZone, deps.calendarLink);
  const bot: BotIdentity = { id: 'bot', name: dealer.site.name };
  const limits = webChatLimits(config, deps.rateLimits, logger);
  const stateOptions: WebChatStateOptions = { conversations: limits.conversations, backlog: limits.hub.backlog, now: clock ? () => clock().getTime() : Date.now };
  const state = (deps.state ?? createMemoryWebChatState)(stateOptions);
  const hub = new WebChatHub(state, bot, logger, limits.hub);
  /** Posts being answered on this instance, by conversation then clientActivityID: a re-post meanwhile waits for the same answer. */
  const inFlight = new Map<string, Map<string, Promise<PostOutcome>>>();
  state.subscribe((event) => event.kind === 'forget' && inFlight.delete(event.conversationId));

  const refuse = (res: Response, status: number, error: string) => {
    if (status === 401) res.header('www-authenticate', 'Bearer');
    res.header('cache-control', 'no-store');
    res.send(status, { error });
  };
  const authorized = async (req: Request, res: Response): Promise<WebChatConversation | undefined> => {
    const conversation = await state.authorize(String(req.params.id), req.header('authorization'));
    if (!conversation) refuse(res, 401, 'unknown conversation or wrong token');
    return conversation;
  };
  /** The shared state failing (Redis away) is a short 503: the page tries again, nothing internal is shown. */
  const unavailable = pacedLog(logger);
  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (err) {
      unavailable('state', 'warn', { err }, 'web chat state unavailable');
      if (!res.headersSent) busy(res);
    }
  };

  server.post('/api/webchat/conversations', guarded(async (req: Request, res: Response) => {
    const opening = parseOpening(req.body);
    if ('error' in opening) return refuse(res, 400, opening.error);
    const { locale } = opening;
    const address = clientAddress(req, config.TRUST_PROXY_HOPS);
    const verdict = await limits.opens.take(address);
    if (!verdict.allowed) {
      limits.refused('opens', { address });
      return tooMany(res, verdict.retryAfterSeconds);
    }
    // When the table is full the newcomer waits; nobody already chatting is pushed out.
    const opened = await state.create(locale);
    if ('retryAfterSeconds' in opened) {
      limits.refused('full', { address, conversations: await state.size() });
      return busy(res, opened.retryAfterSeconds);
    }
    const { conversation, token } = opened;
    // The welcome: the same start turn as a Bot Framework conversationUpdate.
    const turn = await engine.handle({ conversationId: conversation.engineId, kind: 'start', ...(locale ? { locale } : {}) });
    const activities = await turnActivities(conversation, bot, turn, { from: { id: 'customer', name: 'customer' } }, receipt, stamper(conversation));
    res.header('cache-control', 'no-store');
    res.send(201, { conversationId: conversation.id, token, activities });
  }));

  const stamper = (conversation: WebChatConversation) => (count: number) => state.stamps(conversation, count);

  server.post('/api/webchat/conversations/:id/activities', guarded(async (req: Request, res: Response) => {
    const conversation = await authorized(req, res);
    if (!conversation) return;
    const inbound = parseInbound(req.body);
    if ('error' in inbound) return refuse(res, 400, inbound.error);
    const result = await answerOnce(conversation, inbound);
    if ('retryAfterSeconds' in result) return tooMany(res, result.retryAfterSeconds);
    res.header('cache-control', 'no-store');
    res.send(200, result);
  }));

  /**
   * A re-post (Web Chat's retry, a flaky network) gets the first answer, not a second turn, and is
   * not counted again: the answer in flight on this instance, or the one kept in the state by any.
   */
  async function answerOnce(conversation: WebChatConversation, inbound: Inbound): Promise<PostOutcome> {
    const id = inbound.clientActivityID;
    if (!id) return post(conversation, inbound);
    let pending = inFlight.get(conversation.id);
    const running = pending?.get(id);
    if (running) return running;
    const kept = (await state.answer(conversation, id)) as PostAnswer | undefined;
    if (kept) return kept;
    const started = post(conversation, inbound).then(async (outcome) => {
      // A refused post may be sent again later and then run; an answer is kept for a re-post on another instance.
      if (!('retryAfterSeconds' in outcome)) await state.keepAnswer(conversation, id, outcome);
      return outcome;
    });
    if (!pending) inFlight.set(conversation.id, (pending = new Map()));
    pending.set(id, started);
    while (pending.size > limits.conversations.answers) pending.delete(pending.keys().next().value!);
    const forget = () => {
      if (pending.get(id) === started) pending.delete(id);
      if (pending.size === 0 && inFlight.get(conversation.id) === pending) inFlight.delete(conversation.id);
    };
    // A refused or failed post may be sent again later and then run.
    started.then((o) => 'retryAfterSeconds' in o && forget(), forget);
    return started;
  }

  /** Counts the message against the conversation's limit, then runs its turn: nothing runs or is stored when over. */
  async function post(conversation: WebChatConversation, inbound: Inbound): Promise<PostOutcome> {
    const verdict = await limits.messages.take(conversation.engineId);
    if (!verdict.allowed) {
      limits.refused('messages', { conversation: conversation.engineId });
      return { retryAfterSeconds: verdict.retryAfterSeconds };
    }
    await state.markUsed(conversation);
    const [stamp] = await state.stamps(conversation, 1);
    const echo = stamped(conversation, { ...inbound.activity, channelId: 'webchat', conversation: { id: conversation.id } } as Partial<Activity>, stamp);
    const turn = await engine.handle({
      conversationId: conversation.engineId, kind: 'message', text: inbound.text,
      ...(inbound.locale ?? conversation.locale ? { locale: inbound.locale ?? conversation.locale } : {}),
      ...(inbound.clientActivityID ? { messageId: inbound.clientActivityID } : {}),
    });
    if (turn.handoff && !turn.duplicate) logger.info({ conversation: conversation.engineId, reason: turn.handoff }, 'web chat hands over to an advisor');
    // Another instance may have answered it already (shared sessions): nothing to add.
    if (turn.duplicate && inbound.clientActivityID) {
      // Answered by another instance meanwhile (the same post, at the same time): its answer, which
      // it keeps in the shared state just after its turn, is this one's too.
      const kept = await keptAnswer(conversation, inbound.clientActivityID);
      if (kept) return kept;
    }
    const activities = turn.duplicate ? [] : await turnActivities(conversation, bot, turn, echo, receipt, stamper(conversation));
    return { id: echo.id!, echo, activities };
  }

  /** The answer another instance keeps for a post, given a moment to arrive (bounded: ~2 s); undefined without one. */
  async function keptAnswer(conversation: WebChatConversation, clientActivityId: string): Promise<PostAnswer | undefined> {
    for (let attempt = 0; attempt < KEPT_ANSWER_ATTEMPTS; attempt++) {
      const kept = (await state.answer(conversation, clientActivityId)) as PostAnswer | undefined;
      if (kept || !state.shared) return kept;
      await new Promise((resolve) => setTimeout(resolve, KEPT_ANSWER_PAUSE_MS));
    }
    return undefined;
  }

  server.get('/api/webchat/conversations/:id/stream', guarded(async (req: Request, res: Response) => {
    const conversation = await authorized(req, res);
    if (!conversation) return;
    if (wasHead(req)) return hub.head(res);
    await hub.attach(conversation, res, req.header('last-event-id') || undefined);
  }));

  mountWebChatPage(server, { words, dealer, defaultLanguage: config.DEFAULT_LANGUAGE, logger });
  closeStreamsOnShutdown(server, hub);
  logger.debug('web chat mounted at / and /api/webchat');
  return hub;
}

/**
 * server.close() waits for open connections, and an event stream never ends by itself: end the
 * streams first. restify has no pre-close hook, hence the wrapper.
 */
function closeStreamsOnShutdown(server: Server, hub: WebChatHub): void {
  const close = server.close.bind(server);
  server.close = ((...args: Parameters<Server['close']>) => {
    hub.close();
    return close(...args);
  }) as Server['close'];
}

