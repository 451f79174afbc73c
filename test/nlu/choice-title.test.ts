import assert from 'node:assert/strict';
import { matchChoiceTitle } from '../../src/nlu/choice-title';

describe('matchChoiceTitle', () => {
  const choices = [
    { title: 'Auto di cortesia Maserati', value: 'mobility:courtesy-car-brand' },
    { title: 'Auto di cortesia di altra marca', value: 'mobility:courtesy-car-other' },
    { title: 'Taxi', value: 'mobility:taxi' },
    { title: 'La data', value: 'change:date' },
  ];
  it('matches a title typed exactly, whatever the case, accents and punctuation', () => {
    assert.equal(matchChoiceTitle('taxi!', choices), 'mobility:taxi');
    assert.equal(matchChoiceTitle('LA DATA', choices), 'change:date');
  });
  it('matches a whole-word part of exactly one title', () => {
    assert.equal(matchChoiceTitle('altra marca', choices), 'mobility:courtesy-car-other');
    assert.equal(matchChoiceTitle('data', choices), 'change:date');
  });
  it('leaves ambiguous, short or unrelated text to the recognizer', () => {
    assert.equal(matchChoiceTitle('auto di cortesia', choices), undefined);
    assert.equal(matchChoiceTitle('no', choices), undefined);
    assert.equal(matchChoiceTitle('vorrei un taxi domani', choices), undefined);
    assert.equal(matchChoiceTitle('taxi', undefined), undefined);
  });
});
