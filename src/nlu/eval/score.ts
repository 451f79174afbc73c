/**
 * Scoring a recognizer against a labelled corpus: intent accuracy, per-entity precision /
 * recall / F1 and their micro-average, and the confusions. Pure: no I/O, no timing.
 * @module
 */
import type { Entities, Intent, Understanding } from '../recognizer';

/** Gold entities as written in the corpus: flat keys, dates split into date/time/part/asap. */
export type GoldEntities = Partial<Record<FlatKey, string | number | boolean>>;

/** One labelled utterance. */
export interface CorpusItem {
  text: string;
  awaiting?: string;
  intent: Intent;
  entities: GoldEntities;
  /** What the message asks about (a question topic), or `none` when it asks nothing: scored apart. */
  question?: string;
  /** The instant its relative dates are read from, when its file was written on another day than the base file. */
  now?: string;
}

export const FLAT_KEYS = [
  'service', 'plate', 'vin', 'badVehicleId', 'model', 'name', 'mobility', 'legs', 'date', 'time', 'part', 'asap', 'choice', 'language', 'postcode',
] as const;
export type FlatKey = (typeof FLAT_KEYS)[number];

/** Entities as comparable strings, keyed like the corpus. */
export function flattenEntities(e: Entities): Partial<Record<FlatKey, string>> {
  const out: Partial<Record<FlatKey, string>> = {};
  if (e.service) out.service = e.service.id;
  if (e.plate) out.plate = e.plate;
  if (e.vin) out.vin = e.vin.value;
  if (e.badVehicleId) out.badVehicleId = 'true';
  if (e.model) out.model = e.model;
  if (e.name) out.name = e.name;
  if (e.mobility) out.mobility = e.mobility;
  if (e.legs) out.legs = e.legs;
  if (e.date?.date) out.date = e.date.date;
  if (e.date?.time) out.time = e.date.time;
  if (e.date?.part) out.part = e.date.part;
  if (e.date?.asap) out.asap = 'true';
  if (e.choice !== undefined) out.choice = String(e.choice);
  if (e.language) out.language = e.language;
  if (e.postcode) out.postcode = e.postcode;
  return out;
}

export interface EntityScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScore {
  items: number;
  intentAccuracy: number;
  entities: Partial<Record<FlatKey, EntityScore>>;
  microF1: number;
  micro: EntityScore;
  /** Wrong intents: text, expected, got. */
  confusions: { text: string; expected: Intent; got: Intent }[];
  /** Entity mistakes: text, key, expected, got. */
  entityErrors: { text: string; key: FlatKey; expected?: string; got?: string }[];
  /** Question topics, on the items that carry a `question` label. */
  questions: { labelled: number; accuracy: number; confusions: { text: string; expected: string; got: string }[] };
}

function finish(tp: number, fp: number, fn: number): EntityScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Scores predictions against gold items (same order). Every predicted entity the gold does not
 * assert counts as a false positive: the corpus lists all the entities each message carries.
 */
export function scoreCorpus(items: CorpusItem[], predictions: Understanding[]): CorpusScore {
  const counts = new Map<FlatKey, { tp: number; fp: number; fn: number }>();
  const confusions: CorpusScore['confusions'] = [];
  const entityErrors: CorpusScore['entityErrors'] = [];
  let correct = 0;
  const questions: CorpusScore['questions'] = { labelled: 0, accuracy: 1, confusions: [] };
  items.forEach((item, i) => {
    const p = predictions[i];
    if (item.question !== undefined) {
      questions.labelled++;
      const got = p.question?.topic ?? 'none';
      if (got !== item.question) questions.confusions.push({ text: item.text, expected: item.question, got });
    }
    if (p.intent === item.intent) correct++;
    else confusions.push({ text: item.text, expected: item.intent, got: p.intent });
    const got = flattenEntities(p.entities);
    for (const key of FLAT_KEYS) {
      const g = item.entities[key];
      const expected = g === undefined ? undefined : String(g);
      const actual = got[key];
      if (expected === undefined && actual === undefined) continue;
      const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      if (expected !== undefined && actual !== undefined && expected.toLowerCase() === actual.toLowerCase()) c.tp++;
      else {
        if (actual !== undefined) c.fp++;
        if (expected !== undefined) c.fn++;
        entityErrors.push({ text: item.text, key, expected, got: actual });
      }
      counts.set(key, c);
    }
  });
  const entities: CorpusScore['entities'] = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, c] of counts) {
    entities[key] = finish(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const micro = finish(tp, fp, fn);
  if (questions.labelled) questions.accuracy = (questions.labelled - questions.confusions.length) / questions.labelled;
  return {
    questions, items: items.length, intentAccuracy: items.length ? correct / items.length : 1, entities, micro, microF1: micro.f1, confusions, entityErrors };
}
