import assert from 'node:assert/strict';
import { consoleInput, consoleText } from '../../src/channels/console/console-renderer';

describe('console channel', () => {
  const choices = [{ title: 'Taxi', value: 'mobility:taxi' }, { title: 'Nessuna', value: 'mobility:none' }];
  it('shows choices numbered under the text', () => {
    assert.equal(consoleText({ text: 'Quale preferisce?', choices }), 'Quale preferisce?\n  [1] Taxi\n  [2] Nessuna');
  });
  it('takes a number as the choice, anything else as text', () => {
    assert.equal(consoleInput('2', choices), 'mobility:none');
    assert.equal(consoleInput(' [1] ', choices), 'mobility:taxi');
    assert.equal(consoleInput('3', choices), '3');
    assert.equal(consoleInput('giovedì', choices), 'giovedì');
  });
});
