/**
 * What Teams shows (FACTS.md): only the first 3 suggested actions, and none on a message with
 * attachments; a hero card shows up to 6 one-line buttons; Adaptive Cards up to schema 1.5; a
 * message over ~100 KB is refused (413). Titles are never cut: a choice that does not fit goes
 * to a form (Input.ChoiceSet) instead.
 * @module
 */
export const TEAMS_LIMITS = {
  suggestedActions: 3,
  heroButtons: 6,
  /** One line of a button on a phone; longer titles go to the choice set, which wraps. */
  buttonTitle: 40,
  /** Teams' host config shows at most 6 card actions. */
  cardActions: 6,
  cardVersion: '1.5',
  /** Teams refuses ~100 KB; ours stay far below, so a long summary never comes near it. */
  messageBytes: 100_000,
  budgetBytes: 28_000,
} as const;

/** A one-line title that fits a button. */
export const fitsButton = (title: string): boolean =>
  title.length > 0 && title.length <= TEAMS_LIMITS.buttonTitle && !/[\r\n]/.test(title);
