/**
 * The `Recognizer` port: a customer's message → intent and entities (it + en).
 * @module
 */
import type { Awaiting, Lang } from '../../dialogs/model';

export { INTENTS } from '../../dialogs/understanding';
export type { Intent, Entities, Understanding } from '../../dialogs/understanding';
import type { Understanding } from '../../dialogs/understanding';

export interface RecognizeInput {
  text: string;
  /** The conversation's current language. */
  lang: Lang;
  /** ISO-8601 instant of the message: relative dates are resolved from it. */
  now: string;
  /** The dealer's IANA time zone: dates are days in this zone. */
  timeZone: string;
  /** What the bot asked for, which disambiguates short answers ("2", "sì", a bare name). */
  awaiting?: Awaiting;
}

export interface Recognizer {
  recognize(input: RecognizeInput): Promise<Understanding>;
}
