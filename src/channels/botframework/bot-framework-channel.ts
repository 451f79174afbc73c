/**
 * `POST /api/messages`: Bot Framework activities through botbuilder's `CloudAdapter`.
 * Anonymous when no app id is configured (local development); with one, the channel's JWT is
 * validated by the adapter. `deliveryMode: expectReplies` returns the turn's replies in the body.
 * @module
 */
import {
  ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { TurnEngine, TurnInput } from '../../engine/turn-engine';
import { handoffActivity, replyActivities } from './activities';

export function mountBotFramework(server: Server, engine: TurnEngine, config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
  };

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => onActivity(context, engine));
  });
  return adapter;
}

async function onActivity(context: TurnContext, engine: TurnEngine): Promise<void> {
  const input = toTurnInput(context);
  if (!input) return;
  const turn = await engine.handle(input);
  if (turn.duplicate) return;
  const replies = replyActivities(turn);
  if (replies.length) await context.sendActivities(replies);
  if (turn.handoff) await context.sendActivity(handoffActivity(context, turn));
}

/** The activities the bot answers: messages, and the customer joining the conversation. */
export function toTurnInput(context: TurnContext): TurnInput | undefined {
  const a = context.activity;
  const base = { conversationId: `${a.channelId}:${a.conversation.id}`, locale: a.locale };
  if (a.type === ActivityTypes.Message) {
    const value = a.value as unknown;
    // A postBack/messageBack or an Adaptive Card submit may carry the token in `value`.
    const token = typeof value === 'string' ? value : typeof (value as { token?: unknown })?.token === 'string' ? (value as { token: string }).token : undefined;
    const messageId = (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID ?? a.id;
    return { ...base, kind: 'message', text: token ?? a.text ?? '', ...(messageId ? { messageId } : {}) };
  }
  if (a.type === ActivityTypes.ConversationUpdate) {
    const customerJoined = (a.membersAdded ?? []).some((m) => m.id !== a.recipient.id);
    return customerJoined ? { ...base, kind: 'start' } : undefined;
  }
  return undefined;
}
