/**
 * `/api/whatsapp`: the WhatsApp Business Cloud API webhook (docs/whatsapp.md).
 * GET is Meta's verification handshake; POST must carry a valid `X-Hub-Signature-256` over
 * the raw body, is answered 200 at once (Meta retries slow answers) and processed after,
 * through an in-process queue that shutdown waits for. Off (404) unless configured.
 * @module
 */
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../../config';
import type { TurnEngine } from '../../engine/turn-engine';
import { pacedLog } from '../../http/paced-log';
import type { RateLimits } from '../../limits/rate-limits';
import type { ContactWindow } from './contact-window';
import { createGraphClient } from './graph-client';
import { createInboundHandler, type InboundDeps } from './inbound';
import { createMessageLimit } from './message-limit';
import { createSender, type WhatsAppSender } from './sender';
import { createMemoryWhatsAppState, type WhatsAppState } from './shared-state';
import { sameSecret, validSignature } from './signature';
import { StatusLog } from './statuses';
import { TurnQueue } from './turn-queue';
import { parseWebhook, type WebhookEvent } from './webhook-payload';
import type { Renderer } from '../../render/render';
import { wordsFrom } from './words';

export const WHATSAPP_PATH = '/api/whatsapp';

export interface WhatsAppDeps {
  engine: TurnEngine;
  /** The engine's renderer: the same words and formats as every other channel. */
  renderer: Renderer;
  config: Config;
  logger: Logger;
  /** The shared rate limits (messages per number per minute). */
  rateLimits: RateLimits;
  fetch?: typeof fetch;
  clock?: () => Date;
  /**
   * Whether a message accepted now can be processed (the session store answers). While it
   * cannot, the webhook answers 503 and Meta delivers the message again later: a 200 would
   * acknowledge a message that could only get an apology.
   */
  ready?: () => Promise<boolean>;
  /** #13: the booking's calendar file, sent as a document after the receipt. */
  calendarFile?: InboundDeps['calendarFile'];
  /** The windows and seen message ids, shared by the instances (Redis) or this one's (memory, the default). */
  state?: WhatsAppState;
}

export interface WhatsAppChannel {
  sender: WhatsAppSender;
  window: ContactWindow;
  statuses: StatusLog;
  /** Waits for the accepted messages to be processed (shutdown does it through server.close). */
  drain(timeoutMs?: number): Promise<boolean>;
}

export function isWhatsAppConfigured(c: Config): boolean {
  return Boolean(c.WHATSAPP_VERIFY_TOKEN && c.WHATSAPP_APP_SECRET && c.WHATSAPP_TOKEN && c.WHATSAPP_PHONE_NUMBER_ID);
}

export function mountWhatsApp(server: Server, deps: WhatsAppDeps): WhatsAppChannel | undefined {
  const { config } = deps;
  if (!isWhatsAppConfigured(config)) return undefined;
  const logger = deps.logger.child({ channel: 'whatsapp' });
  const clock = deps.clock ?? (() => new Date());
  const graph = createGraphClient({
    graphUrl: config.WHATSAPP_GRAPH_URL, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID, token: config.WHATSAPP_TOKEN, fetch: deps.fetch,
  });
  const { window, seen } = deps.state ?? createMemoryWhatsAppState();
  const sender = createSender(graph, window, clock);
  const statuses = new StatusLog();
  const queue = new TurnQueue((err, conversation) => logger.error({ err, conversation }, 'whatsapp: message not processed'));
  const words = wordsFrom(deps.renderer);
  const handleInbound = createInboundHandler({
    engine: deps.engine, sender, window, clock, logger, defaultLang: config.DEFAULT_LANGUAGE,
    words: async () => words, admit: createMessageLimit(deps.rateLimits, config.MESSAGES_PER_CONVERSATION_PER_MINUTE),
    ...(deps.calendarFile ? { calendarFile: deps.calendarFile } : {}),
  });
  let closing = false;
  const refused = pacedLog(logger);

  server.get(WHATSAPP_PATH, async (req: Request, res: Response) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const challenge = q['hub.challenge'];
    const ok = q['hub.mode'] === 'subscribe' && typeof q['hub.verify_token'] === 'string' &&
      sameSecret(q['hub.verify_token'], config.WHATSAPP_VERIFY_TOKEN) && typeof challenge === 'string';
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.sendRaw(ok ? 200 : 403, ok ? challenge : 'Forbidden');
  });

  server.post(WHATSAPP_PATH, async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    if (!raw || !validSignature(raw, req.header('x-hub-signature-256'), config.WHATSAPP_APP_SECRET)) {
      // Anyone can post here: a flood of forgeries is one line a minute, not one each.
      refused('signature', 'warn', { ip: req.socket?.remoteAddress }, 'whatsapp: webhook refused (signature)');
      res.send(403, { error: 'invalid signature' });
      return;
    }
    // Meta retries what we don't accept: better later than lost while shutting down.
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    let events: WebhookEvent[] | undefined;
    try {
      events = parseWebhook(JSON.parse(raw.toString('utf8')), config.WHATSAPP_PHONE_NUMBER_ID);
    } catch {
      events = undefined;
    }
    if (!events) {
      res.send(400, { error: 'not a WhatsApp Business webhook' });
      return;
    }
    // Not ready (Redis down): Meta retries a 503 with backoff; nothing is marked seen or queued.
    if (deps.ready && events.some((e) => e.kind === 'message') && !(await deps.ready().catch(() => false))) {
      refused('not-ready', 'warn', {}, 'whatsapp: not ready (session store), webhook answered 503 for Meta to retry');
      res.header('retry-after', '5');
      res.send(503, { error: 'not ready' });
      return;
    }
    res.send(200);
    for (const event of events) {
      if (event.kind === 'status') {
        const moved = statuses.record(event.id, { status: event.status, at: event.at ?? clock(), recipient: event.recipient, errors: event.errors });
        logger[event.status === 'failed' ? 'warn' : 'debug']({ wamid: event.id, status: event.status, moved, errors: event.errors }, 'whatsapp: status');
        continue;
      }
      // In the conversation's queue, so that its messages keep their order while the id is checked.
      queue.enqueue(event.conversationId, async () => {
        // A message another instance (or this one) already took: Meta's retry, dropped.
        if (!(await seen.first(event.conversationId, event.id))) return;
        if (event.kind === 'notice') {
          // Recorded, not answered: a reaction is no question, a changed number no message.
          logger[event.type === 'system' ? 'info' : 'debug']({ conversation: event.conversationId, wamid: event.id, type: event.type, subtype: event.subtype }, 'whatsapp: notice, not answered');
        } else {
          await handleInbound(event);
        }
      });
    }
  });

  // Shutdown: stop taking webhooks, let the queue finish, then let the app close its stores.
  const close = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    closing = true;
    return close(() => void queue.drain().then(() => callback?.()));
  }) as Server['close'];

  logger.info({ path: WHATSAPP_PATH }, 'whatsapp: webhook mounted');
  return { sender, window, statuses, drain: (timeoutMs) => queue.drain(timeoutMs) };
}

/** The exact bytes Meta signed: restify keeps JSON (and text) bodies as a UTF-8 string in rawBody. */
function rawBodyOf(req: Request): Buffer | undefined {
  const r = req as Request & { rawBody?: unknown; body?: unknown };
  if (typeof r.rawBody === 'string') return Buffer.from(r.rawBody, 'utf8');
  if (Buffer.isBuffer(r.rawBody)) return r.rawBody;
  if (Buffer.isBuffer(r.body)) return r.body;
  return undefined;
}
