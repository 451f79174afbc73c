/**
 * A rendered turn → Bot Framework activities (Web Chat via Direct Line; Teams gets its own
 * rendering in issue #5). Prompts carry `inputHint: expectingInput` and `channelData.awaiting`;
 * the confirmation carries `channelData.booking`; choices are suggested actions posting back a
 * token the bot understands.
 * @module
 */
import { ActionTypes, ActivityTypes, EventFactory, InputHints, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { TurnOutput } from '../../engine/turn-engine';

export function replyActivities(turn: TurnOutput): Partial<Activity>[] {
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
    if (Object.keys(channelData).length) activity.channelData = channelData;
    return activity;
  });
}

/** The Bot Framework handoff protocol's `handoff.initiate`, with the transcript attached. */
export function handoffActivity(context: TurnContext, turn: TurnOutput): Partial<Activity> {
  const activities = (turn.transcript ?? []).map(
    (e) => ({ type: ActivityTypes.Message, timestamp: new Date(e.at), from: { id: e.from, name: e.from, role: e.from === 'customer' ? 'user' : 'bot' }, text: e.text }) as Activity,
  );
  return EventFactory.createHandoffInitiation(context, { reason: turn.handoff, language: turn.lang }, { activities });
}
