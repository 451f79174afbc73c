/**
 * Literal gates (#12, the recognizer's time): a pattern is not tried on a text that lacks every
 * literal it needs. A gate may open for nothing (the pattern then runs and finds nothing) but
 * must never stay shut on a text the pattern matches.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { LiteralGates, mayMatch, regExpGate, requirements } from '../../src/nlu/literals';
import { normalise } from '../../src/nlu/local/normalise';

const corpusTexts = (): string[] => {
  const dir = join(__dirname, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('holdout'))
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text));
};

describe('literal gates', () => {
  it('a gate opens on a text with one of its literals, wherever it is, and only then', () => {
    const gates = new LiteralGates();
    const road = gates.add(['carro attrezzi', 'panne', 'tow']);
    const other = gates.add(['tagliando']);
    const accent = gates.add(['cortesía']);
    assert.equal(gates.open(road, 'sono in panne'), true);
    assert.equal(gates.open(road, 'panne!'), true);
    assert.equal(gates.open(road, 'serve un carro attrezzi'), true);
    assert.equal(gates.open(road, 'tow'), true);
    assert.equal(gates.open(road, 'to'), false);
    assert.equal(gates.open(road, 'carro attrezz'), false);
    assert.equal(gates.open(road, 'pann\u0000e tow\u0000'), true);
    assert.equal(gates.open(road, 'pann\u0000e to\u0000w'), false);
    assert.equal(gates.open(other, 'sono in panne'), false);
    assert.equal(gates.open(other, 'il tagliando'), true);
    assert.equal(gates.open(accent, 'auto di cortesía'), true);
    assert.equal(gates.open(accent, 'auto di cortesia'), false);
    assert.equal(gates.open(road, ''), false);
    assert.throws(() => gates.add(['ok']));
  });

  it('a gate added later is seen by texts read before', () => {
    const gates = new LiteralGates();
    const a = gates.add(['alpha']);
    assert.equal(gates.open(a, 'alpha beta'), true);
    const b = gates.add(['beta']);
    assert.equal(gates.open(b, 'alpha beta'), true);
    assert.equal(gates.open(a, 'alpha beta'), true);
  });

  it('a case-insensitive pattern is gated on the lowercased text, with the ASCII part of its literals', () => {
    const gates = new LiteralGates();
    const re = /(?<![\w])(?:mercoled[iì]|gioved[iì])\s+\d+/i;
    assert.ok(regExpGate(re, gates));
    for (const text of ['MERCOLEDÌ 3', 'Giovedi 4', 'mercoledì 3', 'ci vediamo GIOVEDÌ 12']) assert.equal(mayMatch(re, text, gates), true, text);
    assert.equal(mayMatch(re, 'venerdì 3', gates), false);
    // nothing required: always tried
    assert.equal(regExpGate(/\w+/, gates), undefined);
    assert.equal(mayMatch(/\w+/, 'abc', gates), true);
    // case-insensitive with unicode folding: not gated
    assert.equal(regExpGate(/strasse/iu, gates), undefined);
  });

  it('a pattern that needs a digit is not tried on a text without one', () => {
    assert.deepEqual(requirements('(?:alle\\s+)?(\\d{1,2})'), { digit: true });
    assert.deepEqual(requirements('(?:il|the)\\s+[0-3]?[0-9]'), { digit: true });
    assert.deepEqual(requirements('(?:venerd[iì]|friday)\\s+(\\d{1,2})'), { literals: ['venerd', 'friday'], digit: true });
    assert.deepEqual(requirements('(?:due|[0-9]+)\\s+giorni'), { literals: ['giorni'], digit: false });
    assert.deepEqual(requirements('(?:alle\\s+(\\d)|at\\s+(\\d))'), { digit: true }); // "at" is too short to gate
    assert.deepEqual(requirements('x\\d?'), { digit: false });
    const gates = new LiteralGates();
    const re = /(?<![\w])(?:venerd[iì]|friday)\s+(\d{1,2})/i;
    assert.equal(mayMatch(re, 'venerdì 3', gates), true);
    assert.equal(mayMatch(re, 'venerdì mattina', gates), false);
    assert.equal(mayMatch(/\d+/, 'abc', gates), false);
    assert.equal(mayMatch(/\d+/, 'abc 1', gates), true);
  });

  it('every date parser’s gate is open on every corpus text its pattern matches', () => {
    // chrono's parsers and every parser class src/nlu/dates exports (each language where it takes one)
    const parsers: chrono.Parser[] = [...chrono.it.casual.parsers, ...chrono.en.GB.parsers];
    const dates = join(__dirname, '..', '..', 'src', 'nlu', 'dates');
    for (const f of readdirSync(dates).filter((name) => name.endsWith('.ts'))) {
      const exported = require(join(dates, f)) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        const proto = (value as { prototype?: Record<string, unknown> } | undefined)?.prototype;
        if (typeof value !== 'function' || typeof proto?.pattern !== 'function' || typeof proto?.extract !== 'function') continue;
        const make = value as new (lang?: string) => chrono.Parser;
        parsers.push(new make('it'), new make('en'));
      }
    }
    assert.ok(parsers.length > 60, `${parsers.length} parsers`);
    const texts = corpusTexts().flatMap((t) => [t, normalise(t)]);
    const context = new chrono.ParsingContext('', new Date(2026, 10, 30, 9), {});
    const gates = new LiteralGates();
    let gatedPatterns = 0;
    let digitOnly = 0;
    let matched = 0;
    for (const parser of parsers) {
      const re = parser.pattern(context);
      const gate = regExpGate(re, gates);
      if (!gate) continue;
      gatedPatterns++;
      if (gate.gate === undefined) digitOnly++;
      for (const text of texts) {
        if (re.exec(text) === null) continue;
        matched++;
        assert.equal(mayMatch(re, text, gates), true, `${parser.constructor.name}: ${text}`);
      }
    }
    assert.ok(gatedPatterns > 40 && digitOnly > 10 && matched > 3000, `${gatedPatterns} gated patterns (${digitOnly} by a digit only), ${matched} matches`);
  });
});
