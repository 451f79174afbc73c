/**
 * `npm run eval:nlu -- --provider clu|llm`: a cloud recognizer (with the local one beside it, as
 * the app runs it) scored on the same corpora as the local one, so that a dealer can compare
 * before switching. Per corpus: intent accuracy of the provider and of the local recognizer
 * alone, handoff figures, entity F1, who answered (the provider, or the local recognizer and
 * why), time per message. Hold-outs marked quiet print figures only. One request per message:
 * a paid service bills them.
 * @module
 */
import pino from 'pino';
import type { Outcome } from '../cloud/guarded';
import { createHybridRecognizer } from '../hybrid';
import { createConfiguredRecognizer, type ProviderConfig } from '../provider';
import type { Recognizer } from '../recognizer';
import { runCorpus, type Corpus } from './corpus';
import { handoffFigures, type Rate } from './handoff';
import { scoreCorpus } from './score';

export interface NamedCorpus {
  name: string;
  corpus: Corpus;
  /** An independent hold-out: figures only. */
  quiet: boolean;
}

export interface ProviderFigures {
  name: string;
  items: number;
  intentAccuracy: number;
  localIntentAccuracy: number;
  entityF1: number;
  localEntityF1: number;
  outcomes: Partial<Record<Outcome, number>>;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rateText = (r: Rate) => (r.rate === undefined ? '  n/a' : `${pct(r.rate)} (${r.hits}/${r.of})`);

export async function evalProvider(
  config: ProviderConfig,
  corpora: NamedCorpus[],
  options: { showErrors?: boolean; print?: (line: string) => void; local?: Recognizer; fetch?: typeof fetch } = {},
): Promise<ProviderFigures[]> {
  const print = options.print ?? console.log;
  const provider = config.NLU_PROVIDER;
  const local = options.local ?? createHybridRecognizer();
  let outcomes: Partial<Record<Outcome, number>> = {};
  const recognizer = createConfiguredRecognizer(config, pino({ level: 'error' }), {
    local,
    fetch: options.fetch,
    onOutcome: (o) => {
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    },
  });
  const total = corpora.reduce((n, c) => n + c.corpus.items.length, 0);
  print(`provider ${provider}: up to ${total} requests (one per message), timeout ${config.NLU_TIMEOUT_MS} ms, minimum confidence ${config.NLU_MIN_CONFIDENCE}`);
  const figures: ProviderFigures[] = [];
  for (const c of corpora) {
    outcomes = {};
    const items = c.corpus.items;
    const gold = items.map((i) => i.intent);
    const run = await runCorpus(recognizer, c.corpus);
    const alone = await runCorpus(local, c.corpus);
    const s = scoreCorpus(items, run.predictions);
    const l = scoreCorpus(items, alone.predictions);
    const h = handoffFigures(gold, run.predictions.map((u) => u.intent));
    const mean = run.times.reduce((a, b) => a + b, 0) / Math.max(1, run.times.length);
    const p99 = [...run.times].sort((a, b) => a - b)[Math.min(run.times.length - 1, Math.floor(run.times.length * 0.99))] ?? 0;
    print(`\n=== ${c.name} (${items.length} utterances) ===`);
    print(`intent accuracy   ${provider} ${pct(s.intentAccuracy)}   local alone ${pct(l.intentAccuracy)}`);
    print(`  urgent recall ${rateText(h.urgentRecall)}, human recall ${rateText(h.humanRecall)}, false handoffs ${rateText(h.falseHandoff)}`);
    print(`entity micro F1   ${provider} ${pct(s.microF1)}   local alone ${pct(l.microF1)}`);
    for (const [key, e] of Object.entries(s.entities)) print(`  ${key.padEnd(13)} P ${pct(e.precision).padStart(6)} R ${pct(e.recall).padStart(6)} F1 ${pct(e.f1).padStart(6)}`);
    const who = Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(', ');
    print(`answered by: ${who || 'nobody'} ('remote' = ${provider}; any other = the local recognizer, and why)`);
    print(`time per message  mean ${mean.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    if (c.quiet) {
      print(`wrong intents: ${s.confusions.length} (listed with --holdout-misses)`);
    } else {
      print(`wrong intents (${s.confusions.length}${s.confusions.length > 20 ? ', first 20' : ''}):`);
      for (const x of s.confusions.slice(0, 20)) print(`  ${x.expected} → ${x.got}: ${JSON.stringify(x.text)}`);
      if (options.showErrors) for (const e of s.entityErrors) print(`  ${e.key}: expected ${e.expected ?? '-'} got ${e.got ?? '-'}: ${JSON.stringify(e.text)}`);
    }
    figures.push({ name: c.name, items: items.length, intentAccuracy: s.intentAccuracy, localIntentAccuracy: l.intentAccuracy, entityF1: s.microF1, localEntityF1: l.microF1, outcomes });
  }
  return figures;
}
