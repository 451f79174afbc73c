/**
 * Free sentences: one row each, [kind, awaiting, intent, text, entities?, question?].
 * @module
 */
import type { Ent, Tagged } from './lib';

export type Row = [kind: string, awaiting: string, intent: string, text: string, ent?: Ent, question?: string];

export function rows(list: Row[]): Tagged[] {
  return list.map(([kind, awaiting, intent, text, ent, question]) => ({
    text, intent, entities: ent ?? {}, origin: 'free' as const, tags: kind.split(' ').filter(Boolean),
    ...(awaiting ? { awaiting } : {}), ...(question ? { question } : {}),
  }));
}
