/**
 * Writes test/nlu/corpus/it-voices.json and en-voices.json (#12): free sentences written one by
 * one (free-it.ts, free-en.ts) and template items (templates.ts), deterministic (fixed seed).
 * Run: `npx tsx scripts/corpus/voices.ts` (add `--stats` for counts per intent, kind and origin).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeEn } from './free-en';
import { freeIt } from './free-it';
import { NOW_ISO, rng, stripAccents, type Item, type Tagged, ZONE } from './lib';
import { templateItems } from './templates';

const dir = join(__dirname, '..', '..', 'test', 'nlu', 'corpus');

function check(it: Tagged): Tagged {
  // a name the message voice wrote without accents is that name without accents
  const n = it.entities.name;
  if (typeof n === 'string' && !it.text.toLowerCase().includes(n.toLowerCase()) && stripAccents(it.text.toLowerCase()).includes(stripAccents(n.toLowerCase()))) {
    it.entities.name = stripAccents(n);
  }
  for (const k of ['date']) {
    const v = it.entities[k];
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) throw new Error(`bad date in ${it.text}`);
  }
  return it;
}

function build(lang: 'it' | 'en', free: Tagged[]): Tagged[] {
  const base = JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as { items: Item[] };
  const seen = new Set(base.items.map((i) => i.text.toLowerCase()));
  const out: Tagged[] = [];
  const r = rng(lang === 'it' ? 12 : 1212);
  for (const it of [...free, ...templateItems(r, lang)]) {
    const key = it.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(check(it));
  }
  return out;
}

function stats(lang: string, items: Tagged[]) {
  const count = (f: (i: Tagged) => string[]) => {
    const m: Record<string, number> = {};
    for (const i of items) for (const k of f(i)) m[k] = (m[k] ?? 0) + 1;
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  console.log(`\n=== ${lang}-voices: ${items.length} items ===`);
  console.log('origin', count((i) => [i.origin]));
  console.log('intent', count((i) => [i.intent]));
  console.log('kinds', count((i) => i.tags));
}

for (const [lang, free] of [['it', freeIt()], ['en', freeEn()]] as const) {
  const items = build(lang, free);
  const file = { now: NOW_ISO, timeZone: ZONE, lang, items: items.map((i) => ({ text: i.text, ...(i.awaiting ? { awaiting: i.awaiting } : {}), intent: i.intent, entities: i.entities, ...(i.question ? { question: i.question } : {}) })) };
  writeFileSync(join(dir, `${lang}-voices.json`), `${JSON.stringify(file, null, 1)}\n`);
  if (process.argv.includes('--stats')) stats(lang, items);
  else console.log(`${lang}-voices.json: ${items.length} items`);
}
