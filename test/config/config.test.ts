import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3978);
    assert.equal(c.PLANNING_URL, 'sqlite');
    assert.equal(c.DEFAULT_LANGUAGE, 'it');
    assert.equal(c.MicrosoftAppId, '');
    assert.ok(fs.existsSync(c.DEALER_CONFIG), c.DEALER_CONFIG);
  });

  it('names every bad setting in one message', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DEFAULT_LANGUAGE: 'fr', LOG_LEVEL: 'loud' }),
      (err: Error) => /PORT/.test(err.message) && /DEFAULT_LANGUAGE/.test(err.message) && /LOG_LEVEL/.test(err.message),
    );
  });

  it('documents every setting in .env.example', () => {
    const example = fs.readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    for (const key of Object.keys(loadConfig({}))) assert.match(example, new RegExp(`^${key}=`, 'm'), key);
  });
});
