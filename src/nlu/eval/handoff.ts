/**
 * Handoff figures: how many urgent and human messages a recognizer sends to a person, and how
 * many others it sends there by mistake (a false handoff costs an advisor's time). Pure.
 * @module
 */
const HANDOFF = new Set(['urgent', 'human']);

export interface Rate {
  hits: number;
  of: number;
  /** hits / of, or undefined when `of` is 0. */
  rate?: number;
}

const rate = (hits: number, of: number): Rate => ({ hits, of, ...(of ? { rate: hits / of } : {}) });

export interface HandoffFigures {
  urgentRecall: Rate;
  humanRecall: Rate;
  /** Share of the messages that are neither urgent nor human predicted urgent or human. */
  falseHandoff: Rate;
}

/** The handoff figures of predicted intents against gold intents (same order). */
export function handoffFigures(gold: string[], predicted: string[]): HandoffFigures {
  const count = (f: (g: string, p: string) => boolean) => gold.filter((g, i) => f(g, predicted[i])).length;
  return {
    urgentRecall: rate(count((g, p) => g === 'urgent' && p === 'urgent'), count((g) => g === 'urgent')),
    humanRecall: rate(count((g, p) => g === 'human' && p === 'human'), count((g) => g === 'human')),
    falseHandoff: rate(count((g, p) => !HANDOFF.has(g) && HANDOFF.has(p)), count((g) => !HANDOFF.has(g))),
  };
}
