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

  it('keeps conversations in DATA_DIR/sessions.sqlite by default, in Redis with REDIS_URL, in memory beside a memory planning or when asked (#15)', () => {
    assert.equal(loadConfig({}).SESSION_STORE, 'sqlite');
    assert.equal(loadConfig({ PLANNING_URL: 'postgres://bot@db/mc' }).SESSION_STORE, 'sqlite');
    assert.equal(loadConfig({ REDIS_URL: 'redis://localhost:6379' }).SESSION_STORE, 'redis');
    assert.equal(loadConfig({ PLANNING_URL: 'memory' }).SESSION_STORE, 'memory', 'nothing kept: the planning is lost at exit too');
    assert.equal(loadConfig({ SESSION_STORE: 'memory' }).SESSION_STORE, 'memory');
    assert.equal(loadConfig({ PLANNING_URL: 'memory', SESSION_STORE: 'sqlite' }).SESSION_STORE, 'sqlite');
    assert.equal(loadConfig({ SESSION_STORE: 'redis', REDIS_URL: 'redis://localhost:6379' }).SESSION_STORE, 'redis');
    assert.throws(() => loadConfig({ SESSION_STORE: 'redis' }), /SESSION_STORE: redis needs REDIS_URL/);
    assert.throws(() => loadConfig({ SESSION_STORE: 'sqlite', REDIS_URL: 'redis://localhost:6379' }), /SESSION_STORE: .*REDIS_URL/);
    assert.throws(() => loadConfig({ SESSION_STORE: 'file' }), /SESSION_STORE/);
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
  it('cloud understanding: off by default; clu and llm name what they miss', () => {
    const c = loadConfig({});
    assert.equal(c.NLU_PROVIDER, 'local');
    assert.throws(
      () => loadConfig({ NLU_PROVIDER: 'clu', CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com' }),
      (err: Error) => /CLU_PROJECT/.test(err.message) && /CLU_DEPLOYMENT/.test(err.message) && /CLU_KEY or CLU_TOKEN_FILE/.test(err.message),
    );
    assert.equal(loadConfig({ NLU_PROVIDER: 'clu', CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com', CLU_TOKEN_FILE: '/run/token', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' }).CLU_API_VERSION, '2023-04-01');
    assert.throws(() => loadConfig({ NLU_PROVIDER: 'llm', LLM_URL: 'http://localhost:11434/v1' }), /LLM_MODEL/);
    assert.equal(loadConfig({ NLU_PROVIDER: 'llm', LLM_URL: 'https://r.openai.azure.com/openai/deployments/gpt-4o-mini', LLM_API_KEY: 'k' }).LLM_MODEL, '');
    assert.throws(() => loadConfig({ NLU_PROVIDER: 'watson' }), /NLU_PROVIDER/);
  });
});
