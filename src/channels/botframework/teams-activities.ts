/**
 * A Teams turn → Bot Framework activities, from the one renderer's Teams module
 * (src/render/teams.ts). The contract of the other channels stays: `inputHint`, `locale`,
 * `channelData.awaiting` and `channelData.booking`.
 * @module
 */
import { ActionTypes, ActivityTypes, InputHints, type Activity, type CardAction } from 'botbuilder';
import type { Renderer } from '../../render/render';
import { renderTeams } from '../../render/teams';
import { teamsWords } from '../../render/teams-words';
import type { TurnOutput } from '../../engine/turn-engine';

export function teamsActivities(turn: TurnOutput, renderer: Renderer): Partial<Activity>[] {
  const words = teamsWords(renderer, turn.lang);
  return turn.messages.map((m) => {
    const t = renderTeams(m, words);
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      textFormat: t.textFormat,
      inputHint: m.awaiting ? InputHints.ExpectingInput : InputHints.AcceptingInput,
      locale: turn.lang === 'it' ? 'it-IT' : 'en-GB',
    };
    if (t.text !== undefined) activity.text = t.text;
    if (t.summary) activity.summary = t.summary;
    if (t.suggestedActions) {
      activity.suggestedActions = {
        to: [],
        actions: t.suggestedActions.map((a) => ({ ...a, type: a.type === 'imBack' ? ActionTypes.ImBack : ActionTypes.MessageBack }) as CardAction),
      };
    }
    if (t.attachments) activity.attachments = t.attachments;
    const channelData: Record<string, unknown> = {};
    if (m.awaiting) channelData.awaiting = m.awaiting;
    if (m.booking) channelData.booking = m.booking;
    if (Object.keys(channelData).length) activity.channelData = channelData;
    return activity;
  });
}
