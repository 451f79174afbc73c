/**
 * #13: a reminder to a web chat customer, over the conversation's event stream (the hub keeps a
 * short backlog, so a page that reconnects still gets it). The conversation lives on one
 * instance: when it is not this one and instances share Redis, the activity goes over the
 * handoff store's events to the instance that holds it (as advisors' messages do). A
 * conversation no instance knows any more (the page was closed and the conversation expired)
 * cannot be reached.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { HandoffStore } from '../../handoff/handoff-store';
import type { ReminderDelivery } from '../../reminders/scheduler';
import type { WebChatHub } from './hub';

export function createWebChatReminderDelivery(hub: WebChatHub, store: HandoffStore, shared: boolean): ReminderDelivery {
  return async (record, content) => {
    if (record.reach.channel !== 'webchat') return 'unreachable';
    const id = record.reach.conversationId;
    const activity: Partial<Activity> = {
      type: 'message', text: content.text, textFormat: 'plain', locale: record.lang === 'it' ? 'it-IT' : 'en-GB',
      channelData: { reminder: { reference: record.reference } },
    };
    if (hub.push(id, activity)) return 'sent';
    if (!shared) return 'unreachable';
    await store.publish({ type: 'relay', conversationId: id, activities: [activity as Record<string, unknown>] });
    return 'sent';
  };
}
