/**
 * Words live in locales/: every language has the same keys and the same {{variables}}, and every
 * key the dialogue can emit exists.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, SERVICE_CATEGORIES, SOLUTIONS, LEGS, AWAITING } from '../../dialogs/model';
import { LOCALES_DIR, readLocale } from '../../src/i18n/i18n';

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}
const variables = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const locales = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(readLocale(l))]));

  it('has a folder for each language and no other', () => {
    assert.deepEqual(fs.readdirSync(LOCALES_DIR).sort(), [...LANGUAGES].sort());
  });

  it('has the same keys in every language', () => {
    const [first, ...rest] = LANGUAGES;
    for (const l of rest) assert.deepEqual([...locales[l].keys()].sort(), [...locales[first].keys()].sort(), `${first} vs ${l}`);
  });

  it('has the same namespace files (translation.json, board.json, …) with the same keys in every language', () => {
    const files = (l: string) => fs.readdirSync(path.join(LOCALES_DIR, l)).filter((f) => f.endsWith('.json')).sort();
    const keys = (l: string, f: string) => [...flatten(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, l, f), 'utf8'))).keys()].sort();
    const [first, ...rest] = LANGUAGES;
    for (const l of rest) {
      assert.deepEqual(files(l), files(first), `${first} vs ${l}`);
      for (const f of files(first)) assert.deepEqual(keys(l, f), keys(first, f), `${f}: ${first} vs ${l}`);
    }
  });

  it('uses the same variables in every translation of a key', () => {
    for (const [key, text] of locales.it) assert.deepEqual(variables(locales.en.get(key)!), variables(text), key);
  });

  it('has no empty text', () => {
    for (const l of LANGUAGES) for (const [key, text] of locales[l]) assert.ok(text.trim().length > 0, `${l}: ${key}`);
  });

  it('names every solution, service, leg and misunderstanding the dialogue can mention', () => {
    const needed = [
      ...SOLUTIONS.map((s) => `solution.${s}`),
      ...SERVICE_CATEGORIES.map((s) => `service.${s}`),
      ...LEGS.map((s) => `legs.${s}`),
      ...AWAITING.map((s) => `misunderstood.${s}`),
    ];
    for (const l of LANGUAGES) for (const key of needed) assert.ok(locales[l].has(key), `${l}: ${key}`);
  });

  it('has every key the dialogue code names literally', () => {
    const code = [
      'dialogs/booking-machine.ts', 'dialogs/prompts.ts', 'dialogs/interpret.ts', 'dialogs/summary-lines.ts', 'dialogs/date-prompts.ts',
      'dialogs/booked-words.ts', 'dialogs/closed-hours.ts', 'src/engine/turn-engine.ts',
    ]
      .map((f) => fs.readFileSync(path.resolve(__dirname, '../..', f), 'utf8'))
      .join('\n');
    const literal = [...code.matchAll(/key: '([a-zA-Z.-]+)'|say\('([a-zA-Z.-]+)'/g)].map((m) => m[1] ?? m[2]);
    assert.ok(literal.length > 30);
    // a key with plurals ("1 ora", "1,5 ore") exists as key_one and key_other
    const has = (l: (typeof LANGUAGES)[number], key: string) => locales[l].has(key) || (locales[l].has(`${key}_one`) && locales[l].has(`${key}_other`));
    for (const l of LANGUAGES) for (const key of literal) assert.ok(has(l, key), `${l}: ${key}`);
  });
});
