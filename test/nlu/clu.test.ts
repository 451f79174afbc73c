/**
 * The Azure CLU recognizer against a loopback stand-in speaking CLU's wire format: what is sent,
 * how every intent and entity kind comes back as ours, and the local recognizer answering when
 * CLU is slow, down, throttled, refusing or unsure (src/nlu/clu, src/nlu/cloud/guarded.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { INTENTS } from '../../dialogs/understanding';
import { createCluRecognizer, type CluOptions } from '../../src/nlu/clu';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import type { RecognizeInput, Recognizer } from '../../src/nlu/recognizer';
import { capturingLogger } from '../support/capturing-logger';
import { cluEntity, CluStandIn, listKey } from '../support/clu-stand-in';

const NOW = '2026-11-30T09:00:00+01:00'; // Monday
const TZ = 'Europe/Rome';
const said = (text: string, more: Partial<RecognizeInput> = {}): RecognizeInput => ({ text, lang: 'it', now: NOW, timeZone: TZ, ...more });
const dt = (subKind: string, value: string, timex = value) => ({ resolutionKind: 'DateTimeResolution', dateTimeSubKind: subKind, timex, value });

describe('Azure CLU recognizer', function () {
  let clu: CluStandIn;
  let local: Recognizer;
  let lines: Record<string, any>[];
  const make = (more: Partial<CluOptions> = {}) =>
    createCluRecognizer({
      endpoint: clu.url, key: 'k-123', project: 'concierge', deployment: 'production', apiVersion: '2023-04-01',
      local, logger: capturingLogger(lines), timeoutMs: 1000, minConfidence: 0.6, ...more,
    });

  before(async () => {
    local = createHybridRecognizer();
  });
  beforeEach(async () => {
    lines = [];
    clu = await new CluStandIn({ key: 'k-123', token: 'entra-token' }).start();
  });
  afterEach(async () => {
    sinon.restore();
    await clu.stop();
  });

  describe('the request', () => {
    it('is the documented analyze-conversations call, with the key, the api-version, project and deployment', async () => {
      clu.predict = () => ({ topIntent: 'book', intents: [{ category: 'book', confidenceScore: 0.93 }] });
      const u = await make().recognize(said('buongiorno vorrei prenotare il tagliando'));
      assert.equal(u.intent, 'book');
      assert.equal(clu.requests.length, 1);
      const [r] = clu.requests;
      assert.equal(r.url, '/language/:analyze-conversations?api-version=2023-04-01');
      assert.equal(r.headers['ocp-apim-subscription-key'], 'k-123');
      assert.equal(r.headers.authorization, undefined);
      assert.match(String(r.headers['content-type']), /application\/json/);
      assert.deepEqual(r.body, {
        kind: 'Conversation',
        analysisInput: { conversationItem: { id: '1', participantId: 'customer', text: 'buongiorno vorrei prenotare il tagliando', language: 'it', modality: 'text' } },
        parameters: { projectName: 'concierge', deploymentName: 'production', stringIndexType: 'Utf16CodeUnit', isLoggingEnabled: false },
      });
    });

    it('sends a Microsoft Entra ID token as Bearer, read from its file at every request (a sidecar renews it)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clu-token-'));
      try {
        const file = join(dir, 'token');
        writeFileSync(file, 'entra-token\n');
        clu.predict = () => ({ topIntent: 'greeting' });
        const r = make({ key: undefined, tokenFile: file });
        assert.equal((await r.recognize(said('ciao'))).intent, 'greeting');
        assert.equal(clu.requests[0].headers.authorization, 'Bearer entra-token');
        assert.equal(clu.requests[0].headers['ocp-apim-subscription-key'], undefined);
        writeFileSync(file, 'expired');
        const u = await r.recognize(said('ciao'));
        assert.equal(clu.requests[1].headers.authorization, 'Bearer expired');
        assert.equal(u.intent, 'greeting', 'the local recognizer answered');
        assert.equal(lines.filter((l) => l.reason === 'refused').length, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('works with the later GA api-version 2024-11-01 too', async () => {
      clu.predict = () => ({ topIntent: 'thanks' });
      assert.equal((await make({ apiVersion: '2024-11-01' }).recognize(said('grazie mille'))).intent, 'thanks');
      assert.equal(clu.requests[0].url, '/language/:analyze-conversations?api-version=2024-11-01');
    });

    it('reads a prediction without topIntent (optional in the spec) by its most confident intent', async () => {
      clu.faults.push({
        status: 200,
        body: {
          kind: 'ConversationResult',
          result: {
            query: 'vorrei disdire',
            detectedLanguage: 'it',
            prediction: { projectKind: 'Conversation', intents: [{ category: 'book', confidenceScore: 0.2 }, { category: 'cancel', confidenceScore: 0.9 }], entities: [] },
          },
        },
      });
      const u = await make().recognize(said('vorrei disdire'));
      assert.equal(u.intent, 'cancel');
      assert.equal(u.score, 0.9);
    });

    it('masks plates and VINs; the plate, the VIN and a malformed id are the local rules\'', async () => {
      clu.predict = (text) => ({
        topIntent: 'book',
        entities: text.includes('tagliando') ? [cluEntity(text, 'tagliando', 'Service', listKey('maintenance'))] : [],
      });
      const r = make();
      const u = await r.recognize(said('la levante GH 123 KL deve fare il tagliando'));
      assert.equal(clu.requests[0].body.analysisInput.conversationItem.text, 'la levante [PLATE] deve fare il tagliando');
      assert.equal(u.entities.plate, 'GH123KL');
      assert.deepEqual(u.entities.service, { id: 'maintenance', text: 'tagliando' });
      const v = await r.recognize(said('telaio ZAMXXXXXXXX123456 tagliando', { awaiting: 'vehicle' }));
      assert.doesNotMatch(clu.requests[1].body.analysisInput.conversationItem.text, /ZAM/);
      assert.match(clu.requests[1].body.analysisInput.conversationItem.text, /\[VIN\]/);
      assert.equal(v.entities.vin?.value, 'ZAMXXXXXXXX123456');
      const w = await r.recognize(said('targa gh12kl', { awaiting: 'vehicle' }));
      assert.doesNotMatch(clu.requests[2].body.analysisInput.conversationItem.text, /gh12kl/i);
      assert.equal(w.entities.badVehicleId, 'GH12KL');
    });

    it('never sends a clicked choice (an explicit token), nor a message without words', async () => {
      const r = make();
      const u = await r.recognize(said('mobility:taxi'));
      assert.equal(u.intent, 'inform');
      assert.equal(u.entities.mobility, 'taxi');
      await r.recognize(said('   ?? '));
      assert.equal(clu.requests.length, 0);
    });
  });

  describe('what comes back', () => {
    it('maps every one of our intents by name, and CLU\'s None to outOfDomain', async () => {
      const r = make();
      for (const intent of INTENTS) {
        const category = intent === 'outOfDomain' ? 'None' : intent;
        clu.predict = () => ({ topIntent: category, intents: [{ category, confidenceScore: 0.91 }, { category: 'None', confidenceScore: 0.05 }] });
        const u = await r.recognize(said('qualcosa da capire'));
        assert.equal(u.intent, intent);
        assert.equal(u.score, 0.91);
      }
    });

    it('reads Service, Model, Mobility, Legs, Name, Postcode and Address', async () => {
      const text = 'sono Giulia Neri, la ghibli ha i freni che fischiano, venite a prenderla in via Emilia Est 120 41121 Modena, mi serve un taxi';
      clu.predict = (t) => ({
        topIntent: 'book',
        entities: [
          cluEntity(t, 'Giulia Neri', 'Name'),
          cluEntity(t, 'ghibli', 'Model', listKey('Ghibli')),
          cluEntity(t, 'freni', 'Service', listKey('brakes')),
          cluEntity(t, 'taxi', 'Mobility', listKey('taxi')),
          cluEntity(t, 'venite a prenderla', 'Legs', listKey('pickup')),
          cluEntity(t, 'via Emilia Est 120', 'Address'),
          cluEntity(t, '41121', 'Postcode'),
        ],
      });
      const u = await make().recognize(said(text));
      assert.equal(u.entities.name, 'Giulia Neri');
      assert.equal(u.entities.model, 'Ghibli');
      assert.deepEqual(u.entities.service, { id: 'brakes', text: 'freni' });
      assert.equal(u.entities.mobility, 'taxi', 'a solution named wins over legs');
      assert.equal(u.entities.legs, undefined);
      assert.equal(u.entities.address, 'via Emilia Est 120');
      assert.equal(u.entities.postcode, '41121');
    });

    it('reads legs as pickup and delivery, and a learned match without a list key through the local rules', async () => {
      const text = 'the aircon blows warm, can you collect it and bring it back';
      clu.predict = (t) => ({
        topIntent: 'book',
        entities: [cluEntity(t, 'aircon', 'Service'), cluEntity(t, 'collect it and bring it back', 'Legs', listKey('both'))],
      });
      const u = await make().recognize(said(text, { lang: 'en' }));
      assert.equal(clu.requests[0].body.analysisInput.conversationItem.language, 'en-us');
      assert.equal(u.entities.service?.id, 'air-conditioning');
      assert.equal(u.entities.service?.text, 'aircon');
      assert.equal(u.entities.legs, 'both');
      assert.equal(u.entities.mobility, 'pickup-delivery');
    });

    it('reads Choice (prebuilt Ordinal and Number), Language and Change', async () => {
      const r = make();
      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'la seconda', 'Choice', { resolutions: [{ resolutionKind: 'OrdinalResolution', offset: '2', relativeTo: 'Start', value: '2' }] })] });
      assert.equal((await r.recognize(said('la seconda', { awaiting: 'slot' }))).entities.choice, 2);
      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, '3', 'Choice', { resolutions: [{ resolutionKind: 'NumberResolution', numberKind: 'Integer', value: 3 }] })] });
      assert.equal((await r.recognize(said('3', { awaiting: 'slot' }))).entities.choice, 3);
      clu.predict = (t) => ({ topIntent: 'switchLanguage', entities: [cluEntity(t, 'inglese', 'Language', listKey('en'))] });
      assert.equal((await r.recognize(said('possiamo parlare in inglese?'))).entities.language, 'en');
      clu.predict = (t) => ({ topIntent: 'correction', entities: [cluEntity(t, 'troppo caro', 'Change', listKey('mobility'))] });
      assert.equal((await r.recognize(said('troppo caro, avete altro?', { awaiting: 'confirm' }))).entities.change, 'mobility');
    });

    it('reads prebuilt DateTime: a day, a day and hour, an hour, a part of the day, the first day ahead of an ambiguous weekday', async () => {
      const r = make();
      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'giovedì', 'DateTime', { resolutions: [dt('Date', '2026-11-26', 'XXXX-WXX-4'), dt('Date', '2026-12-03', 'XXXX-WXX-4')] })] });
      assert.deepEqual((await r.recognize(said('giovedì', { awaiting: 'date' }))).entities.date, { date: '2026-12-03', text: 'giovedì' });

      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'domani alle 9.30', 'DateTime', { resolutions: [dt('DateTime', '2026-12-01 09:30:00', '2026-12-01T09:30')] })] });
      assert.deepEqual((await r.recognize(said('domani alle 9.30', { awaiting: 'date' }))).entities.date, { date: '2026-12-01', time: '09:30', text: 'domani alle 9.30' });

      clu.predict = (t) => ({
        topIntent: 'inform',
        entities: [cluEntity(t, 'venerdì', 'DateTime', { resolutions: [dt('Date', '2026-12-04', 'XXXX-WXX-5')] }), cluEntity(t, 'alle 15', 'DateTime', { resolutions: [dt('Time', '15:00:00', 'T15')] })],
      });
      assert.deepEqual((await r.recognize(said('venerdì alle 15', { awaiting: 'date' }))).entities.date, { date: '2026-12-04', time: '15:00', text: 'venerdì' });

      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'martedì pomeriggio', 'DateTime', { resolutions: [{ resolutionKind: 'TemporalSpanResolution', begin: '2026-12-01 12:00:00', end: '2026-12-01 16:00:00' }] })] });
      assert.deepEqual((await r.recognize(said('martedì pomeriggio', { awaiting: 'date' }))).entities.date, { date: '2026-12-01', part: 'afternoon', text: 'martedì pomeriggio' });

      clu.predict = (t) => ({
        topIntent: 'inform',
        entities: [cluEntity(t, 'mercoledì', 'DateTime', { resolutions: [dt('Date', '2026-12-02', 'XXXX-WXX-3')] }), cluEntity(t, 'mattina', 'DayPart', listKey('morning'))],
      });
      assert.deepEqual((await r.recognize(said('mercoledì mattina', { awaiting: 'date' }))).entities.date, { date: '2026-12-02', part: 'morning', text: 'mercoledì' });

      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'il prima possibile', 'Asap', listKey('asap'))] });
      assert.deepEqual((await r.recognize(said('il prima possibile', { awaiting: 'date' }))).entities.date, { asap: true, text: 'il prima possibile' });

      clu.predict = (t) => ({ topIntent: 'inform', entities: [cluEntity(t, 'ogni lunedì', 'DateTime', { resolutions: [dt('Set', 'not resolved', 'XXXX-WXX-1')] })] });
      assert.equal((await r.recognize(said('ogni lunedì', { awaiting: 'date' }))).entities.date, undefined);
    });

    it('two days named without a correction are options to ask about', async () => {
      clu.predict = (t) => ({
        topIntent: 'inform',
        entities: [
          cluEntity(t, 'mercoledì', 'DateTime', { resolutions: [dt('Date', '2026-12-02', 'XXXX-WXX-3')] }),
          cluEntity(t, 'giovedì', 'DateTime', { resolutions: [dt('Date', '2026-12-03', 'XXXX-WXX-4')] }),
        ],
      });
      const u = await make().recognize(said('mercoledì o giovedì', { awaiting: 'date' }));
      assert.equal(u.entities.date?.date, '2026-12-02');
      assert.deepEqual(u.entities.dateOptions?.map((d) => d.date), ['2026-12-02', '2026-12-03']);
    });

    it('keeps the local rules\' question and concern (CLU knows intents and entities only)', async () => {
      clu.predict = () => ({ topIntent: 'urgent', intents: [{ category: 'urgent', confidenceScore: 0.88 }] });
      const u = await make().recognize(said('ho fatto un incidente in autostrada, la macchina non parte'));
      assert.equal(u.intent, 'urgent');
      assert.equal(u.concern, 'road');
      clu.predict = () => ({ topIntent: 'book', intents: [{ category: 'book', confidenceScore: 0.8 }] });
      const q = await make().recognize(said('quanto costa il taxi?'));
      assert.equal(q.question?.topic, 'price');
    });
  });

  describe('when CLU cannot answer, the local recognizer does', () => {
    const message = said('vorrei prenotare un tagliando per giovedi mattina');
    let mine: Awaited<ReturnType<Recognizer['recognize']>>;
    before(async () => {
      mine = await createHybridRecognizer().recognize(message);
    });

    it('below the minimum confidence, and logs it once', async () => {
      clu.predict = () => ({ topIntent: 'cancel', intents: [{ category: 'cancel', confidenceScore: 0.41 }] });
      assert.deepEqual(await make().recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'clu').map((l) => l.reason), ['low-confidence']);
    });

    it('on an intent that is not ours (a dealer added one)', async () => {
      clu.predict = () => ({ topIntent: 'OrderParts', intents: [{ category: 'OrderParts', confidenceScore: 0.99 }] });
      assert.deepEqual(await make().recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'clu').map((l) => l.reason), ['unmapped']);
    });

    it('past the timeout', async () => {
      clu.faults.push({ delayMs: 3000 });
      assert.deepEqual(await make({ timeoutMs: 100 }).recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'clu').map((l) => l.reason), ['timeout']);
    });

    it('on a server error, logging its code but never the message', async () => {
      clu.faults.push({ status: 500, body: { error: { code: 'InternalServerError', message: 'Internal server error.' } } });
      assert.deepEqual(await make().recognize(message), mine);
      const logged = lines.filter((l) => l.nlu === 'clu');
      assert.equal(logged.length, 1);
      assert.equal(logged[0].reason, 'http');
      assert.equal(logged[0].status, 500);
      assert.equal(logged[0].code, 'InternalServerError');
      assert.doesNotMatch(JSON.stringify(lines), /tagliando/);
    });

    it('on a wrong key, an unknown api-version, a wrong deployment, a malformed answer, a refused connection', async () => {
      assert.deepEqual(await make({ key: 'wrong' }).recognize(message), mine);
      assert.deepEqual(await make({ apiVersion: '2021-01-01' }).recognize(message), mine);
      assert.deepEqual(await make({ deployment: 'staging' }).recognize(message), mine);
      clu.faults.push({ status: 200, body: { kind: 'ConversationResult', result: { query: 'x', prediction: { projectKind: 'Orchestration', topIntent: 'x', intents: {} } } } });
      assert.deepEqual(await make().recognize(message), mine);
      const url = clu.url;
      await clu.stop();
      assert.deepEqual(await make({ endpoint: url }).recognize(message), mine);
      assert.deepEqual(lines.filter((l) => l.nlu === 'clu').map((l) => [l.reason, l.status]), [
        ['refused', 401], ['http', 404], ['http', 404], ['malformed', undefined], ['network', undefined],
      ]);
      clu = await new CluStandIn({ key: 'k-123' }).start();
    });

    it('on 429, and sends nothing more until Retry-After has passed', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['Date'] });
      clu.faults.push({ status: 429, headers: { 'Retry-After': '20' }, body: { error: { code: '429', message: 'Rate limit is exceeded. Try again in 20 seconds.' } } });
      clu.predict = () => ({ topIntent: 'book' });
      const r = make();
      assert.deepEqual(await r.recognize(message), mine);
      assert.deepEqual(await r.recognize(message), mine);
      assert.equal(clu.requests.length, 1, 'paused');
      clock.tick(20_001);
      const u = await r.recognize(message);
      assert.equal(clu.requests.length, 2);
      assert.equal(u.intent, 'book');
      const warned = lines.filter((l) => l.nlu === 'clu' && l.level === 40);
      assert.equal(warned.length, 1);
      assert.equal(warned[0].reason, 'throttled');
      assert.equal(warned[0].retryAfterMs, 20_000);
    });

    it('on 429 with x-ms-retry-after-ms (milliseconds, as the Azure SDKs read it)', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['Date'] });
      clu.faults.push({ status: 429, headers: { 'x-ms-retry-after-ms': '1500' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } });
      clu.predict = () => ({ topIntent: 'book' });
      const r = make();
      assert.deepEqual(await r.recognize(message), mine);
      clock.tick(1501);
      assert.equal((await r.recognize(message)).intent, 'book');
      assert.deepEqual(lines.filter((l) => l.nlu === 'clu' && l.level === 40).map((l) => [l.reason, l.code, l.retryAfterMs]), [['throttled', 'TooManyRequests', 1500]]);
    });

    it('the circuit opens after consecutive failures, stops calling, and closes when CLU answers again', async () => {
      const clock = sinon.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['Date'] });
      const r = make({ breaker: { threshold: 3, halfOpenAfterMs: 30_000 } });
      clu.down = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'Service is temporarily unavailable.' } } };
      for (let i = 0; i < 6; i++) assert.deepEqual(await r.recognize(message), mine);
      assert.equal(clu.requests.length, 3, 'no request while open');
      assert.equal(lines.filter((l) => /circuit open/.test(l.msg) && l.level === 40).length, 1, 'the opening is logged once');
      clock.tick(30_001);
      // half-open: one probe; still down, so open again
      assert.deepEqual(await r.recognize(message), mine);
      assert.equal(clu.requests.length, 4);
      assert.deepEqual(await r.recognize(message), mine);
      assert.equal(clu.requests.length, 4);
      clu.down = undefined;
      clu.predict = () => ({ topIntent: 'book' });
      clock.tick(30_001);
      assert.equal((await r.recognize(message)).intent, 'book');
      assert.equal((await r.recognize(message)).intent, 'book');
      assert.equal(clu.requests.length, 6);
      assert.equal(lines.filter((l) => /circuit closed/.test(l.msg)).length, 1);
    });
  });
});
