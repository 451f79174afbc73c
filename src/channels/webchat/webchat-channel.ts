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
 * Opening is limited per client address, the table of conversations per instance, messages per
 * conversation and streams per conversation and in all (./limits.ts, docs/webchat.md "Limits").
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
import { busy, tooMany } from '../../http/refuse';
import type { RateLimits } from '../../limits/rate-limits';
import { WebChatConversations, type WebChatConversation } from './conversations';
import { WebChatHub } from './hub';
import { parseInbound, parseOpening, type Inbound } from './inbound';
import { webChatLimits } from './limits';
import { nextStamp, turnActivities, type BotIdentity } from './outbound';
import { mountWebChatPage } from './page';
import { createReceiptCard, type CalendarLinkOf } from './receipt-card';
import { loadWords } from './words';

export { WebChatHub } from './hub';

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
  const conversations = new WebChatConversations(limits.conversations, clock ? () => clock().getTime() : Date.now);
  const hub = new WebChatHub(conversations, bot, logger, limits.hub);

  const refuse = (res: Response, status: number, error: string) => {
    if (status === 401) res.header('www-authenticate', 'Bearer');
    res.header('cache-control', 'no-store');
    res.send(status, { error });
  };
  const authorized = (req: Request, res: Response): WebChatConversation | undefined => {
    const conversation = conversations.authorize(String(req.params.id), req.header('authorization'));
    if (!conversation) refuse(res, 401, 'unknown conversation or wrong token');
    return conversation;
  };

  server.post('/api/webchat/conversations', async (req: Request, res: Response) => {
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
    const opened = conversations.create(locale);
    if ('retryAfterSeconds' in opened) {
      limits.refused('full', { address, conversations: conversations.size });
      return busy(res, opened.retryAfterSeconds);
    }
    const { conversation, token } = opened;
    // The welcome: the same start turn as a Bot Framework conversationUpdate.
    const turn = await engine.handle({ conversationId: conversation.engineId, kind: 'start', ...(locale ? { locale } : {}) });
    const activities = turnActivities(conversation, bot, turn, { from: { id: 'customer', name: 'customer' } }, receipt);
    res.header('cache-control', 'no-store');
    res.send(201, { conversationId: conversation.id, token, activities });
  });

  server.post('/api/webchat/conversations/:id/activities', async (req: Request, res: Response) => {
    const conversation = authorized(req, res);
    if (!conversation) return;
    const inbound = parseInbound(req.body);
    if ('error' in inbound) return refuse(res, 400, inbound.error);
    const id = inbound.clientActivityID;
    // A re-post (Web Chat's retry, a flaky network) gets the first answer, not a second turn, and is not counted again.
    let outcome = id ? (conversation.answers.get(id) as Promise<PostOutcome> | undefined) : undefined;
    if (!outcome) {
      const started = post(conversation, inbound);
      outcome = started;
      if (id) {
        conversations.remember(conversation, id, started);
        const forget = () => conversation.answers.get(id) === started && conversation.answers.delete(id);
        // A refused or failed post may be sent again later and then run.
        started.then((o) => 'retryAfterSeconds' in o && forget(), forget);
      }
    }
    const result = await outcome;
    if ('retryAfterSeconds' in result) return tooMany(res, result.retryAfterSeconds);
    res.header('cache-control', 'no-store');
    res.send(200, result);
  });

  /** Counts the message against the conversation's limit, then runs its turn: nothing runs or is stored when over. */
  async function post(conversation: WebChatConversation, inbound: Inbound): Promise<PostOutcome> {
    const verdict = await limits.messages.take(conversation.engineId);
    if (!verdict.allowed) {
      limits.refused('messages', { conversation: conversation.engineId });
      return { retryAfterSeconds: verdict.retryAfterSeconds };
    }
    conversations.markUsed(conversation);
    const echo = { ...inbound.activity, ...nextStamp(conversation), channelId: 'webchat', conversation: { id: conversation.id } } as Partial<Activity>;
    const turn = await engine.handle({
      conversationId: conversation.engineId, kind: 'message', text: inbound.text,
      ...(inbound.locale ?? conversation.locale ? { locale: inbound.locale ?? conversation.locale } : {}),
      ...(inbound.clientActivityID ? { messageId: inbound.clientActivityID } : {}),
    });
    if (turn.handoff && !turn.duplicate) logger.info({ conversation: conversation.engineId, reason: turn.handoff }, 'web chat hands over to an advisor');
    // Another instance may have answered it already (shared sessions): its reply again, while kept.
    const activities = turnActivities(conversation, bot, turn, echo, receipt);
    return { id: echo.id!, echo, activities };
  }

  server.get('/api/webchat/conversations/:id/stream', async (req: Request, res: Response) => {
    const conversation = authorized(req, res);
    if (!conversation) return;
    if (wasHead(req)) return hub.head(res);
    hub.attach(conversation, res, req.header('last-event-id') || undefined);
  });

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

