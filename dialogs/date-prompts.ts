/**
 * R9: asking for the day in the words of the solution (a car collected from the customer is not
 * "brought in"), and, instead of guessing, one short question with buttons: which of the days
 * named (a weekday and a date that disagree name two), or which part of a day whose wished hour
 * the dealer is not open at (E).
 * @module
 */
import { token } from './choice-tokens';
import type { BookingContext } from './context';
import type { DateWish } from './model';
import type { Choice, Prompt } from './output';

function dayChoice(o: DateWish & { date: string }): Choice {
  const value = token.when(o);
  if (o.time) return { key: 'choice.dayAt', params: { day: o.date, time: o.time }, value };
  if (o.part) return { key: `choice.dayPart.${o.part}`, params: { day: o.date }, value };
  return { key: 'choice.day', params: { day: o.date }, value };
}

const otherDate: Choice = { key: 'choice.otherDate', value: token.change('date') };

/** The question for the day, or the one short question the customer's words left open. */
export function datePrompt(ctx: BookingContext): Prompt {
  const q = ctx.dateQuestion;
  if (q?.kind === 'which') {
    const days = q.options.filter((o): o is DateWish & { date: string } => !!o.date);
    // the days named are said in the question too, not only on the buttons (a channel may show none)
    const named = [...new Set(days.map((o) => o.date))];
    const key = q.conflict ? 'ask.whichDateConflict' : 'ask.whichDate';
    return { key, params: { day: named }, awaiting: 'date', choices: [...days.map(dayChoice), otherDate] };
  }
  if (q?.kind === 'part') {
    return {
      key: 'ask.dayPart',
      params: { day: q.date, time: q.time },
      awaiting: 'date',
      choices: [
        { key: 'choice.morning', value: token.when({ date: q.date, part: 'morning' }) },
        { key: 'choice.afternoon', value: token.when({ date: q.date, part: 'afternoon' }) },
        otherDate,
      ],
    };
  }
  const collected = ctx.mobility === 'pickup-delivery' && ctx.legs !== 'delivery';
  const key = collected ? 'ask.datePickup' : ctx.mobility === 'staff-shuttle' ? 'ask.dateShuttle' : 'ask.date';
  return { key, awaiting: 'date', choices: [{ key: 'choice.asap', value: token.asap }] };
}
