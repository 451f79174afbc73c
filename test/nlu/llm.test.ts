/**
 * The LLM recognizer against loopback stand-ins of an OpenAI-compatible server and of Azure
 * OpenAI: what is sent (and what is not: plates and VINs), how every intent and entity kind comes
 * back, and the local recognizer answering when the model is slow, down, throttled, refuses or
 * writes off the schema (src/nlu/llm, src/nlu/cloud/guarded.ts).
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { INTENTS } from '../../dialogs/understanding';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import { createLlmRecognizer, tokenBudgetField, type LlmOptions } from '../../src/nlu/llm';
import { UNDERSTANDING_SCHEMA, type LlmAnswer } from '../../src/nlu/llm/schema';
import type { RecognizeInput, Recognizer, Understanding } from '../../src/nlu/recognizer';
import { capturingLogger } from '../support/capturing-logger';
import { OpenAiStandIn } from '../support/openai-stand-in';

const NOW = '2026-11-30T09:00:00+01:00'; // Monday
const TZ = 'Europe/Rome';
const said = (text: string, more: Partial<RecognizeInput> = {}): RecognizeInput => ({ text, lang: 'it', now: NOW, timeZone: TZ, ...more });

const NOTHING: LlmAnswer['entities'] = {
  service: null, serviceWords: null, model: null, name: null, mobility: null, legs: null, date: null, time: null, part: null, asap: false,
  dateWords: null, otherDates: [], choice: null, language: null, postcode: null, address: null, change: null,
};
const answer = (intent: LlmAnswer['intent'], entities: Partial<LlmAnswer['entities']> = {}, more: Partial<LlmAnswer> = {}): LlmAnswer => ({
  intent, confidence: 0.9, concern: null, question: null, questionAlone: false, entities: { ...NOTHING, ...entities }, ...more,
});

describe('LLM recognizer', function () {
  let local: Recognizer;
  let lines: Record<string, any>[];
  before(() => {
    local = createHybridRecognizer();
  });
  beforeEach(() => {
    lines = [];
  });
  afterEach(() => sinon.restore());

  const make = (server: OpenAiStandIn, more: Partial<LlmOptions> = {}) =>
    createLlmRecognizer({
      url: server.baseUrl, apiKey: server.apiKey, model: server.flavour === 'openai' ? 'qwen2.5-7b-instruct' : '', apiVersion: '2024-10-21', maxTokens: 400,
      local, logger: capturingLogger(lines), timeoutMs: 1000, minConfidence: 0.6, ...more,
    });

  describe('an OpenAI-compatible server (vLLM, Ollama, OpenAI)', () => {
    let llm: OpenAiStandIn;
    beforeEach(async () => {
      llm = await new OpenAiStandIn('openai', 'sk-test').start();
    });
    afterEach(() => llm.stop());

    it('gets one chat completion: Bearer key, the model, temperature 0, a token budget, a strict JSON schema, the language, today and what was asked in the system prompt', async () => {
      llm.reply = () => ({ content: answer('inform', { name: 'Marco Rossi' }) });
      const u = await make(llm).recognize(said('marco rossi', { awaiting: 'name' }));
      assert.equal(u.intent, 'inform');
      assert.equal(u.entities.name, 'Marco Rossi');
      const [r] = llm.requests;
      assert.equal(r.url, '/v1/chat/completions');
      assert.equal(r.headers.authorization, 'Bearer sk-test');
      assert.equal(r.headers['api-key'], undefined);
      assert.equal(r.body.model, 'qwen2.5-7b-instruct');
      assert.equal(r.body.temperature, 0);
      assert.equal(r.body.max_tokens, 400, 'a self-hosted OpenAI-compatible server (Ollama documents max_tokens only)');
      assert.equal(r.body.max_completion_tokens, undefined);
      assert.equal(r.body.n, 1);
      assert.deepEqual(r.body.response_format, { type: 'json_schema', json_schema: { name: 'understanding', strict: true, schema: JSON.parse(JSON.stringify(UNDERSTANDING_SCHEMA)) } });
      assert.deepEqual(r.body.messages.map((m: any) => m.role), ['system', 'user']);
      assert.equal(r.body.messages[1].content, 'marco rossi', 'the message alone, nothing of the conversation');
      const system: string = r.body.messages[0].content;
      assert.match(system, /Conversation language: Italian/);
      assert.match(system, /Today is 2026-11-30 \(Monday\), 09:00 in Europe\/Rome/);
      assert.match(system, /just asked for: the customer's name/);
    });

    it('masks plates, VINs and malformed ids; those entities are always the local rules\'', async () => {
      llm.reply = () => ({ content: answer('book', { service: 'maintenance', serviceWords: 'tagliando', model: 'Levante' }) });
      const r = make(llm);
      const u = await r.recognize(said('Buongiorno, la Levante GH123KL deve fare il tagliando'));
      assert.equal(llm.requests[0].body.messages[1].content, 'Buongiorno, la Levante [PLATE] deve fare il tagliando');
      assert.equal(u.entities.plate, 'GH123KL');
      assert.deepEqual(u.entities.service, { id: 'maintenance', text: 'tagliando' });
      assert.equal(u.entities.model, 'Levante');
      await r.recognize(said('my VIN is zam57yta3k1234567 and plate fx 456 tm', { lang: 'en' }));
      const sent: string = llm.requests[1].body.messages[1].content;
      assert.doesNotMatch(sent, /zam57|fx 456|FX456/i);
      assert.equal(sent, 'my VIN is [VIN] and plate [PLATE]');
      const bad = await r.recognize(said('la targa è gh12kl', { awaiting: 'vehicle' }));
      assert.equal(llm.requests[2].body.messages[1].content, 'la targa è [VEHICLE-ID]');
      assert.equal(bad.entities.badVehicleId, 'GH12KL');
    });

    it('never takes a masked id for a name or a model', async () => {
      llm.reply = () => ({ content: answer('inform', { name: '[PLATE]', model: 'Levante [PLATE]' }) });
      const u = await make(llm).recognize(said('GH123KL', { awaiting: 'vehicle' }));
      assert.equal(u.entities.plate, 'GH123KL');
      assert.equal(u.entities.name, undefined);
      assert.equal(u.entities.model, undefined);
    });

    it('never sends a clicked choice', async () => {
      const u = await make(llm).recognize(said('lang:en'));
      assert.equal(u.intent, 'switchLanguage');
      assert.equal(llm.requests.length, 0);
    });

    it('maps every intent', async () => {
      const r = make(llm);
      for (const intent of INTENTS) {
        llm.reply = () => ({ content: answer(intent, intent === 'switchLanguage' ? { language: 'en' } : {}) });
        const u = await r.recognize(said('boh vediamo'));
        assert.equal(u.intent, intent);
        assert.equal(u.score, 0.9);
      }
    });

    it('maps every entity kind, the question and the concern', async () => {
      const r = make(llm);
      llm.reply = () => ({
        content: answer('book', {
          service: 'brakes', serviceWords: 'i freni fischiano', model: 'Ghibli', name: 'Giulia Neri', legs: 'both',
          date: '2026-12-03', time: null, part: 'morning', dateWords: 'giovedì mattina', postcode: '41121', address: 'via Emilia Est 120',
        }),
      });
      let u: Understanding = await r.recognize(said('sono giulia neri, ghibli, i freni fischiano, giovedì mattina, ritiro e consegna in via Emilia Est 120 41121'));
      assert.deepEqual(u.entities, {
        service: { id: 'brakes', text: 'i freni fischiano' }, model: 'Ghibli', name: 'Giulia Neri', legs: 'both', mobility: 'pickup-delivery',
        date: { date: '2026-12-03', part: 'morning', text: 'giovedì mattina' }, postcode: '41121', address: 'via Emilia Est 120',
      });

      llm.reply = () => ({ content: answer('inform', { mobility: 'rental-car', date: '2026-12-01', time: '09:30', dateWords: 'domani alle 9.30' }) });
      u = await r.recognize(said('noleggio, domani alle 9.30'));
      assert.equal(u.entities.mobility, 'rental-car');
      assert.deepEqual(u.entities.date, { date: '2026-12-01', time: '09:30', text: 'domani alle 9.30' });

      llm.reply = () => ({ content: answer('inform', { asap: true, dateWords: 'asap' }) });
      assert.deepEqual((await r.recognize(said('asap pls', { lang: 'en', awaiting: 'date' }))).entities.date, { asap: true, text: 'asap' });

      llm.reply = () => ({ content: answer('inform', { date: '2026-12-02', otherDates: ['2026-12-03'], dateWords: 'mercoledì o giovedì' }) });
      assert.deepEqual((await r.recognize(said('mercoledì o giovedì', { awaiting: 'date' }))).entities.dateOptions?.map((d) => d.date), ['2026-12-02', '2026-12-03']);

      llm.reply = () => ({ content: answer('inform', { choice: 2 }) });
      assert.equal((await r.recognize(said('the second one', { lang: 'en', awaiting: 'slot' }))).entities.choice, 2);

      llm.reply = () => ({ content: answer('switchLanguage', { language: 'en' }) });
      assert.equal((await r.recognize(said('can we speak english'))).entities.language, 'en');

      llm.reply = () => ({ content: answer('correction', { change: 'mobility' }) });
      assert.equal((await r.recognize(said('troppo caro, avete altro?', { awaiting: 'confirm' }))).entities.change, 'mobility');

      llm.reply = () => ({ content: answer('urgent', {}, { concern: 'road' }) });
      assert.equal((await r.recognize(said('ho bucato in autostrada, sono fermo'))).concern, 'road');

      llm.reply = () => ({ content: answer('book', { mobility: 'taxi' }, { question: 'price', questionAlone: true }) });
      u = await r.recognize(said('quanto costa il taxi?'));
      assert.deepEqual(u.question, { topic: 'price', alone: true });
    });
  });

  describe('Azure OpenAI', () => {
    let azure: OpenAiStandIn;
    beforeEach(async () => {
      azure = await new OpenAiStandIn('azure', 'azure-key', 'gpt-4o-mini').start();
    });
    afterEach(() => azure.stop());

    it('posts to the deployment with the api-version and the api-key header', async () => {
      azure.reply = () => ({ content: answer('thanks') });
      const u = await make(azure).recognize(said('grazie mille', { lang: 'it' }));
      assert.equal(u.intent, 'thanks');
      const [r] = azure.requests;
      assert.equal(r.url, '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21');
      assert.equal(r.headers['api-key'], 'azure-key');
      assert.equal(r.headers.authorization, undefined);
      assert.equal(r.body.model, undefined, 'Azure takes the model from the deployment');
      assert.equal(r.body.max_completion_tokens, 400, 'max_tokens is deprecated in 2024-10-21');
      assert.equal(r.body.max_tokens, undefined);
    });

    it('sends the token budget in the field each server documents', () => {
      const onAzure = (apiVersion: string) => tokenBudgetField({ url: 'https://r.openai.azure.com/openai/deployments/gpt-4o-mini', apiVersion });
      assert.equal(onAzure('2024-10-21'), 'max_completion_tokens');
      assert.equal(onAzure('2024-09-01-preview'), 'max_completion_tokens');
      assert.equal(onAzure('2024-08-01-preview'), 'max_tokens');
      assert.equal(tokenBudgetField({ url: 'https://api.openai.com/v1', apiVersion: '' }), 'max_completion_tokens');
      assert.equal(tokenBudgetField({ url: 'http://localhost:11434/v1', apiVersion: '' }), 'max_tokens');
      assert.equal(tokenBudgetField({ url: 'http://vllm.internal:8000/v1', apiVersion: '' }), 'max_tokens');
    });

    it('on an api-version before structured outputs, Azure answers 400 and the local recognizer answers', async () => {
      const message = said('vorrei cambiare le gomme venerdì');
      const mine = await local.recognize(message);
      assert.deepEqual(await make(azure, { apiVersion: '2024-06-01' }).recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'llm').map((l) => [l.reason, l.status, l.code]), [['http', 400, 'BadRequest']]);
    });

    it('on 429 honours retry-after-ms, then asks again', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['Date'] });
      azure.faults.push({ status: 429, headers: { 'retry-after-ms': '4500', 'retry-after': '5' } });
      azure.reply = () => ({ content: answer('greeting') });
      const r = make(azure);
      const mine = await local.recognize(said('buongiorno'));
      assert.deepEqual(await r.recognize(said('buongiorno')), mine);
      await r.recognize(said('buongiorno'));
      assert.equal(azure.requests.length, 1);
      clock.tick(4501);
      assert.equal((await r.recognize(said('buongiorno'))).intent, 'greeting');
      const warned = lines.filter((l) => l.nlu === 'llm' && l.level >= 40);
      assert.deepEqual(warned.map((l) => [l.reason, l.status, l.code, l.retryAfterMs]), [['throttled', 429, '429', 4500]]);
    });

    it('with a wrong key or an unsupported api-version, the local recognizer answers', async () => {
      const message = said('vorrei cambiare le gomme venerdì');
      const mine = await local.recognize(message);
      assert.deepEqual(await make(azure, { apiKey: 'nope' }).recognize(message), mine);
      assert.deepEqual(await make(azure, { apiVersion: '2022-01-01' }).recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'llm').map((l) => [l.reason, l.status]), [['refused', 401], ['http', 404]]);
    });
  });

  describe('when the model cannot answer, the local recognizer does', () => {
    let llm: OpenAiStandIn;
    const message = said('ciao, devo fare il tagliando alla grecale, martedì va bene?');
    let mine: Understanding;
    beforeEach(async () => {
      llm = await new OpenAiStandIn('openai', 'sk-test').start();
      mine = await local.recognize(message);
    });
    afterEach(() => llm.stop());

    const cases: [string, () => void, string][] = [
      ['a refusal', () => (llm.reply = () => ({ refusal: "I'm sorry, I can't help with that." })), 'malformed'],
      ['an answer cut by the token budget', () => (llm.reply = () => ({ content: '{"intent":"book","confid', finishReason: 'length' })), 'malformed'],
      ['content off the schema', () => (llm.reply = () => ({ content: { intent: 'book', confidence: 0.9 } })), 'malformed'],
      ['an intent that is not ours', () => (llm.reply = () => ({ content: { ...answer('book'), intent: 'orderPizza' } })), 'malformed'],
      ['a date that is no date', () => (llm.reply = () => ({ content: answer('book', { date: 'next tuesday' }) })), 'malformed'],
      ['a day that is not in the calendar', () => (llm.reply = () => ({ content: answer('book', { date: '2026-02-30' }) })), 'malformed'],
      ['low confidence', () => (llm.reply = () => ({ content: answer('cancel', {}, { confidence: 0.3 }) })), 'low-confidence'],
      ['a server error', () => llm.faults.push({ status: 500 }), 'http'],
      ['a wrong key', () => (llm.reply = () => ({ content: answer('book') })), 'refused'],
      ['a timeout', () => llm.faults.push({ delayMs: 3000 }), 'timeout'],
    ];
    for (const [what, arrange, reason] of cases) {
      it(`on ${what}, logged once`, async () => {
        arrange();
        const r = make(llm, { timeoutMs: what === 'a timeout' ? 100 : 1000, apiKey: what === 'a wrong key' ? 'sk-wrong' : 'sk-test' });
        assert.deepEqual(await r.recognize(message), mine);
        assert.deepEqual(lines.filter((l) => l.nlu === 'llm').map((l) => l.reason), [reason]);
        assert.doesNotMatch(JSON.stringify(lines), /grecale/i);
      });
    }

    it('the circuit opens after consecutive failures and closes when the model answers again', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['Date'] });
      const r = make(llm, { breaker: { threshold: 2, halfOpenAfterMs: 10_000 } });
      llm.down = { status: 502, body: { error: { message: 'Bad gateway', type: 'server_error', param: null, code: null } } };
      for (let i = 0; i < 4; i++) assert.deepEqual(await r.recognize(message), mine);
      assert.equal(llm.requests.length, 2);
      assert.equal(lines.filter((l) => /circuit open/.test(l.msg) && l.level === 40).length, 1);
      llm.down = undefined;
      llm.reply = () => ({ content: answer('book', { service: 'maintenance', model: 'Grecale', date: '2026-12-01', dateWords: 'martedì' }) });
      clock.tick(10_001);
      const u = await r.recognize(message);
      assert.equal(u.intent, 'book');
      assert.equal(u.entities.date?.date, '2026-12-01');
      assert.equal(lines.filter((l) => /circuit closed/.test(l.msg)).length, 1);
    });
  });

  it('the schema is valid for strict structured outputs: every object closed, every property required', () => {
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'object') {
        assert.equal(node.additionalProperties, false, path);
        assert.deepEqual([...node.required].sort(), Object.keys(node.properties).sort(), path);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(UNDERSTANDING_SCHEMA, '$');
  });
});
