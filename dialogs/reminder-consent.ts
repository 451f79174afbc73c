/**
 * Issue #13: the customer's consent to a reminder the day before, asked once per booking, in the
 * same turn as the receipt (a yes/no choice after it, never a step before the confirmation).
 * A yes or a no is recorded outside the dialogue through the `reminders` output (the engine keeps
 * how to reach the customer); anything else leaves the question unanswered — no consent, no
 * reminder — and the conversation goes on as after any booking.
 * @module
 */
import { token } from './choice-tokens';
import type { BookingContext } from './context';
import type { BookingEvent } from './events';
import type { Output, Prompt } from './output';

/** The consent question: yes / no, under the receipt. */
export const reminderConsentPrompt = (): Prompt => ({
  key: 'ask.reminderConsent',
  awaiting: 'confirm',
  choices: [
    { key: 'choice.remindYes', value: token.yes },
    { key: 'choice.remindNo', value: token.no },
  ],
});

/** Just booked, and not yet asked for this booking. */
export const consentToAsk = (ctx: BookingContext): boolean => ctx.booking !== undefined && ctx.reminders === undefined;

/** Nothing but a yes or a no ("si grazie", "no", a click), right after the question. */
export function consentAnswer(ctx: BookingContext, event: BookingEvent): boolean | undefined {
  if (event.type !== 'USER' || ctx.reminders !== 'asked' || ctx.asked?.prompt !== 'reminderConsent' || !ctx.booking) return undefined;
  const { intent, entities } = event.u;
  const { choice: _choice, ...rest } = entities;
  if (Object.keys(rest).length > 0) return undefined;
  if (intent === 'affirm') return true;
  if (intent === 'deny') return false;
  return undefined;
}

/** What the answer does: recorded outside (the `reminders` output), and said plainly. */
export function consentOutputs(ctx: BookingContext, consent: boolean): Output[] {
  const reference = ctx.booking!.reference;
  return [
    { type: 'reminders', reference, consent },
    { type: 'say', key: consent ? 'reminders.willRemind' : 'reminders.noReminder' },
  ];
}
