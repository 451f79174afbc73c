/**
 * A clicked choice posts back its token (dialogs/choice-tokens.ts): understood exactly, without
 * the recognizer.
 * @module
 */
import { parseToken } from '../../dialogs/choice-tokens';
import type { Understanding } from './recognizer';

export function parsePostback(text: string): Understanding | undefined {
  const meaning = parseToken(text);
  return meaning ? { intent: meaning.intent, score: 1, entities: meaning.entities, text } : undefined;
}
