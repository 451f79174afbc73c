/**
 * #13: a reminder on a Bot Framework channel (Teams), as a proactive message
 * (`continueConversationAsync`) with the conversation reference kept at consent — only ever taken
 * from a request that passed the channel's JWT check. Without an app id no reference is ours.
 * @module
 */
import { MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ReminderDelivery } from '../../reminders/scheduler';

export function createProactiveReminderDelivery(adapter: CloudAdapter, appId: string): ReminderDelivery {
  return async (record, content) => {
    if (record.reach.channel !== 'botframework' || !appId) return 'unreachable';
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, record.reach.reference as Partial<ConversationReference>, async (context) => {
      try {
        await context.sendActivity({ ...MessageFactory.text(content.text), textFormat: 'plain', channelData: { reminder: { reference: record.reference } } });
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return 'sent';
  };
}
