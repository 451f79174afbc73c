/**
 * Which words a question is asked with. Asked again after a misunderstanding, it is said in
 * other words with an example (one message, not an apology and the whole question again); and no
 * question is ever shown a third time in a row in the same words: the third is said otherwise
 * ("back to your booking: …"), with a person offered beside the choices (R11).
 * @module
 */
import { token } from './choice-tokens';
import type { Asked, BookingContext } from './context';
import type { Prompt } from './output';
import { prompts } from './prompts';

export type PromptName = keyof typeof prompts;

/** After a misunderstanding: the question in other words, with an example; by default `misunderstood.<awaiting>`. */
const OTHER_WORDS: Partial<Record<PromptName, string>> = {
  legs: 'misunderstood.pickupDelivery',
  change: 'misunderstood.change',
  human: 'misunderstood.human',
  retryOrHuman: 'misunderstood.retryOrHuman',
  manageReference: 'manage.misunderstood.reference',
  manageProof: 'manage.misunderstood.proof',
  chooseBooking: 'manage.misunderstood.which',
  workNoFit: 'manage.misunderstood.workNoFit',
  whatToChange: 'misunderstood.change',
  manageNext: 'misunderstood.text',
  confirmCancel: 'manage.misunderstood.cancel',
  managePerson: 'misunderstood.human',
  secondVisit: 'manage.misunderstood.secondVisit',
  vehicleBooked: 'misunderstood.vehicleBooked',
  reminderConsent: 'misunderstood.reminderConsent',
};

/** Repeated without a misunderstanding (after answers to questions, help, thanks): `again.<name>`, no apology. */
const AGAIN = new Set<PromptName>([
  'service', 'vehicle', 'name', 'mobility', 'legs', 'address', 'date', 'slot', 'confirm', 'change', 'human', 'retryOrHuman', 'anythingElse', 'vehicleBooked',
  'reminderConsent',
]);

/** Same words at most twice in a row. */
const MAX_TIMES = 2;

function inOtherWords(name: PromptName, prompt: Prompt, why: 'misunderstood' | 'repeated'): Prompt {
  const misunderstood = OTHER_WORDS[name] ?? `misunderstood.${prompt.awaiting}`;
  if (why === 'misunderstood') {
    // the list was just shown: only the words change
    return { ...prompt, key: misunderstood, lines: undefined };
  }
  const choices = prompt.choices ?? [];
  const withPerson = !choices.some((c) => c.value === token.human || c.key === 'choice.human');
  return {
    ...prompt,
    key: AGAIN.has(name) ? `again.${name}` : misunderstood,
    choices: withPerson ? [...choices, { key: 'choice.human', value: token.human }] : prompt.choices,
  };
}

/** The words a question is asked in (`nextAsk`), in a fixed order: stored snapshots name them by index (snapshot-codec.ts). */
export const WORDINGS = ['plain', 'misunderstood', 'repeated'] as const;
export type Wording = (typeof WORDINGS)[number];

/** Question `name` in the words `wording`, as `nextAsk` would show it. */
export function promptIn(context: BookingContext, name: PromptName, wording: Wording): Prompt {
  const plain = prompts[name](context);
  return wording === 'plain' ? plain : inOtherWords(name, plain, wording);
}

/** The prompt to show for question `name`, and what to remember of it. */
export function nextAsk(context: BookingContext, name: PromptName): { prompt: Prompt; asked: Asked } {
  const plain = prompts[name](context);
  const previous = context.asked;
  const again = previous?.prompt === name && context.misunderstandings > 0;
  let prompt = again ? inOtherWords(name, plain, 'misunderstood') : plain;
  let times = previous?.key === prompt.key ? previous.times + 1 : 1;
  if (times > MAX_TIMES) {
    prompt = prompt.key === plain.key ? inOtherWords(name, plain, 'repeated') : plain;
    times = 1;
  }
  return { prompt, asked: { prompt: name, key: prompt.key, times } };
}
