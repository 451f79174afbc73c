/**
 * Choosing the hybrid policy by cross-validation on the main corpus: the rules' answers beside
 * the model's out-of-fold guesses, every policy of a small grid scored on intent accuracy, none
 * allowed more false handoffs than the rules alone. Ties
 * go to the policy that lets the model decide most often (the rules were written on this corpus,
 * where they are right everywhere, the corpus can only show where the model would break a right answer).
 * @module
 */
import { decide, type HybridPolicy, type ModelGuess } from '../hybrid';
import type { Understanding } from '../recognizer';

const range = (from: number, to: number, step: number) => {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Number(x.toFixed(2)));
  return out;
};

/** The grid searched. */
export function policyGrid(): HybridPolicy[] {
  const grid: HybridPolicy[] = [];
  for (const unsureScore of [0.2, 0.35]) {
    for (const unsure of [...range(0.3, 0.95, 0.05), 1.01]) {
      for (const handoff of [...range(0.5, 0.95, 0.05), 0.99, 1.01]) {
        if (handoff < unsure) continue;
        for (const inform of [0.8, 0.9, 0.95, 0.99, 1.01]) {
          // the model's handoffs on any message are chosen apart, leave-one-writer-out (handoffGrid)
          for (const weakScore of [0, 0.5, 0.6, 0.7]) grid.push({ unsureScore, unsure, handoff, inform, weakScore, handoffAnywhere: 1.01, handoffWithEntities: 1.01, overrule: 1.01 });
        }
      }
    }
  }
  return grid;
}

const HANDOFF = new Set(['urgent', 'human']);

export interface PolicyScore {
  policy: HybridPolicy;
  correct: number;
  /** Messages neither urgent nor human that the policy hands over. */
  falseHandoffs: number;
  /** Messages whose intent the model changed. */
  changed: number;
}

/** Accuracy of one policy on rules' answers, model guesses and gold intents (same order). */
export function scorePolicy(policy: HybridPolicy, rules: Understanding[], guesses: ModelGuess[], gold: string[]): PolicyScore {
  let correct = 0;
  let changed = 0;
  let falseHandoffs = 0;
  rules.forEach((r, i) => {
    const intent = decide(r, guesses[i], policy);
    if (intent !== r.intent) changed++;
    if (intent === gold[i]) correct++;
    if (HANDOFF.has(intent) && !HANDOFF.has(gold[i])) falseHandoffs++;
  });
  return { policy, correct, falseHandoffs, changed };
}

/**
 * The best policy of the grid: no more false handoffs than the rules alone (a handoff takes an
 * advisor's time), then most right answers, then the lowest thresholds (the model consulted most).
 */
export function tunePolicy(rules: Understanding[], guesses: ModelGuess[], gold: string[]): PolicyScore {
  let best: PolicyScore | undefined;
  const rulesFalseHandoffs = rules.filter((r, i) => HANDOFF.has(r.intent) && !HANDOFF.has(gold[i])).length;
  const looseness = (p: HybridPolicy) => p.unsureScore + p.weakScore - p.unsure - p.handoff - p.inform;
  const looser = (a: HybridPolicy, b: HybridPolicy) => looseness(a) > looseness(b) + 1e-9;
  for (const policy of policyGrid()) {
    const s = scorePolicy(policy, rules, guesses, gold);
    if (s.falseHandoffs > rulesFalseHandoffs) continue;
    if (!best || s.correct > best.correct || (s.correct === best.correct && looser(policy, best.policy))) best = s;
  }
  return best as PolicyScore;
}
