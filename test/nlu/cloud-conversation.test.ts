/**
 * A whole booking with NLU_PROVIDER=clu or llm while the cloud service is down, slow or throttled:
 * the local recognizer answers every message and the conversation is the one the local
 * recognizer alone has, word for word, up to the booking. Wired as the app wires it
 * (src/compose.ts → src/nlu/provider.ts), with the stand-ins on loopback.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import { createConfiguredRecognizer } from '../../src/nlu/provider';
import { createEngine } from '../../src/compose';
import { loadDealer } from '../../src/dealer/load';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { Conversation, DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { capturingLogger } from '../support/capturing-logger';
import { DEFAULT_BREAKER } from '../../src/nlu/cloud/guarded';
import { CluStandIn } from '../support/clu-stand-in';
import { OpenAiStandIn } from '../support/openai-stand-in';

/** What the customer types, in their own voices. */
const VOICES = {
  it: ['ciao sono Luca Bassi, la levante GH123KL deve fare il tagliando', 'mi serve un auto di cortesia', 'giovedi mattina', 'si confermo'],
  en: ["hi it's Emma Clarke, my grecale FX456TM needs new tyres", 'taxi', 'thursday morning pls', 'yes book it'],
} as const;

async function talk(env: Record<string, string>, lang: 'it' | 'en', lines: Record<string, any>[] = []): Promise<string[]> {
  const config = loadConfig({ LOG_LEVEL: 'debug', DEALER_CONFIG: DEALER_FILE, SESSION_STORE: 'memory', ...env });
  const dealer = loadDealer(config.DEALER_CONFIG);
  const planning = createSqlitePlanning(dealer, { file: ':memory:', clock: () => MONDAY_9AM });
  try {
    const { engine } = await createEngine(config, dealer, { planning, clock: () => MONDAY_9AM, logger: capturingLogger(lines) });
    const c = new Conversation(engine, lang);
    await c.open();
    for (const text of VOICES[lang]) await c.says(text);
    return c.transcript.map((line) => line.replace(/MC-[A-Z0-9]{6}/g, 'MC-……'));
  } finally {
    await planning.close();
  }
}

describe('A conversation while the cloud recognizer is unavailable', function () {
  const alone: Record<string, string[]> = {};
  before(async () => {
    alone.it = await talk({}, 'it');
    alone.en = await talk({}, 'en');
    assert.match(alone.it.at(-3) ?? '', /Prenotazione confermata/);
    assert.match(alone.en.at(-2) ?? '', /Your booking is confirmed/);
  });

  for (const lang of ['it', 'en'] as const) {
    it(`CLU down (503 on every request): the same conversation as the local recognizer alone (${lang})`, async () => {
      const clu = await new CluStandIn({ key: 'k' }).start();
      clu.down = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'Service is temporarily unavailable.' } } };
      try {
        const lines: Record<string, any>[] = [];
        const env = { NLU_PROVIDER: 'clu', CLU_ENDPOINT: clu.url, CLU_KEY: 'k', CLU_PROJECT: 'concierge', CLU_DEPLOYMENT: 'production' };
        assert.deepEqual(await talk(env, lang, lines), alone[lang]);
        assert.ok(clu.requests.length >= 1 && clu.requests.length <= DEFAULT_BREAKER.threshold, 'the circuit opens after the first failures');
        for (const r of clu.requests) assert.doesNotMatch(JSON.stringify(r.body), /GH123KL|FX456TM/);
        const failures = lines.filter((l) => l.nlu === 'clu' && l.level === 40 && l.reason);
        assert.equal(failures.length, clu.requests.length, 'each failed request logged once');
      } finally {
        await clu.stop();
      }
    });

    it(`LLM slow, then throttled: the same conversation as the local recognizer alone (${lang})`, async () => {
      const llm = await new OpenAiStandIn('openai', 'sk').start();
      llm.faults.push({ delayMs: 5000 }, { status: 429, headers: { 'retry-after': '600' } });
      try {
        const env = { NLU_PROVIDER: 'llm', LLM_URL: llm.baseUrl, LLM_API_KEY: 'sk', LLM_MODEL: 'llama3.1:8b', NLU_TIMEOUT_MS: '200' };
        assert.deepEqual(await talk(env, lang), alone[lang]);
        assert.equal(llm.requests.length, 2, 'nothing sent while Retry-After runs');
      } finally {
        await llm.stop();
      }
    });
  }

  it('NLU_PROVIDER unset: the hybrid local recognizer, unguarded, answering as before', async () => {
    const config = loadConfig({});
    assert.equal(config.NLU_PROVIDER, 'local');
    const configured = createConfiguredRecognizer(config, pino({ level: 'silent' }));
    assert.equal('breaker' in configured, false);
    const hybrid = createHybridRecognizer();
    for (const text of [...VOICES.it, ...VOICES.en]) {
      const input = { text, lang: 'it' as const, now: '2026-11-30T09:00:00+01:00', timeZone: 'Europe/Rome' };
      assert.deepEqual(await configured.recognize(input), await hybrid.recognize(input));
    }
  });
});
