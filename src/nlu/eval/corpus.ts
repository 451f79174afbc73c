/**
 * Loading a labelled corpus file and running a recognizer over it.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Awaiting, Lang } from '../../../dialogs/model';
import type { Recognizer, Understanding } from '../recognizer';
import type { CorpusItem } from './score';

/** A corpus file: a fixed `now` and time zone for its relative dates. */
export interface Corpus {
  now: string;
  timeZone: string;
  lang: Lang;
  items: CorpusItem[];
}

/** Reads a corpus JSON file. */
export function loadCorpus(path: string): Corpus {
  return JSON.parse(readFileSync(path, 'utf8')) as Corpus;
}

/** Runs the recognizer on every item; returns predictions and per-message times in ms. */
export async function runCorpus(recognizer: Recognizer, corpus: Corpus): Promise<{ predictions: Understanding[]; times: number[] }> {
  const predictions: Understanding[] = [];
  const times: number[] = [];
  for (const item of corpus.items) {
    const t0 = performance.now();
    const u = await recognizer.recognize({
      text: item.text,
      lang: corpus.lang,
      now: corpus.now,
      timeZone: corpus.timeZone,
      awaiting: item.awaiting as Awaiting | undefined,
    });
    times.push(performance.now() - t0);
    predictions.push(u);
  }
  return { predictions, times };
}
