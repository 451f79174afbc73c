/**
 * Phrase sets match each phrase on its own and skip those whose required words are absent (#12,
 * the recognizer's time): the result must be exactly what the whole alternation finds.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_BACK, CUES, URGENT } from '../../src/nlu/local/intents';
import { BARE_LEGS, LEGS, MOBILITY } from '../../src/nlu/local/mobility';
import { MODELS } from '../../src/nlu/local/models';
import { expandAbbreviations, normalise, tokens } from '../../src/nlu/local/normalise';
import { PhraseSet, requiredLiteral } from '../../src/nlu/local/phrases';
import { QUESTION_CUES } from '../../src/nlu/local/question';
import { REJECTED_OFFER } from '../../src/nlu/local/rejected-offer';
import { SERVICES } from '../../src/nlu/local/services';

describe('phrase sets', () => {
  it('the literal a phrase needs is in every text it matches, and none where an alternative at the top may leave everything out', () => {
    assert.equal(requiredLiteral('carro attrezzi'), 'carro attrezzi');
    assert.equal(requiredLiteral('tyres?'), 'tyre');
    assert.equal(requiredLiteral('crash[a-z]*'), 'crash');
    assert.equal(requiredLiteral('(vado|vengo)(?: [a-z0-9]+){0,2} a piedi'), ' a piedi');
    assert.equal(requiredLiteral('taxi|cab'), undefined);
    assert.equal(requiredLiteral('(in|on) (the )?car'), 'car');
    assert.equal(requiredLiteral('\\bgo\\b'), undefined);
  });

  it('matches exactly what the whole alternation matches, on every corpus message, for every phrase set', () => {
    const dir = join(__dirname, 'corpus');
    const texts = readdirSync(dir)
      .filter((f) => !f.includes('holdout'))
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text))
      .map((t) => expandAbbreviations(tokens(normalise(t))).join(' '));
    assert.ok(texts.length > 5000);
    const sets: [string, PhraseSet<unknown>][] = Object.entries({ CALL_BACK, CUES, URGENT, BARE_LEGS, LEGS, MOBILITY, MODELS, QUESTION_CUES, REJECTED_OFFER, SERVICES });
    for (const [name, set] of sets) {
      const rules = (set as unknown as { rules: { label: unknown; re: RegExp }[] }).rules;
      for (const text of texts) {
        const whole = rules.map((r) => ({ r, m: r.re.exec(text) })).filter((x) => x.m).map(({ r, m }) => ({ label: r.label, text: m![0], index: m!.index }));
        assert.deepEqual(set.all(text), whole, `${name}: ${text}`);
        assert.deepEqual(set.first(text), whole[0], `${name}: ${text}`);
      }
    }
  });
});
