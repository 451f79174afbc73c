/**
 * What the web chat sends to the browser: Bot Framework activities (the same shapes as
 * /api/messages, from activities.ts), stamped with an id, the conversation, the bot as sender
 * and a timestamp that only grows, because Web Chat orders its transcript by timestamp. The
 * stamps come from the web chat's state (state.ts), so that they keep growing whichever
 * instance answers.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { TurnOutput } from '../../engine/turn-engine';
import { handoffActivity, replyActivities } from '../botframework/activities';
import type { Stamp, WebChatConversation } from './conversations';
import type { ReceiptBuilder } from './receipt-card';
import { stampFields } from './state';

export interface BotIdentity {
  id: string;
  name: string;
}

/** The next `count` stamps of the conversation. */
export type Stamper = (count: number) => Promise<Stamp[]>;

/** An activity from the bot (a reply, or an advisor's message pushed later), ready for Web Chat but for its stamp. */
export function fromBot(conversation: WebChatConversation, bot: BotIdentity, activity: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    channelId: 'webchat',
    conversation: { id: conversation.id } as Activity['conversation'],
    from: { role: 'bot', ...bot, ...(activity.from ?? {}) },
  };
}

/** The activity with its id and timestamp. */
export function stamped(conversation: WebChatConversation, activity: Partial<Activity>, stamp: Stamp): Partial<Activity> {
  return { ...activity, ...stampFields(conversation.id, stamp) };
}

/** The turn's replies, then the handoff event when the turn hands over to a person. */
export async function turnActivities(
  conversation: WebChatConversation, bot: BotIdentity, turn: TurnOutput, inbound: Partial<Activity>, receipt: ReceiptBuilder, stamper: Stamper,
): Promise<Partial<Activity>[]> {
  // Plain text: Web Chat's markdown would fold the lines of a list ("\n• …") into one paragraph.
  const replies = replyActivities(turn, { receipt: (b, lang) => receipt(b, lang, conversation.engineId) }).map((a) => fromBot(conversation, bot, { ...a, textFormat: 'plain' }));
  if (turn.handoff) {
    const handoff = handoffActivity({ activity: { ...inbound, channelId: 'webchat', conversation: { id: conversation.id } } as Activity }, turn);
    replies.push(fromBot(conversation, bot, handoff));
  }
  if (!replies.length) return [];
  const stamps = await stamper(replies.length);
  return replies.map((a, i) => stamped(conversation, a, stamps[i]));
}
