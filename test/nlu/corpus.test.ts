import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, loadLanguageCorpus, runCorpus } from '../../src/nlu/eval/corpus';
import { scoreCorpus } from '../../src/nlu/eval/score';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import { createLocalRecognizer } from '../../src/nlu/local';

/**
 * Pinned figures (#12): what the app's recognizer (rules + intent model) measures today, less two
 * points. A change that costs two points anywhere fails here; a gain is pinned by raising these.
 * The main corpora were used to develop the rules and train the model, so their figures are
 * optimistic; the hold-outs were written without reading the recognizer and are never tuned on:
 * a failure there gives the figures only, never the messages (read them and it is no hold-out).
 * Measured 2026-12-07 07:05 (intent / entity micro-F1 / urgent+human recall / false handoffs), the
 * main corpora now holding six fresh dev files by independent writers (it-fresh*.json,
 * en-fresh*.json, about 2,000 messages each), the model asked about a person on every message:
 * it 0.960 / 0.959, en 0.965 / 0.952, it-holdout 0.935 / 0.960, en-holdout 0.957 / 0.980,
 * holdout/it 0.963 / 0.952 / 0.971 / 0.015, holdout/en 0.963 / 0.954 / 0.970 / 0.006.
 */
interface Pin { intent: number; entityF1: number; handoffRecall?: number; falseHandoffs?: number; minItems: number; holdout: boolean }
const PINS: Record<string, Pin> = {
  // With the tenth and eleventh independent writers (fresh10/11, 1,736 messages written blind on a brief that leaves some
  // entity conventions open: a bare "courtesy car", legs without the mobility at the pickup question, no work on an
  // emergency) the main corpus measures it 95.8 % / F1 93.7 %, en 95.9 % / F1 92.5 %: pinned at that less about a point.
  // With the thirteenth to sixteenth writers (fresh13–16, 3,430 messages; fresh14 is half urgent/person and half
  // look-alikes, fresh16 half turns that do not answer the question): it 93.8 % / F1 91.5 %, en 93.4 % / 90.2 %
  // measured, pinned about a point under.
  it: { intent: 0.925, entityF1: 0.905, minItems: 1500, holdout: false },
  en: { intent: 0.925, entityF1: 0.892, minItems: 1500, holdout: false },
  // 46 messages each: one message is 2.2 points. The model's handoffs on any message (checked on
  // it/en-fresh5 before tuning: recall +14/+17 points, false handoffs unchanged) take one car that
  // steers by itself in each for an emergency: pinned at that, less nothing more.
  'it-holdout': { intent: 0.934, entityF1: 0.95, minItems: 40, holdout: true },
  // The model's overrule of plain intents (chosen on untuned replays of fresh5/fresh6, +0.9/+1.3
  // points on the seventh writers before any tuning, the 350-message hold-outs unchanged) costs
  // this one: one message of 46 (95.7 → 93.5 %). Disclosed in that commit; not looked at.
  'en-holdout': { intent: 0.934, entityF1: 0.931, minItems: 40, holdout: true },
  // The model retrained with the eighth independent writers (fresh8) costs this hold-out one urgent/person message and
  // adds one false handoff (measured with the rules unchanged and either model; a model without the 2 MB cap measures
  // the same). Not looked at; the model is what training makes from the corpus, and the corpus is not chosen by the
  // hold-out. Recall 0.971 → 0.941: pinned at that less one message.
  // Fifth session (2026-12-07): holdout/it recall 0.971 (33/34), false handoffs 0.024 (8/340); holdout/en 0.970 (32/33),
  // 0.009 (3/317): recall pinned one message under, false handoffs about two messages over.
  'holdout/it': { intent: 0.943, entityF1: 0.932, handoffRecall: 0.941, falseHandoffs: 0.03, minItems: 300, holdout: true },
  'holdout/en': { intent: 0.943, entityF1: 0.934, handoffRecall: 0.939, falseHandoffs: 0.016, minItems: 300, holdout: true },
};

function corpusNamed(name: string) {
  if (name === 'it' || name === 'en') return loadLanguageCorpus(join(__dirname, 'corpus'), name); // with it-voices.json…
  if (name.startsWith('holdout/')) return loadCorpus(join(__dirname, `${name}.json`));
  return loadCorpus(join(__dirname, 'corpus', `${name}.json`));
}

const handsOver = (intent: string) => intent === 'urgent' || intent === 'human';

describe('NLU corpus', function () {
  // the main corpus is 9,000 messages and more: on a loaded two-core machine a language takes over 20 s (a guard, not a timing assertion)
  this.timeout(120_000);
  const recognizer = createHybridRecognizer();
  for (const [name, pin] of Object.entries(PINS)) {
    it(`${name}: intent accuracy ≥ ${pin.intent}, entity micro-F1 ≥ ${pin.entityF1}${pin.handoffRecall ? `, urgent/person recall ≥ ${pin.handoffRecall}, false handoffs ≤ ${pin.falseHandoffs}` : ''}`, async () => {
      const corpus = corpusNamed(name);
      assert.ok(corpus.items.length >= pin.minItems, `${corpus.items.length} items`);
      const { predictions } = await runCorpus(recognizer, corpus);
      const s = scoreCorpus(corpus.items, predictions);
      const detail = (what: unknown) => (pin.holdout ? '(hold-out: the messages are not shown)' : JSON.stringify(what));
      assert.ok(s.intentAccuracy >= pin.intent, `intent accuracy ${s.intentAccuracy}: ${detail(s.confusions.slice(0, 5))}`);
      assert.ok(s.microF1 >= pin.entityF1, `entity F1 ${s.microF1}: ${detail(s.entityErrors.slice(0, 5))}`);
      if (pin.handoffRecall !== undefined && pin.falseHandoffs !== undefined) {
        const gold = corpus.items.map((i) => handsOver(i.intent));
        const got = predictions.map((p) => handsOver(p.intent));
        const recall = gold.filter((g, k) => g && got[k]).length / gold.filter(Boolean).length;
        const others = gold.filter((g) => !g).length;
        const falseHandoffs = gold.filter((g, k) => !g && got[k]).length / others;
        assert.ok(recall >= pin.handoffRecall, `urgent/person recall ${recall}`);
        assert.ok(falseHandoffs <= pin.falseHandoffs, `false handoffs ${falseHandoffs}`);
      }
    });
  }

  it('the rules never fail on a corpus message (a failure is read as "not understood", so only this shows it)', async () => {
    const failures: string[] = [];
    let current = '';
    const rules = createLocalRecognizer({ onError: (err) => failures.push(`${current}: ${(err as Error).message}`) });
    for (const lang of ['it', 'en'] as const) {
      const corpus = corpusNamed(lang);
      for (const item of corpus.items) {
        current = item.text;
        await rules.recognize({ text: item.text, lang, awaiting: item.awaiting as never, now: item.now ?? corpus.now, timeZone: corpus.timeZone });
      }
    }
    assert.deepEqual(failures.slice(0, 5), []);
  });

  it('every corpus covers every intent and at least 15 out-of-domain messages', () => {
    for (const lang of ['it', 'en'] as const) {
      const corpus = loadLanguageCorpus(join(__dirname, 'corpus'), lang);
      const intents = new Set(corpus.items.map((i) => i.intent));
      for (const intent of ['book', 'inform', 'affirm', 'deny', 'help', 'cancel', 'restart', 'human', 'correction', 'switchLanguage', 'greeting', 'thanks', 'urgent', 'outOfDomain']) {
        assert.ok(intents.has(intent as never), `${lang} lacks ${intent}`);
      }
      assert.ok(corpus.items.filter((i) => i.intent === 'outOfDomain').length >= 15);
    }
  });

  it('questions: the topic asked about (or none) on the labelled items, it and en ≥ 0.9 (#11)', async () => {
    for (const lang of ['it', 'en']) {
      const corpus = loadCorpus(join(__dirname, 'corpus', `${lang}.json`));
      const { predictions } = await runCorpus(recognizer, corpus);
      const q = scoreCorpus(corpus.items, predictions).questions;
      assert.ok(q.labelled >= 25, `${lang}: ${q.labelled} labelled questions`);
      assert.ok(q.accuracy >= 0.9, `${lang}: question topics ${q.accuracy}: ${JSON.stringify(q.confusions.slice(0, 5))}`);
    }
  });

  it('scoreCorpus counts unasserted predictions as false positives', () => {
    const s = scoreCorpus(
      [{ text: 'x', intent: 'inform', entities: { plate: 'GH123KL' } }],
      [{ text: 'x', intent: 'inform', score: 0.8, entities: { plate: 'GH123KL', model: 'Levante' } }],
    );
    assert.equal(s.intentAccuracy, 1);
    assert.deepEqual([s.micro.tp, s.micro.fp, s.micro.fn], [1, 1, 0]);
  });
  it('a corpus file written on another day keeps its own "now": its items are read against it (a new writer need not write on the base file\'s day)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-now-'));
    try {
      const file = (now: string, items: unknown[]) => JSON.stringify({ now, timeZone: 'Europe/Rome', lang: 'en', items });
      writeFileSync(join(dir, 'en.json'), file('2026-11-30T09:00:00+01:00', [{ text: 'tomorrow', awaiting: 'date', intent: 'inform', entities: { date: '2026-12-01' } }]));
      writeFileSync(join(dir, 'en-later.json'), file('2026-12-07T10:00:00+01:00', [{ text: 'tomorrow', awaiting: 'date', intent: 'inform', entities: { date: '2026-12-08' } }]));
      const corpus = loadLanguageCorpus(dir, 'en');
      assert.deepEqual(corpus.items.map((i) => i.now), [undefined, '2026-12-07T10:00:00+01:00']);
      const run = await runCorpus(createHybridRecognizer(), corpus);
      assert.deepEqual(run.predictions.map((u) => u.entities.date?.date), ['2026-12-01', '2026-12-08']);
      writeFileSync(join(dir, 'en-elsewhere.json'), JSON.stringify({ now: '2026-12-07T10:00:00+00:00', timeZone: 'Europe/London', lang: 'en', items: [] }));
      assert.throws(() => loadLanguageCorpus(dir, 'en'), /timeZone/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
