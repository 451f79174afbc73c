/**
 * `POST /api/messages`: Bot Framework activities through botbuilder's `CloudAdapter`.
 * With an app id the adapter validates the channel's JWT; without one (development) the caller is
 * trusted with nothing beyond its own request (anonymous-guard.ts). Every activity is checked
 * against one schema first (inbound-activity.ts), and customer turns count against the
 * conversation's rate limit. `deliveryMode: expectReplies` returns the turn's replies in the body.
 * @module
 */
import { ActivityTypes, CloudAdapter, TurnContext } from 'botbuilder';
import type { Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { TurnEngine, TurnInput, TurnOutput } from '../../engine/turn-engine';
import type { RateLimits } from '../../limits/rate-limits';
import { tooMany } from '../../http/refuse';
import { handoffActivity, replyActivities } from './activities';
import { announceAnonymous, callerRefusal, replyRefusal } from './anonymous-guard';
import { ChannelAuthentication, passedJwtCheck } from './authentication';
import { channelWords, type ChannelWords, type ChannelWordsOptions } from './channel-words';
import { conversationIdOf, parseActivity } from './inbound-activity';
import { teamsActivities } from './teams-activities';
import { botActivities, handoffStatusOf, referenceOf } from './proactive';

/** A contact centre's `handoff.status` (accepted | failed | completed) for a conversation; may return the bot's words. */
export type HandoffStatusHandler = (conversationId: string, state: 'accepted' | 'failed' | 'completed') => Promise<TurnOutput | undefined>;

export interface BotFrameworkOptions extends ChannelWordsOptions {
  onHandoffStatus?: HandoffStatusHandler;
  /** The edges' limits: customer turns per conversation per minute. */
  rateLimits: RateLimits;
}

/** `options`: the app's renderer and the dealer's time zone, the handoff status handler, the limits. */
export function mountBotFramework(server: Server, engine: TurnEngine, config: Config, logger: Logger, options: BotFrameworkOptions): CloudAdapter {
  const auth = new ChannelAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  const words = channelWords(options);
  const turns = options.rateLimits('messages', { points: config.MESSAGES_PER_CONVERSATION_PER_MINUTE, durationSeconds: 60 });
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, conversation: conversationIdOf(context.activity) }, 'turn failed');
  };
  announceAnonymous(config, logger);

  server.post('/api/messages', async (req, res) => {
    const caller = callerRefusal(req, config);
    if (caller) {
      logger.warn({ address: req.socket?.remoteAddress }, 'bot framework: anonymous caller not on this machine refused');
      return short(res, caller.status, caller.reason);
    }
    const parsed = parseActivity(req.body);
    if ('error' in parsed) {
      logger.info({ issues: parsed.issues.map(({ path, code, message }) => ({ path, code, message })) }, 'bot framework: activity refused');
      return short(res, 400, parsed.error);
    }
    const route = replyRefusal(parsed.activity, config);
    if (route) {
      logger.warn({ serviceUrl: parsed.activity.serviceUrl, deliveryMode: parsed.activity.deliveryMode }, 'bot framework: anonymous reply route refused');
      return short(res, route.status, route.reason);
    }
    req.body = parsed.activity;

    // The adapter's answer is held: a limited turn answers 429, and errors leave as short bodies.
    let limitedFor: number | undefined;
    const held = heldResponse();
    await adapter.process(req, held.response as unknown as Response, async (context) => {
      const conversationId = conversationIdOf(context.activity);
      const authenticated = passedJwtCheck(context.turnState.get(adapter.BotIdentityKey));
      const state = handoffStatusOf(context.activity);
      if (state) {
        if (!authenticated) {
          logger.warn({ conversation: conversationId, state }, 'bot framework: handoff.status without a JWT ignored');
          return;
        }
        const turn = await options.onHandoffStatus?.(conversationId, state);
        if (turn?.messages.length) await context.sendActivities(botActivities(context.activity.channelId, turn, (await words()).renderer));
        return;
      }
      const input = toTurnInput(context, conversationId, authenticated);
      if (!input) return;
      const verdict = await turns.take(conversationId);
      if (!verdict.allowed) {
        limitedFor = verdict.retryAfterSeconds;
        logger.warn({ conversation: conversationId }, 'bot framework: messages per conversation over the limit');
        return;
      }
      await onTurn(context, engine, input, words);
    });
    if (limitedFor !== undefined) return tooMany(res, limitedFor);
    held.replay(res, logger);
  });
  return adapter;
}

async function onTurn(context: TurnContext, engine: TurnEngine, input: TurnInput, words: () => Promise<ChannelWords>): Promise<void> {
  const turn = await engine.handle(input);
  if (turn.duplicate) return;
  const { renderer, receipt } = await words();
  // Teams gets its own rendering (src/render/teams.ts); Direct Line, Web Chat, the Emulator and
  // test clients get suggested actions, the receipt card, and plain text so "•" lines stay lines.
  const replies = context.activity.channelId === 'msteams'
    ? teamsActivities(turn, renderer)
    : replyActivities(turn, { receipt }).map((a) => ({ ...a, textFormat: 'plain' }));
  if (replies.length) await context.sendActivities(replies);
  if (turn.handoff) await context.sendActivity(handoffActivity(context, turn));
}

/**
 * The activities the bot answers: messages, and the customer joining the conversation. A way
 * to reach the customer later (`reach`) is kept only from a channel that passed the JWT check.
 */
export function toTurnInput(context: TurnContext, conversationId: string, authenticated: boolean): TurnInput | undefined {
  const a = context.activity;
  const base = { conversationId, ...(a.locale ? { locale: a.locale } : {}) };
  if (a.type === ActivityTypes.Message) {
    const token = tokenOf(a.value);
    // In a Teams group chat or channel the bot is @mentioned: "<at>Bot</at> ciao" means "ciao".
    const text = a.channelId === 'msteams' ? (TurnContext.removeRecipientMention(a) ?? a.text) : a.text;
    const messageId = (a.channelData as { clientActivityID?: string | null } | null | undefined)?.clientActivityID ?? a.id;
    return {
      ...base, kind: 'message', text: token ?? text ?? '', ...(messageId ? { messageId } : {}), ...(authenticated ? { reach: referenceOf(a) } : {}),
    };
  }
  if (a.type === ActivityTypes.ConversationUpdate) {
    // Teams, installing the app in personal scope, may list only the bot as added.
    const botInstalled = a.channelId === 'msteams' && a.conversation.conversationType === 'personal';
    const customerJoined = (a.membersAdded ?? []).some((m) => m.id !== a.recipient?.id || botInstalled);
    return customerJoined ? { ...base, kind: 'start' } : undefined;
  }
  return undefined;
}

/**
 * The token a click carries in `value`: a postBack's string, `{ token }` from a messageBack or an
 * Adaptive Card `Action.Submit` (its `Input.ChoiceSet` is named `token`), or that object as JSON
 * (Teams allows a messageBack value as a string).
 */
function tokenOf(value: unknown): string | undefined {
  let v = value;
  if (typeof v === 'string' && v.trimStart().startsWith('{')) {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return v as string;
    }
  }
  if (typeof v === 'string') return v || undefined;
  const token = (v as { token?: unknown } | null | undefined)?.token;
  return typeof token === 'string' && token ? token : undefined;
}

function short(res: Response, status: number, reason: string): void {
  res.send(status, { error: reason });
}

/**
 * A stand-in for the response that CloudAdapter writes to (status, send, end), so that the
 * channel answers after it: botbuilder would send an internal error's message as the body.
 */
function heldResponse() {
  let status = 200;
  let body: unknown;
  const response = {
    status: (code: number) => ((status = code), response),
    header: () => response,
    send: (b: unknown) => ((body = b), response),
    end: () => response,
  };
  return {
    response,
    replay(res: Response, logger: Logger): void {
      if (status >= 500) {
        logger.error({ err: body }, 'bot framework: request failed');
        return short(res, 500, 'internal error');
      }
      if (status === 401) return short(res, 401, 'unauthorized');
      if (body === undefined) {
        res.status(status);
        res.end();
        return;
      }
      res.send(status, body);
    },
  };
}
