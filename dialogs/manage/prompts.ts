/**
 * What the bot asks about a booking already made (#13). Keys only; the words are in locales/.
 * @module
 */
import { token } from '../choice-tokens';
import type { BookingContext } from '../context';
import type { Choice, Prompt } from '../output';
import { comesToAddress } from './change';
import { vehicleLabel } from '../summary-lines';
import { statusLines } from './words';

/** What may be changed: the day, the mobility, the address when the solution comes to one, or cancel. */
function changeChoices(ctx: BookingContext): Choice[] {
  return [
    { key: 'manage.choice.date', value: token.change('date') },
    { key: 'manage.choice.mobility', value: token.change('mobility') },
    { key: 'manage.choice.work', value: token.manage('add') },
    ...(comesToAddress(ctx.booking?.solution) ? [{ key: 'manage.choice.address', value: token.part('address') }] : []),
    { key: 'manage.choice.cancel', value: token.manage('cancel') },
  ];
}

export const managePrompts = {
  /** The reference, with the plate or surname beside it (a new conversation proves both). */
  manageReference: (ctx: BookingContext): Prompt => ({
    key: ctx.managing?.plate || ctx.managing?.surname ? 'manage.ask.referenceOnly' : 'manage.ask.reference',
    awaiting: 'text',
    choices: [{ key: 'choice.human', value: token.human }],
  }),
  manageProof: (): Prompt => ({ key: 'manage.ask.proof', awaiting: 'text', choices: [{ key: 'choice.human', value: token.human }] }),
  chooseBooking: (ctx: BookingContext): Prompt => {
    const candidates = ctx.managing?.candidates ?? [];
    return {
      key: 'manage.ask.which',
      awaiting: 'text',
      lines: candidates.map((c) => ({ key: 'manage.line.booking', params: { reference: c.reference, at: c.appointmentAt, service: `service.${c.service}` } })),
      choices: candidates.map((c) => ({ key: 'manage.choice.booking', params: { reference: c.reference }, value: token.booking(c.reference) })),
    };
  },
  whatToChange: (ctx: BookingContext): Prompt => ({
    key: 'manage.ask.what',
    params: { reference: ctx.booking?.reference },
    awaiting: 'text',
    choices: changeChoices(ctx),
  }),
  /** After the status: what else may be done with it. */
  manageNext: (ctx: BookingContext): Prompt => ({
    key: 'manage.ask.next',
    params: { reference: ctx.booking?.reference },
    awaiting: 'text',
    choices: changeChoices(ctx),
  }),
  confirmCancel: (ctx: BookingContext): Prompt => ({
    key: 'manage.ask.cancel',
    params: { reference: ctx.booking?.reference },
    awaiting: 'confirm',
    lines: statusLines(ctx),
    choices: [
      { key: 'manage.choice.cancelYes', value: token.yes },
      { key: 'manage.choice.keep', value: token.no },
    ],
  }),
  /** What the chat cannot do, said plainly, and a person offered. */
  managePerson: (ctx: BookingContext): Prompt => ({
    key: `manage.person.${ctx.managing?.why ?? 'failed'}`,
    params: { reference: ctx.booking?.reference },
    awaiting: 'confirm',
    choices: [
      { key: 'choice.human', value: token.yes },
      { key: 'manage.choice.noThanks', value: token.no },
    ],
  }),
  /** #13: work to add, not named yet. */
  manageWork: (ctx: BookingContext): Prompt => ({
    key: 'manage.ask.work',
    params: { reference: ctx.booking?.reference },
    awaiting: 'service',
    choices: [{ key: 'choice.human', value: token.human }],
  }),
  /** #13: the longer work does not fit the booked slot or its mobility: nothing changed; another day, a person, or as it was. */
  workNoFit: (ctx: BookingContext): Prompt => {
    const solution = ctx.slot?.solution;
    const mobility = !solution || solution === 'none' || solution === 'public-transport' ? 'workshop' : 'mobility';
    return {
      key: `manage.ask.workNoFit.${ctx.changing?.work?.refused === 'vehicle' ? 'vehicle' : mobility}`,
      params: {
        reference: ctx.changing?.reference ?? ctx.booking?.reference,
        ready: ctx.slot?.returnAt,
        at: ctx.booking?.appointmentAt,
        solution: solution ? (solution === 'pickup-delivery' ? `legs.${ctx.legs ?? 'both'}` : `solution.${solution}`) : undefined,
      },
      awaiting: 'text',
      choices: [
        { key: 'manage.choice.otherDay', value: token.change('date') },
        { key: 'choice.human', value: token.human },
        { key: 'manage.choice.asItWas', value: token.no },
      ],
    };
  },
  /** A new request for a car that already has an upcoming booking: change it, add work, or another visit. */
  secondVisit: (ctx: BookingContext): Prompt => ({
    key: 'manage.ask.secondVisit',
    params: { reference: ctx.booking?.reference, at: ctx.booking?.appointmentAt, vehicle: vehicleLabel(ctx) },
    awaiting: 'text',
    choices: [
      { key: 'manage.choice.changeIt', value: token.manage('change') },
      { key: 'manage.choice.addWork', value: token.manage('add') },
      { key: 'manage.choice.another', value: token.manage('another') },
    ],
  }),
};
