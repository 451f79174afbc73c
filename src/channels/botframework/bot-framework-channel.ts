/**
 * `POST /api/messages`: Bot Framework activities through botbuilder's `CloudAdapter`.
 * With an app id the route checks the channel's JWT (botbuilder's check, authentication.ts) before
 * the adapter runs the turn; without one (development) the caller is trusted with nothing beyond
 * its own request (anonymous-guard.ts). Every activity is checked against one schema first
 * (inbound-activity.ts), and customer turns count against the conversation's rate limit (counted by
 * the session store as the turn begins: TurnOptions.limit).
 * `deliveryMode: expectReplies` returns the turn's replies in the body. Refusals are short bodies,
 * logged once a minute per kind (a flood of them is not a flood of log lines).
 * @module
 */
import { ActivityTypes, CloudAdapter, DeliveryModes, TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import type { Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { TurnEngine, TurnInput, TurnOutput } from '../../engine/turn-engine';
import { pacedLog } from '../../http/paced-log';
import { tooMany } from '../../http/refuse';
import { handoffActivity, replyActivities } from './activities';
import { announceAnonymous, callerRefusal, replyRefusal } from './anonymous-guard';
import { ChannelAuthentication, passedJwtCheck } from './authentication';
import { channelWords, type ChannelWords, type ChannelWordsOptions } from './channel-words';
import { conversationIdOf, parseActivity } from './inbound-activity';
import { teamsActivities } from './teams-activities';
import { botActivities, handoffStatusOf, referenceOf } from './proactive';

/** A contact centre's `handoff.status` (accepted | failed | completed) for a conversation; may return the bot's words. */
/** A refused activity's schema issues kept in its log line: enough to see what was wrong. */
const MAX_LOGGED_ISSUES = 5;

export type HandoffStatusHandler = (conversationId: string, state: 'accepted' | 'failed' | 'completed') => Promise<TurnOutput | undefined>;

export interface BotFrameworkOptions extends ChannelWordsOptions {
  onHandoffStatus?: HandoffStatusHandler;
}

/** `options`: the app's renderer and the dealer's time zone, the handoff status handler. */
export function mountBotFramework(server: Server, engine: TurnEngine, config: Config, logger: Logger, options: BotFrameworkOptions): CloudAdapter {
  const auth = new ChannelAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CheckedAdapter(auth);
  const words = channelWords(options);
  // Counted by the session store as the turn begins (#15: in the same round trip as the turn lock).
  const limit = { points: config.MESSAGES_PER_CONVERSATION_PER_MINUTE, windowSeconds: 60 };
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, conversation: conversationIdOf(context.activity) }, 'turn failed');
  };
  announceAnonymous(config, logger);

  // Refusals a flood repeats are logged once a minute per kind (src/http/paced-log.ts).
  const refused = pacedLog(logger);

  server.post('/api/messages', async (req, res) => {
    const caller = callerRefusal(req, config);
    if (caller) {
      refused('anonymous-caller', 'warn', { address: req.socket?.remoteAddress }, 'bot framework: anonymous caller not on this machine refused');
      return short(res, caller.status, caller.reason);
    }
    const parsed = parseActivity(req.body);
    if ('error' in parsed) {
      refused('activity', 'info', { issues: parsed.issues.slice(0, MAX_LOGGED_ISSUES).map(({ path, code }) => ({ path: path.join('.').slice(0, 80), code })), count: parsed.issues.length }, 'bot framework: activity refused');
      return short(res, 400, parsed.error);
    }
    const route = replyRefusal(parsed.activity, config);
    if (route) {
      refused('reply-route', 'warn', { serviceUrl: parsed.activity.serviceUrl?.slice(0, 200), deliveryMode: parsed.activity.deliveryMode }, 'bot framework: anonymous reply route refused');
      return short(res, route.status, route.reason);
    }
    const activity = parsed.activity as Activity;

    // The JWT is checked here rather than in adapter.process(), which writes every refused
    // request's stack to the console (a flood of unsigned requests would flood it) and sends an
    // internal error's message as the body.
    let authenticated: AuthenticateResult;
    try {
      authenticated = await auth.authenticateRequest(activity, String(req.header('authorization') ?? ''));
    } catch (err) {
      if (!isAuthenticationError(err)) {
        logger.error({ err }, 'bot framework: authentication failed');
        return short(res, 500, 'internal error');
      }
      refused('unauthenticated', 'info', { reason: (err as Error).message.slice(0, 200) }, 'bot framework: request without a valid JWT refused');
      return short(res, 401, 'unauthorized');
    }

    let limitedFor: number | undefined;
    let answer: InvokeResponse | undefined;
    try {
      answer = await adapter.run(authenticated, activity, async (context) => {
        const conversationId = conversationIdOf(context.activity);
        const jwt = passedJwtCheck(context.turnState.get(adapter.BotIdentityKey));
        const state = handoffStatusOf(context.activity);
        if (state) {
          if (!jwt) {
            refused('handoff-status', 'warn', { conversation: conversationId, state }, 'bot framework: handoff.status without a JWT ignored');
            return;
          }
          const turn = await options.onHandoffStatus?.(conversationId, state);
          if (turn?.messages.length) await context.sendActivities(botActivities(context.activity.channelId, turn, (await words()).renderer));
          return;
        }
        const input = toTurnInput(context, conversationId, jwt);
        if (!input) return;
        const turn = await engine.handle({ ...input, limit });
        if (turn.limited) {
          limitedFor = turn.limited.retryAfterSeconds;
          refused('messages', 'warn', { conversation: conversationId }, 'bot framework: messages per conversation over the limit');
          return;
        }
        await onTurn(context, turn, words);
      });
    } catch (err) {
      logger.error({ err }, 'bot framework: request failed');
      return short(res, 500, 'internal error');
    }
    if (limitedFor !== undefined) return tooMany(res, limitedFor);
    if (answer?.body === undefined) {
      res.status(answer?.status ?? 200);
      res.end();
      return;
    }
    res.send(answer.status, answer.body);
  });
  return adapter;
}

async function onTurn(context: TurnContext, turn: TurnOutput, words: () => Promise<ChannelWords>): Promise<void> {
  // A retried delivery: replies in the body (expectReplies) are the first delivery's again; replies
  // sent through the connector went already and are not sent twice.
  if (turn.duplicate && context.activity.deliveryMode !== DeliveryModes.ExpectReplies) return;
  const { renderer, receipt } = await words();
  // Teams gets its own rendering (src/render/teams.ts); Direct Line, Web Chat, the Emulator and
  // test clients get suggested actions, the receipt card, and plain text so "•" lines stay lines.
  const replies = context.activity.channelId === 'msteams'
    ? teamsActivities(turn, renderer)
    : replyActivities(turn, { receipt }).map((a) => ({ ...a, textFormat: 'plain' }));
  if (replies.length) await context.sendActivities(replies);
  if (turn.handoff && !turn.duplicate) await context.sendActivity(handoffActivity(context, turn));
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

type AuthenticateResult = Awaited<ReturnType<ChannelAuthentication['authenticateRequest']>>;

/** CloudAdapter, given a request whose JWT the route has checked already. */
class CheckedAdapter extends CloudAdapter {
  run(authenticated: AuthenticateResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

function short(res: Response, status: number, reason: string): void {
  res.send(status, { error: reason });
}

/** botbuilder's AuthenticationError (401/403: no token, a bad one, a wrong audience), known by its status. */
function isAuthenticationError(err: unknown): boolean {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return status === 401 || status === 403;
}
