/**
 * What the web chat sends to the browser: Bot Framework activities (the same shapes as
 * /api/messages, from activities.ts), stamped with an id, the conversation, the bot as sender
 * and a timestamp that only grows, because Web Chat orders its transcript by timestamp.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { TurnOutput } from '../../engine/turn-engine';
import { handoffActivity, replyActivities } from '../botframework/activities';
import type { WebChatConversation } from './conversations';
import type { ReceiptBuilder } from './receipt-card';

export interface BotIdentity {
  id: string;
  name: string;
}

/** The next id and timestamp of the conversation (ms, strictly increasing). */
export function nextStamp(conversation: WebChatConversation, now = Date.now()): { id: string; timestamp: Date } {
  conversation.seq += 1;
  conversation.lastTimestamp = Math.max(now, conversation.lastTimestamp + 1);
  return { id: `${conversation.id}|${String(conversation.seq).padStart(6, '0')}`, timestamp: new Date(conversation.lastTimestamp) };
}

/** An activity from the bot (a reply, or an advisor's message pushed later), ready for Web Chat. */
export function stampFromBot(conversation: WebChatConversation, bot: BotIdentity, activity: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    ...nextStamp(conversation),
    channelId: 'webchat',
    conversation: { id: conversation.id } as Activity['conversation'],
    from: { role: 'bot', ...bot, ...(activity.from ?? {}) },
  };
}

/** The turn's replies, then the handoff event when the turn hands over to a person. */
export function turnActivities(
  conversation: WebChatConversation, bot: BotIdentity, turn: TurnOutput, inbound: Partial<Activity>, receipt: ReceiptBuilder,
): Partial<Activity>[] {
  // Plain text: Web Chat's markdown would fold the lines of a list ("\n• …") into one paragraph.
  const replies = replyActivities(turn, { receipt: (b, lang) => receipt(b, lang, conversation.engineId) }).map((a) => stampFromBot(conversation, bot, { ...a, textFormat: 'plain' }));
  if (turn.handoff) {
    const handoff = handoffActivity({ activity: { ...inbound, channelId: 'webchat', conversation: { id: conversation.id } } as Activity }, turn);
    replies.push(stampFromBot(conversation, bot, handoff));
  }
  return replies;
}
