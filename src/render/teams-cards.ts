/**
 * The Adaptive Cards (schema 1.5) the Teams renderer sends: the summary to confirm, a choice set
 * for choices that do not fit buttons, and the booking receipt. Every `Action.Submit` carries
 * `{ token }`, the postback token the bot understands (toTurnInput reads `value.token`).
 * @module
 */
import type { Booking } from '../../dialogs/model';
import type { RenderedChoice } from './render';
import type { TeamsAttachment, TeamsWords } from './teams';
import { TEAMS_LIMITS } from './teams-limits';

type Element = Record<string, unknown>;

const CARD = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: Element[], actions: Element[] = [], speak?: string): TeamsAttachment {
  return {
    contentType: CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: TEAMS_LIMITS.cardVersion,
      // Teams draws cards narrow by default; a summary reads better across the chat.
      msteams: { width: 'Full' },
      ...(speak ? { speak } : {}),
      body,
      ...(actions.length ? { actions } : {}),
    },
  };
}

export const textBlock = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });

/**
 * A button that posts its token. In Teams, `msteams.messageBack` shows the title in the chat as
 * the customer's words; Teams merges `msteams.value` into the submitted value, and `token` is in
 * `data` too, so the bot reads `value.token` either way.
 */
export function submit(choice: RenderedChoice): Element {
  const token = choice.value;
  return {
    type: 'Action.Submit',
    title: choice.title,
    data: { token, msteams: { type: 'messageBack', displayText: choice.title, text: choice.title, value: JSON.stringify({ token }) } },
  };
}

/** Every option, whole and wrapped; the selected option's token arrives as `value.token`. */
export function choiceSet(choices: RenderedChoice[], words: TeamsWords): { body: Element[]; actions: Element[] } {
  return {
    body: [
      {
        type: 'Input.ChoiceSet',
        id: 'token',
        // Radio buttons show every title in full; a long list becomes a drop-down.
        style: choices.length <= 10 ? 'expanded' : 'compact',
        wrap: true,
        isRequired: true,
        errorMessage: words.text('teams.required'),
        placeholder: words.text('teams.placeholder'),
        choices: choices.map((c) => ({ title: c.title, value: c.value })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: words.text('teams.choose') }],
  };
}

const FACT = /^([^:\n]{1,40}): (.+)$/s;

/** Summary lines: "Label: value" lines as facts, anything else as a text block, in order. */
export function linesBlocks(lines: string[]): Element[] {
  const blocks: Element[] = [];
  let facts: { title: string; value: string }[] | undefined;
  for (const line of lines) {
    const m = FACT.exec(line);
    if (m) {
      if (!facts) blocks.push({ type: 'FactSet', spacing: 'Medium', facts: (facts = []) });
      facts.push({ title: m[1], value: m[2] });
    } else {
      facts = undefined;
      blocks.push(textBlock(line, { spacing: 'Small' }));
    }
  }
  return blocks;
}

/** The receipt the customer keeps: reference, work, times in the dealer's zone. */
export function receiptCard(b: Booking, words: TeamsWords): TeamsAttachment {
  const w = (key: string) => words.text(`teams.receipt.${key}`);
  const at = (iso: string) => words.text('teams.receipt.at', { at: iso });
  // A service or solution the locale does not name is shown by its id, never as a key.
  const name = (key: string, id: string) => (words.text(key) === key ? id : words.text(key));
  const facts = [
    { title: w('customer'), value: b.customerName },
    { title: w('service'), value: name(`service.${b.service}`, b.service) },
    { title: w('appointment'), value: at(b.appointmentAt) },
    { title: w('solution'), value: name(`solution.${b.solution}`, b.solution) },
    ...(b.solution === 'none' ? [] : [{ title: w('handover'), value: at(b.handoverAt) }]),
    { title: w('return'), value: at(b.returnAt) },
  ];
  return adaptiveCard([
    {
      type: 'Container',
      style: 'emphasis',
      bleed: true,
      items: [
        textBlock(w('heading'), { size: 'Small', weight: 'Bolder', isSubtle: true }),
        textBlock(b.reference, { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }),
      ],
    },
    { type: 'FactSet', spacing: 'Medium', facts },
  ]);
}
