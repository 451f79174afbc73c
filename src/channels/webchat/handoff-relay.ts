/**
 * Advisor messages (and the bot's words after a hand-back) to a web chat customer, over the
 * conversation's event stream. The hub reaches the streams of every instance through the web
 * chat's state; when this instance does not know the conversation (in memory, another instance
 * opened it), the activities go over the handoff store's events and the instance that knows it
 * pushes them.
 * @module
 */
import type { Activity } from 'botbuilder';
import type { Handoff } from '../../handoff/handoff';
import type { HandoffStore } from '../../handoff/handoff-store';
import type { ChannelRelay, Delivery } from '../../handoff/relay';
import { replyActivities } from '../botframework/activities';
import type { WebChatHub } from './hub';

export function createWebChatRelay(hub: WebChatHub, store: HandoffStore): { relay: ChannelRelay; stop: () => void } {
  const stop = store.subscribe((event) => {
    if (event.type !== 'relay') return;
    void (async () => {
      for (const a of event.activities) if (!(await hub.push(event.conversationId, a as Partial<Activity>))) return;
    })().catch(() => undefined);
  });
  const relay: ChannelRelay = {
    async deliver(handoff: Handoff, delivery: Delivery) {
      const id = handoff.conversationId;
      const activities = activitiesOf(delivery);
      if (await hub.push(id, activities[0])) {
        for (const a of activities.slice(1)) await hub.push(id, a);
        return 'sent';
      }
      await store.publish({ type: 'relay', conversationId: id, activities: activities as Record<string, unknown>[] });
      return 'forwarded';
    },
  };
  return { relay, stop };
}

function activitiesOf(delivery: Delivery): Partial<Activity>[] {
  if (delivery.kind === 'advisor') {
    return [{
      type: 'message', text: delivery.text, textFormat: 'plain',
      // The advisor's name as the sender; the role stays `bot` (Web Chat draws the bot's side).
      from: { id: `advisor:${delivery.name}`, name: delivery.name, role: 'bot' },
      channelData: { handoff: { from: 'advisor', name: delivery.name } },
    }];
  }
  return replyActivities({ ...delivery.turn }).map((a) => ({ ...a, textFormat: 'plain' }));
}
