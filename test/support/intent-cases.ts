/**
 * Recognizer cases written as customers write, one mocha `it` each (#12): the local recognizer
 * read at a fixed instant in Rome, and the intent it must give, at the question awaited if any.
 */
import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import type { Intent } from '../../dialogs/understanding';
import { flattenEntities, type FlatKey } from '../../src/nlu/eval/score';
import { createLocalRecognizer } from '../../src/nlu/local';

/** Language, what the customer writes, the intent expected, what the bot awaited (none: an opening). */
export type IntentCase = [Lang, string, Intent, Awaiting?];

/** Language, what the customer writes, the entities expected as the corpus writes them (a key set to `undefined`: none read), what the bot awaited. */
export type EntityCase = [Lang, string, Partial<Record<FlatKey, string | undefined>>, Awaiting?];

/** `say` reads a message at `now`; `check` registers one test per case, `checkEntities` one per entity case. */
export function intentCases(now: string) {
  const recognizer = createLocalRecognizer();
  const say = (text: string, lang: Lang, awaiting?: Awaiting) => recognizer.recognize({ text, lang, now, timeZone: 'Europe/Rome', awaiting });
  const check = (cases: IntentCase[]) => {
    for (const [lang, text, intent, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` at ${awaiting}` : ''} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  };
  const checkEntities = (cases: EntityCase[]) => {
    for (const [lang, text, expected, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` at ${awaiting}` : ''} → ${JSON.stringify(expected)}`, async () => {
        const got = flattenEntities((await say(text, lang, awaiting)).entities);
        assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, got[k as FlatKey]])), expected);
      });
    }
  };
  return { say, check, checkEntities };
}
