/**
 * Loading a labelled corpus file and running a recognizer over it.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * All the non-hold-out corpus files of a language in `dir`: `${lang}.json` and every
 * `${lang}-*.json` whose name does not contain "holdout", items concatenated in file-name order
 * after the base file's; `timeZone` and `lang` are the base file's and must be the same in every
 * file. A file written on another day keeps its own `now`: its items carry it.
 */
export function loadLanguageCorpus(dir: string, lang: Lang): Corpus {
  const base = loadCorpus(join(dir, `${lang}.json`));
  const extra = readdirSync(dir)
    .filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.json') && !f.includes('holdout'))
    .sort();
  const items = [...base.items];
  for (const f of extra) {
    const c = loadCorpus(join(dir, f));
    if (c.timeZone !== base.timeZone || c.lang !== base.lang) {
      throw new Error(`${f}: timeZone/lang (${c.timeZone}, ${c.lang}) differ from ${lang}.json's (${base.timeZone}, ${base.lang})`);
    }
    items.push(...(c.now === base.now ? c.items : c.items.map((item) => ({ ...item, now: item.now ?? c.now }))));
  }
  return { now: base.now, timeZone: base.timeZone, lang: base.lang, items };
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
      now: item.now ?? corpus.now,
      timeZone: corpus.timeZone,
      awaiting: item.awaiting as Awaiting | undefined,
    });
    times.push(performance.now() - t0);
    predictions.push(u);
  }
  return { predictions, times };
}
