/**
 * Building the real-word list (`npm run nlu:real-words`, and its test): which dictionary words the
 * typo corrector would change, where the change is not in the word's last two letters (an ending
 * changed is most often an inflection the rules want read as their word: "tagliandi", "freni").
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lexicon } from './lexicon';

/** Debian's word lists: witalian, wbritish, wamerican. */
export const DICTIONARIES = ['/usr/share/dict/italian', '/usr/share/dict/british-english', '/usr/share/dict/american-english'];

/** Whether the word lists are installed on this machine. */
export const dictionariesPresent = (paths = DICTIONARIES): boolean => paths.every((p) => existsSync(p));

const fold = (w: string) => w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** True when two words differ only in their last two letters (after their common beginning). */
function onlyTheEnding(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return p >= Math.min(a.length, b.length) - 2;
}

/** The dictionary words the lexicon would turn into another word, not by their ending; sorted. */
export function realWordsFrom(paths: string[], lexicon: Lexicon): string[] {
  const seen = new Set<string>();
  for (const path of paths) {
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      const w = fold(raw.trim());
      if (/^[a-z]{5,}$/.test(w)) seen.add(w);
    }
  }
  const out: string[] = [];
  for (const w of seen) {
    const c = lexicon.correct(w);
    if (c !== w && !onlyTheEnding(w, c)) out.push(w);
  }
  return out.sort();
}
