/**
 * `POST /api/messages`: Bot Framework activities through botbuilder's `CloudAdapter`.
 * Anonymous when no app id is configured (local development); with one, the channel's JWT is
 * validated by the adapter. `deliveryMode: expectReplies` returns the turn's replies in the body.
 * @module
 */
import {
  ActivityTypes, CloudAdapter, TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { TurnEngine, TurnInput } from '../../engine/turn-engine';
import { handoffActivity, replyActivities } from './activities';
import { ChannelAuthentication } from './authentication';
import { channelWords, type ChannelWords, type ChannelWordsOptions } from './channel-words';
import { teamsActivities } from './teams-activities';
import { botActivities, handoffStatusOf, referenceOf } from './proactive';
import type { TurnOutput } from '../../engine/turn-engine';

/** A contact centre's `handoff.status` (accepted | failed | completed) for a conversation; may return the bot's words. */
export type HandoffStatusHandler = (conversationId: string, state: 'accepted' | 'failed' | 'completed') => Promise<TurnOutput | undefined>;

/** `options`: the app's renderer and the dealer's time zone (else read from the dealer file). */
export function mountBotFramework(server: Server, engine: TurnEngine, config: Config, logger: Logger, options: ChannelWordsOptions & { onHandoffStatus?: HandoffStatusHandler }): CloudAdapter {
  const auth = new ChannelAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  const words = channelWords(options);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
  };

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      const state = handoffStatusOf(context.activity);
      if (!state) return onActivity(context, engine, words);
      const turn = await options.onHandoffStatus?.(`${context.activity.channelId}:${context.activity.conversation.id}`, state);
      if (turn?.messages.length) await context.sendActivities(botActivities(context.activity.channelId, turn, (await words()).renderer));
    });
  });
  return adapter;
}

async function onActivity(context: TurnContext, engine: TurnEngine, words: () => Promise<ChannelWords>): Promise<void> {
  const input = toTurnInput(context);
  if (!input) return;
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

/** The activities the bot answers: messages, and the customer joining the conversation. */
export function toTurnInput(context: TurnContext): TurnInput | undefined {
  const a = context.activity;
  const base = { conversationId: `${a.channelId}:${a.conversation.id}`, locale: a.locale };
  if (a.type === ActivityTypes.Message) {
    const token = tokenOf(a.value);
    // In a Teams group chat or channel the bot is @mentioned: "<at>Bot</at> ciao" means "ciao".
    const text = a.channelId === 'msteams' ? (TurnContext.removeRecipientMention(a) ?? a.text) : a.text;
    const messageId = (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID ?? a.id;
    return { ...base, kind: 'message', text: token ?? text ?? '', ...(messageId ? { messageId } : {}), reach: referenceOf(a) };
  }
  if (a.type === ActivityTypes.ConversationUpdate) {
    // Teams, installing the app in personal scope, may list only the bot as added.
    const botInstalled = a.channelId === 'msteams' && a.conversation.conversationType === 'personal';
    const customerJoined = (a.membersAdded ?? []).some((m) => m.id !== a.recipient.id || botInstalled);
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
