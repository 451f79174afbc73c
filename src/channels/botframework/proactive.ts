/**
 * The Bot Framework side of a handoff (Teams, Direct Line): advisor messages and the bot's words
 * after a hand-back reach the customer as proactive messages (`continueConversationAsync` with the
 * conversation reference kept when the conversation was handed over — only ever taken from a
 * request that passed the channel's JWT check); and a contact centre's `handoff.status` answers
 * are read here.
 * @module
 */
import { ActivityTypes, MessageFactory, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { TurnOutput } from '../../engine/turn-engine';
import type { ConversationRef, Handoff } from '../../handoff/handoff';
import type { ContactCentreState } from '../../handoff/handoff-service';
import type { ChannelRelay, Delivery, RelayResult } from '../../handoff/relay';
import type { Renderer } from '../../render/render';
import { replyActivities } from './activities';
import { teamsActivities } from './teams-activities';

/** What the engine keeps to reach this conversation later. */
export function referenceOf(activity: Partial<Activity>): ConversationRef {
  return {
    channel: 'botframework',
    channelId: String(activity.channelId),
    reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>,
  };
}

/** A contact centre's `handoff.status` event (Bot Framework handoff protocol), if this is one. */
export function handoffStatusOf(activity: Partial<Activity>): ContactCentreState | undefined {
  if (activity.type !== ActivityTypes.Event || activity.name !== 'handoff.status') return undefined;
  const state = (activity.value as { state?: unknown } | undefined)?.state;
  return state === 'accepted' || state === 'failed' || state === 'completed' ? state : undefined;
}

/** The bot's turn as activities of the conversation's channel (Teams has its own rendering). */
export function botActivities(channelId: string | undefined, turn: Pick<TurnOutput, 'messages' | 'lang'>, renderer: Renderer): Partial<Activity>[] {
  return channelId === 'msteams'
    ? teamsActivities(turn as TurnOutput, renderer)
    : replyActivities(turn as TurnOutput).map((a) => ({ ...a, textFormat: 'plain' }));
}

export function createProactiveRelay(adapter: CloudAdapter, appId: string, renderer: Renderer): ChannelRelay {
  return {
    async deliver(handoff: Handoff, delivery: Delivery): Promise<RelayResult> {
      const ref = handoff.conversationRef;
      // Without an app id no request passed a JWT check, so no reference is ours to use: one
      // stored by an older version came from whoever called, and would POST where they chose.
      if (ref.channel !== 'botframework' || !appId) return 'unreachable';
      const activities: Partial<Activity>[] = delivery.kind === 'advisor'
        ? [{ ...MessageFactory.text(`${renderer.text('handoff.advisorLabel', { name: delivery.name }, handoff.lang)}\n\n${delivery.text}`), channelData: { handoff: { from: 'advisor', name: delivery.name } } }]
        : botActivities(ref.channelId, delivery.turn, renderer);
      // The adapter hands an error thrown inside the turn to onTurnError (which logs it) and then
      // resolves as if all went well: keep the error, so that the console hears the truth.
      let failure: { error: unknown } | undefined;
      await adapter.continueConversationAsync(appId, ref.reference as Partial<ConversationReference>, async (context) => {
        try {
          await context.sendActivities(activities);
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw failure.error;
      return 'sent';
    },
  };
}
