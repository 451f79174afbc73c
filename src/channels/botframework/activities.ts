/**
 * A rendered turn → Bot Framework activities (Web Chat via Direct Line; Teams gets its own
 * rendering in issue #5). Prompts carry `inputHint: expectingInput` and `channelData.awaiting`;
 * the confirmation carries `channelData.booking` (and, when the channel asks, a receipt card);
 * choices are suggested actions posting back a token the bot understands.
 * @module
 */
import { ActionTypes, ActivityTypes, EventFactory, InputHints, MessageFactory, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import type { Booking, Lang } from '../../../dialogs/model';
import type { TurnOutput } from '../../engine/turn-engine';

export interface ReplyOptions {
  /** A card for the confirmation (web chat's receipt); channelData.booking stays either way. */
  receipt?: (booking: Booking, lang: Lang) => Attachment;
}

export function replyActivities(turn: TurnOutput, options: ReplyOptions = {}): Partial<Activity>[] {
  return turn.messages.map((m) => {
    const activity: Partial<Activity> = MessageFactory.text(m.text, m.text, m.awaiting ? InputHints.ExpectingInput : InputHints.AcceptingInput);
    activity.locale = turn.lang === 'it' ? 'it-IT' : 'en-GB';
    if (m.choices?.length) {
      activity.suggestedActions = {
        to: [],
        actions: m.choices.map((c) => ({ type: ActionTypes.PostBack, title: c.title, value: c.value, displayText: c.title })),
      };
    }
    const channelData: Record<string, unknown> = {};
    if (m.awaiting) channelData.awaiting = m.awaiting;
    if (m.booking) channelData.booking = m.booking;
    if (m.booking && options.receipt) activity.attachments = [options.receipt(m.booking, turn.lang)];
    if (Object.keys(channelData).length) activity.channelData = channelData;
    return activity;
  });
}

/** The Bot Framework handoff protocol's `handoff.initiate`, with the transcript attached. */
export function handoffActivity(context: Pick<TurnContext, 'activity'>, turn: TurnOutput): Partial<Activity> {
  const activities = (turn.transcript ?? []).map(
    (e) => ({ type: ActivityTypes.Message, timestamp: new Date(e.at), from: { id: e.from, name: e.from, role: e.from === 'customer' ? 'user' : 'bot' }, text: e.text }) as Activity,
  );
  // createHandoffInitiation reads only context.activity, so a channel without a TurnContext
  // (web chat) passes { activity } with the customer's activity.
  return EventFactory.createHandoffInitiation(context as TurnContext, { reason: turn.handoff, language: turn.lang }, { activities });
}
