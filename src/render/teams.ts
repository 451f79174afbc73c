/**
 * The one renderer's Teams module: a rendered message → the parts of a Teams message (text,
 * suggested actions, cards), within TEAMS_LIMITS. Pure: the Bot Framework channel turns the
 * result into an activity.
 *
 * - The summary to confirm (awaiting `confirm`, with lines) is an Adaptive Card: the question,
 *   the lines as facts, and one `Action.Submit` per choice.
 * - Other choices: up to 3 one-line titles the bot recognises when typed back → suggested
 *   actions (`imBack`: Teams shows them as smart replies, the click is the customer's words);
 *   up to 6 one-line titles → a hero card of `messageBack` buttons carrying `{ token }`; more,
 *   or longer → an Adaptive Card with an `Input.ChoiceSet` and one `Action.Submit`.
 * - The booking receipt is an Adaptive Card; a message with a card never has suggested actions.
 * - Text is markdown, where one newline is no line break: lines are separated by a blank line.
 * @module
 */
import type { Params } from '../../dialogs/output';
import { matchChoiceTitle } from '../nlu/choice-title';
import type { RenderedChoice, RenderedMessage } from './render';
import { adaptiveCard, choiceSet, linesBlocks, receiptCard, submit, textBlock } from './teams-cards';
import { fitsButton, TEAMS_LIMITS as L } from './teams-limits';

export { TEAMS_LIMITS, fitsButton } from './teams-limits';

export interface TeamsCardAction {
  type: 'imBack' | 'messageBack';
  title: string;
  /** imBack: the text sent as the customer's message; messageBack: `{ token }`. */
  value: string | { token: string };
  text?: string;
  displayText?: string;
}

export interface TeamsAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface TeamsMessage {
  /** Markdown; absent when a card says it all. */
  text?: string;
  textFormat: 'markdown';
  /** What Teams shows in notifications and the chat list for a card-only message. */
  summary?: string;
  suggestedActions?: TeamsCardAction[];
  attachments?: TeamsAttachment[];
}

export interface TeamsWords {
  text(key: string, params?: Params): string;
}

export function renderTeams(message: RenderedMessage, words: TeamsWords): TeamsMessage {
  const { head, lines } = split(message);
  const choices = message.choices ?? [];
  const receipt = message.booking ? [receiptCard(message.booking, words)] : [];
  if (message.awaiting === 'confirm' && lines.length) {
    const card = summaryCard(head, lines, choices, words);
    return { textFormat: 'markdown', summary: head, attachments: [card, ...receipt] };
  }
  const out: TeamsMessage = { text: markdown(message.text), textFormat: 'markdown' };
  const attachments = [...receipt];
  if (choices.length) {
    if (!attachments.length && asSuggestions(choices)) {
      out.suggestedActions = choices.map((c) => ({ type: 'imBack', title: c.title, value: c.title }));
    } else if (choices.length <= L.heroButtons && choices.every((c) => fitsButton(c.title))) {
      attachments.push({ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: choices.map(messageBack) } });
    } else {
      const form = choiceSet(choices, words);
      attachments.push(adaptiveCard(form.body, form.actions));
    }
  }
  if (attachments.length) out.attachments = attachments;
  return out;
}

/** Smart replies send the title as text: only titles that come back as their own token. */
function asSuggestions(choices: RenderedChoice[]): boolean {
  return choices.length <= L.suggestedActions && choices.every((c) => fitsButton(c.title) && matchChoiceTitle(c.title, choices) === c.value);
}

const messageBack = (c: RenderedChoice): TeamsCardAction => ({
  type: 'messageBack', title: c.title, text: c.title, displayText: c.title, value: { token: c.value },
});

function summaryCard(head: string, lines: string[], choices: RenderedChoice[], words: TeamsWords): TeamsAttachment {
  const body = [textBlock(head, { weight: 'Bolder' }), ...linesBlocks(lines)];
  if (choices.length <= L.cardActions && choices.every((c) => fitsButton(c.title))) return adaptiveCard(body, choices.map(submit), head);
  const form = choiceSet(choices, words);
  return adaptiveCard([...body, ...form.body], form.actions, head);
}

/** The message's text without its "• line" list (render.ts appends it), and the lines. */
function split(message: RenderedMessage): { head: string; lines: string[] } {
  const lines = message.lines ?? [];
  const list = lines.map((l) => `\n• ${l}`).join('');
  return lines.length && message.text.endsWith(list) ? { head: message.text.slice(0, -list.length), lines } : { head: message.text, lines: [] };
}

/** Teams' markdown joins single newlines into one paragraph: a blank line keeps each line. */
const markdown = (text: string) => text.replace(/\r?\n+/g, '\n\n');
